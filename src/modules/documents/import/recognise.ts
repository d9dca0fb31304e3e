import type { RoadmapPeriod } from '../../roadmaps/deadline.js';
import { looksLikeContinuation, type Vocabulary } from './clean-text.js';
import { type Column, MEANING_LABELS, readHeader } from './columns.js';
import {
  guessKind,
  isTitleLike,
  type Para,
  type Period,
  periodInText,
  periodInTitle,
  readApproval,
  readOrderHeader,
  readTitle,
  startsNewRoadmap,
} from './context.js';
import { DraftRoadmap } from './draft.js';
import {
  continuesBeforeRepeatedHeader,
  gridWidth,
  guessPeriod,
  headerTexts,
  readHeaderRow,
  rowText,
  sameColumns,
  widenOverSubHeader,
} from './header-rows.js';
import { invalidFile, NO_ROADMAP_MESSAGE } from './limits.js';
import { parseNumber, splitLeadingNumber } from './numbering.js';
import { looksLikeData, realignShifted, SHIFTED_MESSAGE } from './realign.js';
import { type AlignedRow, alignRow, cellText, classifyRow } from './rows.js';
import { isPageNumber, isSignatureLine, isSignatureRow } from './signature.js';
import type {
  Block,
  ImportedApproval,
  ImportedRoadmap,
  ImportResult,
  ImportWarning,
  RowBlock,
} from './types.js';

// One recogniser for every format. It walks the block stream: paragraphs collect as the context of the
// next table; a header row starts a roadmap (title, period and approval read from that context); a header
// with the same columns and nothing title-like in between is the same table continued on the next page;
// other rows go to rows.ts and draft.ts. Rows outside any roadmap table are read as paragraphs.

type Entry = { para: Para; block: Block; index: number; fromRow: boolean };

type Head = {
  title: string;
  period: Period | null;
  approval: ImportedApproval | null;
};

type Current = {
  draft: DraftRoadmap;
  head: Head;
  tableId: number | undefined;
  headerPending: boolean;
  headerBlock: RowBlock;
  headerIndex: number;
  /** The row before was the header repeated after a page break. */
  repeatedHeader: boolean;
};

export function recognise(blocks: Block[], opts: { fileName: string; vocab: Vocabulary }): ImportResult {
  return new Recogniser(blocks, opts.fileName, opts.vocab).run();
}

class Recogniser {
  private readonly warnings: (ImportWarning & { order: number; seq: number })[] = [];
  /** Index of the block being read: the order of warnings. */
  private at = 0;
  private readonly roadmaps: ImportedRoadmap[] = [];
  private context: Entry[] = [];
  private gap: Entry[] = [];
  private current: Current | null = null;
  private docOrder: ImportedApproval | null | undefined;
  private readonly docText: string;
  private emptyTables = 0;

  constructor(
    private readonly blocks: Block[],
    private readonly fileName: string,
    private readonly vocab: Vocabulary,
  ) {
    this.docText = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
  }

  private warn = (location: string, message: string, order?: number) => {
    this.warnings.push({ location, message, order: order ?? this.at, seq: this.warnings.length });
  };

  run(): ImportResult {
    this.blocks.forEach((b, index) => {
      this.step(b, index);
    });
    if (this.current) this.finishCurrent();
    if (this.roadmaps.length === 0) {
      throw invalidFile(
        this.emptyTables > 0
          ? 'В файле не найдено таблицы дорожной карты с мероприятиями: таблица есть, но в ней нет ни одной строки с мероприятием'
          : NO_ROADMAP_MESSAGE,
      );
    }
    const warnings = [...this.warnings]
      .sort((a, b) => a.order - b.order || a.seq - b.seq)
      .map(({ location, message }) => ({ location, message }));
    return { roadmaps: this.roadmaps, warnings };
  }

