import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { fetchers, keys, type Overview, type Sample } from './api.js';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS } from './labels.js';
import { AssignExpert } from './review-cell.js';

// Выборочная экспертиза: a share of the documents drawn with a recorded seed; «повторить выбор» redraws it.

const KINDS = [
  { value: '', label: 'Все документы' },
  { value: 'antirisk_program', label: 'Антирисковые программы' },
  { value: 'concept', label: 'Концепции развития' },
  { value: 'midterm_program', label: 'Среднесрочные программы развития' },
];

export function SamplesTab({ o, canOrganize }: { o: Overview; canOrganize: boolean }) {
  const q = useQuery({ queryKey: keys.samples(o.year), queryFn: () => fetchers.samples(o.year) });
  return (
    <Stack>
      {canOrganize && o.units.length > 0 && <NewSample o={o} />}
      <Query q={q}>
        {(list) =>
          list.length === 0 ? (
            <Text>Выборок за этот год нет.</Text>
          ) : (
            list.map((s) => <SampleCard key={s.id} s={s} o={o} canOrganize={canOrganize} />)
          )
        }
      </Query>
    </Stack>
  );
}

function NewSample({ o }: { o: Overview }) {
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(o.units[0]?.id ?? null);
  const [kind, setKind] = useState<string | null>('');
  const [share, setShare] = useState<number | string>(30);
  const [seed, setSeed] = useState('');
  async function create() {
    if (!unitId) return;
    try {
      const s = await unwrap(
        api.POST('/api/expertise/samples', {
          body: {
            unitId,
            year: o.year,
            share: Number(share) / 100,
            kind: kind ? (kind as 'antirisk_program') : undefined,
            seed: seed.trim() || undefined,
          },
        }),
      );
      notifyOk(`Выбрано ${s.documents.length} из ${s.population}, зерно ${s.seed}`);
      await qc.invalidateQueries({ queryKey: keys.all });
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        Новая выборка
      </Text>
      <Group align="flex-end">
        <Select
          label="Где"
          data={o.units.map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          w={260}
        />
        <Select label="Документы" data={KINDS} value={kind} onChange={setKind} w={260} />
        <NumberInput
          label="Доля, %"
          min={1}
          max={100}
          value={share}
          onChange={setShare}
          w={100}
          data-testid="sample-share"
        />
        <TextInput
          label="Зерно (необязательно)"
          value={seed}
          onChange={(e) => setSeed(e.currentTarget.value)}
          w={180}
        />
        <Button onClick={create} data-testid="sample-create">
          Сделать выборку
        </Button>
      </Group>
    </Card>
  );
}

function SampleCard({ s, o, canOrganize }: { s: Sample; o: Overview; canOrganize: boolean }) {
  const [check, setCheck] = useState<{ same: boolean; populationChanged: boolean } | null>(null);
  async function repeat() {
    try {
      setCheck(
        await unwrap(api.GET('/api/expertise/samples/{id}/check', { params: { path: { id: s.id } } })),
      );
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Card withBorder data-testid="sample">
      <Group justify="space-between">
        <Text fw={600}>
          {s.unit.name}: {s.documents.length} из {s.population} ({Math.round(s.share * 100)} %),{' '}
          {s.kind ? DOCUMENT_KIND_LABELS[s.kind] : 'все документы'}
        </Text>
        <Group gap="xs">
          <Badge variant="outline" size="lg" data-testid="sample-seed">
            зерно {s.seed}
          </Badge>
          <Button size="xs" variant="light" onClick={repeat} data-testid="sample-repeat">
            Повторить выбор
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(s.createdAt)}
      </Text>
      {check && (
        <Alert mt="xs" color={check.same ? 'teal' : 'red'} data-testid="sample-check">
          {check.same
            ? 'Повторный выбор с тем же зерном из той же совокупности дал те же документы.'
            : 'Повторный выбор дал другие документы: проверьте запись выборки.'}
          {check.populationChanged
            ? ' С тех пор состав документов изменился; выборка проверена по записанной совокупности.'
            : ''}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={500}>
        <Table mt="xs">
          <Table.Tbody>
            {s.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.school?.name}</Table.Td>
                <Table.Td>{d.municipality?.name}</Table.Td>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{DOCUMENT_STATUS_LABELS[d.status] ?? d.status}</Table.Td>
                {canOrganize && (
                  <Table.Td>
                    <AssignExpert target={{ schoolDocumentId: d.id, sampleId: s.id }} experts={o.experts} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
