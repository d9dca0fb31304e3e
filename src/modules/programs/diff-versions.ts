import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { type DocumentContent, documentContentSchema } from './content.js';
import { loadDocumentAccess } from './document-access.js';
import { documentVersions } from './get-document.js';
import { MSG } from './strings.js';
import type { DocumentDiff, RowDiff } from './views.js';

// The visible difference between two versions of a document, field by field: rows of the lists are
// matched by their stable keys, so an edited measure is «changed» with its old and new values.

type Row = { key: string } & Record<string, string>;
const LABEL_FIELD: Record<string, string> = {
  tasks: 'text',
  indicators: 'name',
  measures: 'measure',
  responsible: 'name',
  partners: 'name',
  sections: 'title',
};
const LISTS = ['tasks', 'indicators', 'measures', 'responsible', 'partners', 'sections'] as const;

function diffRows(before: Row[], after: Row[], labelField: string): RowDiff[] {
  const out: RowDiff[] = [];
  const old = new Map(before.map((r) => [r.key, r]));
  const next = new Map(after.map((r) => [r.key, r]));
  for (const r of after) {
    const o = old.get(r.key);
    const label = r[labelField] ?? r.key;
    if (!o) {
      out.push({ key: r.key, label, change: 'added', fields: [] });
      continue;
    }
    const fields = Object.keys(r)
      .filter((f) => f !== 'key' && (o[f] ?? '') !== (r[f] ?? ''))
      .map((f) => ({ field: f, old: o[f] ?? '', new: r[f] ?? '' }));
    if (fields.length) out.push({ key: r.key, label, change: 'changed', fields });
  }
  for (const o of before)
    if (!next.has(o.key))
      out.push({ key: o.key, label: o[labelField] ?? o.key, change: 'removed', fields: [] });
  return out;
}

export function diffContents(a: DocumentContent, b: DocumentContent, from: number, to: number): DocumentDiff {
  const rows = (c: DocumentContent, l: (typeof LISTS)[number]) => c[l] as unknown as Row[];
  const lists = Object.fromEntries(
    LISTS.map((l) => [l, diffRows(rows(a, l), rows(b, l), LABEL_FIELD[l] ?? 'key')]),
  ) as Record<(typeof LISTS)[number], RowDiff[]>;
  return {
    from,
    to,
    fields: a.goal === b.goal ? [] : [{ field: 'goal', old: a.goal, new: b.goal }],
    ...lists,
  };
}

export const diffQuery = z.object({
  from: z.coerce
    .number({ message: 'Версия — число' })
    .int('Версия — целое число')
    .min(1, 'Версия — от 1')
    .max(10000, 'Нет такой версии'),
  to: z.coerce
    .number({ message: 'Версия — число' })
    .int('Версия — целое число')
    .min(1, 'Версия — от 1')
    .max(10000, 'Нет такой версии'),
});

/** Access: whoever sees the document. Versions: the frozen approved ones and the working one. */
export async function diffDocumentVersions(
  db: Db,
  opts: { actor: Actor; documentId: string; query: z.input<typeof diffQuery> },
): Promise<DocumentDiff> {
  const q = parseInput(diffQuery, opts.query);
  const { doc } = await loadDocumentAccess(db, opts.actor, opts.documentId);
  const { frozen } = await documentVersions(db, doc);
  const contentOf = (n: number): DocumentContent => {
    const v = frozen.find((x) => x.versionNo === n);
    if (v) return documentContentSchema.parse(v.content);
    if (n === doc.versionNo) return documentContentSchema.parse(doc.content);
    throw invalid(MSG.unknownVersion, [{ field: n === q.from ? 'from' : 'to', message: MSG.unknownVersion }]);
  };
  return diffContents(contentOf(q.from), contentOf(q.to), q.from, q.to);
}
