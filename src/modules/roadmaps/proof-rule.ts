import type { Comparator, EvidenceKind } from '../../db/schema/values.js';

// What proves a measure done (docs/decisions/0017-evidence-rules.md). Pure: the status operation
// refuses «выполнено» with these messages and the browser shows the same words before anyone asks.

/** Nominative, for lists and selects: «Протокол». */
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  order: 'Приказ',
  protocol: 'Протокол',
  analytic_note: 'Аналитическая справка',
  report: 'Отчёт',
  photo: 'Фотографии',
  participants: 'Список участников',
  other: 'Другой документ',
};

const COMPARATOR_WORDS: Record<Comparator, string> = { gte: 'не менее', lte: 'не более', eq: '' };

export type ProofRule = {
  evidenceKind: EvidenceKind | null;
  targetComparator: Comparator | null;
  targetValue: number | null;
  targetUnit: string | null;
  targetCoverage: boolean;
};

export type ProofState = {
  files: { kind: EvidenceKind }[];
  actualValue: number | null;
  /** The computed coverage (%) for a coverage target; null when no lower unit has the task. */
  coverage?: number | null;
};

const number = (v: number) => v.toLocaleString('ru-RU', { maximumFractionDigits: 2 });

/** «не менее 5 педагогов», «100 %». */
export function targetText(r: Pick<ProofRule, 'targetComparator' | 'targetValue' | 'targetUnit'>): string {
  if (r.targetValue === null) return '';
  const words = r.targetComparator ? COMPARATOR_WORDS[r.targetComparator] : '';
  return [words, number(r.targetValue), r.targetUnit ?? ''].filter(Boolean).join(' ');
}

/** Whether the fact reaches the target (the confirmer judges; «выполнено» is not refused for it). */
export function targetReached(r: ProofRule, actual: number | null): boolean | null {
  if (r.targetValue === null || actual === null) return null;
  if (r.targetComparator === 'lte') return actual <= r.targetValue;
  if (r.targetComparator === 'eq') return actual === r.targetValue;
  return actual >= r.targetValue;
}

/** The rule in words, for the item card and the confirmer: «Протокол; факт: не менее 5 педагогов». */
export function ruleText(r: ProofRule): string {
  const parts: string[] = [];
  if (r.evidenceKind) parts.push(`документ: ${EVIDENCE_KIND_LABELS[r.evidenceKind].toLowerCase()}`);
  if (r.targetValue !== null)
    parts.push(`${r.targetCoverage ? 'охват' : 'фактическое значение'}: ${targetText(r)}`);
  return parts.length ? parts.join('; ') : 'хотя бы один подтверждающий файл';
}

/**
 * What is missing to mark the item done, one message each; empty when the proof is there.
 * Without a rule of its own an item needs one file of any kind (existing and imported items).
 */
export function missingProof(r: ProofRule, s: ProofState): string[] {
  const missing: string[] = [];
  if (r.evidenceKind && !s.files.some((f) => f.kind === r.evidenceKind))
    missing.push(`Приложите документ: ${EVIDENCE_KIND_LABELS[r.evidenceKind].toLowerCase()}`);
  if (r.targetValue !== null && r.targetCoverage && (s.coverage ?? null) === null)
    missing.push(
      `Охват не рассчитан: мероприятие не передано на исполнение нижестоящим организациям (целевое — ${targetText(r)})`,
    );
  if (r.targetValue !== null && !r.targetCoverage && s.actualValue === null)
    missing.push(`Укажите фактическое значение: целевое — ${targetText(r)}`);
  if (!r.evidenceKind && r.targetValue === null && s.files.length === 0)
    missing.push('Приложите хотя бы один подтверждающий файл');
  return missing;
}

/**
 * The document kind an indicator's wording names first («Протокол заседания…» → протокол), for the
 * demo and as the form's suggestion; imported items keep no rule of their own (the ADR says why).
 */
export function kindFromIndicator(indicator: string | null): EvidenceKind | null {
  const t = (indicator ?? '').trim().toLowerCase();
  if (/^приказ/.test(t)) return 'order';
  if (/^протокол/.test(t)) return 'protocol';
  if (/^аналитическ(ая|ие) справк/.test(t)) return 'analytic_note';
  if (/^(аналитический )?отч[её]т|^информационн(ая|ые) справк/.test(t)) return 'report';
  if (/^фото/.test(t)) return 'photo';
  if (/^списо?к(и)? участник/.test(t)) return 'participants';
  return null;
}
