import path from 'node:path';
import { AppError } from '../../lib/errors.js';
import { runInWorker } from '../files/parse-pool.js';
import { collect, readZip, sameName } from '../files/zip.js';
import { PACKAGE_XLSX_LIMITS, readPackageCsvData, readPackageXlsx } from './read-package.js';
import { type DataPackage, PACKAGE_FILES, type PackageFile } from './types.js';

// An uploaded package: an XLSX workbook (a sheet per file) or a ZIP with the CSV files. The ZIP is read
// once with the bounds of `readZip` (inflated bytes counted as they come, never the sizes it declares);
// only the package's CSV files are inflated.

const MB = 1024 * 1024;
/** A national results.csv for 4 years is ≈ 250 MB. */
const CSV_ZIP_LIMITS = {
  maxEntries: 1000,
  maxEntryBytes: 1024 * MB,
  maxTotalBytes: 1536 * MB,
};
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads an uploaded workbook or ZIP of CSV files in a worker thread (files/parse-pool.ts); row errors come
 * as AppError with details.rows.
 */
export function readUploadedPackage(data: Uint8Array): Promise<DataPackage> {
  return runInWorker<DataPackage>({ kind: 'package', data });
}

export async function readUploadedPackageInThread(data: Uint8Array): Promise<DataPackage> {
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new AppError(
      'UNSUPPORTED_TYPE',
      'Загрузите книгу XLSX с листами schools, results, context [, confirmation] или ZIP-архив с CSV-файлами ' +
        'пакета (schools.csv, results.csv, context.csv [, confirmation.csv])',
    );
  }
  const files: Partial<Record<PackageFile, Uint8Array>> = {};
  const found: Partial<Record<PackageFile, string>> = {};
  let workbook = false;
  readZip(data, 'архив', CSV_ZIP_LIMITS, (name) => {
    if (sameName(name, 'xl/workbook.xml')) workbook = true;
    if (workbook || name.startsWith('__MACOSX/')) return null;
    const base = path.posix.basename(name).toLowerCase();
    const file = PACKAGE_FILES.find((f) => `${f}.csv` === base);
    if (!file) return null;
    if (found[file]) {
      throw new AppError('INVALID_INPUT', `В архиве два файла ${file}.csv: ${found[file]} и ${name}`);
    }
    found[file] = name;
    return collect((bytes) => {
      files[file] = bytes;
    });
  });
  if (workbook) {
    if (data.length > PACKAGE_XLSX_LIMITS.maxTotalBytes) {
      throw new AppError('TOO_LARGE', 'Книга XLSX слишком большая: передайте пакет CSV-файлами в ZIP');
    }
    return readPackageXlsx(data);
  }
  return readPackageCsvData(files);
}
