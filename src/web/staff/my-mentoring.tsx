import { Paper, Stack, Title } from '@mantine/core';
import { Query } from '../shared/ui.js';
import { useMyStaff } from './my-record.js';
import { PairDetails } from './pair-card.js';

// The teacher's mentoring — as a mentee or as a mentor — a part of «Мой маршрут».
export function MyMentoring() {
  const mine = useMyStaff();
  return (
    <Query q={mine}>
      {(d) =>
        d.mentorships.length === 0 ? null : (
          <Stack data-testid="my-mentoring">
            <Title order={4}>Наставничество</Title>
            {d.mentorships.map((c) => (
              <Paper key={c.pair.id} withBorder p="sm">
                <PairDetails c={c} />
              </Paper>
            ))}
          </Stack>
        )
      }
    </Query>
  );
}
