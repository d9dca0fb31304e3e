import { Checkbox, Fieldset, Select, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { EVIDENCE_KIND_LABELS, kindFromIndicator, ruleText } from '../../modules/roadmaps/proof-rule.js';
import type { ItemKey, ItemValues } from './item-values.js';

const KINDS = Object.entries(EVIDENCE_KIND_LABELS)
  .filter(([k]) => k !== 'other')
  .map(([value, label]) => ({ value, label }));

type Props = {
  values: ItemValues;
  set: <K extends ItemKey>(k: K, v: ItemValues[K]) => void;
  errors: Record<string, string>;
  hint: (k: ItemKey) => ReactNode;
};

/**
 * What proves the measure done (docs/decisions/0017-evidence-rules.md): the document kind, the fact
 * against the target above, and the keeper's written exception that the confirmer will see.
 */
export function ProofRuleFields({ values: v, set, errors, hint }: Props) {
  const suggested = v.evidenceKind ? null : kindFromIndicator(v.indicator);
  const rule = ruleText({
    evidenceKind: v.evidenceKind,
    targetComparator: v.targetComparator,
    targetValue: v.targetValue,
    targetUnit: v.targetUnit || null,
    targetCoverage: v.targetCoverage,
  });
  return (
    <Fieldset legend="Чем подтверждается выполнение" p="sm" data-testid="proof-rule-fields">
      <Stack gap="xs">
        <Select
          label="Подтверждающий документ"
          data={KINDS}
          value={v.evidenceKind}
          onChange={(x) => set('evidenceKind', x as ItemValues['evidenceKind'])}
          clearable
          placeholder="любой приложенный файл"
          description={
            hint('evidenceKind') ??
            (suggested ? `По показателю: ${EVIDENCE_KIND_LABELS[suggested].toLowerCase()}` : undefined)
          }
          error={errors.evidenceKind}
          data-testid="item-evidence-kind"
        />
        <Checkbox
          label="Фактическое значение — охват по исполнению нижестоящих организаций (%), считается автоматически"
          checked={v.targetCoverage}
          onChange={(e) => set('targetCoverage', e.currentTarget.checked)}
          description={hint('targetCoverage')}
        />
        <Text size="xs" c="dimmed" data-testid="proof-rule-text">
          Для отметки «выполнено» нужно: {rule}.
        </Text>
        <Textarea
          label="Исключение из правила"
          placeholder="Причина, по которой мероприятие можно отметить выполненным без этого подтверждения"
          value={v.proofWaiver}
          onChange={(e) => set('proofWaiver', e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={6}
          description={hint('proofWaiver') ?? 'Куратор увидит эту причину при подтверждении'}
          error={errors.proofWaiver}
          data-testid="item-proof-waiver"
        />
      </Stack>
    </Fieldset>
  );
}
