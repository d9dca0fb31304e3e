import { Unzip, type UnzipFile, UnzipInflate, UnzipPassThrough } from 'fflate';
import { AppError } from '../../lib/errors.js';

// Bounded reading of uploaded ZIP containers (.docx, .xlsx, ZIP packages of CSV files) with fflate's
// streaming Unzip. The sizes an archive declares are never trusted: inflated bytes are counted as they come
// out, per part and in total, and reading stops at the first limit. A declared size only lets a lie be
// caught sooner («не совпадает с заявленным»).

export type ZipLimits = {
  /** Parts (files and directories) in the archive. */
  maxEntries: number;
  /** Inflated bytes of one part that is read. */
  maxEntryBytes: number;
  /** Inflated bytes of all parts that are read. */
  maxTotalBytes: number;
  /**
   * Inflated bytes per compressed byte read so far, checked past `ratioFloorBytes`: ordinary office files and
   * CSV compress 5–30 times, a bomb about a thousand.
   */
  maxRatio?: number;
  ratioFloorBytes?: number;
};

/** Receives the inflated bytes of one part; `final` marks its last chunk. */
export type ZipSink = (chunk: Uint8Array, final: boolean) => void;

// Small input chunks: one chunk of a bomb inflates to at most ~1000 times its size before a check.
const CHUNK = 4 * 1024;
const MB = 1024 * 1024;
const EOCD = [0x50, 0x4b, 0x05, 0x06];

const tooLarge = (what: string, detail: string) =>
  new AppError('TOO_LARGE', `Не удалось прочитать ${what}: ${detail}`);
const broken = (what: string, detail = 'архив неполный или не ZIP') =>
  new AppError('INVALID_INPUT', `Не удалось прочитать ${what}: файл повреждён (${detail})`);

/** True when the archive ends with its directory; a cut-off upload does not. */
function hasEndRecord(data: Uint8Array): boolean {
  const from = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= from; i--) {
    if (EOCD.every((b, k) => data[i + k] === b)) return true;
  }
  return false;
}

/**
 * Reads every part of `data`, passing the inflated bytes of the parts `open(name)` gives a sink for; the
 * other parts are only counted. Returns the names of all parts. Throws AppError: TOO_LARGE past a limit,
 * INVALID_INPUT for a damaged or encrypted archive. A sink may throw to stop reading.
 */
export function readZip(
  data: Uint8Array,
  what: string,
  limits: ZipLimits,
  open: (name: string, declaredSize: number | undefined) => ZipSink | null,
): string[] {
  if (!hasEndRecord(data)) throw broken(what);
  const names: string[] = [];
  const maxRatio = limits.maxRatio ?? 200;
  const ratioFloor = limits.ratioFloorBytes ?? 32 * MB;
  let pushed = 0;
  let total = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    names.push(file.name);
    if (names.length > limits.maxEntries) {
      throw tooLarge(what, `в архиве слишком много частей (больше ${limits.maxEntries})`);
    }
    if (file.name.endsWith('/')) return;
    const declared = file.originalSize;
    const sink = open(file.name, declared);
    if (!sink) return;
    if (declared !== undefined && declared > limits.maxEntryBytes) {
      throw tooLarge(
        what,
        `часть «${file.name}» после распаковки больше ${Math.round(limits.maxEntryBytes / MB)} МБ`,
      );
    }
    if (file.compression !== 0 && file.compression !== 8) {
      throw broken(what, `неизвестный способ сжатия ${file.compression} в части «${file.name}»`);
    }
    let size = 0;
    file.ondata = (err, chunk, final) => {
      // fflate hands an error thrown by this very callback back to it.
      if (err) throw err instanceof AppError ? err : broken(what, `часть «${file.name}»`);
      size += chunk.length;
      total += chunk.length;
      if (declared !== undefined && size > declared) {
        throw new AppError(
          'INVALID_INPUT',
          `Не удалось прочитать ${what}: размер части «${file.name}» не совпадает с заявленным`,
        );
      }
      if (size > limits.maxEntryBytes) {
        throw tooLarge(
          what,
          `часть «${file.name}» после распаковки больше ${Math.round(limits.maxEntryBytes / MB)} МБ`,
        );
      }
      if (total > limits.maxTotalBytes) {
        throw tooLarge(what, `после распаковки больше ${Math.round(limits.maxTotalBytes / MB)} МБ`);
      }
      if (total > ratioFloor && total > maxRatio * pushed) {
        throw tooLarge(what, 'архив сжат неправдоподобно сильно (похоже на «ZIP-бомбу»)');
      }
      sink(chunk, final);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < data.length; at += CHUNK) {
      const end = Math.min(data.length, at + CHUNK);
      pushed = end;
      unzip.push(data.subarray(at, end), end === data.length);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw broken(what);
  }
  return names;
}

/** The part named `name` (case-insensitive, a leading slash ignored). */
export const sameName = (a: string, b: string) =>
  a.replace(/^\/+/, '').toLowerCase() === b.replace(/^\/+/, '').toLowerCase();

/** Collects a part's chunks into one buffer. */
export function collect(onDone: (data: Buffer) => void): ZipSink {
  const chunks: Uint8Array[] = [];
  return (chunk, final) => {
    if (chunk.length > 0) chunks.push(chunk);
    if (final) onDone(Buffer.concat(chunks));
  };
}
