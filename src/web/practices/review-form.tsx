import { Button, Card, Group, NumberInput, SegmentedControl, Stack, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { reviewInput } from '../../modules/practices/input.js';
import { DECISION_LABELS } from '../../modules/practices/strings.js';
import { api, unwrap } from '../shared/api.js';
import { check } from '../shared/form-check.js';
import { notifyError } from '../shared/ui.js';
import { PRACTICE_UI as T } from './labels.js';

// The reviewer's form: a score per criterion (0..max) and the decision; return and reject need a comment.
export function ReviewForm({
  practiceId,
  version,
  onDone,
}: {
  practiceId: string;
  version: number;
  onDone: () => void;
}) {
  const opts = useQuery({
    queryKey: ['practice-options'],
    queryFn: () => unwrap(api.GET('/api/practices/options')),
  });
  const [scores, setScores] = useState<Record<string, number>>({});
  const [decision, setDecision] = useState<'approve' | 'return' | 'reject'>('approve');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const criteria = opts.data?.criteria ?? [];
  const send = async () => {
    const body = {
      version,
      decision,
      comment,
      criteria: criteria
        .filter((c) => scores[c.key] !== undefined)
        .map((c) => ({ key: c.key, score: scores[c.key] ?? 0 })),
    };
    const checked = check(reviewInput, body);
    // The schema also checks the keys: they come from the same list of criteria.
    if (checked.errors) return setError(Object.values(checked.errors)[0] ?? null);
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/practices/{id}/review', { params: { path: { id: practiceId } }, body: checked.data }),
      );
      setError(null);
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid="review-form">
      <Stack>
        <Title order={4}>{T.review}</Title>
        {criteria.map((c) => (
          <NumberInput
            key={c.key}
            label={`${c.title} (0–${c.max})`}
            min={0}
            max={c.max}
            value={scores[c.key] ?? ''}
            onChange={(x) => setScores((s) => ({ ...s, [c.key]: Number(x) }))}
            w={380}
            data-testid={`criterion-${c.key}`}
          />
        ))}
        <SegmentedControl
          value={decision}
          onChange={(x) => setDecision(x as typeof decision)}
          data={Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }))}
          w="fit-content"
        />
        <Textarea
          label={T.comment}
          description={T.commentHint}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
        />
        <Group>
          <Button onClick={send} loading={busy} data-testid="review-send">
            {T.decision}: {DECISION_LABELS[decision].toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
