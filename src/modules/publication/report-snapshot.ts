import type { ChartSpec } from '../../lib/chart-spec.js';
import { groupByAddressee } from '../reports/render-walk.js';
import { REPORT_TEXT } from '../reports/report-labels.js';
import type { ReportContent } from '../reports/report-model.js';
import type { DocumentSnapshot } from './snapshot.js';

// An issued analytic report's text parts and tables in the order of its DOCX/PDF (reports/render-walk.ts):
// a heading opens a part; a chart becomes the table of its numbers (the public page draws no images).

type Part = DocumentSnapshot['parts'][number];
type Block = Part['blocks'][number];

const num = (v: number, format: ChartSpec['valueFormat']) =>
  format === 'share'
    ? `${Math.round(v * 1000) / 10} %`.replace('.', ',')
    : String(Math.round(v * 100) / 100).replace('.', ',');

export function chartTable(caption: string, spec: ChartSpec): Block {
  const fmt = (v: number | null | [number, number] | undefined) =>
    v === null || v === undefined
      ? ''
      : Array.isArray(v)
        ? `${num(v[0], 'number')}; ${num(v[1], spec.valueFormat)}`
        : num(v, spec.valueFormat);
  if (spec.kind === 'scatter') {
    return {
      kind: 'table',
      caption,
      header: ['Ряд', spec.xName ?? 'x', spec.yName ?? 'y'],
      rows: spec.series.flatMap((s) =>
        s.values.flatMap((v) =>
          Array.isArray(v) ? [[s.name, num(v[0], 'number'), num(v[1], spec.valueFormat)]] : [],
        ),
      ),
    };
  }
  return {
    kind: 'table',
    caption,
    header: [spec.xName ?? '', ...spec.series.map((s) => s.name)],
    rows: spec.categories.map((c, i) => [c, ...spec.series.map((s) => fmt(s.values[i]))]),
  };
}

export function reportParts(content: ReportContent): Part[] {
  const parts: Part[] = [
    { heading: REPORT_TEXT.sources, blocks: content.sources.map((text) => ({ kind: 'paragraph', text })) },
  ];
  let part: Part = { heading: '', blocks: [] };
  const open = (heading: string) => {
    if (part.heading || part.blocks.length) parts.push(part);
    part = { heading, blocks: [] };
  };
  for (const b of content.blocks) {
    switch (b.type) {
      case 'heading':
        open(b.text);
        break;
      case 'paragraph':
        for (const text of b.text.split('\n').filter((l) => l.trim()))
          part.blocks.push({ kind: 'paragraph', text });
        break;
      case 'table':
        part.blocks.push({ kind: 'table', caption: b.caption, header: b.columns, rows: b.rows });
        break;
      case 'chart':
        part.blocks.push(chartTable(b.caption, b.spec));
        break;
      case 'findings':
        open(REPORT_TEXT.findings);
        for (const f of b.items) part.blocks.push({ kind: 'paragraph', text: f.text });
        break;
      case 'recommendations':
        open(REPORT_TEXT.recommendations);
        for (const g of groupByAddressee(b.items)) {
          part.blocks.push({ kind: 'paragraph', text: `${g.unitName}:` });
          for (const r of g.items) part.blocks.push({ kind: 'paragraph', text: `— ${r.text}` });
        }
        break;
    }
  }
  open('');
  return parts;
}
