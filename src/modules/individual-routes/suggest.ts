import type { DeficitLevel, DiagnosticBlock, RouteActivityKind } from '../../db/schema/values.js';
import { ROUTE_MSG } from './strings.js';

// What a route built from deficits proposes: each block at a level that needs a route becomes a goal,
// with suggested activities whose deadlines fall inside the school year (never before today). The
// suggestions are a starting point the school edits, not a rule: kinds per block follow the seeds'
// plans (курсы ПК for subject and methodical gaps, наставничество and открытые уроки for methodical,
// стажировка for psychological, самообразование and the методическое объединение for the rest).

type Suggestion = { kind: RouteActivityKind; title: (block: string) => string; month: number; day: number };

const COURSE = 'координатор ЦНППМ';
const DEPUTY = 'заместитель директора по УВР';

const BY_BLOCK: Record<string, Suggestion[]> = {
  subject: [
    {
      kind: 'course',
      title: (b) => `Курсы повышения квалификации: ${b.toLowerCase()} блок`,
      month: 3,
      day: 31,
    },
    {
      kind: 'self_study',
      title: () => 'Самообразование: решение заданий ВПР и ОГЭ по предмету',
      month: 2,
      day: 28,
    },
    {
      kind: 'methodical_association',
      title: () => 'Доклад на заседании методического объединения',
      month: 5,
      day: 15,
    },
  ],
  methodical: [
    {
      kind: 'course',
      title: (b) => `Курсы повышения квалификации: ${b.toLowerCase()} блок`,
      month: 3,
      day: 31,
    },
    { kind: 'mentoring', title: () => 'Работа с наставником: разбор уроков', month: 5, day: 31 },
    { kind: 'open_lessons', title: () => 'Открытый урок с анализом', month: 4, day: 30 },
  ],
  psychological: [
    { kind: 'internship', title: () => 'Стажировка в школе-наставнике', month: 4, day: 15 },
    {
      kind: 'self_study',
      title: () => 'Самообразование: индивидуальный подход к обучающимся',
      month: 2,
      day: 28,
    },
  ],
  legal: [
    { kind: 'self_study', title: () => 'Изучение нормативных документов (ФГОС, ФОП)', month: 1, day: 31 },
  ],
};

const OTHER: Suggestion[] = [
  { kind: 'course', title: (b) => `Курсы повышения квалификации: ${b}`, month: 3, day: 31 },
  { kind: 'self_study', title: (b) => `Самообразование: ${b}`, month: 2, day: 28 },
];

/** A date of the school year `year` (months 9–12 in `year`, 1–8 in the next), not before `today`. */
export function dueInYear(year: number, month: number, day: number, today: string): string {
  const y = month >= 9 ? year : year + 1;
  const d = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const end = `${year + 1}-08-31`;
  if (d >= today) return d;
  return today > end ? end : today;
}

export type SuggestedGoal = {
  blockKey: string;
  text: string;
  activities: { kind: RouteActivityKind; title: string; dueDate: string; responsible: string }[];
};

/** Goals and activities from a result's block levels (in the diagnostic's order of blocks). */
export function suggestGoals(
  blocks: readonly DiagnosticBlock[],
  levels: readonly DeficitLevel[],
  blockLevels: Record<string, string>,
  year: number,
  today: string,
): SuggestedGoal[] {
  const out: SuggestedGoal[] = [];
  for (const b of blocks) {
    const level = levels.find((l) => l.key === blockLevels[b.key]);
    if (!level?.needsRoute) continue;
    out.push({
      blockKey: b.key,
      text: ROUTE_MSG.goalOf(b.name, level.name),
      activities: (BY_BLOCK[b.key] ?? OTHER).map((s) => ({
        kind: s.kind,
        title: s.title(b.name),
        dueDate: dueInYear(year, s.month, s.day, today),
        responsible: s.kind === 'course' ? COURSE : DEPUTY,
      })),
    });
  }
  return out;
}
