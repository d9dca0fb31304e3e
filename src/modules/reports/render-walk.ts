import type { ChartSpec } from '../../lib/chart-spec.js';
import { chartPng } from './chart-render.js';
import { REPORT_TEXT } from './report-labels.js';
import type { ReportBlock, ReportContent } from './report-model.js';

// One walk over a report's blocks for both formats: the DOCX and the PDF writers only say how a
// heading, a paragraph, a table or an image looks; what comes in which order (title page, sources, the
// blocks, recommendations grouped by addressee) is decided here once, so the two files never differ.

export type ReportMeta = { issuedOn: string; unitName: string };

export type Writer<N> = {
  title: (lines: { title: string; scope: string; unit: string; date: string }) => N[];
  heading: (text: string, level: 1 | 2) => N;
  paragraph: (text: string) => N;
  bullet: (text: string) => N;
  table: (caption: string, columns: string[], rows: string[][], source?: string) => N[];
  image: (caption: string, png: Buffer, width: number, height: number) => N[];
};

type Recommendation = Extract<ReportBlock, { type: 'recommendations' }>['items'][number];

/** Recommendations by addressee, the whole scope first, then the units in the order they first appear. */
export function groupByAddressee(items: Recommendation[]): { unitName: string; items: Recommendation[] }[] {
  const groups = new Map<string, { unitName: string; items: Recommendation[] }>();
  for (const r of items) {
    const key = r.unitId ?? '';
    const g = groups.get(key) ?? { unitName: r.unitName, items: [] };
    g.items.push(r);
    groups.set(key, g);
  }
  const whole = groups.get('');
  groups.delete('');
  return [...(whole ? [whole] : []), ...groups.values()];
}

const sourceLine = (s: { data: string; rule: string; year: string }) =>
  `${REPORT_TEXT.source}: ${s.data}; ${s.rule}; ${s.year}`;

function blockNodes<N>(w: Writer<N>, b: ReportBlock, charts: (spec: ChartSpec) => Buffer): N[] {
  switch (b.type) {
    case 'heading':
      return [w.heading(b.text, b.level)];
    case 'paragraph':
      return b.text.split('\n').map((l) => w.paragraph(l));
    case 'table':
      return w.table(b.caption, b.columns, b.rows, b.source ? sourceLine(b.source) : undefined);
    case 'chart':
      return w.image(b.caption, charts(b.spec), 720, 360);
    case 'findings':
      return [w.heading(REPORT_TEXT.findings, 2), ...b.items.map((f) => w.bullet(f.text))];
    case 'recommendations':
      return [
        w.heading(REPORT_TEXT.recommendations, 2),
        ...groupByAddressee(b.items).flatMap((g) => [
          w.paragraph(`${g.unitName}:`),
          ...g.items.map((r) => w.bullet(r.text)),
        ]),
      ];
  }
}

/** The document's nodes in order; `charts` draws a chart (tests count its calls). */
export function walkReport<N>(
  content: ReportContent,
  meta: ReportMeta,
  w: Writer<N>,
  charts: (spec: ChartSpec) => Buffer = (spec) => chartPng(spec),
): N[] {
  return [
    ...w.title({ title: content.title, scope: content.scope, unit: meta.unitName, date: meta.issuedOn }),
    w.heading(REPORT_TEXT.sources, 2),
    ...content.sources.map((s) => w.bullet(s)),
    ...content.blocks.flatMap((b) => blockNodes(w, b, charts)),
  ];
}
