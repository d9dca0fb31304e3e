import { Paper, Stack, Text } from '@mantine/core';
import { formatDateTime } from './ui.js';

// Who did what and when, newest first: the history of a document, an event, a meeting, as the server
// wrote it in Russian lines.

export type HistoryLine = { at: string; actorName: string | null; text: string };

export function HistoryLines({ lines, testId }: { lines: HistoryLine[]; testId?: string }) {
  return (
    <Stack gap={6} data-testid={testId}>
      {[...lines].reverse().map((h) => (
        <Paper key={`${h.at}-${h.text}`} withBorder p="xs">
          <Text size="xs" c="dimmed">
            {formatDateTime(h.at)} · {h.actorName ?? '—'}
          </Text>
          <Text size="sm">{h.text}</Text>
        </Paper>
      ))}
    </Stack>
  );
}
