import {
  Document,
  Packer,
  Paragraph,
  type Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';

// Test helpers only: small Word documents built in code, the way people make them.

export const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
export const cell = (
  text: string,
  opts: { bold?: boolean; span?: number; merge?: 'restart' | 'continue' } = {},
) =>
  new TableCell({
    children: text.split('\n').map((line) => p(line, opts.bold)),
    ...(opts.span && { columnSpan: opts.span }),
    ...(opts.merge && {
      verticalMerge: opts.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
    }),
  });
export const row = (cells: TableCell[], header = false) =>
  new TableRow({ children: cells, tableHeader: header });
export const docxOf = (children: (Paragraph | Table)[]) =>
  Packer.toBuffer(new Document({ sections: [{ children }] }));
