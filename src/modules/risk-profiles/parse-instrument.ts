import '../../lib/zod-ru.js';
import { type Instrument, instrumentSchema } from './instrument.js';

// The instrument JSON from outside (a file of the CLI, an imported file, the editor's draft) checked by
// the one schema; every problem as «путь: сообщение» in Russian, the path as a JSON reader writes it
// (`items[3].options[0].risk`).

export type InstrumentIssue = { path: string; message: string };

export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(весь файл)';
}

export function parseInstrument(
  doc: unknown,
): { ok: true; instrument: Instrument } | { ok: false; issues: InstrumentIssue[] } {
  const r = instrumentSchema.safeParse(doc);
  if (r.success) return { ok: true, instrument: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })) };
}
