import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RiskLevel } from '../../db/schema/values.js';
import { LEVEL_LABELS, VERIFICATION_LABELS } from '../../modules/risk-profiles/strings.js';
import { api, unwrap } from '../shared/api.js';
import { formatDate, formatDateTime, notifyError, notifyOk } from '../shared/ui.js';
import type { SchoolProfile } from './profile-api.js';
import { LevelBadge } from './profile-levels.js';

// The curator's verification (issue 11 §4): the visit, then each factor confirmed or changed with a
// comment and 2–3 priority risks; the school's team may propose priorities before that.

const STATUS_COLORS = { not_started: 'gray', visited: 'blue', verified: 'green' } as const;
const LEVELS: RiskLevel[] = ['high', 'medium', 'low', 'none', 'nodata'];

export function VerificationPanel({ p }: { p: SchoolProfile }) {
  const v = p.verification;
  if (!v || !p.campaign) return null;
  const names = new Map(p.factors.map((f) => [f.code, `${f.code}. ${f.name}`]));
  return (
    <Paper withBorder p="md" data-testid="verification">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>Верификация куратором</Title>
          <Badge color={STATUS_COLORS[v.status]} data-testid="verification-status">
            {VERIFICATION_LABELS[v.status]}
          </Badge>
        </Group>
        {v.visitDate && (
          <Text size="sm">
            Визит {formatDate(v.visitDate)}; участники: {v.participants}.{' '}
            {[
              v.observed.documents && `Документы: ${v.observed.documents}.`,
              v.observed.lessons && `Уроки: ${v.observed.lessons}.`,
              v.observed.interviews && `Собеседования: ${v.observed.interviews}.`,
            ]
              .filter(Boolean)
              .join(' ')}
          </Text>
        )}
        {v.priorityFactors.length > 0 && (
          <Text size="sm">
            Приоритетные риски{v.status === 'verified' ? '' : ' (предложены)'}:{' '}
            {v.priorityFactors.map((c) => names.get(c) ?? c).join('; ')}
          </Text>
        )}
        {v.status === 'verified' && (
          <Text size="sm" c="dimmed">
            Верифицировал {v.verifiedBy} {formatDateTime(v.verifiedAt)}
          </Text>
        )}
        {v.history.length > 0 && (
          <Stack gap={2} data-testid="verification-history">
            <Text size="sm" fw={500}>
              История
            </Text>
            {v.history.map((h) => (
              <Text key={`${h.at}-${h.text}`} size="xs" c="dimmed">
                {formatDateTime(h.at)} — {h.actor ?? 'система'}: {h.text}
              </Text>
            ))}
          </Stack>
        )}
        {v.canVerify && <VisitForm p={p} />}
        {v.canVerify && v.status === 'visited' && <VerifyForm p={p} />}
        {v.canPropose && !v.canVerify && <ProposeForm p={p} />}
      </Stack>
    </Paper>
  );
}

function useSave(p: SchoolProfile) {
  const qc = useQueryClient();
  return (data: SchoolProfile, message: string) => {
    qc.setQueryData(['risk-school-profile', p.school.id, p.campaign?.id ?? null], data);
    qc.invalidateQueries({ queryKey: ['risk-school-profile', p.school.id] });
    qc.invalidateQueries({ queryKey: ['risk-heat-map'] });
    notifyOk(message);
  };
}

const path = (p: SchoolProfile) => ({ path: { id: p.campaign?.id ?? '', schoolId: p.school.id } });

function VisitForm({ p }: { p: SchoolProfile }) {
  const v = p.verification;
  const saved = useSave(p);
  const [visitDate, setDate] = useState(v?.visitDate ?? '');
  const [participants, setParticipants] = useState(v?.participants ?? '');
  const [observed, setObserved] = useState(v?.observed ?? { documents: '', lessons: '', interviews: '' });
  const m = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/risk-profiles/campaigns/{id}/schools/{schoolId}/visit', {
          params: path(p),
          body: { visitDate, participants, observed, version: v?.version ?? 0 },
        }),
      ),
    onSuccess: (d) => saved(d, 'Визит отмечен'),
    onError: notifyError,
  });
  return (
    <Stack gap="xs">
      <Text fw={500}>1. Визит</Text>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label="Дата визита"
          value={visitDate}
          onChange={(e) => setDate(e.currentTarget.value)}
          maw={200}
          data-testid="visit-date"
        />
        <TextInput
          label="Участники"
          value={participants}
          onChange={(e) => setParticipants(e.currentTarget.value)}
          data-testid="visit-participants"
        />
      </Group>
      {(['documents', 'lessons', 'interviews'] as const).map((k) => (
        <Textarea
          key={k}
          autosize
          minRows={1}
          label={
            { documents: 'Изучены документы', lessons: 'Посещены уроки', interviews: 'Собеседования' }[k]
          }
          value={observed[k]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setObserved((o) => ({ ...o, [k]: value }));
          }}
          data-testid={`visit-${k}`}
        />
      ))}
      <Group>
        <Button onClick={() => m.mutate()} loading={m.isPending} data-testid="visit-save">
          {v?.status === 'visited' ? 'Сохранить визит' : 'Отметить визит'}
        </Button>
      </Group>
    </Stack>
  );
}

