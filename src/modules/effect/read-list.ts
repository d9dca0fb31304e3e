import { readFile } from 'node:fs/promises';
import { EffectInputError } from './estimate.js';

// A list of schools: a CSV whose header has a `school_id` column (other columns are ignored), one school a
// row — the supported schools of list year T (`--treated`) or schools to leave out of the comparison
// (`--exclude`). Comma or semicolon, an optional BOM, quotes around a value.

export async function readSchoolList(file: string, what: string): Promise<Set<string>> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new EffectInputError(`Не удалось прочитать ${what}: ${file}`);
  });
  return parseSchoolList(text, `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} ${file}`);
}

export function parseSchoolList(text: string, where: string): Set<string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = split(lines[0] ?? '');
  const column = header.indexOf('school_id');
  if (column < 0) throw new EffectInputError(`${where}: нужен заголовок school_id в первой строке`);
  const out = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const id = split(line)[column] ?? '';
    if (id === '') throw new EffectInputError(`${where}, строка ${i + 1}: пустой school_id`);
    out.add(id);
  }
  return out;
}

function split(line: string): string[] {
  const sep = line.includes(';') && !line.includes(',') ? ';' : ',';
  return line.split(sep).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}
