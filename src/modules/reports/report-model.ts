import { z } from 'zod';
import { chartSpecSchema } from '../../lib/chart-spec.js';

// The content of an analytic report (аналитическая справка, issue 13 §5) as blocks: each template
// builds them from the data, the user edits findings and recommendations, and one renderer writes the
// same blocks to DOCX and to PDF. Stored in `analytic_reports.content`; every template returns this.

/** «Откуда эта цифра»: the data, the rule and the year behind a figure. */
export const figureSourceSchema = z.object({
  data: z.string().max(1000),
  rule: z.string().max(2000),
  year: z.string().max(50),
});
export type FigureSource = z.infer<typeof figureSourceSchema>;

const text = z.string().max(20_000);

export const reportBlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heading'),
    text: z.string().max(500),
    level: z.union([z.literal(1), z.literal(2)]),
  }),
  z.object({ type: z.literal('paragraph'), text }),
  z.object({
    type: z.literal('table'),
    caption: z.string().max(500),
    columns: z.array(z.string().max(200)).min(1).max(20),
    rows: z.array(z.array(z.string().max(2000))).max(2000),
    source: figureSourceSchema.optional(),
  }),
  z.object({ type: z.literal('chart'), caption: z.string().max(500), spec: chartSpecSchema }),
  /** findings in sentences with numbers; each is editable before the report is issued */
  z.object({
    type: z.literal('findings'),
    items: z
      .array(z.object({ id: z.string().max(50), text, source: figureSourceSchema.optional() }))
      .max(200),
  }),
  /** address recommendations chosen by rules; each names its addressee and the rule that chose it */
  z.object({
    type: z.literal('recommendations'),
    items: z
      .array(
        z.object({
          id: z.string().max(50),
          /** the municipality or school it is addressed to; null: the whole scope */
          unitId: z.string().uuid().nullable(),
          unitName: z.string().max(500),
          text,
          /** the rule that proposed it ('manual' when a user added it) */
          rule: z.string().max(100),
          /** why: the figure that triggered the rule */
          reason: z.string().max(2000),
        }),
      )
      .max(500),
  }),
]);
export type ReportBlock = z.infer<typeof reportBlockSchema>;

export const reportContentSchema = z.object({
  title: z.string().max(500),
  /** scope and period in words: «Смоленская область, 2025/2026 учебный год» */
  scope: z.string().max(500),
  /** the data sources in words */
  sources: z.array(z.string().max(1000)).max(50),
  blocks: z.array(reportBlockSchema).max(500),
});
export type ReportContent = z.infer<typeof reportContentSchema>;
