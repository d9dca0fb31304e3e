import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Block, inRegion, pct, rowsOf } from './block.js';

// Blocks over the results of assessment procedures (assessment-data): the share of «2» and the share of
// ВПР marks confirmed by term marks (`confirmation_results`: lowered / confirmed / raised).

export const procedureParams = z
  .object({
    assessment: z.string().trim().min(1, { message: 'Укажите процедуру' }).max(50).default('ВПР'),
    subject: z.string().trim().min(1, { message: 'Предмет не может быть пустым' }).max(100).optional(),
    grade: z
      .number({ message: 'Класс — число' })
      .int({ message: 'Класс — целое число' })
      .min(1, { message: 'Класс — от 1 до 11' })
      .max(11, { message: 'Класс — от 1 до 11' })
      .optional(),
  })
  .strict();
export type ProcedureParams = z.output<typeof procedureParams>;

const procFilter = (p: ProcedureParams): SQL =>
  sql`p.assessment = ${p.assessment}${p.subject ? sql` and p.subject = ${p.subject}` : sql``}${
    p.grade ? sql` and p.grade = ${p.grade}` : sql``
  }`;

/** «ВПР, математика, 4 класс» / «ВПР, все предметы и классы». */
export function procedureText(p: ProcedureParams): string {
  const parts = [
    p.assessment,
    p.subject ?? (p.grade ? '' : 'все предметы и классы'),
    p.grade ? `${p.grade} класс` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

type ResultRow = { subject: string; grade: number; participants: number; a: number; b: number; c: number };

function resultBlock(opts: {
  code: string;
  title: string;
  table: 'assessment_results' | 'confirmation_results';
  num: string;
  rule: string;
  dataTitle: string;
  columns: string[];
}): Block<ProcedureParams> {
  const t = sql.raw(opts.table);
  const dataText = (p: ProcedureParams, year: number) =>
    `${opts.table === 'assessment_results' ? 'Результаты' : 'Подтверждение отметок'} ${procedureText(p)} ${year} г. (загруженный пакет данных)`;
  return {
    code: opts.code,
    title: opts.title,
    unit: 'share',
    params: procedureParams,
    async base(_db, { regionId, year, params }) {
      return {
        schools: sql`select s.id, s.path, sum(r.${sql.raw(opts.num)})::float8 as num,
            sum(r.participants)::float8 as den
          from ${t} r join org_units s on s.id = r.school_id join assessment_procedures p on p.id = r.procedure_id
          where r.year = ${year} and ${inRegion('s', regionId)} and ${procFilter(params)}
          group by s.id, s.path`,
        source: { data: dataText(params, year), rule: opts.rule, year: String(year) },
      };
    },
    async data(db, { year, params, schoolId }) {
      const rows = await rowsOf<ResultRow>(
        db,
        opts.table === 'assessment_results'
          ? sql`select p.subject, p.grade, r.participants, r.mark2 as a, r.mark3 + r.mark4 + r.mark5 as b, 0 as c
              from assessment_results r join assessment_procedures p on p.id = r.procedure_id
              where r.school_id = ${schoolId}::uuid and r.year = ${year} and ${procFilter(params)}
              order by p.grade, p.subject`
          : sql`select p.subject, p.grade, r.participants, r.lowered as a, r.confirmed as b, r.raised as c
              from confirmation_results r join assessment_procedures p on p.id = r.procedure_id
              where r.school_id = ${schoolId}::uuid and r.year = ${year} and ${procFilter(params)}
              order by p.grade, p.subject`,
      );
      const share = (r: ResultRow) => pct(opts.num === 'mark2' ? r.a : r.b, r.participants);
      return {
        title: opts.dataTitle,
        columns: opts.columns,
        rows: rows.map((r) =>
          opts.table === 'assessment_results'
            ? [r.subject, String(r.grade), String(r.participants), String(r.a), String(r.b), share(r)]
            : [
                r.subject,
                String(r.grade),
                String(r.participants),
                String(r.a),
                String(r.b),
                String(r.c),
                share(r),
              ],
        ),
        source: { data: dataText(params, year), rule: opts.rule, year: String(year) },
      };
    },
  };
}

export const mark2Block = resultBlock({
  code: 'mark2_share',
  title: 'Доля участников с отметкой «2»',
  table: 'assessment_results',
  num: 'mark2',
  rule: 'Числитель — участники с отметкой «2», знаменатель — все участники процедуры (по строкам результатов школ)',
  dataTitle: 'Результаты школы по процедурам',
  columns: ['Предмет', 'Класс', 'Участников', 'Отметка «2»', 'Отметки «3»–«5»', 'Доля «2»'],
});

export const confirmedBlock = resultBlock({
  code: 'confirmed_share',
  title: 'Доля отметок ВПР, подтверждённых отметками за четверть',
  table: 'confirmation_results',
  num: 'confirmed',
  rule:
    'Числитель — участники, чья отметка за ВПР совпала с отметкой за четверть (триместр), знаменатель — ' +
    'все участники с обеими отметками',
  dataTitle: 'Подтверждение отметок ВПР отметками за четверть',
  columns: ['Предмет', 'Класс', 'Участников', 'Понизили', 'Подтвердили', 'Повысили', 'Доля подтвердивших'],
});
