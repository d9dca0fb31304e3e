import { Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { chartOption, chartSpecSchema } from '../../lib/chart-spec.js';
import { type ChartOption, EChart } from '../identification/echart.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import type { ReportBlock, ReportContent } from './reports-api.js';

// A report's blocks on the page as in the document: headings, paragraphs, tables with «Откуда эта
// цифра», charts drawn by the same ChartSpec the server renders, findings and recommendations grouped
// by addressee (the editor replaces the last two while the report is a draft).

type Recs = Extract<ReportBlock, { type: 'recommendations' }>['items'];

export function groupRecommendations(items: Recs): { unitName: string; items: Recs }[] {
  const groups = new Map<string, { unitName: string; items: Recs }>();
  for (const r of items) {
    const g = groups.get(r.unitId ?? '') ?? { unitName: r.unitName, items: [] };
    g.items.push(r);
    groups.set(r.unitId ?? '', g);
  }
  return [...groups.values()];
}

function Block({ b, editable }: { b: ReportBlock; editable: boolean }) {
  switch (b.type) {
    case 'heading':
      return <Title order={b.level === 1 ? 3 : 4}>{b.text}</Title>;
    case 'paragraph':
      return <Text style={{ whiteSpace: 'pre-wrap' }}>{b.text}</Text>;
    case 'table':
      return (
        <Stack gap={4}>
          <Group gap={4}>
            <Text fw={600}>{b.caption}</Text>
            {b.source && <FigureSourceButton source={b.source} />}
          </Group>
          <Table withTableBorder striped data-testid="report-table">
            <Table.Thead>
              <Table.Tr>
                {b.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a stored table have no ids
                <Table.Tr key={i}>
                  {b.columns.map((c, j) => (
                    <Table.Td key={c}>{r[j]}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      );
    case 'chart':
      return (
        <Card withBorder>
          <Text fw={600} mb={4}>
            {b.caption}
          </Text>
          <EChart
            option={chartOption(chartSpecSchema.parse(b.spec)) as ChartOption}
            height={320}
            testId="report-chart"
          />
        </Card>
      );
    case 'findings':
      return editable ? null : (
        <Stack gap={4} data-testid="report-findings">
          <Title order={4}>Выводы</Title>
          <List>
            {b.items.map((f) => (
              <List.Item key={f.id}>
                <Group gap={4} wrap="nowrap" align="flex-start">
                  <Text>{f.text}</Text>
                  {f.source && <FigureSourceButton source={f.source} />}
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    case 'recommendations':
      return editable ? null : (
        <Stack gap={4} data-testid="report-recommendations">
          <Title order={4}>Адресные рекомендации</Title>
          {groupRecommendations(b.items).map((g) => (
            <Stack key={g.unitName} gap={2}>
              <Text fw={600}>{g.unitName}</Text>
              <List>
                {g.items.map((r) => (
                  <List.Item key={r.id}>
                    <Text>{r.text}</Text>
                    {r.reason && (
                      <Text size="xs" c="dimmed">
                        Основание: {r.reason}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </Stack>
      );
  }
}

/** The content; `editable`: findings and recommendations are left to the editor. */
export function ReportBlocks({ content, editable }: { content: ReportContent; editable: boolean }) {
  return (
    <Stack>
      <Card withBorder>
        <Text fw={600}>Источники данных</Text>
        <List size="sm">
          {content.sources.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      </Card>
      {content.blocks.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks are an ordered stored list
        <Block key={i} b={b} editable={editable} />
      ))}
    </Stack>
  );
}
