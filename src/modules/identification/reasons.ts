import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import type { DataPackage, Procedure } from '../assessment-data/types.js';
import type { Flags, ShnorSource } from './identify.js';
import type { Methodology } from './methodology.js';

// Plain Russian sentences with the numbers behind each flag a school has in a year.

export type ReasonInput = {
  pkg: DataPackage;
  m: Methodology;
  year: number;
  school: number;
  flags: Flags;
  /** The school's counted result rows of the year with lowShare ≥ min(low, risk threshold), sorted. */
  notableRows: number[];
  /** school · procedures + procedure → row of the low procedures of the year before. */
  previousLow: Map<number, number>;
  byLowResults: boolean;
  byCluster: boolean;
  /** The cluster-relative rule's numbers of a school in a year. */
  bottomThreshold: (year: number, school: number) => { cluster: number; r: number; threshold: number };
  isbsh: number;
  isbshRank: number;
  shnsu: { threshold: number; rank: number; n: number };
  r: number;
  resilient: { value: number; rank: number; m: number };
  history: { year: number; shnor: boolean; source: ShnorSource }[];
  objectivityRows: number[];
};

/** 0.34 → «34 %», 0.305 → «30,5 %». */
export function percent(share: number): string {
  const v = Math.round(share * 1000) / 10;
  return `${decimal(v, Number.isInteger(v) ? 0 : 1)} %`;
}

/** Russian decimal comma and minus sign. */
export function decimal(v: number, digits: number): string {
  const s = Math.abs(v).toFixed(digits);
  const out = s.replace('.', ',');
  // A minus only where the rounded text is not zero («−0,00» is shown as «0,00»).
  return v < 0 && NON_ZERO.test(s) ? `−${out}` : out;
}

const NON_ZERO = /[1-9]/;

const procedureText = (p: Procedure) => `${p.assessment}, ${p.subject}, ${p.grade} класс`;

/** «в 1 процедуре», «в 3 процедурах». */
const inProcedures = (n: number) => `в ${countLabel(n, ['процедуре', 'процедурах', 'процедурах'])}`;

const yearsText = (years: number[]) =>
  years.length <= 1 ? `${years[0] ?? ''}` : `${years.slice(0, -1).join(', ')} и ${years[years.length - 1]}`;

// Helpers at module level, not closures per call: the server runs through tsx (esbuild keepNames), which
// names every closure it creates with Object.defineProperty — 40 000 schools × a few closures each.

const shareOf = (pkg: DataPackage, row: number) =>
  (pkg.results.mark2[row] as number) / (pkg.results.participants[row] as number);

const procedureOfRow = (pkg: DataPackage, row: number) =>
  pkg.procedures[pkg.results.procedure[row] as number] as Procedure;

function rowsAtLeast(pkg: DataPackage, rows: number[], share: number): number[] {
  const out: number[] = [];
  for (const i of rows) if (shareOf(pkg, i) >= share) out.push(i);
  return out;
}

function listOf(pkg: DataPackage, rows: number[]): string {
  let out = '';
  for (const i of rows) {
    out += `${out === '' ? '' : '; '}${procedureText(procedureOfRow(pkg, i))} — ${percent(shareOf(pkg, i))}`;
  }
  return out;
}

const approvedMark = (h: { source: ShnorSource }) =>
  h.source === 'approved' ? ' (по утверждённому списку)' : '';

