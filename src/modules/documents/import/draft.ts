import type { RoadmapPeriod } from '../../roadmaps/deadline.js';
import { joinText, type Vocabulary } from './clean-text.js';
import type { Column, ColumnMeaning } from './columns.js';
import { readDeadline } from './deadline.js';
import { readLevel } from './levels.js';
import { type ItemNumber, isChildOf, splitLeadingNumber } from './numbering.js';
import { type AlignedRow, cellText } from './rows.js';
import type { ImportedItem, ImportedSection, ImportedSubItem, ImportLevel, ImportWarning } from './types.js';

// A roadmap while its table is read: sections and items as rows come, continuation rows joined back,
// sub-rows kept under their item; `finish` turns it into the result and reads the deadlines.

export type DraftItem = {
  number: ItemNumber | null;
  level: ImportLevel | null;
  /** Text per column, as joined so far. */
  cols: string[];
  extra: string;
  location: string;
  /** Position of the row in the block stream: warnings are listed in document order. */
  order: number;
  subItems: DraftItem[];
};

export type DraftSection = {
  number: string | null;
  title: string | null;
  items: DraftItem[];
  /** Taken for a section by a guess (no number, no bold): dropped with a warning if nothing follows. */
  guessed: boolean;
  location: string;
};

export type Warn = (location: string, message: string, order?: number) => void;

const where = (item: DraftItem) =>
  item.number ? `${item.location}, пункт ${item.number.text}` : item.location;
const SEPARATOR_DEADLINE = /^[А-ЯЁ]/;

export class DraftRoadmap {
  readonly sections: DraftSection[];
  numbered = false;
  private currentLevel: ImportLevel | null = null;
  private lastTarget: DraftItem | null = null;
  private lastTop: DraftItem | null = null;
  private readonly seen = new Map<string, string>();
  private readonly index: Partial<Record<ColumnMeaning, number>> = {};

  constructor(
    public columns: Column[],
    readonly location: string,
    private readonly warn: Warn,
    private readonly vocab: Vocabulary,
    private readonly position: () => number,
  ) {
    this.sections = [{ number: null, title: null, items: [], guessed: false, location }];
    this.setColumns(columns);
  }

  setColumns(columns: Column[]): void {
    this.columns = columns;
    for (const key of Object.keys(this.index) as ColumnMeaning[]) delete this.index[key];
    columns.forEach((c, i) => {
      if (c.meaning && this.index[c.meaning] === undefined) this.index[c.meaning] = i;
    });
  }

  get hasItem(): boolean {
    return this.lastTarget !== null;
  }

  get lastNumber(): ItemNumber | null {
    return this.lastTarget?.number ?? null;
  }

  get hasLevelColumn(): boolean {
    return this.index.level !== undefined;
  }

  private get section(): DraftSection {
    return this.sections[this.sections.length - 1] as DraftSection;
  }

  addSection(number: string | null, title: string | null, guessed: boolean, location: string): void {
    this.sections.push({ number, title, items: [], guessed, location });
    this.currentLevel = null;
    this.lastTarget = null;
    this.lastTop = null;
  }

  setLevel(level: ImportLevel): void {
    this.currentLevel = level;
  }

  private levelOf(row: AlignedRow, location: string, number: ItemNumber | null): ImportLevel | null {
    const i = this.index.level;
    const text = i === undefined ? '' : cellText(row.cells[i]);
    if (!text) return this.currentLevel;
    const reading = readLevel(text);
    const at = number ? `${location}, пункт ${number.text}` : location;
    if (reading.level) {
      this.currentLevel = reading.level;
      return reading.level;
    }
    this.warn(
      at,
      reading.several
        ? `Указано несколько уровней управления («${text}»): уровень не заполнен`
        : `Уровень управления «${text}» не распознан: уровень не заполнен`,
    );
    return null;
  }

  /** A «Направление» column: a new value starts a new section. */
  private followDirection(row: AlignedRow, location: string): void {
    const i = this.index.direction;
    const cell = i === undefined ? undefined : row.cells[i];
    const text = cellText(cell);
    if (!text || cell?.merged) return;
    const split = splitLeadingNumber(text);
    const title = split ? split.rest : text;
    if (title === this.section.title) return;
    this.addSection(split?.number.text ?? null, title, false, location);
  }

