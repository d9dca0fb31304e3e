import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CsvError, Parser } from 'csv-parse';
import { AppError } from '../../lib/errors.js';

// The one CSV reader of every import (schools, assessment-data packages): csv-parse with Excel's leniency,
// fed in chunks so a file of hundreds of megabytes is never one string. The encoding (UTF-8 with or without
// BOM, UTF-16 with BOM, otherwise Windows-1251 — Excel's «CSV» on Russian Windows) and the delimiter (';',
// ',' or tab) are told from the first megabyte.

/** Trimmed cells of one record and its 1-based number (blank lines count, as in a spreadsheet). */
export type OnRecord = (cells: string[], row: number) => void;

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Bytes looked at before the encoding and the delimiter are decided. */
const HEAD_BYTES = 1 << 20;
/** Characters of one record: a row of a package or of a list of schools is far shorter. */
const MAX_RECORD_CHARS = 1 << 20;

export function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** Whole bytes in memory as text, by the same rules (a BOM is dropped). */
export function decodeText(data: Uint8Array): string {
  return new TextDecoder(encodingOf(data)).decode(data);
}

/** The candidate met most often outside quotes in the first 20 records (';' wins a tie, then ','). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let records = 0;
  for (let i = 0; i < text.length && records < 20; i++) {
    const ch = text[i];
    if (ch === '"')
      quoted = !quoted; // an escaped "" toggles twice
    else if (!quoted && (ch === '\n' || ch === '\r')) records++;
    else if (!quoted && ch !== undefined && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ';';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * A push reader: `write` bytes as they come, then `end`. Records go to `onRecord` synchronously, from
 * inside `write`. Throws AppError INVALID_INPUT (naming `what`) for text that is not CSV.
 */
export class CsvReader {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private decoder: TextDecoder | null = null;
  private parser: Parser | null = null;
  private failure: unknown = null;
  private records = 0;

  constructor(
    private readonly onRecord: OnRecord,
    private readonly what = 'Файл CSV',
  ) {}

  write(bytes: Uint8Array): void {
    if (this.decoder) {
      this.feed(bytes, false);
      return;
    }
    this.head.push(bytes);
    this.headBytes += bytes.length;
    if (this.headBytes >= HEAD_BYTES) this.start(false);
  }

  /** Resolves once the last record has been passed on. */
  async end(): Promise<void> {
    if (!this.decoder) this.start(true);
    else this.feed(new Uint8Array(0), true);
    const parser = this.parser as Parser;
    await finished(parser).catch(() => {}); // an error is in `failure`
    this.check();
  }

  private start(final: boolean): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.decoder = new TextDecoder(encodingOf(head), { fatal: true });
    const text = this.decode(head, final);
    this.parser = new Parser({
      delimiter: detectDelimiter(text),
      // Excel and hand-edited files mix line ends.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_CHARS,
    });
    // 'data' comes synchronously from inside write(); csv-parse's on_record is twice as slow.
    this.parser.on('data', (record: string[]) => {
      if (this.failure) return;
      for (let i = 0; i < record.length; i++) record[i] = (record[i] as string).trim();
      try {
        this.onRecord(record, ++this.records);
      } catch (e) {
        this.failure = e;
      }
    });
    this.parser.on('error', (e) => {
      this.failure ??= e;
    });
    this.push(text, final);
  }

  private decode(bytes: Uint8Array, final: boolean): string {
    try {
      return (this.decoder as TextDecoder).decode(bytes, { stream: !final });
    } catch {
      throw new AppError('INVALID_INPUT', `${this.what}: текст не в кодировке UTF-8`);
    }
  }

  private feed(bytes: Uint8Array, final: boolean): void {
    this.push(this.decode(bytes, final), final);
  }

  private push(text: string, final: boolean): void {
    const parser = this.parser as Parser;
    if (text) parser.write(text);
    if (final) parser.end();
    this.check();
  }

  private check(): void {
    const e = this.failure;
    if (!e) return;
    if (!(e instanceof CsvError)) throw e;
    const where = typeof e.lines === 'number' ? ` (строка ${e.lines})` : '';
    const reason = e.code === 'CSV_MAX_RECORD_SIZE' ? 'слишком длинная строка' : 'не CSV';
    throw new AppError('INVALID_INPUT', `${this.what}: не удалось прочитать текст${where}: ${reason}`);
  }
}

/** Records of CSV bytes already in memory. */
export function forEachCsvRecord(data: Uint8Array, onRecord: OnRecord, what?: string): Promise<void> {
  const reader = new CsvReader(onRecord, what);
  for (let at = 0; at < data.length; at += HEAD_BYTES) reader.write(data.subarray(at, at + HEAD_BYTES));
  return reader.end();
}

/** Records of a CSV file on disk, read in chunks. */
export async function forEachCsvRecordOfFile(path: string, onRecord: OnRecord, what?: string): Promise<void> {
  const reader = new CsvReader(onRecord, what);
  for await (const chunk of createReadStream(path, { highWaterMark: HEAD_BYTES })) {
    reader.write(chunk as Buffer);
  }
  await reader.end();
}