  private step(b: Block, index: number): void {
    this.at = index;
    if (b.kind === 'paragraph') {
      if (this.current && isSignatureLine(b.text)) {
        this.endAtSignature(b.location, b.text);
        return;
      }
      const entry: Entry = { para: b, block: b, index, fromRow: false };
      (this.current ? this.gap : this.context).push(entry);
      return;
    }
    if (this.current && isSignatureRow(b)) {
      this.endAtSignature(b.location, rowText(b));
      return;
    }
    const current = this.current;
    if (current?.headerPending && this.gap.length === 0) {
      current.headerPending = false;
      if (this.isHeaderContinuation(b, current)) {
        this.mergeHeader(b, current);
        return;
      }
    }
    if (current?.repeatedHeader) {
      // The second line of a two-line header repeated after a page break.
      current.repeatedHeader = false;
      if (this.gap.length === 0 && this.isHeaderContinuation(b, current)) return;
    }
    const header = current && looksLikeData(b) ? null : readHeaderRow(b);
    if (header) {
      const newRoadmap = this.gap.some((e) => this.signalsNewRoadmap(e, true));
      if (current && sameColumns(current.draft.columns, header) && !newRoadmap) {
        // The header repeated after a page break, or a table continued on the next page.
        this.flushGap();
        current.tableId = b.table;
        current.repeatedHeader = true;
        return;
      }
      if (current) {
        this.finishCurrent();
        this.context = this.gap;
        this.gap = [];
      }
      this.startRoadmap(header, b);
      return;
    }
    const entry: Entry = { para: this.rowAsPara(b), block: b, index, fromRow: true };
    if (!current) {
      this.context.push(entry);
      return;
    }
    if (this.isTextBeforeNextTable(b, index)) {
      this.gap.push(entry);
      return;
    }
    if (this.gap.length > 0 || (b.table !== undefined && b.table !== current.tableId)) {
      if (!this.continuesTable(current, b)) {
        this.finishCurrent();
        this.context = [...this.gap, entry];
        this.gap = [];
        return;
      }
      this.flushGap();
      current.tableId = b.table;
    }
    this.processRow(b, index);
  }

  /** The table ends at a signature: what comes after it is not a row of the roadmap. */
  private endAtSignature(location: string, text: string): void {
    this.gap = [];
    this.finishCurrent();
    this.context = [];
    this.warn(
      location,
      `Строка «${text.slice(0, 80)}» принята за подпись: таблица дорожной карты закончена на ней`,
    );
  }

  private rowAsPara(b: RowBlock): Para {
    const filled = b.cells.filter((c) => c.text.trim());
    return {
      text: rowText(b),
      bold: filled.length > 0 && filled.every((c) => c.bold),
      location: b.location,
    };
  }

  /**
   * Text between two tables that says the second one is another roadmap: a title or an approval line; before
   * a header row also any bold paragraph of a few words (before rows of data that is a section title).
   */
  private signalsNewRoadmap(e: Entry, beforeHeader: boolean): boolean {
    if (!e.fromRow && beforeHeader) return startsNewRoadmap(e.para);
    return isTitleLike(e.para) || /^(приложени|утвержден|утверждаю)/i.test(e.para.text.trim());
  }

  private continuesTable(current: Current, b: RowBlock): boolean {
    if (this.gap.some((e) => this.signalsNewRoadmap(e, false))) return false;
    if (b.table === undefined || b.table === current.tableId) return true;
    const w = gridWidth(b);
    const width = current.draft.columns.length;
    return w >= width - 1 && w <= width + 1;
  }

  /** A one-cell row followed by a header row before any row of data: text above the next table (Excel). */
  private isTextBeforeNextTable(b: RowBlock, index: number): boolean {
    const filled = b.cells.filter((c) => c.text.trim() && !c.merged);
    if (filled.length !== 1 || parseNumber(filled[0]?.text ?? '')) return false;
    for (let j = index + 1; j < this.blocks.length; j++) {
      const next = this.blocks[j];
      if (!next || next.kind === 'paragraph') continue;
      const count = next.cells.filter((c) => c.text.trim() && !c.merged).length;
      if (count === 0) continue;
      const header = readHeaderRow(next);
      if (header)
        return !(this.current && continuesBeforeRepeatedHeader(b, header, this.current.draft.columns));
      if (count >= 2) return false;
    }
    return false;
  }

  /** Paragraphs met between rows of one table: lines of a cell, a section written outside the table. */
  private flushGap(): void {
    const gap = this.gap;
    this.gap = [];
    const current = this.current;
    if (!current) return;
    for (const e of gap) {
      if (e.block.kind === 'row') {
        this.processRow(e.block, e.index);
        continue;
      }
      const text = e.para.text.trim();
      if (!text) continue;
      if (isPageNumber(text)) {
        this.warn(
          e.para.location,
          `Строка «${text}» между частями таблицы принята за номер страницы и пропущена`,
        );
        continue;
      }
      if (looksLikeContinuation(text) && current.draft.continueLastCell(text, e.para.location)) continue;
      const width = current.draft.columns.length;
      const row: RowBlock = {
        kind: 'row',
        cells: [{ text, bold: e.para.bold, italic: false, span: width }],
        location: e.para.location,
      };
      this.processRow(row, e.index);
    }
  }

