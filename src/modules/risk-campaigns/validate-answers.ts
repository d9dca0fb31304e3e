import type { RespondentGroup } from '../../db/schema/values.js';
import { chosenValues } from '../../lib/choice-answer.js';
import { invalid } from '../../lib/errors.js';
import { type Instrument, type InstrumentItem, instrumentSchema } from '../risk-profiles/instrument.js';
import type { Answer } from '../risk-profiles/score-profile.js';
import { MSG } from './strings.js';

// Answers are checked against the campaign's frozen instrument before they are stored: an unknown item
// or option is a 400, so risk_responses holds only answers the scoring rule understands.

type Parsed = { instrument: Instrument; byId: Map<string, InstrumentItem> };
// A frozen instrument never changes: parse each once per process (the ingest path must stay cheap).
const cache = new Map<string, Parsed>();

/** The parsed instrument if this process has it. */
export const cachedInstrument = (instrumentId: string) => cache.get(instrumentId);

/** The parsed instrument; kept in memory only when `frozen` (a draft may still change under its id). */
export function parsedInstrument(instrumentId: string, document: unknown, frozen: boolean): Parsed {
  const hit = frozen ? cache.get(instrumentId) : undefined;
  if (hit) return hit;
  const instrument = instrumentSchema.parse(document);
  const parsed = { instrument, byId: new Map(instrument.items.map((i) => [i.id, i])) };
  if (!frozen) return parsed;
  if (cache.size > 500) cache.clear();
  cache.set(instrumentId, parsed);
  return parsed;
}

export type RawAnswers = Record<string, string | string[] | number>;

/** The answers that carry something, checked; empty answers (blank, no option chosen) are dropped. */
export function validateAnswers(
  parsed: Parsed,
  group: RespondentGroup,
  raw: RawAnswers,
): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(raw)) {
    const item = parsed.byId.get(id);
    if (!item || item.group !== group)
      throw invalid(MSG.unknownItem(id), [{ field: `answers.${id}`, message: MSG.unknownItem(id) }]);
    const bad = (message: string) => invalid(message, [{ field: `answers.${id}`, message }]);
    if (item.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(MSG.badAnswer(id));
      out[id] = value;
      continue;
    }
    const chosen = chosenValues(value, item.type === 'multi');
    if (!chosen) throw bad(MSG.badAnswer(id));
    for (const v of chosen)
      if (!item.options?.some((o) => o.value === v)) throw bad(MSG.unknownOption(id, v));
    if (chosen.length === 0) continue;
    out[id] = item.type === 'multi' ? chosen : (chosen[0] ?? '');
  }
  if (Object.keys(out).length === 0) throw invalid(MSG.emptyAnswers);
  return out;
}
