import { z } from 'zod';
import { RESPONDENT_GROUPS, type RespondentGroup } from '../../db/schema/values.js';
import type { Instrument, InstrumentItem } from './instrument.js';
import type { InstrumentIssue } from './parse-instrument.js';

// What a respondent's screen needs beyond the rule (docs/data-formats.md): the title and introduction of
// each group's questionnaire, sections, an item's section. The rule ignores these keys; the editor and
// the import check them here so that a saved instrument always renders. Browser-safe.

const questionnaireSchema = z.looseObject({
  title: z
    .string()
    .trim()
    .min(1, 'Укажите название анкеты')
    .max(300, 'Название анкеты — не длиннее 300 символов'),
  intro: z.string().max(3000, 'Вступление — не длиннее 3000 символов').optional(),
});

export const presentationSchema = z.looseObject({
  title: z.string().trim().min(1, 'Укажите название инструмента').max(500).optional(),
  questionnaires: z
    .object({
      director: questionnaireSchema.optional(),
      teacher: questionnaireSchema.optional(),
      pupil: questionnaireSchema.optional(),
      parent: questionnaireSchema.optional(),
    })
    .optional(),
  sections: z
    .array(
      z.looseObject({
        id: z.string().trim().min(1, 'Укажите код раздела').max(100),
        group: z.enum(RESPONDENT_GROUPS),
        title: z.string().trim().min(1, 'Укажите название раздела').max(300),
      }),
    )
    .optional(),
});

export type Section = { id: string; group: RespondentGroup; title: string };
export type Questionnaire = { title: string; intro?: string };

/** Problems of the presentation keys, with paths as in parse-instrument.ts; [] when it renders. */
export function presentationIssues(instrument: Instrument): InstrumentIssue[] {
  const r = presentationSchema.safeParse(instrument);
  if (!r.success) {
    return r.error.issues.map((i) => ({
      path: i.path
        .map((k, n) => (typeof k === 'number' ? `[${k}]` : n === 0 ? String(k) : `.${String(k)}`))
        .join(''),
      message: i.message,
    }));
  }
  const issues: InstrumentIssue[] = [];
  const sections = new Map<string, RespondentGroup>();
  (r.data.sections ?? []).forEach((s, i) => {
    if (sections.has(s.id))
      issues.push({ path: `sections[${i}].id`, message: `Раздел ${s.id} указан дважды` });
    sections.set(s.id, s.group);
  });
  instrument.items.forEach((item, i) => {
    const section = item.section;
    if (section === undefined) return;
    if (typeof section !== 'string' || !sections.has(section)) {
      issues.push({
        path: `items[${i}].section`,
        message: `Вопрос ${item.id}: нет раздела ${String(section)}`,
      });
    } else if (sections.get(section) !== item.group) {
      issues.push({
        path: `items[${i}].section`,
        message: `Вопрос ${item.id}: раздел ${section} — из анкеты другой группы`,
      });
    }
  });
  return issues;
}

export function sectionsOf(instrument: Instrument): Section[] {
  const r = presentationSchema.safeParse(instrument);
  return r.success ? ((r.data.sections ?? []) as Section[]) : [];
}

export function questionnaireOf(instrument: Instrument, group: RespondentGroup): Questionnaire | undefined {
  const r = presentationSchema.safeParse(instrument);
  return r.success ? r.data.questionnaires?.[group] : undefined;
}

/**
 * One group's questionnaire as shown: its sections in order with their items in instrument order; items
 * without a section (or with an unknown one) come first under no title.
 */
export function questionnaireBlocks(
  instrument: Instrument,
  group: RespondentGroup,
): { section: Section | null; items: InstrumentItem[] }[] {
  const mine = instrument.items.filter((i) => i.group === group);
  const sections = sectionsOf(instrument).filter((s) => s.group === group);
  const known = new Set(sections.map((s) => s.id));
  const blocks: { section: Section | null; items: InstrumentItem[] }[] = [];
  const loose = mine.filter((i) => typeof i.section !== 'string' || !known.has(i.section));
  if (loose.length > 0) blocks.push({ section: null, items: loose });
  for (const s of sections) blocks.push({ section: s, items: mine.filter((i) => i.section === s.id) });
  return blocks;
}
