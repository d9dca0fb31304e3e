import { looksLikeContinuation, type Vocabulary } from './clean-text.js';
import { type Column, isSectionHeading } from './columns.js';
import { isTitleLike, type Para, readOrderHeader, startsNewRoadmap } from './context.js';
import type { CurrentTable } from './current-table.js';
import { DraftRoadmap } from './draft.js';
import { finishRoadmap } from './finish-roadmap.js';
import { isHeaderContinuation, mergeHeader } from './header-continuation.js';
import {
  continuesBeforeRepeatedHeader,
  gridWidth,
  readHeaderRow,
  rowText,
  sameColumns,
} from './header-rows.js';
import { invalidFile, NO_ROADMAP_MESSAGE } from './limits.js';
import { parseNumber, splitLeadingNumber } from './numbering.js';
import { placeRow } from './place-row.js';
import { looksLikeData } from './realign.js';
import { readRoadmapHead } from './roadmap-head.js';
import {
  isAfterRoadmap,
  isAfterRoadmapRow,
  isContinuationMark,
  isPageNumber,
  isSignatureLine,
  isSignatureRow,
} from './signature.js';
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
//
// The head of a roadmap is read in roadmap-head.ts, a two-line header joined in header-continuation.ts, a row
// placed in place-row.ts, and a finished table turned into the result in finish-roadmap.ts.

type Entry = { para: Para; block: Block; index: number; fromRow: boolean };

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
  private current: CurrentTable | null = null;
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
      if (this.current && this.skipsMark(b.text, b.location)) return;
      const entry: Entry = { para: b, block: b, index, fromRow: false };
      (this.current ? this.gap : this.context).push(entry);
      return;
    }
    if (this.current && isSignatureRow(b, this.current.draft.columns)) {
      this.endAtSignature(b.location, rowText(b));
      return;
    }
    if (this.current && this.skipsMark(rowText(b), b.location, b)) return;
    const current = this.current;
    if (current?.headerPending && this.gap.length === 0) {
      current.headerPending = false;
      if (isHeaderContinuation(b, current)) {
        mergeHeader(b, current, this.warn);
        current.twoLineHeader = true;
        return;
      }
    }
    if (current?.repeatedHeader) {
      // The second line of a two-line header repeated after a page break; under a one-line header the row
      // is the measure continued from the page before («анализом»).
      current.repeatedHeader = false;
      if (current.twoLineHeader && this.gap.length === 0 && isHeaderContinuation(b, current)) return;
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

  /**
   * «Продолжение таблицы» over a continued table is skipped (the table goes on); a «Лист согласования» or an
   * electronic signature stamp ends the table. True when the line was one of them.
   */
  private skipsMark(text: string, location: string, row?: RowBlock): boolean {
    if (isContinuationMark(text)) {
      this.warn(location, `Строка «${text.trim()}» над продолжением таблицы пропущена`);
      return true;
    }
    if (!(row ? isAfterRoadmapRow(row) : isAfterRoadmap(text))) return false;
    this.gap = [];
    this.finishCurrent();
    this.context = [];
    this.warn(
      location,
      `Строка «${text.replace(/\s+/g, ' ').trim().slice(0, 80)}» — после дорожной карты: таблица закончена на ней`,
    );
    return true;
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
    // «Раздел 2. Взаимодействие с родителями» between two tables of one header: a section of the same roadmap
    // typed outside the table (held-out set 19), unless it is itself a title («Раздел 2. Дорожная карта…»).
    if (isSection(e.para)) return false;
    if (!e.fromRow && beforeHeader) return startsNewRoadmap(e.para);
    return isTitleLike(e.para) || /^(приложени|утвержден|утверждаю)/i.test(e.para.text.trim());
  }

  private continuesTable(current: CurrentTable, b: RowBlock): boolean {
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
    // «Раздел 1. …» typed right above the first of the tables a roadmap is split into (held-out set 19): its
    // first section, as the headings between the tables are the next ones (signalsNewRoadmap).
    const above = this.context.at(-1);
    const section = above && !above.fromRow && isSection(above.para) ? this.context.pop()?.para : undefined;
    const paras = this.context.map((e) => e.para);
    if (this.docOrder === undefined) this.docOrder = readOrderHeader(paras, this.docText);
    const head = readRoadmapHead(paras, {
      docOrder: this.docOrder,
      fileName: this.fileName,
      location: b.location,
      warn: this.warn,
    });
    const draft = new DraftRoadmap(columns, b.location, this.warn, this.vocab, () => this.at);
    if (section) {
      const text = section.text.trim();
      const split = splitLeadingNumber(text);
      draft.addSection(split?.number.text ?? null, split ? split.rest : text, false, section.location);
    }
    this.current = {
      draft,
      head,
      tableId: b.table,
      headerPending: true,
      headerBlock: b,
      headerIndex: this.at,
      repeatedHeader: false,
    };
    this.context = [];
    this.gap = [];
  }

  private processRow(b: RowBlock, index: number): void {
    const current = this.current;
    if (!current) return;
    this.at = index;
    current.headerPending = false;
    placeRow(current.draft, b, { blocks: this.blocks, index, warn: this.warn });
  }

  private finishCurrent(): void {
    const current = this.current;
    this.current = null;
    if (!current) return;
    const roadmap = finishRoadmap(current, this.warn);
    if (roadmap) this.roadmaps.push(roadmap);
    else this.emptyTables++;
  }
}

/** «Раздел 2. Работа с родителями»: a section; «Раздел 2. Дорожная карта МБОУ СОШ № 2…»: a roadmap's title. */
function isSection(p: Para): boolean {
  if (!isSectionHeading(p.text)) return false;
  const rest = splitLeadingNumber(p.text.trim())?.rest ?? p.text;
  return !isTitleLike({ ...p, text: rest });
}
