import {
  approvalLines,
  deadlineText,
  formatRuDate,
  itemNumber,
  responsibleText,
  roadmapColumns,
  roadmapToDocx,
  sectionHeading,
  targetText,
} from '../documents/export-roadmap-docx.js';
import type { RoadmapDetail } from '../roadmaps/types.js';
import { appendixPdf } from './render-pdf.js';
import type { RoadmapSnapshot } from './snapshot.js';

// A roadmap as its order's appendix shows it, built with the text helpers of the DOCX exporter so the
// public page, the DOCX and the PDF read the same. Execution is not part of the snapshot: when the owner
// shows it, the public page reads the live status by `itemId`; so a new execution mark is not a change.

const LEVEL_OF_UNIT: Record<string, string> = {
  region: 'Региональный уровень',
  municipality: 'Муниципальный уровень',
  school: 'Уровень образовательной организации',
  institution: 'Уровень учреждения',
};

export function roadmapSnapshotOf(r: RoadmapDetail): RoadmapSnapshot {
  return {
    unitName: r.orgUnit.name,
    periodLabel: r.periodLabel,
    levelLabel: LEVEL_OF_UNIT[r.orgUnit.kind] ?? '',
    approvedOrder:
      r.orderNumber || r.orderDate ? { number: r.orderNumber ?? '', date: formatRuDate(r.orderDate) } : null,
    approvedAt: r.orderDate,
    sections: r.sections.map((s, si) => ({
      title: sectionHeading(s, si) ?? '',
      items: s.items.map((item, ii) => ({
        itemId: item.id,
        number: itemNumber(s, si, item, ii),
        title: item.measure,
        deadline: deadlineText(item),
        executors: responsibleText(item),
        indicator: item.indicator ?? '',
        result: targetText(item),
      })),
    })),
  };
}

/** The DOCX (the exporter's bytes) and the PDF of the same appendix table. */
export async function roadmapFiles(r: RoadmapDetail, showExecution: boolean) {
  const o = { execution: showExecution };
  const cols = roadmapColumns(r, o);
  const docx = await roadmapToDocx(r, o);
  const pdf = await appendixPdf({
    title: r.title,
    approvalLines: approvalLines(r),
    subtitles: [r.title, r.orgUnit.name, r.periodLabel],
    header: ['№ п/п', ...cols.map((c) => c.header)],
    widths: [6, ...cols.map((c) => c.width)],
    sections: r.sections.map((s, si) => ({
      heading: sectionHeading(s, si),
      rows: s.items.map((item, ii) => [itemNumber(s, si, item, ii), ...cols.map((c) => c.value(item))]),
    })),
  });
  return { docx, pdf };
}
