import { invalid } from '../../lib/errors.js';
import type { Instrument } from './instrument.js';
import { parseInstrument } from './parse-instrument.js';
import { presentationIssues } from './presentation.js';

// An instrument document from a user (the editor's save, an imported file): the rule's schema and the
// presentation keys, all problems at once, as INVALID_INPUT with one field per problem (the path in
// the document, `items[3].options[0].risk`), so the editor can put each message beside its field.

export function checkInstrumentDocument(doc: unknown, what = 'Анкеты'): Instrument {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw invalid(`${what}: нужен объект JSON`, [{ field: 'document', message: 'Ожидается объект JSON' }]);
  }
  const r = parseInstrument(doc);
  const issues = r.ok ? presentationIssues(r.instrument) : r.issues;
  if (r.ok && issues.length === 0) return r.instrument;
  const fields = issues.map((i) => ({ field: i.path, message: i.message }));
  const first = fields[0];
  throw invalid(
    `${what}: ${fields.length === 1 ? 'ошибка' : `ошибок — ${fields.length}, первая`} — ${first?.field}: ${first?.message}`,
    fields,
  );
}

/** Questions per group, for lists. */
export function itemCounts(instrument: Pick<Instrument, 'items'>) {
  const counts = { director: 0, teacher: 0, pupil: 0, parent: 0 };
  for (const item of instrument.items) counts[item.group]++;
  return counts;
}