export function reasonsFor(x: ReasonInput): string[] {
  const { pkg, m, year, flags } = x;
  const t = pkg.results;
  const lowRows = rowsAtLeast(pkg, x.notableRows, m.lowShareThreshold);
  const riskRows = rowsAtLeast(pkg, x.notableRows, m.riskShareThreshold);
  const out: string[] = [];

  if (flags.shnor && x.byLowResults) {
    const procs = pkg.procedures.length;
    const again = lowRows.flatMap((i) => {
      const prev = x.previousLow.get(x.school * procs + (t.procedure[i] as number));
      return prev === undefined ? [] : [prev];
    });
    const same =
      again.length === 0
        ? ''
        : again.length === 1
          ? `; та же процедура в ${year - 1} году: ${listOf(pkg, again)}`
          : `; те же процедуры в ${year - 1} году: ${listOf(pkg, again)}`;
    out.push(
      `ШНОР: доля участников с отметкой «2» (не преодолевших минимальный порог) не менее ${percent(m.lowShareThreshold)} ` +
        `${inProcedures(lowRows.length)} ${year} года: ${listOf(pkg, lowRows)}${same}.`,
    );
  }
  if (flags.shnor && x.byCluster) {
    const years = Array.from({ length: m.clusterRelative.consecutiveYears }, (_, j) => year - j);
    const parts = years.map((y) => {
      const b = x.bottomThreshold(y, x.school);
      return `${y} год — кластер ${b.cluster}, R = ${decimal(b.r, 3)}, порог ${decimal(b.threshold, 3)}`;
    });
    out.push(
      `ШНОР (по кластеру): индекс результатов R в нижних ${percent(m.clusterRelative.bottomShare)} своего кластера ` +
        `${countLabel(years.length, WORDS.year)} подряд: ${parts.join('; ')}.`,
    );
  }
  if (flags.shnsu) {
    out.push(
      `ШНСУ: индекс социального благополучия (ИСБШ) ${decimal(x.isbsh, 2)} не выше порога ` +
        `${decimal(x.shnsu.threshold, 2)} — ИСБШ школы на ${x.shnsu.rank}-м месте из ${x.shnsu.n} по возрастанию ` +
        `(${percent(m.shnsuPercentile)}); место школы — ${x.isbshRank}-е.`,
    );
  }
  if (flags.riskZone) {
    const low = lowRows.length;
    const byRisk = riskRows.length >= m.riskMinProcedures;
    out.push(
      byRisk
        ? `Зона риска: доля участников с отметкой «2» не менее ${percent(m.riskShareThreshold)} ` +
            `${inProcedures(riskRows.length)} ${year} года: ${listOf(pkg, riskRows)}.`
        : `Зона риска: доля участников с отметкой «2» не менее ${percent(m.lowShareThreshold)} ` +
            `${inProcedures(low)} ${year} года: ${listOf(pkg, lowRows)}.`,
    );
  }
  if (flags.resilient) {
    out.push(
      `Резильентная школа: ШНСУ с высокими результатами — индекс результатов R = ${decimal(x.r, 3)} не ниже ` +
        `порога ${decimal(x.resilient.value, 3)} (R школы на ${x.resilient.rank}-м месте из ${x.resilient.m} ` +
        `по убыванию, ${percent(m.resilientPercentile)}).`,
    );
  }
  if (flags.stagnation) {
    const past = x.history.slice(0, m.stagnationYears - 1);
    const years = [...past.map((h) => h.year).reverse(), year];
    const approved = past.filter((h) => h.source === 'approved').map((h) => h.year);
    out.push(
      `Стагнация: ШНОР ${countLabel(m.stagnationYears, WORDS.year)} подряд — ${yearsText(years)} годы` +
        (approved.length > 0
          ? ` (${yearsText(approved.sort((a, b) => a - b))} — по утверждённым спискам).`
          : '.'),
    );
  }
  if (flags.repeat) {
    const [from, to] = m.repeatWindow;
    const gap = x.history.slice(0, from - 1);
    const earlier = x.history.slice(from - 1, to).filter((h) => h.shnor);
    out.push(
      `Повторное попадание: ШНОР в ${year} году, не ШНОР в ${yearsText(gap.map((h) => h.year).reverse())} ` +
        `${gap.length > 1 ? 'годах' : 'году'}, ранее ШНОР в ${earlier
          .map((h) => `${h.year}${approvedMark(h)}`)
          .reverse()
          .join(', ')} ${earlier.length > 1 ? 'годах' : 'году'}.`,
    );
  }
  if (flags.exit) {
    const prev = x.history[0];
    out.push(
      `Выход из списка ШНОР: ШНОР в ${year - 1} году${prev ? approvedMark(prev) : ''}, в ${year} году ` +
        'критерии ШНОР не выполнены.',
    );
  }
  if (flags.objectivity && pkg.confirmation) {
    const c = pkg.confirmation;
    const o = m.objectivity;
    const parts = x.objectivityRows.map((i) => {
      const p = pkg.procedures[c.procedure[i] as number] as Procedure;
      const n = c.participants[i] as number;
      const raised = c.raised[i] as number;
      const lowered = c.lowered[i] as number;
      const what: string[] = [];
      if (raised / n > o.raisedShare) {
        what.push(
          `выше отметки по журналу — ${percent(raised / n)} (${raised} из ${n}; порог — более ${percent(o.raisedShare)})`,
        );
      }
      if (lowered / n > o.loweredShare) {
        what.push(
          `ниже отметки по журналу — ${percent(lowered / n)} (${lowered} из ${n}; порог — более ${percent(o.loweredShare)})`,
        );
      }
      return `${procedureText(p)}: ${what.join(', ')}`;
    });
    out.push(`Признаки необъективности результатов ${year} года: ${parts.join('; ')}.`);
  }
  return out;
}