  private newDraft(row: AlignedRow, number: ItemNumber | null, location: string): DraftItem {
    return {
      number,
      level: this.levelOf(row, location, number),
      cols: this.columns.map((_, i) => cellText(row.cells[i])),
      extra: row.extra.join(' '),
      location,
      order: this.position(),
      subItems: [],
    };
  }

  private remember(item: DraftItem): void {
    if (!item.number) return;
    this.numbered = true;
    const key = item.number.text;
    const first = this.seen.get(key);
    if (first) {
      this.warn(
        where(item),
        `Номер пункта ${key} повторяется (первый — ${first}): сохранены оба пункта`,
        item.order,
      );
    } else this.seen.set(key, item.location);
  }

  addItem(row: AlignedRow, number: ItemNumber | null, measureOverride: string | undefined, location: string) {
    this.followDirection(row, location);
    const item = this.newDraft(row, number, location);
    const measureAt = this.index.measure;
    if (measureOverride !== undefined && measureAt !== undefined) item.cols[measureAt] = measureOverride;
    const parent = this.lastTop;
    if (number && parent?.number && isChildOf(number, parent.number)) {
      if (parent.subItems.length === 0 && !this.hasFields(parent) && this.section.items.at(-1) === parent) {
        // «1.1 Подраздел» with nothing but a name, followed by «1.1.1», «1.1.2»: a section of its own.
        this.section.items.pop();
        this.seen.delete(parent.number.text);
        this.addSection(parent.number.text, this.measureOf(parent), false, parent.location);
        if (item.level === null) item.level = parent.level;
        this.section.items.push(item);
        this.lastTop = item;
      } else parent.subItems.push(item);
    } else {
      this.section.items.push(item);
      this.lastTop = item;
    }
    this.lastTarget = item;
    this.remember(item);
  }

  /** An unnumbered row with its own measure and deadline under a numbered item (Шаранский район, 5.4). */
  addSubRow(row: AlignedRow, location: string): void {
    const parent = this.lastTop;
    if (!parent) {
      this.addItem(row, null, undefined, location);
      return;
    }
    const sub = this.newDraft(row, null, location);
    parent.subItems.push(sub);
    this.lastTarget = sub;
    this.warn(
      location,
      `Строка без номера со своим сроком сохранена как подпункт пункта ${parent.number?.text ?? `«${this.measureOf(parent).slice(0, 60)}»`}`,
    );
  }

  /** A row broken by a page break: its cells go on the texts of the item above. */
  continueWith(row: AlignedRow, guessed: boolean, location: string, separate = false): void {
    const target = this.lastTarget;
    if (!target) return;
    const deadlineAt = this.index.deadline;
    let deadlineAdded: string | null = null;
    row.cells.forEach((cell, i) => {
      const text = cellText(cell);
      if (!text || cell?.merged) return;
      const before = target.cols[i] ?? '';
      if (separate) target.cols[i] = before ? `${before}; ${text}` : text;
      else if (i === deadlineAt && before && SEPARATOR_DEADLINE.test(text)) {
        // «Апрель» + «Январь, июнь» on the next line: two deadlines of one item, not one broken phrase.
        target.cols[i] = `${before}; ${text}`;
        deadlineAdded = text;
      } else target.cols[i] = joinText(before, text, this.vocab);
    });
    if (row.extra.length) target.extra = joinText(target.extra, row.extra.join(' '), this.vocab);
    const number = target.number ? ` ${target.number.text}` : ' выше';
    if (deadlineAdded) {
      this.warn(location, `Срок «${deadlineAdded}» из строки без номера добавлен к сроку пункта${number}`);
    } else if (guessed) {
      this.warn(
        location,
        `Строка без номера и без срока присоединена к пункту${number} как продолжение: проверьте текст`,
      );
    }
  }

  /** Text on a line of its own inside the table (a cell's line break lost in a copy): goes to the last cell. */
  continueLastCell(text: string, location: string): boolean {
    const target = this.lastTarget;
    if (!target) return false;
    let i = target.cols.length - 1;
    while (i > 0 && !target.cols[i]) i--;
    target.cols[i] = joinText(target.cols[i] ?? '', text, this.vocab);
    const header = this.columns[i]?.header ?? '';
    this.warn(
      location,
      `Строка без ячеек присоединена к ${target.number ? `пункту ${target.number.text}` : 'пункту выше'} (столбец «${header}»)`,
    );
    return true;
  }

  /** The measure the next continuation row would join (for its warning). */
  lastMeasure(): string {
    return this.lastTarget ? this.measureOf(this.lastTarget) : '';
  }

