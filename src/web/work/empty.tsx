import { Paper, Text } from '@mantine/core';

/** A quiet empty state inside a list or a card. */
export function Empty({ children, testId }: { children: string; testId?: string }) {
  return (
    <Paper p="lg" bg="gray.0" radius="sm" data-testid={testId}>
      <Text c="dimmed" ta="center" size="sm">
        {children}
      </Text>
    </Paper>
  );
}
