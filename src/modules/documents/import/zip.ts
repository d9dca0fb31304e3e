import { inflateRawSync } from 'node:zlib';
import { invalidFile, MAX_ZIP_ENTRIES } from './limits.js';

// Reads a ZIP (the container of .docx and .xlsx) from its central directory, so sizes are checked before
// anything is inflated, and inflates with a hard output cap, so a lying directory cannot blow up memory.

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function readZipDirectory(data: Buffer, what: string): ZipEntry[] {
  const broken = () =>
    invalidFile(`Не удалось прочитать ${what}: файл повреждён (архив неполный или не ZIP)`);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535 bytes, at the very end.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = data.readUInt16LE(eocd + 10);
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw invalidFile(`Не удалось прочитать ${what}: архив в формате ZIP64 не поддерживается`);
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw invalidFile(`Не удалось прочитать ${what}: в архиве слишком много частей (${count})`);
  }
  if (dirOffset + dirSize > data.length) throw broken();

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw broken();
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    if (p + 46 + nameLength > data.length) throw broken();
    entries.push({
      flags: data.readUInt16LE(p + 8),
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry; never produces more than `maxBytes` nor more than the size the directory declares. */
export function extractZipEntry(data: Buffer, entry: ZipEntry, what: string, maxBytes: number): Buffer {
  if (entry.flags & 1) {
    throw invalidFile(`Файл защищён паролем: снимите пароль и сохраните ${what} заново`);
  }
  if (entry.size > maxBytes) {
    throw invalidFile(
      `Не удалось прочитать ${what}: часть «${entry.name}» после распаковки больше ${Math.round(maxBytes / 1024 / 1024)} МБ`,
    );
  }
  const broken = () => invalidFile(`Не удалось прочитать ${what}: файл повреждён (часть «${entry.name}»)`);
  const p = entry.localOffset;
  if (p + 30 > data.length || data.readUInt32LE(p) !== LOCAL_SIGNATURE) throw broken();
  const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw broken();
  const raw = data.subarray(start, end);
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw broken();
    return raw;
  }
  if (entry.method !== 8) {
    throw invalidFile(`Не удалось прочитать ${what}: неизвестный способ сжатия (${entry.method})`);
  }
  if (entry.size === 0) return Buffer.alloc(0);
  let out: Buffer;
  try {
    out = inflateRawSync(raw, { maxOutputLength: entry.size });
  } catch (e) {
    // More output than declared: a crafted archive (a "ZIP bomb") or a damaged one.
    if (e instanceof RangeError) {
      throw invalidFile(
        `Не удалось прочитать ${what}: размер части «${entry.name}» не совпадает с заявленным`,
      );
    }
    throw broken();
  }
  if (out.length !== entry.size) throw broken();
  return out;
}

export function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  return entries.find((e) => e.name.replace(/^\/+/, '').toLowerCase() === lower);
}
