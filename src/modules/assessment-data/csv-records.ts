import { open } from 'node:fs/promises';
import { AppError } from '../../lib/errors.js';
import { decodeText, parseCsv } from '../orgs/parse-table.js';

// CSV records of the package files. A results file of a national package is hundreds of megabytes, so a
// file on disk is read in chunks: each chunk is cut after its last record and the complete records go to
// the shared `parseCsv` (quotes, "" escapes, \r\n), with record numbers carried across chunks.

/** Cells are trimmed; `row` is the 1-based record number, the header being row 1 (blank lines count). */
export type OnRecord = (cells: string[], row: number) => void;

const CHUNK_BYTES = 8 * 1024 * 1024;

/** The package format says comma; a header separated by ';' or tabs (Excel's «CSV» in Russian) is accepted. */
export function headerDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = header.split(',').length;
  for (const d of [';', '\t']) {
    const count = header.split(d).length;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses complete records of `text`, numbering them from `base` + 1; returns the number of records.
 * Text without quotes is split on line breaks and the delimiter (the same records `parseCsv` gives, without
 * building every value a character at a time — a results file has millions of values); text with quotes
 * goes to `parseCsv`.
 */
function parseRecords(text: string, delimiter: string, base: number, onRecord: OnRecord): number {
  if (text.indexOf('"') < 0) return splitPlain(text, delimiter.charCodeAt(0), base, onRecord);
  let last = 0;
  parseCsv(text, {
    delimiter,
    onRecord: (fields, record) => {
      last = record;
      for (let i = 0; i < fields.length; i++) fields[i] = (fields[i] as string).trim();
      onRecord(fields, base + record);
      return true;
    },
  });
  return last;
}

/** A value as `parseCsv` would give it after trimming; the check avoids a call for the usual clean value. */
function trimmed(f: string): string {
  if (f.length === 0) return f;
  const a = f.charCodeAt(0);
  const z = f.charCodeAt(f.length - 1);
  return a <= 32 || z <= 32 || a === 160 || z === 160 || a === 0xfeff || z === 0xfeff ? f.trim() : f;
}

/** Records of text without quotes: split on \r\n, \n or \r and the delimiter in one pass. */
function splitPlain(text: string, delimiter: number, base: number, onRecord: OnRecord): number {
  const n = text.length;
  let records = 0;
  let fields: string[] = [];
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      fields.push(trimmed(text.slice(start, i)));
      start = ++i;
    } else if (c === 10 || c === 13) {
      fields.push(trimmed(text.slice(start, i)));
      onRecord(fields, base + ++records);
      fields = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      start = i;
    } else {
      i++;
    }
  }
  if (start < n || fields.length > 0) {
    fields.push(trimmed(text.slice(start, n)));
    onRecord(fields, base + ++records);
  }
  return records;
}

/** Records of CSV bytes already in memory (an upload): any encoding `decodeText` recognises. */
export function forEachRecordOfBytes(data: Uint8Array, onRecord: OnRecord): void {
  const text = decodeText(data);
  parseRecords(text, headerDelimiter(text), 0, onRecord);
}

/**
 * The offset just after the last record end in `text` (0 when there is none). Without quotes any line
 * break ends a record; with quotes, the state is tracked as `parseCsv` does: a quote opens a quoted value
 * only at the start of a field, "" inside is a quote, a single quote closes it.
 */
export function lastRecordEnd(text: string, delimiter: string): number {
  if (text.indexOf('"') < 0) return text.lastIndexOf('\n') + 1;
  const dq = 34;
  const lf = 10;
  const cr = 13;
  const delim = delimiter.charCodeAt(0);
  let end = 0;
  let quoted = false;
  let fieldStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === dq) {
        if (text.charCodeAt(i + 1) === dq) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === dq && fieldStart) {
      quoted = true;
    } else if (c === delim) {
      fieldStart = true;
    } else if (c === lf) {
      fieldStart = true;
      end = i + 1;
    } else if (c === cr) {
      fieldStart = true; // \r\n: the record ends after the \n
    } else {
      fieldStart = false;
    }
  }
  return end;
}

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return new TextDecoder('utf-8', { fatal: true });
  } catch {
    return new TextDecoder('windows-1251'); // Excel's «CSV» on Russian Windows
  }
}

/** Records of a CSV file read in chunks (UTF-8 with or without BOM; UTF-16 with BOM; Windows-1251). */
export async function forEachRecordOfFile(
  path: string,
  name: string,
  onRecord: OnRecord,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(chunkBytes);
    let decoder: TextDecoder | null = null;
    let delimiter: string | null = null;
    let carry = '';
    let base = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, chunkBytes, null);
      const bytes = buf.subarray(0, bytesRead);
      decoder ??= decoderFor(bytes);
      let text: string;
      try {
        text = carry + decoder.decode(bytes, { stream: bytesRead > 0 });
      } catch {
        throw new AppError(
          'INVALID_INPUT',
          `Файл ${name}: текст не в кодировке UTF-8 (после строки ${base})`,
        );
      }
      delimiter ??= headerDelimiter(text);
      if (bytesRead === 0) {
        if (text !== '') parseRecords(text, delimiter, base, onRecord);
        return;
      }
      const cut = lastRecordEnd(text, delimiter);
      if (cut === 0) {
        carry = text;
        continue;
      }
      base += parseRecords(cut === text.length ? text : text.slice(0, cut), delimiter, base, onRecord);
      carry = cut === text.length ? '' : text.slice(cut);
    }
  } finally {
    await fh.close();
  }
}
