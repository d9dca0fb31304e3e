import { Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { Query } from '../shared/ui.js';

// What the staff pages share: which school they show (the team's or the teacher's own school; the region
// and the municipality choose one in a list with counts, kept in `?school=`), and labels.

export const MENTOR_KIND_LABELS = {
  colleague: 'коллега по школе',
  mentor_school: 'педагог школы-наставника',
  methodist: 'региональный методист',
} as const;

export const yesNo = (b: boolean) => (b ? 'да' : 'нет');

/** «5–9», «1, 3»: consecutive grades as ranges. */
export function gradesText(grades: number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < grades.length) {
    let j = i;
    while (j + 1 < grades.length && (grades[j + 1] ?? 0) === (grades[j] ?? 0) + 1) j++;
    out.push(j > i + 1 ? `${grades[i]}–${grades[j]}` : grades.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ') || '—';
}

/** The school the page shows: `?school=`, else the user's own school (team or teacher), else none. */
export function useStaffSchool(): { schoolId: string | null; setSchool: (id: string | null) => void } {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const own =
    me.assignments.find((a) => a.role === 'school_team' && a.unitKind === 'school') ??
    me.assignments.find((a) => a.role === 'teacher' && a.unitKind === 'school');
  const schoolId = params.get('school') ?? own?.orgUnitId ?? null;
  const setSchool = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('school', id);
    else next.delete('school');
    setParams(next);
  };
  return { schoolId, setSchool };
}

/** The region and the municipality choose a school: schools with their staff counts. */
export function SchoolChooser({ onChoose, to }: { onChoose: (id: string) => void; to: string }) {
  const schools = useQuery({
    queryKey: ['staff-schools'],
    queryFn: () => unwrap(api.GET('/api/staff/schools', { params: { query: {} } })),
  });
  return (
    <Query q={schools}>
      {(rows) =>
        rows.length === 0 ? (
          <Text c="dimmed">Нет школ, чьи реестры педагогов вам видны.</Text>
        ) : (
          <>
            <Select
              label="Школа"
              searchable
              placeholder="Выберите школу"
              data={rows.map((r) => ({ value: r.schoolId, label: r.schoolName }))}
              onChange={(v) => v && onChoose(v)}
              data-testid="staff-school-select"
            />
            <Table data-testid="staff-schools">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Муниципалитет</Table.Th>
                  <Table.Th>Школа</Table.Th>
                  <Table.Th>Педагогов</Table.Th>
                  <Table.Th>Молодых</Table.Th>
                  <Table.Th>Вновь принятых</Table.Th>
                  <Table.Th>Выбыли</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.schoolId}>
                    <Table.Td>{r.municipalityName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Link to={`${to}?school=${r.schoolId}`}>{r.schoolName}</Link>
                    </Table.Td>
                    <Table.Td>{r.current}</Table.Td>
                    <Table.Td>{r.young}</Table.Td>
                    <Table.Td>{r.newlyHired}</Table.Td>
                    <Table.Td>{r.left}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )
      }
    </Query>
  );
}
