import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  Spoiler,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fetchers, keys, type ReviewDetail } from '../expertise/api.js';
import {
  CONCLUSION_COLORS,
  CONCLUSION_LABELS,
  DOCUMENT_KIND_LABELS,
  HIDDEN_REVIEWER,
  HIDDEN_SCHOOL,
  MODE_LABELS,
  STATUS_LABELS,
  score,
} from '../expertise/labels.js';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';

// One review: the document to read, the criteria with their scales, the conclusion and recommendations.
// The reviewer fills it (a draft saved with its version) and submits it; everyone else reads it.
// Works at 390 px: a school team often fills a mutual review from a phone.

export function ExpertiseReviewPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.review(id), queryFn: () => fetchers.review(id) });
  return <Query q={q}>{(r) => <ReviewView key={`${r.id}-${r.version}`} r={r} />}</Query>;
}

type Entry = { code: string; score: number | null; comment: string };

function ReviewView({ r }: { r: ReviewDetail }) {
  const qc = useQueryClient();
  const [scores, setScores] = useState<Entry[]>(r.scores);
  const [conclusion, setConclusion] = useState(r.conclusion);
  const [recommendations, setRecommendations] = useState(r.recommendations);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const total = scores.some((s) => s.score !== null) ? scores.reduce((a, s) => a + (s.score ?? 0), 0) : null;
  const edit = r.canEdit;
  const set = (code: string, patch: Partial<Entry>) =>
    setScores((all) => all.map((s) => (s.code === code ? { ...s, ...patch } : s)));

  async function save(): Promise<number | null> {
    try {
      const res = await unwrap(
        api.PUT('/api/expertise/reviews/{id}', {
          params: { path: { id: r.id } },
          body: { scores, conclusion, recommendations, version: r.version },
        }),
      );
      return res.version;
    } catch (e) {
      notifyError(e);
      return null;
    }
  }
  async function onSave() {
    setBusy(true);
    const v = await save();
    setBusy(false);
    if (v !== null) {
      notifyOk('Черновик заключения сохранён');
      await qc.invalidateQueries({ queryKey: keys.all });
    }
  }
  async function onSubmit() {
    setConfirming(false);
    setBusy(true);
    const v = await save();
    if (v !== null) {
      try {
        await unwrap(
          api.POST('/api/expertise/reviews/{id}/submit', {
            params: { path: { id: r.id } },
            body: { version: v },
          }),
        );
        notifyOk('Заключение отправлено');
      } catch (e) {
        notifyError(e);
      }
      await qc.invalidateQueries({ queryKey: keys.all });
    }
    setBusy(false);
  }

  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/expertise/mine" size="sm">
        ← Мои экспертизы
      </Anchor>
      <Title order={2} data-testid="review-title">
        {r.target.title}
      </Title>
      <Group gap="xs">
        <Badge variant="light">{MODE_LABELS[r.mode]}</Badge>
        <Badge color={r.status === 'submitted' ? 'teal' : 'gray'} data-testid="review-status">
          {STATUS_LABELS[r.status]}
        </Badge>
        <Badge variant="outline">{DOCUMENT_KIND_LABELS[r.target.kind] ?? r.target.kind}</Badge>
        {r.conclusion && r.status === 'submitted' && (
          <Badge color={CONCLUSION_COLORS[r.conclusion]}>{CONCLUSION_LABELS[r.conclusion]}</Badge>
        )}
      </Group>
      <Text size="sm">
        {r.target.unit
          ? `${r.target.unit.name}${r.target.municipality ? `, ${r.target.municipality.name}` : ''}`
          : HIDDEN_SCHOOL}
      </Text>
      <Text size="sm" c="dimmed">
        Эксперт: {r.reviewer.name ?? (r.reviewer.kind === 'school' ? HIDDEN_REVIEWER : 'эксперт')} · Критерии:{' '}
        {r.criteriaSet.title}, версия {r.criteriaSet.versionNo}
      </Text>
      {r.target.type === 'roadmap' && (
        <Anchor component={Link} to={`/roadmaps/${r.target.id}`}>
          Открыть дорожную карту
        </Anchor>
      )}
      {r.outline.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            Текст документа
          </Text>
          <Spoiler maxHeight={180} showLabel="Показать весь текст" hideLabel="Свернуть">
            <Stack gap={4} data-testid="review-outline">
              {r.outline.map((l) => (
                <Text key={l.label} size="sm">
                  <Text span c="dimmed">
                    {l.label}:{' '}
                  </Text>
                  {l.text}
                </Text>
              ))}
            </Stack>
          </Spoiler>
        </Card>
      )}
      {r.criteriaSet.criteria.map((c) => {
        const s = scores.find((x) => x.code === c.code) ?? { code: c.code, score: null, comment: '' };
        return (
          <Card withBorder key={c.code} data-testid={`criterion-${c.code}`}>
            <Text fw={600}>
              {c.code}. {c.name}
            </Text>
            <Text size="sm" c="dimmed" mb="xs">
              {c.description}
            </Text>
            <Radio.Group
              value={s.score === null ? null : String(s.score)}
              onChange={(v) => set(c.code, { score: Number(v) })}
              readOnly={!edit}
            >
              <Stack gap={6}>
                {c.scale.map((p) => (
                  <Radio
                    key={p.score}
                    value={String(p.score)}
                    label={`${p.score} — ${p.label}`}
                    disabled={!edit}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {(edit || s.comment) && (
              <Textarea
                mt="xs"
                placeholder="Комментарий эксперта"
                aria-label={`Комментарий к критерию ${c.code}`}
                value={s.comment}
                onChange={(e) => set(c.code, { comment: e.currentTarget.value })}
                readOnly={!edit}
                autosize
                minRows={1}
              />
            )}
          </Card>
        );
      })}
      <Card withBorder>
        <Text fw={600} data-testid="review-total">
          Итого: {score(total, r.maxTotal)}
        </Text>
        <Radio.Group
          mt="sm"
          label="Заключение"
          value={conclusion}
          onChange={(v) => setConclusion(v === 'recommended' || v === 'rework' ? v : null)}
        >
          <Stack gap={6} mt={4}>
            <Radio value="recommended" label={CONCLUSION_LABELS.recommended} disabled={!edit} />
            <Radio value="rework" label={CONCLUSION_LABELS.rework} disabled={!edit} />
          </Stack>
        </Radio.Group>
        <Textarea
          mt="sm"
          label="Рекомендации"
          value={recommendations}
          onChange={(e) => setRecommendations(e.currentTarget.value)}
          readOnly={!edit}
          autosize
          minRows={3}
        />
      </Card>
      {edit ? (
        <Group>
          <Button variant="default" onClick={onSave} loading={busy} data-testid="review-save">
            Сохранить черновик
          </Button>
          <Button onClick={() => setConfirming(true)} loading={busy} data-testid="review-submit">
            Отправить заключение
          </Button>
          <Modal opened={confirming} onClose={() => setConfirming(false)} title="Отправить заключение?">
            <Text size="sm">После отправки заключение больше не изменяется.</Text>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Отмена
              </Button>
              <Button onClick={onSubmit} data-testid="review-submit-confirm">
                Отправить
              </Button>
            </Group>
          </Modal>
        </Group>
      ) : (
        r.status === 'draft' && <Alert color="gray">Заключение заполняет назначенный эксперт.</Alert>
      )}
      <Card withBorder>
        <Text fw={600} mb="xs">
          История
        </Text>
        {r.history.map((h) => (
          <Text key={`${h.at}-${h.type}`} size="sm">
            {formatDateTime(h.at)} — {h.note ?? h.type}
            {h.by ? ` (${h.by})` : ''}
          </Text>
        ))}
      </Card>
    </Stack>
  );
}
