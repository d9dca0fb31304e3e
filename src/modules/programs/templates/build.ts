import type { DocumentContent } from '../content.js';

// Templates are written compactly (tuples) and expanded here with stable row keys. `{Y}` and `{Y1}`
// stand for the first and second calendar year of the school year; `fillYear` puts the real ones in.

export type TemplateSpec = {
  goal: string;
  tasks: string[];
  /** [name, target value, date, way of measuring]; the base value comes from the school's data or is left to fill */
  indicators: [string, string, string, string][];
  /** [task number (1-based), measure, deadline, responsible, participants, expected result] */
  measures: [number, string, string, string, string, string][];
  sections?: [string, string][];
  partners?: [string, string][];
};

export function expand(spec: TemplateSpec): DocumentContent {
  return {
    goal: spec.goal,
    tasks: spec.tasks.map((text, i) => ({ key: `t${i + 1}`, text })),
    indicators: spec.indicators.map(([name, targetValue, date, method], i) => ({
      key: `i${i + 1}`,
      name,
      baseValue: '',
      targetValue,
      date,
      method,
    })),
    measures: spec.measures.map(
      ([task, measure, deadline, responsible, participants, expectedResult], i) => ({
        key: `m${i + 1}`,
        taskKey: task > 0 && task <= spec.tasks.length ? `t${task}` : '',
        measure,
        deadline,
        responsible,
        participants,
        expectedResult,
      }),
    ),
    responsible: [],
    partners: (spec.partners ?? []).map(([name, contribution], i) => ({
      key: `p${i + 1}`,
      name,
      contribution,
    })),
    sections: (spec.sections ?? []).map(([title, text], i) => ({ key: `s${i + 1}`, title, text })),
  };
}

/** Puts the years of the document into a template's texts. */
export function fillYear(content: DocumentContent, year: number): DocumentContent {
  const fill = (s: string) => s.replaceAll('{Y1}', String(year + 1)).replaceAll('{Y}', String(year));
  return JSON.parse(JSON.stringify(content), (_k, v) =>
    typeof v === 'string' ? fill(v) : v,
  ) as DocumentContent;
}
