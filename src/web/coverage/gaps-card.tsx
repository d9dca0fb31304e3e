import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { currentSchoolYear, schoolYearLabel } from '../../modules/organisation/school-year.js';
import { SectionCard } from '../dashboard/section-card.js';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { GAP_LABELS, type Gaps, type ShnorGap } from './labels.js';

// The start page of the region's operator and of a municipal coordinator tells what the organisation
// lacks (issue 12: «nobody is told» that a ШНОР has no curator or no roadmap): the counts of
// «Пробелы», each line one kind of gap, the whole list a click away.

const SHNOR_GAPS: ShnorGap[] = ['curator', 'mentor', 'agreement', 'roadmap', 'program'];

export function GapsCard({ unitId }: { unitId: string }) {
  const year = currentSchoolYear();
  const q = useQuery({
    queryKey: ['coverage-gaps', { unitId, year }],
    queryFn: () => unwrap(api.GET('/api/coverage/gaps', { params: { query: { unitId, year } } })),
  });
  return <Query q={q}>{(g) => <GapCounts g={g} year={year} unitId={unitId} />}</Query>;
}

function GapCounts({ g, year, unitId }: { g: Gaps; year: number; unitId: string }) {
  const rows: [string, number][] = [
    ...SHNOR_GAPS.map((k): [string, number] => [
      `ШНОР: ${GAP_LABELS[k]}`,
      g.shnor.filter((s) => s.missing.includes(k)).length,
    ]),
    ['Кураторы сверх нагрузки (более 3 школ)', g.overloadedCurators.length],
    ['Рабочие органы без ожидаемых заседаний', g.bodies.length],
    ['Мероприятия ниже целевого охвата', g.events.length],
  ];
  const shown = rows.filter(([, n]) => n > 0);
  const total = shown.reduce((s, [, n]) => s + n, 0);
  return (
    <SectionCard
      title={`Пробелы организации работы, ${schoolYearLabel(year)}`}
      count={total}
      color="red"
      to={`/coverage?unit=${unitId}`}
      testId="dashboard-gaps"
    >
      {shown.length === 0 ? (
        <Text c="dimmed">Пробелов нет</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {shown.map(([label, n]) => (
              <Table.Tr key={label}>
                <Table.Td>{label}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {n}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
