import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { escalationRulesInput, RULE_LABELS } from '../../modules/deadlines/views.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { L } from './labels.js';

// The region's rules (issue 15 §3): the regional operator edits them, the others read them. Checked with
// the route's own schema (1–90 days, in Russian) before sending; a stale version gets the conflict notice.

type Rules = ApiData<'/api/escalation-rules', 'get'>;
type Values = {
  enabled: boolean;
  dueSoonDays: number | string;
  schoolOverdueDays: number | string;
  municipalityOverdueDays: number | string;
};

/** Only the form's fields: the request schema is strict. */
const valuesOf = (r: Rules): Values => ({
  enabled: r.enabled,
  dueSoonDays: r.dueSoonDays,
  schoolOverdueDays: r.schoolOverdueDays,
  municipalityOverdueDays: r.municipalityOverdueDays,
});

const FIELDS = ['dueSoonDays', 'schoolOverdueDays', 'municipalityOverdueDays'] as const;

export function RulesForm({ editable }: { editable: boolean }) {
  const q = useQuery({
    queryKey: ['escalation-rules'],
    queryFn: () => unwrap(api.GET('/api/escalation-rules')),
  });
  return <Query q={q}>{(rules) => <RulesEditor rules={rules} editable={editable} />}</Query>;
}

function RulesEditor({ rules, editable }: { rules: Rules; editable: boolean }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(rules));
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => setValues(valuesOf(rules)), [rules]);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof escalationRulesInput.parse>) =>
      unwrap(api.PUT('/api/escalation-rules', { body })),
    onSuccess: async () => {
      notifyOk(L.saved);
      await client.invalidateQueries({ queryKey: ['escalation-rules'] });
      await client.invalidateQueries({ queryKey: ['escalations'] });
    },
    onError: notifyError,
  });
  const submit = () => {
    const checked = check(escalationRulesInput, { ...values, version: rules.version });
    setErrors(checked.errors ?? {});
    if (checked.data) save.mutate(checked.data);
  };
  return (
    <Paper withBorder p="md" data-testid="escalation-rules">
      <Stack gap="sm">
        <Title order={4}>
          {L.rulesTitle}: {rules.regionName}
        </Title>
        <Group align="start">
          {FIELDS.map((f) => (
            <NumberInput
              key={f}
              label={RULE_LABELS[f]}
              value={values[f]}
              onChange={(v) => setValues((s) => ({ ...s, [f]: v }))}
              error={errors[f]}
              allowDecimal={false}
              w={260}
              disabled={!editable}
              data-testid={`rule-${f}`}
            />
          ))}
        </Group>
        <Checkbox
          label={RULE_LABELS.enabled}
          checked={values.enabled}
          onChange={(e) => setValues((s) => ({ ...s, enabled: e.currentTarget.checked }))}
          disabled={!editable}
          data-testid="rule-enabled"
        />
        <Text size="sm" c="dimmed">
          {rules.version === 0 ? L.defaults : L.changed(rules.updatedBy, formatDateTime(rules.updatedAt))}
          {!rules.enabled && ` ${L.disabled}`}
        </Text>
        {editable && (
          <Group>
            <Button onClick={submit} loading={save.isPending} data-testid="rules-save">
              {L.save}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
