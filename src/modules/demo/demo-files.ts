import type { EvidenceKind } from '../../db/schema/values.js';
import type { Upload } from '../files/save-file.js';

// Evidence files of the demo: tiny but valid PDFs for orders and protocols, plain text for
// analytic notes. Their content says plainly that they are synthetic.

const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A one-page PDF 1.4 with the given ASCII lines (the standard Helvetica font has no Cyrillic). */
export function minimalPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = lines.map((l, i) => `${i === 0 ? '' : '0 -22 Td '}(${esc(l)}) Tj`).join('\n');
  const stream = `BT\n/F1 13 Tf\n72 770 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

type ItemLike = {
  number: string | null;
  measure: string;
  indicator: string | null;
  evidenceKind?: EvidenceKind | null;
};

/**
 * The document that proves an item done, named as it would be in a real archive, with the kind it
 * is attached as: the one the item's rule asks for, else what the indicator's wording names.
 */
export function evidenceFor(
  item: ItemLike,
  isoDate: string,
  docNumber: number,
): Upload & { kind: EvidenceKind } {
  const upload = demoDocument(item, isoDate, docNumber);
  return { ...upload, kind: item.evidenceKind ?? upload.kind };
}

function demoDocument(item: ItemLike, isoDate: string, docNumber: number): Upload & { kind: EvidenceKind } {
  const indicator = item.indicator ?? '';
  const date = ruDate(isoDate);
  const pdf = (title: string, kind: string, as: EvidenceKind) => ({
    kind: as,
    name: `${title} № ${docNumber} от ${date} (демо).pdf`,
    data: minimalPdf([
      'Opora - synthetic demo document',
      `${kind} No. ${docNumber}, ${date}`,
      `Roadmap item ${item.number ?? ''}`,
      'This file is generated for demonstration and has no legal force.',
    ]),
  });
  if (item.evidenceKind === 'order' || /^Приказ/i.test(indicator)) return pdf('Приказ', 'Order', 'order');
  if (item.evidenceKind === 'protocol' || /^Протокол/i.test(indicator))
    return pdf('Протокол', 'Protocol', 'protocol');
  if (/^Сетевое соглашение/i.test(indicator)) return pdf('Сетевое соглашение', 'Agreement', 'other');
  if (item.evidenceKind === 'participants')
    return pdf('Список участников', 'List of participants', 'participants');
  const report = item.evidenceKind === 'report';
  const title = report ? 'Информационная справка' : 'Аналитическая справка';
  const body = [
    `${title.toUpperCase()} (демонстрационный документ, сведения вымышлены)`,
    '',
    `Мероприятие ${item.number ?? ''}: ${item.measure}`,
    `Показатель: ${indicator || '—'}`,
    `Дата: ${date}`,
    '',
    'Мероприятие проведено в установленный срок. Результаты рассмотрены на заседании рабочей группы,',
    'приняты управленческие решения по итогам анализа.',
  ].join('\n');
  return {
    name: `${title} ${date} (демо).txt`,
    data: Buffer.from(body, 'utf8'),
    kind: report ? 'report' : 'analytic_note',
  };
}
