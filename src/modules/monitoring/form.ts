import { z } from 'zod';
import '../../lib/zod-ru.js';

// A monitoring form: sections of fields that schools or municipalities fill (issue 13 §2). One Zod
// definition serves the builder (the owner edits it as JSON through the API), the server (a form is
// frozen when the monitoring opens) and the browser (validate-answers.ts checks answers with it, inline).

const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Код — латиница, цифры, «_» или «-», не длиннее 40 символов');
const label = z.string().trim().min(1, 'Укажите название').max(500, 'Название — не длиннее 500 символов');
const hint = z.string().trim().max(2000, 'Подсказка — не длиннее 2000 символов').optional();
const limit = z.number().finite().min(-1e12).max(1e12).optional();

export const optionSchema = z.object({
  value: id,
  label: z.string().trim().min(1, 'Укажите вариант ответа').max(300, 'Вариант — не длиннее 300 символов'),
});

export const COLUMN_KINDS = ['number', 'text', 'choice'] as const;
export const FIELD_KINDS = ['number', 'percentage', 'choice', 'text', 'table'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const columnSchema = z.object({
  id,
  kind: z.enum(COLUMN_KINDS),
  label,
  min: limit,
  max: limit,
  maxLength: z.number().int().min(1).max(5000).optional(),
  options: z.array(optionSchema).max(100).optional(),
  required: z.boolean().optional(),
});

export const fieldSchema = z.object({
  id,
  kind: z.enum(FIELD_KINDS),
  label,
  hint,
  required: z.boolean().optional(),
  /** number: the bounds; percentage is always within 0…100 and may narrow it */
  min: limit,
  max: limit,
  /** number: whole numbers only (counts of teachers, computers) */
  integer: z.boolean().optional(),
  /** text: the longest answer (2000 when not given) */
  maxLength: z.number().int().min(1).max(20000).optional(),
  /** choice: the options; `multiple` lets several be chosen */
  options: z.array(optionSchema).max(100).optional(),
  multiple: z.boolean().optional(),
  /** table: the columns and the most rows a participant may add */
  columns: z.array(columnSchema).max(20).optional(),
  maxRows: z.number().int().min(1).max(500).optional(),
});

export const sectionSchema = z.object({
  id,
  title: label,
  fields: z.array(fieldSchema).max(100),
});

const dup = (ctx: z.RefinementCtx, path: (string | number)[], what: string) =>
  ctx.addIssue({ code: 'custom', path, message: `${what} повторяется` });

export const formSchema = z.object({ sections: z.array(sectionSchema).max(30) }).superRefine((form, ctx) => {
  const sections = new Set<string>();
  const fields = new Set<string>();
  form.sections.forEach((s, si) => {
    if (sections.has(s.id)) dup(ctx, ['sections', si, 'id'], `Код раздела ${s.id}`);
    sections.add(s.id);
    s.fields.forEach((f, fi) => {
      const at = (key: string) => ['sections', si, 'fields', fi, key];
      if (fields.has(f.id)) dup(ctx, at('id'), `Код поля ${f.id}`);
      fields.add(f.id);
      if (f.min !== undefined && f.max !== undefined && f.min > f.max)
        ctx.addIssue({
          code: 'custom',
          path: at('max'),
          message: `Поле «${f.label}»: максимум меньше минимума`,
        });
      if (f.kind === 'choice') checkOptions(ctx, at('options'), f.label, f.options);
      if (f.kind === 'table') {
        if (!f.columns?.length)
          ctx.addIssue({
            code: 'custom',
            path: at('columns'),
            message: `Таблица «${f.label}»: нужны столбцы`,
          });
        const cols = new Set<string>();
        for (const c of f.columns ?? []) {
          if (cols.has(c.id)) dup(ctx, at('columns'), `Код столбца ${c.id}`);
          cols.add(c.id);
          if (c.kind === 'choice') checkOptions(ctx, at('columns'), c.label, c.options);
        }
      }
    });
  });
});

function checkOptions(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  name: string,
  options: { value: string }[] | undefined,
) {
  if (!options?.length) {
    ctx.addIssue({ code: 'custom', path, message: `«${name}»: нужны варианты ответа` });
    return;
  }
  const seen = new Set<string>();
  for (const o of options) {
    if (seen.has(o.value)) dup(ctx, path, `«${name}»: вариант ${o.value}`);
    seen.add(o.value);
  }
}

export type MonitoringForm = z.infer<typeof formSchema>;
export type FormSection = z.infer<typeof sectionSchema>;
export type FormField = z.infer<typeof fieldSchema>;
export type FormColumn = z.infer<typeof columnSchema>;

/** One cell of a table row; one answer of a field. Empty answers are absent (or null in a table cell). */
export type Cell = number | string | string[] | null;
export type TableRow = Record<string, Cell>;
export type AnswerValue = number | string | string[] | TableRow[];
export type Answers = Record<string, AnswerValue>;

/** The answers' shape on the wire (the route's request schema); checked against the form by checkAnswers. */
const cell = z.union([z.number(), z.string().max(20000), z.array(z.string().max(100)).max(100), z.null()]);
export const answersSchema = z.record(
  z.string().max(40),
  z.union([
    z.number(),
    z.string().max(20000),
    z.array(z.string().max(100)).max(100),
    z.array(z.record(z.string().max(40), cell)).max(500),
  ]),
);

export const EMPTY_FORM: MonitoringForm = { sections: [] };

/** Every field of the form, in order, with its section. */
export const fieldsOf = (form: MonitoringForm): { section: FormSection; field: FormField }[] =>
  form.sections.flatMap((section) => section.fields.map((field) => ({ section, field })));