  private startRoadmap(columns: Column[], b: RowBlock): void {
    const paras = this.context.map((e) => e.para);
    if (this.docOrder === undefined) this.docOrder = readOrderHeader(paras, this.docText);
    const found = readTitle(paras);
    const title = found ?? `Дорожная карта из файла «${this.fileName}»`;
    if (!found) this.warn(b.location, 'Название дорожной карты не найдено над таблицей: укажите его');
    const period = periodInTitle(title) ?? periodInText(paras);
    if (period?.multiYear) {
      this.warn(
        b.location,
        `Дорожная карта на несколько лет (${period.text}): сроки без года отнесены к ${period.year} году`,
      );
    }
    const approval = readApproval(paras, this.docOrder);
    const orderNumber = this.docOrder?.orderNumber;
    if (approval?.orderNumber && orderNumber && approval.orderNumber !== orderNumber) {
      this.warn(
        b.location,
        `Номер приказа у дорожной карты («${approval.orderNumber}») не совпадает с номером в шапке приказа («${orderNumber}»): сохранён номер, указанный у дорожной карты`,
      );
    }
    const draft = new DraftRoadmap(columns, b.location, this.warn, this.vocab, () => this.at);
    this.current = {
      draft,
      head: { title, period, approval },
      tableId: b.table,
      headerPending: true,
      headerBlock: b,
      headerIndex: this.at,
      repeatedHeader: false,
    };
    this.context = [];
    this.gap = [];
  }

  /** The second line of a header spread over two rows («№» / «п/п», «Сроки» / «исполнения»). */
  private isHeaderContinuation(b: RowBlock, current: Current): boolean {
    const own = b.cells.flatMap((c) => (c.merged ? [] : [c.text.trim()])).filter(Boolean);
    if (own.length === 0) return false;
    if (own.some((t) => t.length > 60 || parseNumber(t) || splitLeadingNumber(t))) return false;
    if (b.header) return true;
    if (own.every((t) => looksLikeContinuation(t) || /^п\s*\/\s*п\.?$/i.test(t))) return true;
    // «Содержание | Сроки» over «мероприятий | исполнения | Исполнители»: the second line names more columns.
    const first = headerTexts(current.headerBlock).texts;
    const second = headerTexts(b).texts;
    const merged = readHeader(first.map((t, i) => [t, second[i] ?? ''].filter(Boolean).join(' ')));
    const known = (cols: Column[] | null) => cols?.filter((c) => c.meaning !== null).length ?? 0;
    return known(merged) > known(readHeader(first)) && own.every((t) => !/\d/.test(t));
  }

  private mergeHeader(b: RowBlock, current: Current): void {
    let first: { texts: string[]; covered: boolean[]; from?: number[] } = headerTexts(current.headerBlock);
    const second = headerTexts({ ...b, cells: b.cells.map((c) => (c.merged ? { ...c, text: '' } : c)) });
    const wide = widenOverSubHeader(first, second.texts);
    if (wide) {
      const labels = second.texts.filter((t) => t.trim());
      const label = wide.texts[second.texts.findIndex((t) => t.trim())] ?? '';
      this.warn(
        b.location,
        `Заголовок «${label}» занимает одну ячейку, а под ним ${labels.length} («${labels.join('», «')}»): он отнесён ко всем им, следующие столбцы сдвинуты вправо — проверьте`,
      );
      first = wide;
    }
    // «Сроки» spanning «начало | окончание» gives the columns «Сроки начало» and «Сроки окончание».
    const texts = first.texts.map((t, i) => [t, second.texts[i] ?? ''].filter(Boolean).join(' '));
    const columns = readHeader(texts);
    if (!columns) return;
    const previous = current.draft.columns;
    const merged = columns.map((c, i) => {
      const before = previous[first.from?.[i] ?? i];
      const meaning = c.meaning ?? before?.meaning ?? null;
      return { ...c, meaning, ...(first.covered[i] && !second.texts[i] && { covered: true }) };
    });
    current.draft.setColumns(merged);
    current.headerBlock = { ...b, cells: texts.map((text) => ({ text, bold: true, italic: false })) };
  }

  private nextNumber(index: number, columns: Column[]) {
    for (let j = index + 1; j < this.blocks.length && j < index + 40; j++) {
      const b = this.blocks[j];
      if (!b) break;
      if (b.kind === 'paragraph') continue;
      const texts = b.cells.map((c) => c.text.trim());
      const filled = texts.filter(Boolean);
      if (filled.length === 0) continue;
      if (readHeaderRow(b)) continue;
      if (filled.length >= 3 && filled.every((t, k) => t.replace(/\.$/, '') === String(k + 1))) continue;
      const aligned = alignRow(b, columns);
      const at = columns.findIndex((c) => c.meaning === 'number');
      const numberText = at >= 0 ? cellText(aligned.cells[at]) : '';
      if (numberText) return parseNumber(numberText);
      return splitLeadingNumber(filled[0] ?? '')?.number ?? null;
    }
    return null;
  }

