import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WORDS } from '../lib/counted.js';
import { AppError } from '../lib/errors.js';
import { countLabel } from '../lib/plural.js';
import { type ImportResult, parseRoadmapDocument } from '../modules/documents/import/index.js';
import { MAX_INPUT_BYTES } from '../modules/documents/import/limits.js';

// `opora import-roadmap FILE [--json]`: reads a roadmap document and prints what the importer recognised.
// Needs neither the configuration nor the database. Returns the exit code.

const USAGE = `Использование: opora import-roadmap ФАЙЛ [--json]

  ФАЙЛ     документ Word (.docx), книга Excel (.xlsx), PDF с текстовым слоем (.pdf) или текст (.txt, .tsv)
           с таблицей дорожной карты (скан PDF без текста не читается: нужен OCR)
  --json   напечатать результат разбора в JSON (формат: docs/import-format.md)`;

const MAX_SHOWN_WARNINGS = 20;

export function summary(fileName: string, result: ImportResult): string {
  const lines = [`Файл: ${fileName}`, `Найдено дорожных карт: ${result.roadmaps.length}`];
  result.roadmaps.forEach((r, i) => {
    const items = r.sections.reduce((n, s) => n + s.items.length, 0);
    const subItems = r.sections.reduce((n, s) => n + s.items.reduce((m, it) => m + it.subItems.length, 0), 0);
    lines.push('', `${i + 1}. ${r.title}`);
    lines.push(`   Период: ${r.period ?? `не указан (принят ${r.meta.periodYear ?? '—'})`}`);
    if (r.approval) {
      const a = r.approval;
      const parts = [
        a.body,
        a.date ? `от ${a.date.split('-').reverse().join('.')}` : null,
        a.orderNumber ? `№ ${a.orderNumber}` : null,
      ];
      lines.push(`   Утверждена: ${parts.filter(Boolean).join(' ')}`);
    }
    lines.push(`   Столбцы: ${r.columns.join(' | ')}`);
    lines.push(
      `   ${countLabel(r.sections.length, WORDS.section)}, ${countLabel(items, WORDS.item)}` +
        (subItems ? `, ${countLabel(subItems, WORDS.subItem)}` : ''),
    );
    for (const s of r.sections) {
      const head = [s.number, s.title ?? '(без раздела)'].filter(Boolean).join('. ');
      lines.push(`     — ${head}: ${s.items.length}`);
    }
  });
  lines.push('', `Предупреждений: ${result.warnings.length}`);
  for (const w of result.warnings.slice(0, MAX_SHOWN_WARNINGS)) lines.push(`  ${w.location}: ${w.message}`);
  if (result.warnings.length > MAX_SHOWN_WARNINGS) {
    lines.push(`  … и ещё ${result.warnings.length - MAX_SHOWN_WARNINGS} (все — с ключом --json)`);
  }
  return lines.join('\n');
}

export async function runImportRoadmap(args: string[]): Promise<number> {
  let file: string | undefined;
  let json = false;
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (parsed.values.help) {
      console.log(USAGE);
      return 0;
    }
    json = parsed.values.json ?? false;
    file = parsed.positionals[0];
    if (!file || parsed.positionals.length > 1) {
      console.error(USAGE);
      return 1;
    }
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 1;
  }

  try {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new AppError('NOT_FOUND', `Файл не найден: ${file}`);
    if (info.size > MAX_INPUT_BYTES) {
      throw new AppError(
        'INVALID_INPUT',
        `Файл слишком большой (${(info.size / 1024 / 1024).toFixed(1)} МБ): не больше 20 МБ`,
      );
    }
    const data = await readFile(file);
    const result = await parseRoadmapDocument(path.basename(file), data);
    process.stdout.write(
      `${json ? JSON.stringify(result, null, 2) : summary(path.basename(file), result)}\n`,
    );
    return 0;
  } catch (e) {
    const message =
      e instanceof AppError
        ? e.message
        : `Не удалось прочитать файл: ${e instanceof Error ? e.message : String(e)}`;
    console.error(`Ошибка: ${message}`);
    return 1;
  }
}
