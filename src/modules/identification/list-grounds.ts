import { plural } from '../../lib/plural.js';
import type { ListEntry } from './list-entries.js';
import { LIST_KIND_REASON_PREFIXES, type ListKind } from './list-kinds.js';
import { decisionReason } from './list-views.js';

// One line of grounds per school for the appendix of an order: «ВПР-2025: доля «2» 38 % (порог 30 %);
// 2 года подряд», or for many procedures «доля «2» не ниже 30 %: ВПР-2025 — в 35 процедурах (до 78,6 %),
// ОГЭ-2025 — в 7 процедурах (до 71,4 %); стагнация: 3 года подряд». The full sentences of reasons.ts (every procedure of two
// years) stay in the XLSX, on the list's page and, if asked, in the second appendix. The line is read
// out of those sentences, whose wording reasons.ts owns; a sentence this file cannot read is printed whole.

const PROCEDURE = /([^:;,]+), [^,;]+, \d+ класс — (\d+(?:,\d+)?) %/g;
const THRESHOLD = /не менее (\d+(?:,\d+)?) %/;
const num = (s: string) => Number(s.replace(',', '.'));
const fmt = (v: number) => `${String(v).replace('.', ',')} %`;

/**
 * The year's procedures of one sentence in a few words: one procedure — «ВПР-2025: доля «2» 38 % (порог
 * 30 %)»; several — «доля «2» не ниже 30 %: ВПР-2025 — в 35 процедурах (до 78,6 %), ОГЭ-2025 — 38 %».
 */
function shareParts(sentence: string, year: number, thresholdWord: string): string[] {
  // Only the year's procedures: the year before follows «та же процедура в …» / «те же процедуры в …».
  const own = sentence.split(/; т[аe] же процедур/)[0] ?? sentence;
  const threshold = THRESHOLD.exec(own)?.[1];
  const byAssessment = new Map<string, number[]>();
  for (const m of own.matchAll(PROCEDURE)) {
    const name = (m[1] ?? '').replace(/^.*?:\s*/, '').trim();
    const shares = byAssessment.get(name) ?? [];
    shares.push(num(m[2] ?? '0'));
    byAssessment.set(name, shares);
  }
  const groups = [...byAssessment];
  const [only] = groups;
  if (!only) return [];
  if (groups.length === 1 && only[1].length === 1)
    return [
      `${only[0]}-${year}: доля «2» ${fmt(only[1][0] ?? 0)}${threshold ? ` (${thresholdWord} ${threshold} %)` : ''}`,
    ];
  const parts = groups.map(([name, shares]) => {
    const hi = Math.max(...shares);
    return shares.length === 1
      ? `${name}-${year} — ${fmt(hi)}`
      : `${name}-${year} — в ${shares.length} ${plural(shares.length, ['процедуре', 'процедурах', 'процедурах'])} (до ${fmt(hi)})`;
  });
  return [`доля «2» ${threshold ? `не ниже ${threshold} %` : ''}: ${parts.join(', ')}`.replace('  ', ' ')];
}

const starts = (reasons: string[], prefix: string) => reasons.find((r) => r.startsWith(prefix));

function shnorParts(e: ListEntry, year: number): string[] {
  const out: string[] = [];
  const low = starts(e.reasons, 'ШНОР:');
  if (low) {
    out.push(...shareParts(low, year, 'порог'));
    if (/; т[аe] же процедур/.test(low)) out.push('2 года подряд');
  }
  const cluster = starts(e.reasons, 'ШНОР (по кластеру)');
  const c = cluster ? /нижних (\d+(?:,\d+)? %) своего кластера (\d+) года подряд/.exec(cluster) : null;
  if (c)
    out.push(
      `R в нижних ${c[1]} кластера ${c[2]} ${plural(num(c[2] ?? '0'), ['год', 'года', 'лет'])} подряд`,
    );
  const stagnation = starts(e.reasons, 'Стагнация');
  const s = stagnation ? /ШНОР (\d+) года? подряд/.exec(stagnation) : null;
  if (stagnation)
    out.push(
      s ? `стагнация: ${s[1]} ${plural(num(s[1] ?? '0'), ['год', 'года', 'лет'])} подряд` : 'стагнация',
    );
  if (starts(e.reasons, 'Повторное попадание')) out.push('повторное попадание');
  return out;
}

function kindParts(e: ListEntry, kind: ListKind, year: number): string[] {
  if (kind === 'shnor') return shnorParts(e, year);
  if (kind === 'riskZone') {
    const risk = starts(e.reasons, 'Зона риска');
    return risk ? shareParts(risk, year, 'порог риска') : [];
  }
  if (kind === 'shnsu') {
    const r = starts(e.reasons, 'ШНСУ');
    const m = r ? /\(ИСБШ\) (−?\d+(?:,\d+)?) не выше порога (−?\d+(?:,\d+)?)/.exec(r) : null;
    return m ? [`ИСБШ ${m[1]} (порог ${m[2]})`] : [];
  }
  const r = starts(e.reasons, 'Резильентная');
  const m = r ? /R = (−?\d+(?:,\d+)?) не ниже порога (−?\d+(?:,\d+)?)/.exec(r) : null;
  return m ? [`ШНСУ с высокими результатами: R = ${m[1]} (порог ${m[2]})`] : [];
}

/** The full sentences of the run that explain the school's place in a list of this kind. */
export function kindReasons(e: ListEntry, kind: ListKind): string[] {
  return e.reasons.filter((r) => LIST_KIND_REASON_PREFIXES[kind].some((p) => r.startsWith(p)));
}

/** The one line of grounds of an included school in a list of `kind` of `year`. */
export function compactGrounds(e: ListEntry, kind: ListKind, year: number): string {
  const parts = e.computed ? kindParts(e, kind, year) : [];
  // A sentence this file cannot read is printed whole rather than lost.
  if (e.computed && parts.length === 0) parts.push(...kindReasons(e, kind));
  if (e.decision?.decision === 'include') {
    const why = decisionReason(e.decision);
    parts.push(why.charAt(0).toLowerCase() + why.slice(1));
  }
  const line = parts.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
