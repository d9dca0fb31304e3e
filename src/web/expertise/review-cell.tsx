import { Anchor, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { keys, type Overview, type ReviewSummary } from './api.js';
import { CONCLUSION_COLORS, CONCLUSION_LABELS, HIDDEN_REVIEWER, STATUS_LABELS, score } from './labels.js';

// A review in the organizer's tables: who writes it, its state and score; a draft's reviewer can be changed.

export function ReviewLine({
  r,
  options,
  canChange,
}: {
  r: ReviewSummary;
  options: { value: string; label: string }[];
  canChange: boolean;
}) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const name = r.reviewer.name ?? (r.reviewer.kind === 'school' ? HIDDEN_REVIEWER : 'эксперт');
  async function change(to: string | null) {
    if (!to) return;
    try {
      await unwrap(
        api.PATCH('/api/expertise/reviews/{id}/reviewer', {
          params: { path: { id: r.id } },
          body:
            r.mode === 'mutual'
              ? { reviewerSchoolId: to, version: r.version }
              : { reviewerUserId: to, version: r.version },
        }),
      );
      notifyOk('Назначение изменено');
      setEditing(false);
      await qc.invalidateQueries({ queryKey: keys.all });
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Anchor component={Link} to={`/expertise/reviews/${r.id}`} size="sm" data-testid="review-link">
          {name}
        </Anchor>
        <Badge size="xs" variant="light" color={r.status === 'submitted' ? 'teal' : 'gray'}>
          {STATUS_LABELS[r.status]}
        </Badge>
        {r.status === 'submitted' && r.conclusion && (
          <Badge size="xs" variant="outline" color={CONCLUSION_COLORS[r.conclusion]}>
            {CONCLUSION_LABELS[r.conclusion]}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {score(r.total, r.maxTotal)}
        </Text>
        {r.mode === 'sample' && (
          <Badge size="xs" variant="dot">
            выборочная
          </Badge>
        )}
      </Group>
      {canChange && r.status === 'draft' && !editing && (
        <Button
          size="compact-xs"
          variant="subtle"
          w="fit-content"
          onClick={() => setEditing(true)}
          data-testid="reviewer-change"
        >
          Изменить
        </Button>
      )}
      {editing && (
        <Select
          size="xs"
          searchable
          placeholder={r.mode === 'mutual' ? 'Другая школа' : 'Другой эксперт'}
          data={options.filter((o) => o.value !== r.reviewer.id)}
          onChange={change}
          aria-label="Новый эксперт"
          data-testid="reviewer-select"
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Stack>
  );
}

export function AssignExpert({
  target,
  experts,
}: {
  target: { schoolDocumentId?: string; roadmapId?: string; sampleId?: string };
  experts: Overview['experts'];
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  async function assign(userId: string | null) {
    if (!userId) return;
    try {
      await unwrap(api.POST('/api/expertise/reviews', { body: { ...target, reviewerUserId: userId } }));
      notifyOk('Эксперт назначен');
      setOpen(false);
      await qc.invalidateQueries({ queryKey: keys.all });
    } catch (e) {
      notifyError(e);
    }
  }
  return open ? (
    <Select
      size="xs"
      searchable
      placeholder="Эксперт"
      data={experts.map((e) => ({ value: e.id, label: `${e.fullName}${e.isExpert ? '' : ' (ИРО)'}` }))}
      onChange={assign}
      aria-label="Эксперт"
      data-testid="expert-select"
      w={240}
    />
  ) : (
    <Button
      size="compact-xs"
      variant="subtle"
      w="fit-content"
      onClick={() => setOpen(true)}
      data-testid="assign-expert"
    >
      Назначить эксперта
    </Button>
  );
}
