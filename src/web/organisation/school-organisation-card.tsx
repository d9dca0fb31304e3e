import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { schoolYearLabel } from '../../modules/organisation/school-year.js';
import { api, unwrap } from '../shared/api.js';
import { formatDate, Query } from '../shared/ui.js';
import { AGREEMENT_KIND_LABELS, OrderLabel } from './people-shared.js';

// «Организация работы» of one school on its card: its curators, its mentor schools with the agreements,
// the schools it mentors itself. Whoever sees the school sees this; another school never gets here (404).

type Agreement = {
  id: string;
  number: string | null;
  signedOn: string;
  validTo: string | null;
  kinds: (keyof typeof AGREEMENT_KIND_LABELS)[];
};

const agreementText = (a: Agreement) =>
  `${a.number ? `№ ${a.number} ` : ''}от ${formatDate(a.signedOn)}${a.validTo ? `, до ${formatDate(a.validTo)}` : ''}: ${a.kinds
    .map((k) => AGREEMENT_KIND_LABELS[k])
    .join(', ')}`;

export function SchoolOrganisationCard({ schoolId }: { schoolId: string }) {
  const q = useQuery({
    queryKey: ['school-organisation', schoolId],
    queryFn: () =>
      unwrap(api.GET('/api/schools/{id}/organisation', { params: { path: { id: schoolId }, query: {} } })),
  });
  return (
    <Paper withBorder p="md" data-testid="school-organisation">
      <Query q={q}>
        {(o) => (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={5}>Организация работы, {schoolYearLabel(o.year)}</Title>
              <Anchor component={Link} to={`/organisation?tab=curators&school=${o.schoolId}`} size="sm">
                Кураторы и наставники
              </Anchor>
            </Group>
            <Text size="sm" fw={500}>
              Куратор
            </Text>
            {o.curators.length === 0 ? (
              <Text size="sm" c="dimmed">
                Не назначен
              </Text>
            ) : (
              o.curators.map((c) => (
                <Text size="sm" key={c.assignmentId} data-testid="school-curator">
                  {c.fullName}, {c.position}
                  {c.workplace ? ` (${c.workplace})` : ''}
                  {[c.phone, c.email].filter(Boolean).length
                    ? ` · ${[c.phone, c.email].filter(Boolean).join(', ')}`
                    : ''}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · приказ <OrderLabel order={c.order} />
                  </Text>
                </Text>
              ))
            )}
            <Text size="sm" fw={500}>
              Школа-наставник
            </Text>
            {o.mentors.length === 0 ? (
              <Text size="sm" c="dimmed">
                Не закреплена
              </Text>
            ) : (
              o.mentors.map((m) => (
                <Stack gap={0} key={m.pairId} data-testid="school-mentor">
                  <Text size="sm">{m.schoolName}</Text>
                  {m.agreements.length === 0 ? (
                    <Text size="xs" c="red">
                      Соглашение не заключено
                    </Text>
                  ) : (
                    m.agreements.map((a) => (
                      <Text size="xs" c="dimmed" key={a.id}>
                        Соглашение {agreementText(a)}
                      </Text>
                    ))
                  )}
                </Stack>
              ))
            )}
            {o.mentees.length > 0 && (
              <>
                <Text size="sm" fw={500}>
                  Школа — наставник для
                </Text>
                {o.mentees.map((m) => (
                  <Text size="sm" key={m.pairId} data-testid="school-mentee">
                    {m.schoolName}
                  </Text>
                ))}
              </>
            )}
          </Stack>
        )}
      </Query>
    </Paper>
  );
}
