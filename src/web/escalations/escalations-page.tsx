import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DeadlineKind } from '../../modules/deadlines/kinds.js';
import { days, REPORTED_TO } from '../../modules/deadlines/strings.js';
import { api, unwrap } from '../shared/api.js';
import { hasRole, useMe } from '../shared/auth.js';
import { formatDate, Query } from '../shared/ui.js';
import { KIND_LABELS, KIND_OPTIONS, KIND_SHORT, L } from './labels.js';
import { RulesForm } from './rules-form.js';

// «Эскалации» (issue 15 §3): what is overdue beyond the region's threshold below the viewer, with its
// age, oldest first; filters by municipality and kind. The region's operator also edits the rules here.

export function EscalationsPage() {
  const me = useMe();
  const [municipalityId, setMunicipality] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const query = {
    municipalityId: municipalityId ?? undefined,
    kind: (kind ?? undefined) as DeadlineKind | undefined,
  };
  const list = useQuery({
    queryKey: ['escalations', query],
    queryFn: () => unwrap(api.GET('/api/escalations', { params: { query } })),
  });
  // The municipalities of the unfiltered list: the filter keeps its choices when one is chosen.
  const all = useQuery({
    queryKey: ['escalations', {}],
    queryFn: () => unwrap(api.GET('/api/escalations', { params: { query: {} } })),
  });
  const municipalities = (all.data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }));
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <Text c="dimmed" size="sm" maw={900}>
        {L.intro}
      </Text>
      <Group align="end">
        {municipalities.length > 1 && (
          <Select
            label={L.municipality}
            data={municipalities}
            value={municipalityId}
            onChange={setMunicipality}
            placeholder={L.all}
            clearable
            searchable
            w={280}
            data-testid="escalations-municipality"
          />
        )}
        <Select
          label={L.kind}
          data={KIND_OPTIONS}
          value={kind}
          onChange={setKind}
          placeholder={L.all}
          clearable
          w={200}
          data-testid="escalations-kind"
        />
      </Group>
      <Query q={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text data-testid="escalations-empty">{L.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="escalations-table">
                <Table.Thead>
                  <Table.Tr>
                    {L.columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((i) => (
                    <Table.Tr key={`${i.kind}:${i.id}`} data-testid="escalation-row">
                      <Table.Td title={KIND_LABELS[i.kind]}>{KIND_SHORT[i.kind]}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={i.link} size="sm">
                          {i.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{i.unit.name}</Text>
                        {i.municipality && i.municipality.id !== i.unit.id && (
                          <Text size="xs" c="dimmed">
                            {i.municipality.name}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                      <Table.Td>
                        <Badge
                          color={i.ageDays > 30 ? 'red' : 'orange'}
                          variant="light"
                          tt="none"
                          data-testid="escalation-age"
                        >
                          {days(i.ageDays)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{REPORTED_TO[i.reportedTo]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Query>
      <RulesForm editable={hasRole(me, 'regional_operator')} />
    </Stack>
  );
}
