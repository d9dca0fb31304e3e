import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { regionOfPath } from '../access/region-level.js';

// Код ОО — the school's code in the regional/federal systems (ФИС ОКО login or another identifier). Assessment
// data packages name schools by it (`school_id`), so two schools of a region must not share one. The unique
// index org_units_code_uq is wider still — one code per unit in the whole database — so a code held in another
// region is refused as well (the write would fail on the index anyway).

export type CodeHolder = {
  id: string;
  kind: string;
  name: string;
  path: string;
  code: string;
  parentId: string | null;
};

/** The units that hold any of the codes now, by code. */
export async function codeHolders(db: Db, codes: string[]): Promise<Map<string, CodeHolder>> {
  const out = new Map<string, CodeHolder>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .select({
        id: orgUnits.id,
        kind: orgUnits.kind,
        name: orgUnits.name,
        path: orgUnits.path,
        code: orgUnits.code,
        parentId: orgUnits.parentId,
      })
      .from(orgUnits)
      .where(inArray(orgUnits.code, unique.slice(i, i + 1000)));
    for (const r of rows) if (r.code !== null) out.set(r.code, { ...r, code: r.code });
  }
  return out;
}

/**
 * Why `code` cannot be given to a unit whose path is `path`: it is held by `holder`.
 * `parentName` names the holder's municipality when known.
 */
export function codeTakenMessage(
  code: string,
  holder: CodeHolder,
  path: string,
  parentName?: string | null,
): string {
  if (regionOfPath(holder.path) !== regionOfPath(path)) {
    return `Код ОО «${code}» уже указан у организации «${holder.name}» другого региона: код ОО не может повторяться`;
  }
  const who = holder.kind === 'school' ? 'школы' : 'организации';
  return `Код ОО «${code}» уже указан у ${who} «${holder.name}»${parentName ? ` (${parentName})` : ''}`;
}

/** The reason `code` is unavailable to a unit at `path` (other than `selfId`), or null when it is free. */
export async function codeUnavailable(
  db: Db,
  code: string,
  path: string,
  selfId?: string,
): Promise<string | null> {
  const holder = (await codeHolders(db, [code])).get(code);
  if (!holder || holder.id === selfId) return null;
  const [parent] = holder.parentId
    ? await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, holder.parentId))
    : [];
  return codeTakenMessage(code, holder, path, parent?.name);
}
