import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DECISION_LABELS, LEVEL_LABELS, PRACTICE_STATUS_LABELS } from '../../modules/practices/strings.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { PRACTICE_UI as T } from './labels.js';
import { ReviewForm } from './review-form.js';

// A practice's card: description, figures, materials, reviews, and the steps of its path the actor may take.

export function PracticePage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const practice = useQuery({
    queryKey: ['practice', id],
    queryFn: () => unwrap(api.GET('/api/practices/{id}', { params: { path: { id } } })),
  });
  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      notifyOk(done);
      await qc.invalidateQueries({ queryKey: ['practice', id] });
      await qc.invalidateQueries({ queryKey: ['practices'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Query q={practice}>
      {(p) => {
        const path = { params: { path: { id: p.id } } };
        return (
          <Stack maw={1000}>
            <Anchor component={Link} to="/practices" size="sm">
              ← {T.bank}
            </Anchor>
            <Group justify="space-between" align="start">
              <Stack gap={2}>
                <Title order={2}>{p.title}</Title>
                <Text c="dimmed">
                  {p.authorName}
                  {p.authorKind === 'school' && p.municipalityName ? `, ${p.municipalityName}` : ''} ·{' '}
                  {p.year}/{String((p.year + 1) % 100).padStart(2, '0')} учебный год
                </Text>
              </Stack>
              <Badge size="lg" data-testid="practice-status">
                {PRACTICE_STATUS_LABELS[p.status]}
              </Badge>
            </Group>
            {p.status === 'withdrawn' && p.withdrawReason && (
              <Alert color="gray">
                {T.withdrawnBecause}: {p.withdrawReason}
              </Alert>
            )}
            <Group gap={4}>
              {p.riskFactors.map((f) => (
                <Badge key={f.key} variant="light" color="orange">
                  {f.title}
                </Badge>
              ))}
              {p.levels.map((l) => (
                <Badge key={l} variant="outline">
                  {LEVEL_LABELS[l]}
                </Badge>
              ))}
              {p.subjects.map((s) => (
                <Badge key={s} variant="light" color="gray">
                  {s}
                </Badge>
              ))}
            </Group>
            <Section title={T.problem} text={p.problem} />
            <Section title={T.actions} text={p.actions} />
            <Section title={T.results} text={p.results} />
            {p.figures.length > 0 && (
              <Table withTableBorder maw={700} data-testid="practice-figures">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{T.figureLabel}</Table.Th>
                    <Table.Th>{T.before}</Table.Th>
                    <Table.Th>{T.after}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.figures.map((f) => (
                    <Table.Tr key={f.label}>
                      <Table.Td>{f.label}</Table.Td>
                      <Table.Td>{f.before === null ? '—' : `${f.before} ${f.unit}`}</Table.Td>
                      <Table.Td>{f.after === null ? '—' : `${f.after} ${f.unit}`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={4}>{T.materials}</Title>
            {p.materials.length === 0 && <Text c="dimmed">{T.noMaterials}</Text>}
            {p.materials.map((m) => (
              <Group key={m.id} gap="xs">
                <Anchor
                  href={apiHref('/api/practices/{id}/files/{fileId}', { path: { id: p.id, fileId: m.id } })}
                >
                  {m.title}
                </Anchor>
                {p.canEdit && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    disabled={busy}
                    onClick={() =>
                      run(
                        () =>
                          unwrap(
                            api.DELETE('/api/practices/{id}/files/{fileId}', {
                              params: { path: { id: p.id, fileId: m.id }, query: { version: p.version } },
                            }),
                          ),
                        T.removed,
                      )
                    }
                  >
                    Убрать
                  </Button>
                )}
              </Group>
            ))}
            {p.contact && (
              <Text size="sm">
                <b>{T.contact}:</b> {p.contact}
              </Text>
            )}
            <Group>
              {p.canEdit && (
                <Button component={Link} to={`/practices/${p.id}/edit`} variant="light">
                  {T.edit}
                </Button>
              )}
              {p.canEdit && (
                <FileButton
                  onChange={(file) =>
                    file &&
                    run(
                      () =>
                        unwrap(
                          api.POST('/api/practices/{id}/files', {
                            params: { path: { id: p.id }, query: { version: p.version } },
                            body: { file },
                          }),
                        ),
                      T.uploaded,
                    )
                  }
                >
                  {(props) => (
                    <Button {...props} variant="light" disabled={busy}>
                      {T.upload}
                    </Button>
                  )}
                </FileButton>
              )}
              {p.canSubmit && (
                <Button
                  disabled={busy}
                  onClick={() =>
                    run(
                      () =>
                        unwrap(
                          api.POST('/api/practices/{id}/submit', { ...path, body: { version: p.version } }),
                        ),
                      T.submitted,
                    )
                  }
                  data-testid="practice-submit"
                >
                  {T.submit}
                </Button>
              )}
              {p.canPublish && (
                <Button
                  color="teal"
                  disabled={busy}
                  onClick={() =>
                    run(
                      () =>
                        unwrap(
                          api.POST('/api/practices/{id}/publish', { ...path, body: { version: p.version } }),
                        ),
                      T.published,
                    )
                  }
                  data-testid="practice-publish"
                >
                  {T.publish}
                </Button>
              )}
            </Group>
            {p.canWithdraw && (
              <Group align="end">
                <Textarea
                  label={T.withdrawReason}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  w={400}
                  autosize
                />
                <Button
                  color="red"
                  variant="light"
                  disabled={busy || !reason.trim()}
                  onClick={() =>
                    run(
                      () =>
                        unwrap(
                          api.POST('/api/practices/{id}/withdraw', {
                            ...path,
                            body: { version: p.version, reason },
                          }),
                        ),
                      T.withdrawn,
                    )
                  }
                >
                  {T.withdraw}
                </Button>
              </Group>
            )}
            {p.canReview && (
              <ReviewForm
                practiceId={p.id}
                version={p.version}
                onDone={() => run(async () => {}, T.reviewed)}
              />
            )}
            {p.reviews.length > 0 && <Title order={4}>{T.reviews}</Title>}
            {p.reviews.map((r) => (
              <Card key={r.id} withBorder data-testid="practice-review">
                <Group justify="space-between">
                  <Text fw={600}>
                    {DECISION_LABELS[r.decision]} — {r.reviewerUnitName}
                    {r.reviewerName ? `, ${r.reviewerName}` : ''}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(r.createdAt)} · {T.score}: {r.score} из {r.maxScore}
                  </Text>
                </Group>
                {r.criteria.map((c) => (
                  <Text key={c.key} size="sm">
                    {c.title}: {c.score} из {c.max}
                  </Text>
                ))}
                {r.comment && <Text mt="xs">{r.comment}</Text>}
              </Card>
            ))}
          </Stack>
        );
      }}
    </Query>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  if (!text) return null;
  return (
    <Stack gap={2}>
      <Title order={4}>{title}</Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </Stack>
  );
}
