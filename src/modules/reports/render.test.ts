import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertToPdf, libreOffice } from '../../../tests/helpers/libreoffice.js';
import { chartSvg } from './chart-render.js';
import { reportDocx } from './render-docx.js';
import { reportPdf } from './render-pdf.js';
import { groupByAddressee, walkReport } from './render-walk.js';
import type { ReportContent } from './report-model.js';

const content: ReportContent = {
  title: 'Итоги выявления ШНОР за 2025 год',
  scope: 'Демо-область, 2025 год',
  sources: ['Результаты ВПР 2025 года', 'Утверждённый список ШНОР 2025 года'],
  blocks: [
    { type: 'heading', text: 'Состав списка', level: 1 },
    { type: 'paragraph', text: 'В список вошли школы.\nВторая строка.' },
    {
      type: 'table',
      caption: 'ШНОР по муниципалитетам',
      columns: ['Муниципалитет', 'ШНОР'],
      rows: [
        ['Северный район', '3'],
        ['Южный район', '1'],
      ],
      source: { data: 'список ШНОР', rule: 'утверждённый список', year: '2025' },
    },
    {
      type: 'chart',
      caption: 'ШНОР по муниципалитетам',
      spec: {
        kind: 'bar',
        categories: ['Северный район', 'Южный район'],
        series: [{ name: 'ШНОР', values: [3, 1] }],
        valueFormat: 'number',
      },
    },
    {
      type: 'findings',
      items: [{ id: 'f1', text: 'В список вошли 4 школы, из них 3 — в Северном районе.' }],
    },
    {
      type: 'recommendations',
      items: [
        { id: 'r1', unitId: null, unitName: 'Всем', text: 'Общая', rule: 'manual', reason: '' },
        {
          id: 'r2',
          unitId: '00000000-0000-4000-8000-000000000001',
          unitName: 'Северный район',
          text: 'Проверка',
          rule: 'stagnation',
          reason: '',
        },
        { id: 'r3', unitId: null, unitName: 'Всем', text: 'Вторая общая', rule: 'manual', reason: '' },
      ],
    },
  ],
};
const meta = { issuedOn: '06.12.2026', unitName: 'Министерство образования Демо-области' };

describe('the report renderer', () => {
  it('walks the blocks in one order for both formats, recommendations grouped by addressee', () => {
    const charts: unknown[] = [];
    const texts = walkReport(
      content,
      meta,
      {
        title: (t) => [`T:${t.title}`],
        heading: (t) => `H:${t}`,
        paragraph: (t) => `P:${t}`,
        bullet: (t) => `B:${t}`,
        table: (c, _cols, rows) => [`TABLE:${c}:${rows.length}`],
        image: (c) => [`IMG:${c}`],
      },
      (spec) => {
        charts.push(spec);
        return Buffer.alloc(0);
      },
    );
    expect(texts.slice(-6)).toEqual([
      'H:Адресные рекомендации',
      'P:Всем:',
      'B:Общая',
      'B:Вторая общая',
      'P:Северный район:',
      'B:Проверка',
    ]);
    expect(texts).toContain('P:Вторая строка.');
    expect(charts).toHaveLength(1);
    expect(groupByAddressee([]).length).toBe(0);
  });

  it('draws a chart as SVG on the server with its Cyrillic labels', () => {
    const svg = chartSvg({
      kind: 'line',
      categories: ['2024', '2025'],
      series: [{ name: 'Доля', values: [0.2, 0.1] }],
      valueFormat: 'share',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('20 %');
  });

  let docx: Buffer;
  it('writes a DOCX with its chart as an image part', async () => {
    docx = await reportDocx(content, meta);
    const parts = Object.keys(unzipSync(new Uint8Array(docx)));
    expect(parts.filter((p) => p.startsWith('word/media/') && p.endsWith('.png'))).toHaveLength(1);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(docx))['word/document.xml']);
    expect(xml).toContain('Северный район');
    expect(xml).toContain('АНАЛИТИЧЕСКАЯ СПРАВКА');
  });

  it('writes a PDF with the Roboto it embeds', async () => {
    const pdf = await reportPdf(content, meta);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('Roboto');
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it.skipIf(!libreOffice)(
    'the DOCX opens in LibreOffice with its chart',
    () => {
      const [pdf] = convertToPdf([{ name: 'report.docx', data: docx }]);
      expect(pdf?.subarray(0, 4).toString()).toBe('%PDF');
      expect(pdf?.toString('latin1')).toContain('/Subtype/Image');
    },
    180_000,
  );
  if (!libreOffice) console.warn('LibreOffice не найден: проверка открытия DOCX пропущена');
});