  private processRow(b: RowBlock, index: number): void {
    const current = this.current;
    if (!current) return;
    this.at = index;
    current.headerPending = false;
    for (const c of b.cells) {
      for (const message of c.warnings ?? []) this.warn(b.location, message);
      if (c.merged) continue;
      for (const note of c.notes ?? []) {
        this.warn(b.location, `Слово, разорванное краем ячейки без дефиса, соединено: ${note} — проверьте`);
      }
    }
    const draft = current.draft;
    let aligned: AlignedRow = alignRow(b, draft.columns);
    const shifted = draft.numbered ? null : realignShifted(aligned, draft.columns);
    if (shifted) {
      aligned = shifted;
      this.warn(b.location, SHIFTED_MESSAGE);
    }
    const kind = classifyRow(aligned, {
      columns: draft.columns,
      numbered: draft.numbered,
      hasItem: draft.hasItem,
      nextNumber: this.nextNumber(index, draft.columns),
      lastNumber: draft.lastNumber,
      lastMeasure: draft.lastMeasure(),
    });
    const dropped = kind.kind === 'continuation' && kind.guessed;
    if (aligned.guessed && kind.kind !== 'skip' && kind.kind !== 'header' && !dropped) {
      const message = aligned.lostFirst
        ? SHIFTED_MESSAGE
        : 'В строке меньше ячеек, чем столбцов: ячейки отнесены к столбцам по содержимому';
      this.warn(b.location, message);
    }
    switch (kind.kind) {
      case 'skip':
      case 'header':
        return;
      case 'section':
        draft.addSection(kind.number, kind.title, kind.guessed, b.location);
        if (kind.guessed) {
          this.warn(
            b.location,
            `Строка «${kind.title.slice(0, 80)}» без сроков и ответственных принята за раздел`,
          );
        }
        return;
      case 'level':
        draft.setLevel(kind.level);
        return;
      case 'item':
        draft.addItem(aligned, kind.number, kind.measureOverride, b.location);
        return;
      case 'subrow':
        draft.addSubRow(aligned, b.location);
        return;
      case 'continuation':
        if (kind.guessed && aligned.guessed) {
          // Fewer cells than columns, no number, no deadline, a capital letter: not a part of the item above.
          const text = b.cells
            .map((c) => c.text.trim())
            .filter(Boolean)
            .join(' | ');
          this.warn(b.location, `Строка не отнесена ни к одному пункту и пропущена: «${text.slice(0, 120)}»`);
          return;
        }
        if (kind.measureOnly) {
          this.warn(
            b.location,
            `Строка продолжает мероприятие «${draft.lastMeasure().slice(0, 60)}»: текст присоединён к нему`,
          );
        }
        draft.continueWith(aligned, kind.guessed, b.location, kind.separate);
        return;
      case 'unplaced':
        this.warn(
          b.location,
          `Строка не отнесена ни к одному пункту и пропущена: «${kind.text.slice(0, 120)}»`,
        );
        return;
    }
  }

  private finishCurrent(): void {
    const current = this.current;
    this.current = null;
    if (!current) return;
    const { draft, head } = current;
    const columns = draft.columns;
    columns.forEach((c) => {
      if (c.meaning === null && !c.covered && !c.described && c.header) {
        const message = `Столбец «${c.header}» не распознан: его текст добавлен к описанию мероприятий`;
        this.warn(current.headerBlock.location, message, current.headerIndex);
      }
    });
    if (!columns.some((c) => c.meaning === 'deadline')) {
      const message = `В таблице нет столбца «${MEANING_LABELS.deadline}»: сроки не заполнены`;
      this.warn(current.headerBlock.location, message, current.headerIndex);
    }
    draft.dropTrailingGuesses();
    if (!draft.numbered && draft.itemCount > 0 && columns.some((c) => c.meaning === 'number')) {
      const message =
        'Пункты без номеров: мероприятия распознаны по срокам и ответственным, номера не заполнены';
      this.warn(current.headerBlock.location, message, current.headerIndex);
    }
    if (draft.itemCount === 0) {
      this.emptyTables++;
      this.warn(
        draft.location,
        `В таблице «${head.title.slice(0, 80)}» нет ни одного мероприятия: она пропущена`,
      );
      return;
    }
    let period = head.period;
    let guessed = false;
    if (!period) {
      period = guessPeriod(draft, head.approval);
      guessed = true;
      this.warn(
        draft.location,
        `Период дорожной карты не указан в названии: принят ${period.kind === 'school_year' ? `${period.text} учебный год` : `${period.text} год`} — сроки без года отнесены к нему`,
      );
    }
    const rp: RoadmapPeriod = { periodKind: period.kind, periodYear: period.year };
    const sections = draft.finish(rp, !guessed);
    this.roadmaps.push({
      title: head.title,
      period: guessed ? null : period.text,
      approval: head.approval,
      columns: draft.columns.filter((c) => !c.covered).map((c) => c.header),
      sections,
      meta: {
        kind: guessKind(head.title),
        periodKind: period.kind,
        periodYear: period.year,
        periodGuessed: guessed,
      },
    });
  }
}
