import { Alert, Badge, Button, FileButton, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { GROUP_PLURAL } from '../../modules/risk-profiles/instrument-strings.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import {
  CAMPAIGN_STATUS_LABELS,
  type InstrumentSummary,
  riskFetchers,
  riskKeys,
  STATUS_LABELS,
} from './api.js';
import { RiskFactorsTab } from './risk-factors-tab.js';

// «Анкеты и факторы риска»: the region's questionnaire versions (and the system's draft to start from)
// and its risk factors per year. The regional operator edits; other region-level roles and municipal
// coordinators read.

const counts = (c: InstrumentSummary['items']) =>
  (['director', 'teacher', 'pupil', 'parent'] as const).map((g) => `${GROUP_PLURAL[g]} ${c[g]}`).join(' · ');

export function InstrumentsPage() {
  const me = useMe();
  const canEdit = me.capabilities.riskReference === 'edit';
  return (
    <Stack>
      <Title order={2}>Анкеты и факторы риска</Title>
      <Tabs defaultValue="instruments" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="instruments">Анкеты</Tabs.Tab>
          <Tabs.Tab value="factors">Факторы риска</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="instruments" pt="md">
          <InstrumentsTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="factors" pt="md">
          <RiskFactorsTab canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function InstrumentsTab({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: riskKeys.instruments, queryFn: riskFetchers.instruments });
  const draft = useQuery({ queryKey: riskKeys.systemDraft, queryFn: riskFetchers.systemDraft });
  const [busy, setBusy] = useState(false);

  async function newVersion(basedOnId: string | null) {
    setBusy(true);
    try {
      const created = await unwrap(api.POST('/api/risk-instruments', { body: { basedOnId } }));
      await qc.invalidateQueries({ queryKey: riskKeys.instruments });
      notifyOk(`Создана версия ${created.versionNo} — черновик`);
      navigate(`/risk-instruments/${created.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File | null) {
    if (!file) return;
    setBusy(true);
    try {
      let document: Record<string, unknown>;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new Error(`Файл ${file.name} — не JSON`);
      }
      const created = await unwrap(api.POST('/api/risk-instruments/import', { body: { document } }));
      await qc.invalidateQueries({ queryKey: riskKeys.instruments });
      notifyOk(`Загружена версия ${created.versionNo} анкет «${created.title}»`);
      navigate(`/risk-instruments/${created.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Alert color="blue" variant="light" title="Черновик системы" data-testid="system-draft">
        <Stack gap={6}>
          <Text size="sm">
            {draft.data?.title ?? 'Анкеты рискового профиля школы — черновик системы'}. Составлен
            разработчиками Опоры для 12 факторов риска; регион может адаптировать его: создайте свою версию и
            измените вопросы, варианты ответов и их риски.
          </Text>
          {draft.data && (
            <Text size="sm" c="dimmed">
              Вопросов: {counts(draft.data.items)}
            </Text>
          )}
          {canEdit && (
            <Group>
              <Button
                size="xs"
                onClick={() => newVersion(null)}
                loading={busy}
                data-testid="from-system-draft"
              >
                Создать версию региона из черновика
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
      <Group justify="space-between">
        <Title order={4}>Версии анкет региона</Title>
        {canEdit && (
          <FileButton onChange={importFile} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" size="xs" loading={busy}>
                Загрузить из JSON
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Query q={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" size="sm">
              У региона пока нет своих версий анкет.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table withTableBorder verticalSpacing="sm" data-testid="instrument-versions">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Анкеты</Table.Th>
                    <Table.Th>Версия</Table.Th>
                    <Table.Th>Статус</Table.Th>
                    <Table.Th>Кампании</Table.Th>
                    <Table.Th>Изменена</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id} data-testid={`instrument-${r.versionNo}`}>
                      <Table.Td miw={240}>
                        <Text component={Link} to={`/risk-instruments/${r.id}`} fw={500} size="sm">
                          {r.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {r.code} · {counts(r.items)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.versionNo}</Table.Td>
                      <Table.Td miw={120}>
                        <Badge
                          color={r.status === 'frozen' ? 'gray' : 'blue'}
                          variant="light"
                          style={{ overflow: 'visible' }}
                        >
                          {STATUS_LABELS[r.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.usedBy.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        ) : (
                          r.usedBy.map((c) => (
                            <Text size="sm" key={c.id}>
                              {c.title} ({c.year}, {CAMPAIGN_STATUS_LABELS[c.status]})
                            </Text>
                          ))
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(r.updatedAt)}</Text>
                        {r.createdBy && (
                          <Text size="xs" c="dimmed">
                            {r.createdBy.fullName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button component={Link} to={`/risk-instruments/${r.id}`} size="xs" variant="light">
                            {canEdit && r.status === 'draft' ? 'Изменить' : 'Открыть'}
                          </Button>
                          {canEdit && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => newVersion(r.id)}
                              loading={busy}
                            >
                              Новая версия
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Query>
    </Stack>
  );
}