function VerifyForm({ p }: { p: SchoolProfile }) {
  const v = p.verification;
  const saved = useSave(p);
  const [levels, setLevels] = useState<Record<string, { level: RiskLevel; comment: string }>>(() =>
    Object.fromEntries(p.factors.map((f) => [f.code, { level: f.level, comment: '' }])),
  );
  const [priorities, setPriorities] = useState<string[]>(v?.priorityFactors ?? []);
  const m = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/risk-profiles/campaigns/{id}/schools/{schoolId}/verification', {
          params: path(p),
          body: {
            levels: Object.fromEntries(
              Object.entries(levels).map(([c, l]) => [c, { level: l.level, comment: l.comment || null }]),
            ),
            priorityFactors: priorities,
            version: v?.version ?? 0,
          },
        }),
      ),
    onSuccess: (d) => saved(d, 'Профиль верифицирован'),
    onError: notifyError,
  });
  return (
    <Stack gap="xs">
      <Text fw={500}>2. Уровни факторов: подтвердите рассчитанный или измените с комментарием</Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {p.factors.map((f) => {
              const l = levels[f.code] ?? { level: f.level, comment: '' };
              const changed = l.level !== f.level;
              return (
                <Table.Tr key={f.code} data-testid={`verify-${f.code}`}>
                  <Table.Td w="40%">
                    {f.code}. {f.name}
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={f.level} />
                  </Table.Td>
                  <Table.Td w={150}>
                    <Select
                      size="xs"
                      data={LEVELS.map((x) => ({ value: x, label: LEVEL_LABELS[x] }))}
                      value={l.level}
                      allowDeselect={false}
                      onChange={(x) =>
                        setLevels((s) => ({ ...s, [f.code]: { ...l, level: (x ?? f.level) as RiskLevel } }))
                      }
                      data-testid={`verify-level-${f.code}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    {changed && (
                      <TextInput
                        size="xs"
                        placeholder="Почему уровень изменён (обязательно)"
                        value={l.comment}
                        error={l.comment.trim() ? undefined : 'Нужен комментарий'}
                        onChange={(e) => {
                          const comment = e.currentTarget.value;
                          setLevels((s) => ({ ...s, [f.code]: { ...l, comment } }));
                        }}
                        data-testid={`verify-comment-${f.code}`}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PriorityPicker p={p} value={priorities} onChange={setPriorities} />
      <Group>
        <Button color="green" onClick={() => m.mutate()} loading={m.isPending} data-testid="verify-save">
          Верифицировать профиль
        </Button>
      </Group>
    </Stack>
  );
}

function PriorityPicker({
  p,
  value,
  onChange,
}: {
  p: SchoolProfile;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <MultiSelect
      label="Приоритетные риски (2–3)"
      data={p.factors.map((f) => ({ value: f.code, label: `${f.code}. ${f.name}` }))}
      value={value}
      onChange={onChange}
      maxValues={3}
      data-testid="priorities"
    />
  );
}

function ProposeForm({ p }: { p: SchoolProfile }) {
  const saved = useSave(p);
  const [priorities, setPriorities] = useState<string[]>(p.verification?.priorityFactors ?? []);
  const m = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/risk-profiles/campaigns/{id}/schools/{schoolId}/priorities', {
          params: path(p),
          body: { factors: priorities, version: p.verification?.version ?? 0 },
        }),
      ),
    onSuccess: (d) => saved(d, 'Приоритеты предложены куратору'),
    onError: notifyError,
  });
  return (
    <Stack gap="xs">
      <Text size="sm">Предложите куратору 2–3 приоритетных риска: он закрепит их при верификации.</Text>
      <PriorityPicker p={p} value={priorities} onChange={setPriorities} />
      <Group>
        <Button variant="light" onClick={() => m.mutate()} loading={m.isPending} data-testid="propose-save">
          Предложить приоритеты
        </Button>
      </Group>
    </Stack>
  );
}
