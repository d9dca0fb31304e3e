import type { Db } from '../../db/client.js';
import type { SchoolDocumentKind } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import { schoolCard } from '../identification/list-views.js';
import { loadSchoolRiskSummary, type SchoolRiskSummary } from '../risk-profiles/school-risk-summary.js';
import type { DocumentContent } from './content.js';
import { documentContentSchema } from './content.js';

// Pre-fill of a new document from what the system knows (issue 11 §5): the school's flags with their
// reasons from the approved ШНОР lists, and its verified risk profile with the items behind each high
// risk. The only place that reads `loadSchoolRiskSummary` — its owner (the profiles helper) may change it.

const LEVELS: Record<string, string> = {
  high: 'высокий',
  medium: 'средний',
  low: 'низкий',
  none: 'нет риска',
  nodata: 'нет данных',
};
const GROUPS: Record<string, string> = {
  director: 'директор',
  teacher: 'педагоги',
  pupil: 'обучающиеся',
  parent: 'родители',
};
const FLAG_NAMES: Record<string, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'зона риска',
  stagnation: 'стагнация',
  repeat: 'повторное попадание',
  objectivity: 'признаки необъективности',
};

const score = (x: number | null) => (x === null ? '—' : x.toFixed(2).replace('.', ','));
type RiskSummaryFactor = SchoolRiskSummary['factors'][number];
const levelOf = (f: RiskSummaryFactor) => f.level;

function factorLines(f: RiskSummaryFactor): string[] {
  const verified =
    f.verifiedLevel && f.verifiedLevel !== f.computedLevel
      ? ` (по анкетам — ${LEVELS[f.computedLevel]}, куратор изменил на ${LEVELS[f.verifiedLevel]}${f.comment ? `: ${f.comment}` : ''})`
      : '';
  const head = `Фактор «${f.name}»: уровень риска ${LEVELS[levelOf(f)]}, балл ${score(f.score)}${verified}.`;
  const items = [...f.items]
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map((i) => `— «${i.text}» (${GROUPS[i.group]}, ${i.respondents} отв.): ${score(i.score)}`);
  return [head, ...(items.length ? ['Вопросы, давшие наибольший риск:', ...items] : [])];
}

export async function prefillContent(
  db: Db,
  opts: {
    actor: Actor;
    schoolId: string;
    year: number;
    kind: SchoolDocumentKind;
    factorCode: string | null;
    content: DocumentContent;
  },
): Promise<DocumentContent> {
  const lines: string[] = [];
  const card = await schoolCard(db, { actor: opts.actor, schoolId: opts.schoolId });
  const approved = card.years.filter((y) => y.source === 'approved' && y.year <= opts.year).at(-1);
  if (approved) {
    const flags = Object.entries(FLAG_NAMES)
      .filter(([k]) => approved.flags[k as keyof typeof approved.flags])
      .map(([, v]) => v);
    lines.push(
      `По утверждённому списку ${approved.year} года${approved.order?.number ? ` (приказ № ${approved.order.number})` : ''}: ${flags.length ? flags.join(', ') : 'школа не отнесена к ШНОР'}.`,
    );
    for (const r of approved.reasons) lines.push(`— ${r}`);
  }
  const summary = await loadSchoolRiskSummary(db, opts);
  const content = structuredClone(opts.content);
  if (summary) {
    const factors =
      opts.kind === 'antirisk_program'
        ? summary.factors.filter((f) => f.code === opts.factorCode)
        : summary.factors.filter(
            (f) => summary.priorityFactors.some((p) => p.code === f.code) || levelOf(f) === 'high',
          );
    if (factors.length) lines.push('', 'Рисковый профиль школы:');
    for (const f of factors) lines.push(...factorLines(f));
    const own = factors[0];
    if (opts.kind === 'antirisk_program' && own) {
      content.indicators.unshift({
        key: 'risk-level',
        name: `Уровень риска «${own.name}» по анкетированию`,
        baseValue: `${LEVELS[levelOf(own)]} (${score(own.score)})`,
        targetValue: 'не выше низкого',
        date: `май ${opts.year + 1}`,
        method: 'Повторное анкетирование в конце года (правило opora-risk-default)',
      });
    }
  }
  if (lines.length) {
    content.sections.unshift({
      key: 'basis',
      title: 'Обоснование: результаты и рисковый профиль школы',
      text: lines.join('\n'),
    });
  }
  // Stored exactly as an edit would store it: the first save must not report the basis as changed.
  return documentContentSchema.parse(content);
}