  private measureOf(item: DraftItem): string {
    return this.textOf(item, 'measure');
  }

  private textOf(item: DraftItem, meaning: ColumnMeaning): string {
    if (meaning === 'deadline') return this.deadlineOf(item);
    return this.columns
      .map((c, i) => (c.meaning === meaning ? (item.cols[i] ?? '') : ''))
      .filter(Boolean)
      .join('; ');
  }

  /**
   * The deadline columns joined by «; », except the «начало» / «окончание» sub-columns of one «Срок…» header:
   * they are one period «начало – окончание» (only one filled: that one alone).
   */
  private deadlineOf(item: DraftItem): string {
    const parts: string[] = [];
    this.columns.forEach((c, i) => {
      if (c.meaning !== 'deadline') return;
      const text = item.cols[i] ?? '';
      const end =
        c.range === 'start' && this.columns[i + 1]?.range === 'end' ? (item.cols[i + 1] ?? '') : null;
      if (c.range === 'end' && this.columns[i - 1]?.range === 'start') return;
      const joined = end === null ? text : [text, end].filter(Boolean).join(' – ');
      if (joined) parts.push(joined);
    });
    return parts.join('; ');
  }

  private hasFields(item: DraftItem): boolean {
    return this.columns.some(
      (c, i) => c.meaning !== 'measure' && c.meaning !== 'number' && c.meaning !== 'level' && item.cols[i],
    );
  }

  /** The last sections taken for sections by a guess and left empty: text after the table, not a section. */
  dropTrailingGuesses(): void {
    while (this.sections.length > 1) {
      const last = this.section;
      if (!last.guessed || last.items.length > 0) break;
      this.sections.pop();
      this.warn(
        last.location,
        `Строка «${(last.title ?? '').slice(0, 80)}» после таблицы не отнесена ни к одному пункту`,
      );
    }
  }

  get itemCount(): number {
    return this.sections.reduce((n, s) => n + s.items.length, 0);
  }

  finish(period: RoadmapPeriod, periodKnown: boolean): ImportedSection[] {
    const sections = this.sections.filter(
      (s, i) => i > 0 || s.items.length > 0 || this.sections.length === 1,
    );
    return sections.map((s) => ({
      number: s.number,
      title: s.title,
      items: s.items.map((item) => ({
        ...this.finishItem(item, period, periodKnown),
        subItems: item.subItems.map((sub) => this.finishItem(sub, period, periodKnown)),
      })),
    }));
  }

  private finishItem(item: DraftItem, period: RoadmapPeriod, periodKnown: boolean): ImportedSubItem {
    const measure = this.measureOf(item);
    const at = where(item);
    if (!measure) this.warn(at, 'Не заполнено мероприятие', item.order);
    const extras = this.columns
      .map((c, i) =>
        c.meaning === null &&
        !c.covered &&
        item.cols[i] &&
        !(c.described && /^[-‐–—]$/.test(item.cols[i].trim()))
          ? `${c.header || 'Без названия'}: ${item.cols[i]}`
          : '',
      )
      .filter(Boolean);
    if (item.extra) extras.push(item.extra);
    const description = [this.textOf(item, 'description'), ...extras].filter(Boolean).join('; ');
    const deadline = readDeadline(this.textOf(item, 'deadline') || null, period, periodKnown);
    for (const note of deadline.notes) this.warn(at, note, item.order);
    if (this.hasLevelColumn && item.level === null && !this.textOf(item, 'level')) {
      this.warn(at, 'Не указан уровень управления', item.order);
    }
    const result: ImportedItem | ImportedSubItem = {
      number: item.number?.text ?? null,
      level: item.level,
      measure,
      description: description || null,
      deadline: deadline.deadline,
      responsible: this.textOf(item, 'responsible') || null,
      indicator: this.textOf(item, 'indicator') || null,
    };
    return result;
  }

  /** Years written in the deadlines (for a roadmap whose period is not written anywhere). */
  deadlineYears(): number[] {
    const years: number[] = [];
    const visit = (item: DraftItem) => {
      for (const m of this.textOf(item, 'deadline').matchAll(/(?<!\d)(20\d{2})(?!\d)/g))
        years.push(Number(m[1]));
      item.subItems.forEach(visit);
    };
    for (const s of this.sections) s.items.forEach(visit);
    return years;
  }
}

export type { ImportWarning };
