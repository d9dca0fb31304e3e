import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { formatDate } from '../shared/ui.js';
import { M, RESPONSE_COLORS, RESPONSE_STATUS_LABELS } from './strings.js';

// «Формы мониторинга к заполнению»: the forms of the user's own units in open monitorings, with status
// and deadline — on the monitorings page and on a school's start page.

type Rows = ApiData<'/api/monitorings', 'get'>;

export function MonitoringFormsList({ rows }: { rows: Rows }) {
  const today = new Date().toISOString().slice(0, 10);
  const forms = rows
    .filter((m) => m.status === 'open' && m.kind === 'form')
    .flatMap((m) => m.mine.map((f) => ({ m, f })));
  return (
    <Card withBorder data-testid="monitoring-forms">
      <Title order={4} mb="xs">
        {M.myForms}
      </Title>
      {forms.length === 0 ? (
        <Text c="dimmed">{M.noForms}</Text>
      ) : (
        <Stack gap="xs">
          {forms.map(({ m, f }) => (
            <Group
              key={`${m.id}-${f.unitId}`}
              justify="space-between"
              wrap="nowrap"
              data-testid="monitoring-form"
            >
              <div>
                <Anchor component={Link} to={`/monitorings/${m.id}/units/${f.unitId}`}>
                  {m.title}
                </Anchor>
                <Text size="xs" c={m.periodEnd < today ? 'red' : 'dimmed'}>
                  {f.unitName} · {M.deadline}: {formatDate(m.periodEnd)}
                </Text>
                {f.status === 'returned' && f.returnComment && (
                  <Text size="xs" c="orange">
                    {f.returnComment}
                  </Text>
                )}
              </div>
              <Badge variant="light" color={RESPONSE_COLORS[f.status]} style={{ flexShrink: 0 }}>
                {RESPONSE_STATUS_LABELS[f.status]}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** The start page's card: shown only when the user has forms to fill. */
export function MonitoringFormsCard() {
  const q = useQuery({ queryKey: ['monitorings'], queryFn: () => unwrap(api.GET('/api/monitorings')) });
  const rows = q.data ?? [];
  if (!rows.some((m) => m.status === 'open' && m.mine.length > 0)) return null;
  return <MonitoringFormsList rows={rows} />;
}
