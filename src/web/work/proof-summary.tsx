import { Stack, Text } from '@mantine/core';
import { EVIDENCE_KIND_LABELS } from '../../modules/roadmaps/proof-rule.js';
import { PlanFact } from '../roadmap/plan-fact.js';
import type { FoundItem } from '../shared/types.js';
import { filesWord } from './proof-modal.js';

const SHOWN = 3;
const sameStart = (name: string, label: string) =>
  name.toLowerCase().startsWith(label.toLowerCase().slice(0, 6));

/** The proof of an awaiting item at a glance: how many files, which, fact against target, exception. */
export function ProofSummary({ item }: { item: FoundItem }) {
  const files = item.evidence;
  return (
    <Stack gap={2} data-testid={`proof-summary-${item.id}`}>
      <Text size="xs" fw={600} c={files.length ? undefined : 'red.8'}>
        {files.length ? filesWord(files.length) : 'Файлов нет'}
      </Text>
      {files.slice(0, SHOWN).map((f) => (
        <Text key={f.id} size="xs" lineClamp={2} title={f.name} style={{ wordBreak: 'break-word' }}>
          {/* The kind, unless the file's name already says it («Протокол № 5…»). */}
          {f.kind !== 'other' && !sameStart(f.name, EVIDENCE_KIND_LABELS[f.kind]) && (
            <Text span size="xs" c="dimmed">
              {EVIDENCE_KIND_LABELS[f.kind]}:{' '}
            </Text>
          )}
          {f.name}
        </Text>
      ))}
      {files.length > SHOWN && (
        <Text size="xs" c="dimmed">
          и ещё {filesWord(files.length - SHOWN)}
        </Text>
      )}
      <PlanFact item={item} size="xs" />
      {item.proofWaiver && (
        <Text size="xs" c="yellow.9" lineClamp={2} title={item.proofWaiver}>
          Исключение: {item.proofWaiver}
        </Text>
      )}
    </Stack>
  );
}
