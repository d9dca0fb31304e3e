import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fetchers, keys } from '../identification/api.js';
import { StatusBadge } from '../identification/common.js';
import { ApproveModal, DecisionModal, type DecisionTarget } from '../identification/list-actions.js';
import { ListEntries } from '../identification/list-entries.js';
import { applyFilter, type EntryFilter, ListFilters, NO_FILTER } from '../identification/list-filters.js';
import { ListOrderFile } from '../identification/list-order-file.js';
import { ExportButtons, SidePanels } from '../identification/list-panels.js';
import { orderWithAppendix } from '../identification/lists-table.js';
import { LIST_STATUS, listHeading, REGION_ROLES } from '../identification/strings.js';
import type { ListDetail } from '../identification/types.js';
import { PublicationControl } from '../publication/publication-control.js';
import { hasRole, useMe } from '../shared/auth.js';
import { formatDateTime, Query } from '../shared/ui.js';

/** A year's list of a kind: filters, entries with reasons, the operator's decisions and the approval. */
export function IdentificationListPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.list(id), queryFn: () => fetchers.list(id) });
  return (
    <Stack>
      <Anchor component={Link} to="/identification?tab=lists" size="sm">
        ← Списки
      </Anchor>
      <Query q={q}>{(list) => <ListView list={list} />}</Query>
    </Stack>
  );
}

function ListView({ list }: { list: ListDetail }) {
  const me = useMe();
  const region = list.complete && hasRole(me, ...REGION_ROLES);
  const canDecide = list.canEdit;
  const [filter, setFilter] = useState<EntryFilter>(NO_FILTER);
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const [approving, approve] = useDisclosure(false);
  const shown = useMemo(() => applyFilter(list.entries, filter), [list.entries, filter]);
  const included = list.entries.filter((e) => e.included).length;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{listHeading(list)}</Title>
            <StatusBadge value={LIST_STATUS[list.status]} />
            <PublicationControl kind="identification_list" objectId={list.id} title={list.title} />
          </Group>
          <Text size="sm">{list.title}</Text>
          <Text size="sm" c="dimmed">
            Методика: {list.run.methodology.name}, {list.run.methodology.code}, версия{' '}
            {list.run.methodology.version}
            {list.status === 'approved' &&
              ` · приказ ${orderWithAppendix(list)} · утверждён ${formatDateTime(list.approvedAt)}${list.approvedBy ? `, ${list.approvedBy.fullName}` : ''}`}
          </Text>
          {list.status === 'approved' && (
            <ListOrderFile list={list} canAttach={region && hasRole(me, 'regional_operator')} />
          )}
          <Group gap="xs">
            <Badge variant="light" color="red">
              в списке: {included}
            </Badge>
            {region && (
              <>
                <Badge variant="light" color="gray">
                  по расчёту: {list.counts.computed}
                </Badge>
                <Badge variant="light" color="gray">
                  исключено оператором: {list.counts.excluded}
                </Badge>
              </>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          <ExportButtons listId={list.id} />
          {canDecide && (
            <Button color="green" onClick={approve.open} data-testid="list-approve">
              Утвердить приказом
            </Button>
          )}
        </Group>
      </Group>
      {list.status === 'approved' && region && (
        <Paper withBorder p="xs" bg="green.0">
          <Text size="sm">
            Список утверждён и заморожен: новые данные и изменения методики его не меняют.
          </Text>
        </Paper>
      )}
      {list.status === 'approved' && !region && (
        <Paper withBorder p="xs" bg="blue.0" data-testid="list-approved-banner">
          <Text size="sm">
            {list.title}, утверждён приказом {orderWithAppendix(list)}.{' '}
            {list.entries.length === 0
              ? 'Ваших школ в этом списке нет.'
              : 'Показаны только ваши школы; нажмите на строку, чтобы увидеть основания.'}
          </Text>
        </Paper>
      )}
      {region && <SidePanels listId={list.id} year={list.year} kind={list.kind} />}
      {/* A school sees its one row: nothing to filter. */}
      {(region || list.entries.length > 1) && (
        <ListFilters entries={list.entries} value={filter} onChange={setFilter} />
      )}
      <Text size="xs" c="dimmed">
        Показано школ: {shown.length}. Нажмите на строку, чтобы увидеть причины и процедуры с низкими
        результатами.
      </Text>
      <ListEntries entries={shown} canDecide={canDecide} onDecide={setTarget} />
      <DecisionModal list={list} target={target} onClose={() => setTarget(null)} />
      {canDecide && <ApproveModal list={list} opened={approving} onClose={approve.close} />}
    </Stack>
  );
}
