import { describe, expect, it } from 'vitest';
import { RESPONDENT_GROUPS } from '../../db/schema/values.js';
import { DEFAULT_RISK_FACTORS } from './default-factors.js';
import { DEFAULT_INSTRUMENT, DEFAULT_INSTRUMENT_TITLE } from './default-instrument.js';
import { parseInstrument } from './parse-instrument.js';
import { presentationIssues } from './presentation.js';

// The system's draft follows the brief of issue 11 §1: sizes of the questionnaires, every factor asked of
// at least two groups, labelled options from «no risk» to «risk», sections and introductions.

const items = DEFAULT_INSTRUMENT.items;
const of = (g: string) => items.filter((i) => i.group === g);

describe('the default instrument', () => {
  it('is a valid instrument with a valid presentation, as exported', () => {
    const back = parseInstrument(JSON.parse(JSON.stringify(DEFAULT_INSTRUMENT)));
    expect(back.ok).toBe(true);
    expect(presentationIssues(DEFAULT_INSTRUMENT)).toEqual([]);
    expect(DEFAULT_INSTRUMENT.title).toBe(DEFAULT_INSTRUMENT_TITLE);
  });

  it('has questionnaires of the right sizes with some multi and number items', () => {
    expect(of('director').length).toBeLessThanOrEqual(40);
    expect(of('director').length).toBeGreaterThanOrEqual(25);
    expect(of('teacher').length).toBeGreaterThanOrEqual(25);
    expect(of('teacher').length).toBeLessThanOrEqual(30);
    expect(of('pupil').length).toBeLessThanOrEqual(20);
    expect(of('parent').length).toBeGreaterThanOrEqual(12);
    expect(of('parent').length).toBeLessThanOrEqual(15);
    for (const type of ['single', 'multi', 'scale', 'number']) {
      expect(items.filter((i) => i.type === type).length, type).toBeGreaterThanOrEqual(3);
    }
    expect(items.find((i) => i.text === 'Сколько вакансий учителей сейчас в школе?')?.riskIf).toEqual({
      op: '>=',
      value: 2,
    });
    expect(items.some((i) => i.text === 'Какая доля учеников с ОВЗ, %?')).toBe(true);
  });

  it('asks about every default factor, each of at least two groups', () => {
    expect(DEFAULT_INSTRUMENT.factors.map((f) => f.code)).toEqual(DEFAULT_RISK_FACTORS.map((f) => f.code));
    for (const f of DEFAULT_INSTRUMENT.factors) {
      const groups = new Set(items.filter((i) => i.factor === f.code).map((i) => i.group));
      expect(groups.size, `factor ${f.code}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('has questions (not statements), labelled options from no risk to risk, scales of 3–5 points', () => {
    for (const i of items) {
      expect(i.text, i.id).toMatch(/\?$/);
      if (i.type === 'number') continue;
      const risks = (i.options ?? []).map((o) => o.risk);
      expect(Math.min(...risks), i.id).toBe(0);
      expect(Math.max(...risks), i.id).toBeGreaterThanOrEqual(0.7);
      for (const o of i.options ?? []) expect(o.label, `${i.id} ${o.value}`).toBeTruthy();
      if (i.type === 'scale') expect(risks.length, i.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('has a title and an introduction for every questionnaire and sections for every group', () => {
    const q = DEFAULT_INSTRUMENT.questionnaires as Record<string, { title: string; intro: string }>;
    for (const g of RESPONDENT_GROUPS) {
      expect(q[g]?.title).toBeTruthy();
      expect(q[g]?.intro.length).toBeGreaterThan(50);
      expect(of(g).every((i) => typeof i.section === 'string')).toBe(true);
    }
  });
});
