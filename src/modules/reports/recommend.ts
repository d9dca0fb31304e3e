import { countLabel } from '../../lib/plural.js';
import type { ListSchool, UnitExecution } from './report-data.js';
import { pct, REPORT_WORDS } from './report-labels.js';
import type { ReportBlock } from './report-model.js';

// Address recommendations chosen by rules (issue 13 §5): one table, each rule with its Russian text, the
// condition over what the data show and the figure that triggered it (the `reason` the report keeps).
// A rule proposes; the author of the report edits, removes or adds before issuing.

export type Recommendation = Extract<ReportBlock, { type: 'recommendations' }>['items'][number];

/** A school as the rules read it; `againOnList` — on the next year's list again (positive change only). */
export type RuleSchool = ListSchool & { againOnList?: boolean };
export type RecommendFacts = { schools: RuleSchool[]; execution: UnitExecution[] };

/** «2» in one subject at or above this share of the participants: the subject is the school's problem. */
export const SUBJECT_LOW_SHARE = 0.3;
/** Overdue measures at or above this share of a unit's measures call for a review of the roadmap. */
export const OVERDUE_SHARE = 0.1;

/** The schools a reason names: the first few and how many more (a reason is one line, not a list). */
export function namesInReason(names: string[], first = 5): string {
  const shown = names.slice(0, first).join(', ');
  return names.length > first ? `${shown} и ещё ${names.length - first}` : shown;
}

type Rule = {
  code: string;
  title: string;
  propose: (f: RecommendFacts) => Omit<Recommendation, 'id' | 'rule'>[];
};

const byMunicipality = (schools: RuleSchool[]) => {
  const m = new Map<string, { name: string; schools: RuleSchool[] }>();
  for (const s of schools) {
    const g = m.get(s.municipalityId) ?? { name: s.municipalityName, schools: [] };
    g.schools.push(s);
    m.set(s.municipalityId, g);
  }
  return [...m.entries()];
};

export const RECOMMENDATION_RULES: Rule[] = [
  {
    code: 'subject_low',
    title: 'Высокая доля «2» по одному предмету',
    // One methodological association per municipality: for the subject most of its ШНОР fail in.
    propose: (f) =>
      byMunicipality(f.schools).flatMap(([id, g]) => {
        const bySubject = new Map<string, { school: string; share: number }[]>();
        for (const s of g.schools)
          for (const p of s.lowProcedures)
            if (p.lowShare >= SUBJECT_LOW_SHARE) {
              const list = bySubject.get(p.subject) ?? [];
              if (!list.some((x) => x.school === s.name)) list.push({ school: s.name, share: p.lowShare });
              bySubject.set(p.subject, list);
            }
        const top = [...bySubject.entries()].sort(
          (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'ru'),
        )[0];
        if (!top) return [];
        const [subject, list] = top;
        return [
          {
            unitId: id,
            unitName: g.name,
            text:
              `Организовать работу муниципального методического объединения учителей по предмету «${subject}» ` +
              `с участием педагогов школ: ${list.map((x) => x.school).join(', ')}.`,
            reason:
              `Доля «2» по предмету «${subject}» не ниже ${pct(SUBJECT_LOW_SHARE)} — ` +
              `${countLabel(list.length, REPORT_WORDS.school)} (наибольшая ${pct(Math.max(...list.map((x) => x.share)))}).`,
          },
        ];
      }),
  },
  {
    code: 'stagnation',
    title: 'Стагнация: школа в списке ШНОР несколько лет подряд',
    // Addressed to the municipality, which inspects its schools (Смоленская обл. 1.6).
    propose: (f) =>
      byMunicipality(f.schools).flatMap(([id, g]) => {
        const stagnating = g.schools.filter((s) => s.stagnation);
        if (stagnating.length === 0) return [];
        return [
          {
            unitId: id,
            unitName: g.name,
            text:
              'Провести комплексную проверку деятельности школ (управление, кадры, организация ' +
              `образовательного процесса) и пересмотреть их программы перехода в эффективный режим работы: ${stagnating
                .map((s) => s.name)
                .join(', ')}.`,
            reason:
              `Признак стагнации (в списке ШНОР несколько лет подряд) — ${countLabel(stagnating.length, REPORT_WORDS.school)}; ` +
              `R: ${namesInReason(stagnating.map((s) => `${s.name} ${pct(s.r)}`))}.`,
          },
        ];
      }),
  },
  {
    code: 'again_on_list',
    title: 'Снова в списке ШНОР после года поддержки',
    // Positive change (issue 13 §3): a year of support did not take the school off the list.
    propose: (f) =>
      byMunicipality(f.schools).flatMap(([id, g]) => {
        const again = g.schools.filter((s) => s.againOnList);
        if (again.length === 0) return [];
        return [
          {
            unitId: id,
            unitName: g.name,
            text:
              'Рассмотреть на муниципальном совещании итоги года поддержки и пересмотреть антирисковые ' +
              `программы и дорожные карты школ, оставшихся в списке ШНОР: ${again.map((s) => s.name).join(', ')}.`,
            reason:
              `Снова в списке ШНОР следующего года — ${countLabel(again.length, REPORT_WORDS.school)} из ${g.schools.length}: ` +
              `${namesInReason(again.map((s) => s.name))}.`,
          },
        ];
      }),
  },
  {
    code: 'overdue',
    title: 'Просроченные мероприятия дорожных карт',
    propose: (f) =>
      f.execution
        .filter((u) => u.items > 0 && u.overdue / u.items >= OVERDUE_SHARE)
        .map((u) => ({
          unitId: u.id,
          unitName: u.name,
          text:
            'Рассмотреть причины просрочки мероприятий дорожной карты на заседании рабочего органа, ' +
            'установить новые сроки и назначить ответственных.',
          reason: `Просрочено ${countLabel(u.overdue, REPORT_WORDS.measureGen)} из ${u.items} (${pct(u.overdue / u.items)}).`,
        })),
  },
  {
    code: 'low_coverage',
    title: 'ШНОР без куратора или школы-наставника',
    propose: (f) =>
      byMunicipality(f.schools).flatMap(([id, g]) => {
        const bare = g.schools.filter((s) => !s.curator || !s.mentor);
        if (bare.length === 0) return [];
        return [
          {
            unitId: id,
            unitName: g.name,
            text:
              'Закрепить за ШНОР кураторов и школы-наставники, заключить сетевые соглашения: ' +
              `${bare.map((s) => s.name).join(', ')}.`,
            reason:
              `Без куратора — ${countLabel(g.schools.filter((s) => !s.curator).length, REPORT_WORDS.school)}, ` +
              `без школы-наставника — ${countLabel(g.schools.filter((s) => !s.mentor).length, REPORT_WORDS.school)} ` +
              `из ${g.schools.length}.`,
          },
        ];
      }),
  },
];

/** Every rule over the facts, in the table's order; ids are stable within one report. */
export function recommend(facts: RecommendFacts, rules: string[] = RECOMMENDATION_RULES.map((r) => r.code)) {
  let n = 0;
  return RECOMMENDATION_RULES.filter((r) => rules.includes(r.code)).flatMap((rule) =>
    rule.propose(facts).map((p) => ({ ...p, id: `r${++n}`, rule: rule.code })),
  );
}
