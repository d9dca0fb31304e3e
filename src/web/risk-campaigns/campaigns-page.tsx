import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, Query } from '../shared/ui.js';
import { CreateCampaignModal } from './create-campaign.js';
import { C, CAMPAIGN_STATUS_LABELS, STATUS_COLORS } from './strings.js';

// The campaigns a user sees: the owner's own and those that concern his schools. A school team goes
// straight to its school's page of a campaign.

export function CampaignsPage() {
  const me = useMe();
  const [creating, create] = useDisclosure(false);
  const q = useQuery({ queryKey: ['risk-campaigns'], queryFn: () => unwrap(api.GET('/api/risk-campaigns')) });
  const ownSchool = me.assignments.find(
    (a) => a.role === 'school_team' && a.unitKind === 'school',
  )?.orgUnitId;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{C.title}</Title>
        {me.capabilities.campaigns === 'owner' && (
          <Button onClick={create.open} data-testid="campaign-create">
            {C.create}
          </Button>
        )}
      </Group>
      <Query q={q}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{C.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Название</Table.Th>
                    <Table.Th>Проводит</Table.Th>
                    <Table.Th>Сроки</Table.Th>
                    <Table.Th>Статус</Table.Th>
                    <Table.Th ta="right">{C.schools}</Table.Th>
                    <Table.Th ta="right">{C.responses}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.id} data-testid="campaign-row">
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={
                            ownSchool
                              ? `/risk-campaigns/${c.id}/schools/${ownSchool}`
                              : `/risk-campaigns/${c.id}`
                          }
                        >
                          {c.title}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {c.year}/{c.year + 1} · {c.stage === 'baseline' ? 'входное' : 'повторное'}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.owner.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.opensOn)} — {formatDate(c.closesOn)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge
                          color={STATUS_COLORS[c.status]}
                          variant="light"
                          style={{ overflow: 'visible' }}
                        >
                          {CAMPAIGN_STATUS_LABELS[c.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{c.schools}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {c.responses} из {c.expected}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Query>
      {creating && <CreateCampaignModal onClose={create.close} />}
    </Stack>
  );
}
