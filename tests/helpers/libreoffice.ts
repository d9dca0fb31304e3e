import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

function findOnPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** LibreOffice, when installed (CI installs it): exported documents must open in it. */
export const libreOffice = findOnPath(['libreoffice', 'soffice']);

/** Converts documents to PDF with LibreOffice and returns the PDFs (null where none was made). */
export function convertToPdf(files: { name: string; data: Buffer }[]): (Buffer | null)[] {
  if (!libreOffice) throw new Error('LibreOffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'opora-pdf-'));
  const paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.data);
    return p;
  });
  // A private profile keeps this run independent of any other LibreOffice instance.
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync(
    libreOffice,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
    {
      stdio: 'pipe',
      timeout: 170_000,
    },
  );
  return files.map((f) => {
    const pdf = join(dir, f.name.replace(/\.[^.]+$/, '.pdf'));
    return existsSync(pdf) ? readFileSync(pdf) : null;
  });
}
