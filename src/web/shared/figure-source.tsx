import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import type { FigureSource } from '../../modules/reports/report-model.js';

// «Откуда эта цифра» (DOMAIN §5, issue 13 §1): beside a figure, the data, the rule and the year it
// comes from. Every page of monitoring and analysis puts one beside each number it shows.
export function FigureSourceButton({ source, testId }: { source: FigureSource; testId?: string }) {
  return (
    <Popover width={380} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="xs"
          radius="xl"
          aria-label="Откуда эта цифра"
          title="Откуда эта цифра"
          data-testid={testId ?? 'figure-source'}
        >
          ?
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} data-testid="figure-source-text">
          <Text size="sm" fw={600}>
            Откуда эта цифра
          </Text>
          <Text size="sm">
            <b>Данные:</b> {source.data}
          </Text>
          <Text size="sm">
            <b>Правило:</b> {source.rule}
          </Text>
          <Text size="sm">
            <b>Год:</b> {source.year}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
