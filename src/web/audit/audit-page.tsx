import { Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, apiHref, unwrap } from '../shared/api.js';
import { ErrorBox, Loading } from '../shared/ui.js';
import { AuditEventRow } from './event-cells.js';
import { GROUP_OPTIONS, L, TYPE_OPTIONS } from './strings.js';

// «Журнал аудита» (issue 17 §7): the administrator's and the security officer's search of their region's
// history — by user, object, groups and kinds of events, and a period of Moscow days; newest first, page
// after page; the same filter as a CSV file. What the reader may see is decided by the server.

type Filter = {
  actorId?: string;
  object?: string;
  groups?: string;
  types?: string;
  from?: string;
  to?: string;
};

const joined = (xs: string[]) => (xs.length ? xs.join(',') : undefined);

export function AuditLogPage() {
  const [userSearch, setUserSearch] = useState('');
  const [user, setUser] = useState<{ value: string; label: string } | null>(null);
  const [object, setObject] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const [types, setTypes] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filter, setFilter] = useState<Filter>({});

  // The box shows the chosen person's label as its text: that is not a new search.
  const q = userSearch && userSearch !== user?.label ? userSearch : undefined;
  const users = useQuery({
    queryKey: ['audit-users', q ?? ''],
    queryFn: () => unwrap(api.GET('/api/audit-users', { params: { query: { q } } })),
  });
  // One array per answer: Select re-reads its options whenever the array changes.
  const userOptions = useMemo(
    () => [
      ...(user ? [user] : []),
      ...(users.data ?? [])
        .filter((u) => u.id !== user?.value)
        .map((u) => ({ value: u.id, label: `${u.fullName} (${u.login})` })),
    ],
    [user, users.data],
  );

  const events = useInfiniteQuery({
    queryKey: ['audit-events', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/audit-events', { params: { query: { ...filter, cursor: pageParam, limit: 50 } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  function apply() {
    setFilter({
      actorId: user?.value,
      object: object.trim() || undefined,
      groups: joined(groups),
      types: joined(types),
      from: from || undefined,
      to: to || undefined,
    });
  }
  function reset() {
    setUser(null);
    setObject('');
    setGroups([]);
    setTypes([]);
    setFrom('');
    setTo('');
    setFilter({});
  }

  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <Stack>
      <Title order={2}>{L.title}</Title>
      <Text c="dimmed" size="sm" maw={900}>
        {L.intro}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <Stack gap="xs">
          <Group align="end" wrap="wrap">
            <Select
              label={L.user}
              placeholder={L.userPlaceholder}
              data={userOptions}
              value={user?.value ?? null}
              onChange={(v) => setUser(userOptions.find((o) => o.value === v) ?? null)}
              searchable
              clearable
              searchValue={userSearch}
              onSearchChange={setUserSearch}
              filter={({ options }) => options}
              nothingFoundMessage="Никого не нашлось"
              w={300}
              data-testid="audit-user"
            />
            <TextInput
              label={L.object}
              placeholder={L.objectPlaceholder}
              value={object}
              onChange={(e) => setObject(e.currentTarget.value)}
              w={280}
              data-testid="audit-object"
            />
            <TextInput
              type="date"
              label={L.from}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              w={160}
              data-testid="audit-from"
            />
            <TextInput
              type="date"
              label={L.to}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              w={160}
              data-testid="audit-to"
            />
          </Group>
          <Group align="end" wrap="wrap">
            <MultiSelect
              label={L.groups}
              placeholder={groups.length ? undefined : L.any}
              data={GROUP_OPTIONS}
              value={groups}
              onChange={setGroups}
              clearable
              w={360}
              data-testid="audit-groups"
            />
            <MultiSelect
              label={L.types}
              placeholder={types.length ? undefined : L.any}
              data={TYPE_OPTIONS}
              value={types}
              onChange={setTypes}
              searchable
              clearable
              w={360}
              data-testid="audit-types"
            />
            <Button type="submit" data-testid="audit-search">
              {L.search}
            </Button>
            <Button variant="default" onClick={reset}>
              {L.reset}
            </Button>
            <Button
              component="a"
              variant="light"
              href={apiHref('/api/audit-events.csv', { query: filter })}
              download
              title={L.csvHint}
              data-testid="audit-csv"
            >
              {L.csv}
            </Button>
          </Group>
        </Stack>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorBox error={events.error} />
      ) : rows.length === 0 ? (
        <Text data-testid="audit-empty">{L.empty}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  {L.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <AuditEventRow key={e.id} e={e} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {events.hasNextPage && (
            <Group>
              <Button
                variant="default"
                loading={events.isFetchingNextPage}
                onClick={() => events.fetchNextPage()}
                data-testid="audit-more"
              >
                {L.more}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
