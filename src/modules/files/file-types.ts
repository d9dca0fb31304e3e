import { AppError } from '../../lib/errors.js';

// Evidence is documents and photos; the extension must agree with the file's first bytes
// so that an executable renamed to .pdf is refused.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const TYPES: Record<string, { mime: string; magic: number[][] | 'text' }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [ZIP] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [ZIP] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: [ZIP] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: [ZIP] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: [ZIP] },
  doc: { mime: 'application/msword', magic: [OLE] },
  xls: { mime: 'application/vnd.ms-excel', magic: [OLE] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  zip: { mime: 'application/zip', magic: [ZIP] },
  txt: { mime: 'text/plain; charset=utf-8', magic: 'text' },
  csv: { mime: 'text/csv; charset=utf-8', magic: 'text' },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);
/** Media types a stored file is served with (without parameters), for the API document. */
export const STORED_MEDIA_TYPES = [
  ...new Set(Object.values(TYPES).map((t) => t.mime.split(';')[0] ?? t.mime)),
];

/** Types a browser shows by itself (the proof's preview): PDF, photos, plain text. */
export const previewable = (mime: string) =>
  mime === 'application/pdf' || mime.startsWith('image/') || mime.startsWith('text/plain');

/** Returns the MIME type to store, or throws UNSUPPORTED_TYPE with a message for the user. */
export function checkFileType(name: string, data: Buffer): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const type = TYPES[ext];
  if (!type || !name.includes('.')) {
    throw new AppError(
      'UNSUPPORTED_TYPE',
      `Файлы этого типа не принимаются. Допустимы: ${ALLOWED_EXTENSIONS.join(', ')}`,
    );
  }
  if (data.length === 0) throw new AppError('INVALID_INPUT', 'Файл пустой');
  const ok =
    type.magic === 'text'
      ? !data.subarray(0, 4096).includes(0)
      : type.magic.some((m) => m.every((b, i) => data[i] === b));
  if (!ok)
    throw new AppError('UNSUPPORTED_TYPE', `Содержимое файла «${name}» не соответствует расширению .${ext}`);
  return type.mime;
}
