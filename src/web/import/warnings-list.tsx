import { Badge, Checkbox, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { plural } from '../roadmap/strings.js';
import type { DraftWarning } from './warnings.js';

export type ShownWarning = DraftWarning & { resolved: boolean };

/** «3 предупреждения, 1 исправлено». */
export function warningCount(list: ShownWarning[]): string {
  const n = list.length;
  const m = list.filter((w) => w.resolved).length;
  return `${n} ${plural(n, ['предупреждение', 'предупреждения', 'предупреждений'])}, ${m} исправлено`;
}

/**
 * The parser's warnings: a click scrolls to the row it is about; one is dealt with when its row is
 * edited or ticked «Проверено», or when it is ticked here.
 */
export function WarningsList(props: {
  warnings: ShownWarning[];
  title: string;
  onFocus: (w: ShownWarning) => void;
  onCheck: (id: number, checked: boolean) => void;
  /** For the document-wide list: which roadmaps a warning may be about. */
  roadmapLabel?: (w: ShownWarning) => string | null;
}) {
  const { warnings, onFocus, onCheck } = props;
  if (warnings.length === 0) return null;
  const open = warnings.filter((w) => !w.resolved).length;
  return (
    <Paper withBorder p="sm" bg={open > 0 ? 'orange.0' : 'gray.0'}>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          {props.title}
        </Text>
        <Badge color={open > 0 ? 'orange' : 'teal'} variant="light" data-testid="import-warning-count">
          {warningCount(warnings)}
        </Badge>
      </Group>
      <ScrollArea.Autosize mah={220} type="auto">
        <Stack gap={2}>
          {warnings.map((w) => {
            const where = props.roadmapLabel?.(w);
            return (
              <Group key={w.id} gap="xs" wrap="nowrap" align="flex-start">
                <Checkbox
                  size="xs"
                  mt={4}
                  checked={w.resolved}
                  disabled={w.resolved && !w.checked}
                  onChange={(e) => onCheck(w.id, e.currentTarget.checked)}
                  aria-label="Проверено"
                  title={w.resolved && !w.checked ? 'Строка исправлена' : 'Проверено'}
                />
                <UnstyledButton
                  onClick={() => onFocus(w)}
                  data-testid="import-warning"
                  data-resolved={w.resolved ? 'true' : 'false'}
                  style={{ flex: 1, borderRadius: 4, padding: '2px 6px' }}
                  className="import-cell"
                >
                  <Text
                    size="sm"
                    td={w.resolved ? 'line-through' : undefined}
                    c={w.resolved ? 'dimmed' : undefined}
                  >
                    <Text span size="xs" c="dimmed" fw={600} mr={6}>
                      {[where, w.location].filter(Boolean).join(' · ')}
                    </Text>
                    {w.message}
                  </Text>
                </UnstyledButton>
              </Group>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
