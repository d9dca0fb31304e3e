import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, notifyOk } from '../shared/ui.js';
import { keys, type Overview } from './api.js';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS } from './labels.js';
import { AssignExpert, ReviewLine } from './review-cell.js';

// The documents of the year with their mutual and expert reviews; the mutual distribution with its seed.

export function DocumentsTab({ o, canOrganize }: { o: Overview; canOrganize: boolean }) {
  const schoolOptions = o.reviewerSchools.map((s) => ({
    value: s.id,
    label: `${s.name}${s.municipality ? ` — ${s.municipality.name}` : ''}`,
  }));
  const expertOptions = o.experts.map((e) => ({ value: e.id, label: e.fullName }));
  return (
    <Stack>
      {canOrganize && o.units.length > 0 && <MutualRun o={o} />}
      {o.rounds.map((r) => (
        <Alert key={r.id} color="blue" variant="light" data-testid="round">
          Взаимная экспертиза распределена {formatDateTime(r.createdAt)} ({r.unit.name}): программ{' '}
          {r.stats.documents}, назначено {r.stats.assigned}, из другого муниципалитета{' '}
          {r.stats.crossMunicipality}, не больше {r.stats.maxLoad} на школу
          {r.stats.unassigned ? `, без эксперта ${r.stats.unassigned}` : ''}. Зерно:{' '}
          <b data-testid="round-seed">{r.seed}</b>
        </Alert>
      ))}
      {o.documents.length === 0 ? (
        <Text>Документов школ на экспертизе за этот год нет.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" data-testid="expertise-documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Школа</Table.Th>
                <Table.Th>Документ</Table.Th>
                <Table.Th>Взаимная экспертиза</Table.Th>
                <Table.Th>Экспертиза</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.documents.map((d) => {
                const mutual = d.reviews.filter((r) => r.mode === 'mutual');
                const experts = d.reviews.filter((r) => r.mode !== 'mutual');
                return (
                  <Table.Tr key={d.id} data-testid="expertise-document">
                    <Table.Td>
                      <Text size="sm">{d.school.name}</Text>
                      <Text size="xs" c="dimmed">
                        {d.municipality?.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.title}</Text>
                      <Group gap={4}>
                        <Badge size="xs" variant="outline">
                          {DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}
                        </Badge>
                        <Badge size="xs" variant="light">
                          {DOCUMENT_STATUS_LABELS[d.status] ?? d.status}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {mutual.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          {/* Only a document on expertise waits for a reviewer school. */}
                          {d.status === 'expertise' ? 'не распределено' : '—'}
                        </Text>
                      ) : (
                        mutual.map((r) => (
                          <ReviewLine key={r.id} r={r} options={schoolOptions} canChange={canOrganize} />
                        ))
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        {experts.map((r) => (
                          <ReviewLine key={r.id} r={r} options={expertOptions} canChange={canOrganize} />
                        ))}
                        {canOrganize && d.status === 'expertise' && (
                          <AssignExpert target={{ schoolDocumentId: d.id }} experts={o.experts} />
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function MutualRun({ o }: { o: Overview }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(o.units[0]?.id ?? null);
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  async function run() {
    if (!unitId) return;
    setBusy(true);
    try {
      const r = await unwrap(
        api.POST('/api/expertise/mutual-rounds', {
          body: { unitId, year: o.year, seed: seed.trim() || undefined },
        }),
      );
      notifyOk(`Распределено ${r.stats.assigned} программ, зерно ${r.seed}`);
      setOpen(false);
      await qc.invalidateQueries({ queryKey: keys.all });
    } catch (e) {
      notifyError(e);
    }
    setBusy(false);
  }
  return (
    <>
      <Group>
        <Button onClick={() => setOpen(true)} data-testid="mutual-open">
          Распределить взаимную экспертизу
        </Button>
        <Text size="xs" c="dimmed" maw={600}>
          Каждая программа ШНОР уходит другой ШНОР: не своей школе и не паре «наставник — ШНОР», не больше
          ⌈n/m⌉ на школу, по возможности из другого муниципалитета. Назначение можно изменить вручную.
        </Text>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title="Взаимная экспертиза">
        <Stack>
          <Select
            label="Для кого"
            data={o.units.map((u) => ({ value: u.id, label: u.name }))}
            value={unitId}
            onChange={setUnitId}
          />
          <TextInput
            label="Зерно (необязательно)"
            description="Одно и то же зерно даёт то же распределение; без него система выберет и запишет своё."
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
            data-testid="mutual-seed"
          />
          <Button onClick={run} loading={busy} data-testid="mutual-run">
            Распределить
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
