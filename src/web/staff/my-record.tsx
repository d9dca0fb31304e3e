import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { RecordView } from './card-page.js';

/** Query of «Мой маршрут»: the teacher's own records and mentoring (one call for both slots). */
export const useMyStaff = () =>
  useQuery({ queryKey: ['staff', 'me'], queryFn: () => unwrap(api.GET('/api/staff/me')) });

// The teacher's own record in the registry (read-only), a part of «Мой маршрут».
export function MyStaffRecord() {
  const mine = useMyStaff();
  return (
    <Query q={mine}>
      {(d) =>
        d.records.length === 0 ? null : (
          <Stack data-testid="my-staff-record">
            <Title order={4}>Запись в реестре педагогов</Title>
            {d.records.map((r) => (
              <Stack key={r.id} gap={4}>
                <Title order={5}>
                  {r.fullName}, {r.schoolName}
                </Title>
                <RecordView m={r} />
              </Stack>
            ))}
          </Stack>
        )
      }
    </Query>
  );
}
