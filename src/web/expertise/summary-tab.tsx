import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiHref } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { fetchers, keys, type Summary } from './api.js';
import { CONCLUSION_LABELS, DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS } from './labels.js';

// The region's summary: documents by status per municipality, expertise progress, scores, rework.

// The page keeps the columns of the expertise itself; every status is in the XLSX.
const SHOWN = ['expertise', 'approved'] as const;
const pct = (v: number | null) => (v === null ? '—' : `${String(v).replace('.', ',')} %`);

export function SummaryTab({ year }: { year: number }) {
  const q = useQuery({ queryKey: keys.summary(year), queryFn: () => fetchers.summary(year) });
  return <Query q={q}>{(s) => <SummaryView s={s} />}</Query>;
}

function SummaryView({ s }: { s: Summary }) {
  const line = (name: string, r: Summary['total'], bold = false) => (
    <Table.Tr key={name} fw={bold ? 700 : undefined}>
      <Table.Td>{name}</Table.Td>
      <Table.Td>{r.documents}</Table.Td>
      {SHOWN.map((st) => (
        <Table.Td key={st}>{r.byStatus[st] ?? 0}</Table.Td>
      ))}
      <Table.Td>{r.onRework}</Table.Td>
      <Table.Td>
        {r.reviewsSubmitted} / {r.reviewsAssigned}
      </Table.Td>
      <Table.Td>{pct(r.averagePercent)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack>
      <Group>
        <Button
          component="a"
          href={apiHref('/api/expertise/summary/export', { query: { year: s.year } })}
          download
          variant="default"
          data-testid="summary-export"
        >
          Скачать XLSX
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="summary-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Муниципалитет</Table.Th>
              <Table.Th>Документов</Table.Th>
              {SHOWN.map((st) => (
                <Table.Th key={st}>{DOCUMENT_STATUS_LABELS[st]}</Table.Th>
              ))}
              <Table.Th title="В статусе «на доработке» или с заключением «на доработку»">
                На доработке
              </Table.Th>
              <Table.Th>Заключения: отправлено / назначено</Table.Th>
              <Table.Th>Средний балл</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.rows.map((r) => line(r.municipality.name, r))}
            {line('Итого по региону', s.total, true)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={4}>Программы на доработке</Title>
      {s.rework.length === 0 ? (
        <Text size="sm">Нет.</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table data-testid="summary-rework">
            <Table.Tbody>
              {s.rework.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.school.name}</Table.Td>
                  <Table.Td>{d.municipality?.name}</Table.Td>
                  <Table.Td>
                    {d.title}
                    <Text size="xs" c="dimmed">
                      {DOCUMENT_KIND_LABELS[d.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{d.recommendations.join(' · ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={4}>Экспертиза муниципальных дорожных карт</Title>
      {s.roadmaps.length === 0 ? (
        <Text size="sm">Нет.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Муниципалитет</Table.Th>
              <Table.Th>Дорожная карта</Table.Th>
              <Table.Th>Заключения</Table.Th>
              <Table.Th>Средний балл</Table.Th>
              <Table.Th>Выводы</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.roadmaps.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.municipality.name}</Table.Td>
                <Table.Td>{m.title}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {m.reviewsSubmitted} / {m.reviewsAssigned}
                </Table.Td>
                <Table.Td>{pct(m.averagePercent)}</Table.Td>
                <Table.Td>{m.conclusions.map((c) => CONCLUSION_LABELS[c]).join('; ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
