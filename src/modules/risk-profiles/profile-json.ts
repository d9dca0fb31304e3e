import type { RespondentGroup } from '../../db/schema/values.js';
import type { Instrument, RiskRule } from './instrument.js';
import { excludedGroupText } from './instrument-strings.js';
import type { SchoolProfile } from './score-profile.js';

// The document `opora risk-profile --json` prints (issue 11 §3, word by word). Factors are an object
// keyed by code in the INSTRUMENT's order; a JS object would put integer-like keys ("1", "2", "10")
// first in numeric order, so the object is kept as a list of entries and written by `orderedJson`.

/** An object whose keys are written in the order of `entries`, whatever they look like. */
export class Ordered {
  constructor(readonly entries: [string, unknown][]) {}
}

type ExplainItem = {
  itemId: string;
  group: RespondentGroup;
  text?: string;
  weight: number;
  score: number;
  respondents: number;
};

/** The output; with `explain`, the items behind each level and why groups were left out. */
export function profilesDocument(
  instrument: Instrument,
  rule: RiskRule,
  profiles: SchoolProfile[],
  explain = false,
): Ordered {
  const texts = new Map(instrument.items.map((i) => [i.id, i.text]));
  return new Ordered([
    [
      'instrument',
      new Ordered([
        ['id', instrument.id],
        ['version', instrument.version],
      ]),
    ],
    [
      'schools',
      profiles.map((p) => {
        const school: [string, unknown][] = [
          ['schoolId', p.schoolId],
          [
            'groups',
            new Ordered([
              ['director', p.groups.director],
              ['teacher', p.groups.teacher],
              ['pupil', p.groups.pupil],
              ['parent', p.groups.parent],
            ]),
          ],
          ['excludedGroups', p.excludedGroups],
        ];
        if (explain) {
          school.push([
            'excludedWhy',
            p.excludedGroups.map((g) => ({
              group: g,
              respondents: p.groups[g],
              minRespondents: rule.minRespondents[g],
              text: excludedGroupText(g, p.groups[g], rule.minRespondents[g]),
            })),
          ]);
        }
        school.push([
          'factors',
          new Ordered(
            p.factors.map((f) => {
              const entry: [string, unknown][] = [
                ['score', f.score],
                ['level', f.level],
              ];
              if (explain) {
                entry.push([
                  'items',
                  f.items.map(
                    (i): ExplainItem => ({
                      itemId: i.itemId,
                      group: i.group,
                      ...(texts.get(i.itemId) ? { text: texts.get(i.itemId) } : {}),
                      weight: i.weight,
                      score: i.score,
                      respondents: i.respondents,
                    }),
                  ),
                ]);
              }
              return [f.code, new Ordered(entry)];
            }),
          ),
        ]);
        return new Ordered(school);
      }),
    ],
  ]);
}

/** JSON.stringify that keeps the key order of `Ordered` objects; `indent` as in JSON.stringify. */
export function orderedJson(value: unknown, indent = 0): string {
  const pad = (depth: number) => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  const colon = indent > 0 ? ': ' : ':';
  const write = (v: unknown, depth: number): string => {
    if (v instanceof Ordered) {
      if (v.entries.length === 0) return '{}';
      const parts = v.entries
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => `${pad(depth + 1)}${JSON.stringify(k)}${colon}${write(x, depth + 1)}`);
      return `{${parts.join(',')}${pad(depth)}}`;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[${v.map((x) => `${pad(depth + 1)}${write(x, depth + 1)}`).join(',')}${pad(depth)}]`;
    }
    if (v !== null && typeof v === 'object') {
      return write(new Ordered(Object.entries(v)), depth);
    }
    return JSON.stringify(v) ?? 'null';
  };
  return write(value, 0);
}
