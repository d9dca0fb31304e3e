import { Anchor, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { PublicationView, PublishableView } from '../../modules/publication/views.js';
import { api, unwrap } from '../shared/api.js';
import { formatDate, formatDateTime, Query } from '../shared/ui.js';
import { KIND_LABELS, STATE_COLORS, STATE_LABELS, TEXT } from './labels.js';
import { PublishModal, type PublishTarget } from './publish-modal.js';
import { WithdrawModal } from './withdraw-modal.js';

// «Публикация» (issue 15 §1): what the actor's units show on the public site, what they may publish
// (approved, not yet published or changed since), and the history of publishing with withdrawals.

/** A state in a table cell: plain coloured text, which wraps where a badge would be cut off. */
function State({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Text size="sm" fw={600} c={color}>
      {children}
    </Text>
  );
}

function SiteLink({ p }: { p: PublicationView }) {
  return (
    <Anchor href={p.publicPath} target="_blank" rel="noopener" data-testid="publication-site-link">
      {TEXT.openSite}
    </Anchor>
  );
}

function PublishedTable({
  rows,
  onWithdraw,
}: {
  rows: PublicationView[];
  onWithdraw: (p: PublicationView) => void;
}) {
  if (rows.length === 0) return <Text c="dimmed">{TEXT.nothingPublished}</Text>;
  return (
    <Table striped data-testid="published-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{TEXT.colTitle}</Table.Th>
          <Table.Th>{TEXT.colKind}</Table.Th>
          <Table.Th>{TEXT.colUnit}</Table.Th>
          <Table.Th>{TEXT.colVersion}</Table.Th>
          <Table.Th>{TEXT.colWhen}</Table.Th>
          <Table.Th>{TEXT.colWho}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id} data-testid="published-row">
            <Table.Td>{p.title}</Table.Td>
            <Table.Td>{KIND_LABELS[p.kind]}</Table.Td>
            <Table.Td>{p.unitName}</Table.Td>
            <Table.Td>{p.version}</Table.Td>
            <Table.Td>{formatDateTime(p.publishedAt)}</Table.Td>
            <Table.Td>{p.publishedByName ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Group gap="xs" wrap="nowrap">
                <SiteLink p={p} />
                {p.canWithdraw && (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => onWithdraw(p)}
                    data-testid="withdraw-open"
                  >
                    {TEXT.withdraw}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PublishableTable({
  rows,
  onPublish,
}: {
  rows: PublishableView[];
  onPublish: (t: PublishTarget) => void;
}) {
  const open = rows.filter((r) => r.state !== 'current');
  if (open.length === 0) return <Text c="dimmed">{TEXT.nothingPublishable}</Text>;
  return (
    <Table striped data-testid="publishable-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{TEXT.colTitle}</Table.Th>
          <Table.Th>{TEXT.colKind}</Table.Th>
          <Table.Th>{TEXT.colUnit}</Table.Th>
          <Table.Th>{TEXT.colState}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {open.map((r) => (
          <Table.Tr key={r.objectId} data-testid="publishable-row">
            <Table.Td>
              <Anchor component={Link} to={r.appPath}>
                {r.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{KIND_LABELS[r.kind]}</Table.Td>
            <Table.Td>{r.unitName}</Table.Td>
            <Table.Td>
              <State color={STATE_COLORS[r.state]}>
                {STATE_LABELS[r.state]}
                {r.currentVersion ? ` (версия ${r.currentVersion})` : ''}
              </State>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Button size="xs" onClick={() => onPublish(r)} data-testid="publish-open">
                {r.state === 'changed' ? TEXT.publishAgain : TEXT.publish}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function HistoryTable({ rows }: { rows: PublicationView[] }) {
  if (rows.length === 0) return <Text c="dimmed">{TEXT.noHistory}</Text>;
  return (
    <Table striped data-testid="history-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{TEXT.colTitle}</Table.Th>
          <Table.Th>{TEXT.colUnit}</Table.Th>
          <Table.Th>{TEXT.colVersion}</Table.Th>
          <Table.Th>{TEXT.colWhen}</Table.Th>
          <Table.Th>{TEXT.colState}</Table.Th>
          <Table.Th>{TEXT.colReason}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id} data-testid="history-row">
            <Table.Td>
              <Anchor href={p.publicPath} target="_blank" rel="noopener">
                {p.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{p.unitName}</Table.Td>
            <Table.Td>{p.version}</Table.Td>
            <Table.Td>
              {formatDateTime(p.publishedAt)}
              {p.publishedByName ? `, ${p.publishedByName}` : ''}
            </Table.Td>
            <Table.Td>
              {p.withdrawnAt ? (
                <State color="red">Снято {formatDate(p.withdrawnAt)}</State>
              ) : p.current ? (
                <State color="green">Действует</State>
              ) : (
                <State color="gray">Заменена новой версией</State>
              )}
            </Table.Td>
            <Table.Td>
              {p.withdrawnReason
                ? `${p.withdrawnReason}${p.withdrawnByName ? ` (${p.withdrawnByName})` : ''}`
                : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PublicationRoutes() {
  const [publishing, setPublishing] = useState<PublishTarget | null>(null);
  const [withdrawing, setWithdrawing] = useState<PublicationView | null>(null);
  const current = useQuery({
    queryKey: ['publications', 'current'],
    queryFn: () => unwrap(api.GET('/api/publications', { params: { query: {} } })),
  });
  const all = useQuery({
    queryKey: ['publications', 'history'],
    queryFn: () => unwrap(api.GET('/api/publications', { params: { query: { includeWithdrawn: 'true' } } })),
  });
  const publishable = useQuery({
    queryKey: ['publications', 'publishable'],
    queryFn: () => unwrap(api.GET('/api/publications/publishable', { params: { query: {} } })),
  });
  return (
    <Stack>
      <Title order={2}>{TEXT.title}</Title>
      <Text c="dimmed" size="sm">
        {TEXT.intro}
      </Text>
      <Tabs defaultValue="published" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="published" data-testid="tab-published">
            {TEXT.published}
          </Tabs.Tab>
          <Tabs.Tab value="publishable" data-testid="tab-publishable">
            {TEXT.publishable}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {TEXT.history}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="published" pt="md">
          <Query q={current}>{(rows) => <PublishedTable rows={rows} onWithdraw={setWithdrawing} />}</Query>
        </Tabs.Panel>
        <Tabs.Panel value="publishable" pt="md">
          <Query q={publishable}>
            {(rows) => <PublishableTable rows={rows} onPublish={setPublishing} />}
          </Query>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Query q={all}>{(rows) => <HistoryTable rows={rows} />}</Query>
        </Tabs.Panel>
      </Tabs>
      {publishing && <PublishModal target={publishing} onClose={() => setPublishing(null)} />}
      {withdrawing && <WithdrawModal publication={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Stack>
  );
}
