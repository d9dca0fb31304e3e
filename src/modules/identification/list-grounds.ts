import { plural } from '../../lib/plural.js';
import { LIST_KIND_REASON_PREFIXES, type ListKind } from './list-kinds.js';
import { decisionReason } from './list-views.js';
import type { ListEntry } from './lists.js';

// One line of grounds per school for the appendix of an order: «ВПР-2025: доля «2» 31–38 % в 3
// процедурах (порог 30 %); 2 года подряд». The full sentences of reasons.ts (every procedure of two
// years) stay in the XLSX, on the list's page and, if asked, in the second appendix. The line is read
// out of those sentences, whose wording reasons.ts owns; a sentence this file cannot read is printed whole.

const PROCEDURE = /([^:;,]+), [^,;]+, \d+ класс — (\d+(?:,\d+)?) %/g;
const THRESHOLD = /не менее (\d+(?:,\d+)?) %/;
const num = (s: string) => Number(s.replace(',', '.'));
const fmt = (v: number) => `${String(v).replace('.', ',')} %`;

/** «ВПР-2025: доля «2» 31–38 % в 3 процедурах (порог 30 %)», one part per assessment. */
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
  return [...byAssessment].map(([name, shares]) => {
    const lo = Math.min(...shares);
    const hi = Math.max(...shares);
    const range = lo === hi ? fmt(hi) : `${String(lo).replace('.', ',')}–${fmt(hi)}`;
    const count =
      shares.length > 1
        ? ` в ${shares.length} ${plural(shares.length, ['процедуре', 'процедурах', 'процедурах'])}`
        : '';
    const limit = threshold ? ` (${thresholdWord} ${threshold} %)` : '';
    return `${name}-${year}: доля «2» ${range}${count}${limit}`;
  });
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
    parts.push(parts.length === 0 ? why : why.charAt(0).toLowerCase() + why.slice(1));
  }
  return parts.join('; ');
}
