import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Block, inRegion, rowsOf, yesNo } from './block.js';
import { listSchoolsSql, listText, shnorListOfYear } from './list-of-year.js';

// Blocks over the ШНОР lists (identification): leaving the list and stagnation.

const noParams = z.object({}).strict();

/**
 * Year Y: the ШНОР of the list of Y−1 that are not on the list of Y. The list of Y is the approved one,
 * else the draft (the source says which); without a list of Y there is nothing to count yet.
 */
export const listExitBlock: Block<Record<string, never>> = {
  code: 'list_exit',
  title: 'Доля ШНОР, вышедших из списка',
  unit: 'share',
  params: noParams,
  async base(db, { regionId, year }) {
    const before = await shnorListOfYear(db, regionId, year - 1);
    const after = await shnorListOfYear(db, regionId, year);
    const rule =
      `Числитель — школы списка ШНОР ${year - 1} г., которых нет в списке ${year} г.; ` +
      `знаменатель — все школы списка ${year - 1} г.`;
    if (!before || !after)
      return {
        schools: null,
        source: {
          data: !before
            ? `Списка ШНОР ${year - 1} г. нет`
            : `Списка ШНОР ${year} г. ещё нет: выход не определён`,
          rule,
          year: String(year),
        },
      };
    return {
      schools: sql`select s.id, s.path,
          (case when s.id in (${listSchoolsSql(after)}) then 0 else 1 end) as num, 1 as den
        from org_units s where s.id in (${listSchoolsSql(before)})`,
      source: { data: `${listText(before)} и ${listText(after)}`, rule, year: `${year - 1} → ${year}` },
    };
  },
  async data(db, { regionId, year, schoolId }) {
    const lists = [await shnorListOfYear(db, regionId, year - 1), await shnorListOfYear(db, regionId, year)];
    const rows: string[][] = [];
    for (const l of lists) {
      if (!l) continue;
      const [r] = await rowsOf<{ on: boolean; reasons: string[] | null }>(
        db,
        sql`select exists (select 1 from (${listSchoolsSql(l)}) x where x.school_id = ${schoolId}::uuid) as on,
          (select reasons from identification_results where run_id = ${l.runId}::uuid
            and school_id = ${schoolId}::uuid) as reasons`,
      );
      rows.push([listText(l), yesNo(r?.on ?? false), (r?.reasons ?? []).join('; ') || '—']);
    }
    return {
      title: 'Школа в списках ШНОР',
      columns: ['Список', 'Школа в списке', 'Основания расчёта выявления'],
      rows,
      source: {
        data: 'Списки ШНОР и расчёты выявления региона',
        rule: 'Школа вышла из списка, если она есть в списке прошлого года и её нет в списке этого года',
        year: `${year - 1} → ${year}`,
      },
    };
  },
};

/**
 * Year Y: the schools of the ШНОР list of Y that its run marks as stagnating — ШНОР for as many years
 * running as the methodology asks (`stagnationYears`, identify.ts) — of all the schools of the list.
 */
export const stagnationBlock: Block<Record<string, never>> = {
  code: 'stagnation',
  title: 'Доля стагнирующих ШНОР',
  unit: 'share',
  params: noParams,
  async base(db, { regionId, year }) {
    const list = await shnorListOfYear(db, regionId, year);
    const rule =
      'Числитель — школы списка, которые расчёт выявления отметил как стагнирующие (в списке ШНОР ' +
      'столько лет подряд, сколько требует методика); знаменатель — все школы списка';
    if (!list)
      return { schools: null, source: { data: `Списка ШНОР ${year} г. нет`, rule, year: String(year) } };
    return {
      schools: sql`select s.id, s.path, (case when r.stagnation then 1 else 0 end) as num, 1 as den
        from org_units s left join identification_results r on r.school_id = s.id and r.run_id = ${list.runId}::uuid
        where s.id in (${listSchoolsSql(list)}) and ${inRegion('s', regionId)}`,
      source: { data: listText(list), rule, year: String(year) },
    };
  },
  async data(db, { regionId, year, schoolId }) {
    const list = await shnorListOfYear(db, regionId, year);
    const rows: string[][] = [];
    if (list) {
      const [r] = await rowsOf<{
        on: boolean;
        stagnation: boolean | null;
        repeat: boolean | null;
        reasons: string[] | null;
      }>(
        db,
        sql`select exists (select 1 from (${listSchoolsSql(list)}) x where x.school_id = ${schoolId}::uuid) as on,
          r.stagnation, r.repeat, r.reasons
        from (select 1) one left join identification_results r
          on r.run_id = ${list.runId}::uuid and r.school_id = ${schoolId}::uuid`,
      );
      rows.push([
        listText(list),
        yesNo(r?.on ?? false),
        yesNo(r?.stagnation ?? false),
        yesNo(r?.repeat ?? false),
        (r?.reasons ?? []).join('; ') || '—',
      ]);
    }
    return {
      title: 'Школа в списке ШНОР и признаки расчёта',
      columns: ['Список', 'Школа в списке', 'Стагнация', 'Повторное попадание', 'Основания'],
      rows,
      source: {
        data: list ? listText(list) : `Списка ШНОР ${year} г. нет`,
        rule: 'Стагнация и повторное попадание — признаки расчёта выявления по методике региона',
        year: String(year),
      },
    };
  },
};
