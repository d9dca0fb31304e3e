import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { checkAnswers } from '../../modules/monitoring/validate-answers.js';
import { type ApiData, ApiError, api, unwrap } from '../shared/api.js';
import { focusFirstError } from '../shared/form-check.js';
import { formatDate, formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { ComputedDetailTable } from './computed-table.js';
import { FormFields, type Values } from './form-fields.js';
import { M, RESPONSE_COLORS, RESPONSE_STATUS_LABELS } from './strings.js';

// One participant's form: the participant fills it (save a draft, come back, submit), the reviewer reads
// it and accepts it or returns it with a comment, which the participant then sees above the form. The
// messages under the fields come from the same validator the server runs on every save and submission.

type ResponseData = ApiData<'/api/monitorings/{id}/units/{unitId}', 'get'>;

export function ResponsePage() {
  const { id = '', unitId = '' } = useParams();
  const q = useQuery({
    queryKey: ['monitoring-response', id, unitId],
    queryFn: () =>
      unwrap(api.GET('/api/monitorings/{id}/units/{unitId}', { params: { path: { id, unitId } } })),
  });
  return <Query q={q}>{(r) => <ResponseBody r={r} />}</Query>;
}

function ResponseBody({ r }: { r: ResponseData }) {
  const qc = useQueryClient();
  const path = { id: r.monitoring.id, unitId: r.unit.id };
  const [values, setValues] = useState<Values>(r.answers);
  const [complete, setComplete] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  // A fresh copy from the server (after a save, a return, a reload) replaces what is on screen.
  useEffect(() => {
    setValues(r.answers);
    setServerErrors({});
  }, [r.answers]);
  const errors = useMemo(() => {
    if (!r.form) return {};
    const local = Object.fromEntries(
      checkAnswers(r.form, values, complete).issues.map((i) => [i.field, i.message]),
    );
    return { ...serverErrors, ...local };
  }, [r.form, values, complete, serverErrors]);
  const refresh = (data: ResponseData) => {
    qc.setQueryData(['monitoring-response', r.monitoring.id, r.unit.id], data);
    qc.invalidateQueries({ queryKey: ['monitorings'] });
    qc.invalidateQueries({ queryKey: ['monitoring', r.monitoring.id] });
  };
  const onFail = (e: unknown) => {
    if (e instanceof ApiError && e.fields.length)
      setServerErrors(
        Object.fromEntries(e.fields.map((f) => [f.field.replace(/^answers\./, ''), f.message])),
      );
    notifyError(e);
  };
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      unwrap(
        submit
          ? api.POST('/api/monitorings/{id}/units/{unitId}/submit', {
              params: { path },
              body: { version: r.version, answers: values as never },
            })
          : api.PUT('/api/monitorings/{id}/units/{unitId}', {
              params: { path },
              body: { version: r.version, answers: values as never },
            }),
      ),
    onSuccess: (data, submit) => {
      notifyOk(submit ? M.submitted : M.saved);
      refresh(data);
    },
    onError: onFail,
  });
  const review = useMutation({
    mutationFn: (decision: 'accept' | 'return') =>
      unwrap(
        api.POST('/api/monitorings/{id}/units/{unitId}/review', {
          params: { path },
          body: { version: r.version, decision, comment: decision === 'return' ? comment : undefined },
        }),
      ),
    onSuccess: (data, decision) => {
      notifyOk(decision === 'accept' ? M.accepted : M.returned);
      setComment('');
      refresh(data);
    },
    onError: notifyError,
  });
  const submit = () => {
    setComplete(true);
    if (r.form && checkAnswers(r.form, values, true).issues.length > 0) {
      notifyError(new Error(M.fixErrors));
      focusFirstError();
      return;
    }
    save.mutate(true);
  };
  return (
    <Stack>
      <Anchor component={Link} to={`/monitorings/${r.monitoring.id}`} size="sm">
        ← {r.monitoring.title}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{r.unit.name}</Title>
          <Text c="dimmed" size="sm">
            {r.monitoring.title} · проводит {r.monitoring.owner.name} · {M.deadline}:{' '}
            {formatDate(r.monitoring.periodEnd)}
          </Text>
        </div>
        <Group gap="xs" display={r.form ? undefined : 'none'}>
          <Badge size="lg" variant="light" color={RESPONSE_COLORS[r.status]} data-testid="response-status">
            {RESPONSE_STATUS_LABELS[r.status]}
          </Badge>
          {r.overdue && (
            <Badge size="lg" color="red" variant="light">
              {M.overdue}
            </Badge>
          )}
        </Group>
      </Group>
      {r.returnComment && r.status === 'returned' && (
        <Alert color="orange" title={M.returnedTitle} data-testid="return-comment">
          {r.returnComment}
        </Alert>
      )}
      {r.submittedAt && (
        <Text size="sm" c="dimmed">
          Отправлена {formatDateTime(r.submittedAt)}
          {r.reviewedAt ? ` · проверена ${formatDateTime(r.reviewedAt)}` : ''}
        </Text>
      )}
      {r.form && (
        <FormFields
          form={r.form}
          values={values}
          errors={r.canFill ? errors : {}}
          readOnly={!r.canFill}
          onChange={(fieldId, v) => setValues((old) => ({ ...old, [fieldId]: v }))}
        />
      )}
      {r.detail && <ComputedDetailTable detail={r.detail} />}
      {r.canFill && (
        <Paper withBorder p="md" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => save.mutate(false)}
              loading={save.isPending}
              data-testid="response-save"
            >
              {M.save}
            </Button>
            <Button onClick={submit} loading={save.isPending} data-testid="response-submit">
              {M.submit}
            </Button>
          </Group>
        </Paper>
      )}
      {r.canReview && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>Проверка формы</Title>
            {r.canReturn && (
              <Textarea
                label={M.comment}
                description="Обязателен при возврате: участник увидит его над формой"
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                autosize
                minRows={2}
                data-testid="review-comment"
              />
            )}
            <Group justify="flex-end">
              {r.canReturn && (
                <Button
                  color="orange"
                  variant="light"
                  disabled={!comment.trim()}
                  onClick={() => review.mutate('return')}
                  loading={review.isPending}
                  data-testid="review-return"
                >
                  {M.giveBack}
                </Button>
              )}
              <Button
                color="green"
                onClick={() => review.mutate('accept')}
                loading={review.isPending}
                data-testid="review-accept"
              >
                {M.accept}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
