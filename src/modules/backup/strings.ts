import { plural } from '../../lib/plural.js';

// Messages of `opora backup` and `opora restore`: what an administrator reads at 3 a.m.

export class BackupError extends Error {}

const fmt = (n: number) => n.toLocaleString('ru-RU');
const rowsOf = (n: number) => `${fmt(n)} ${plural(n, ['строка', 'строки', 'строк'])}`;
const filesOf = (n: number) => `${fmt(n)} ${plural(n, ['файл', 'файла', 'файлов'])}`;
const tablesOf = (n: number) => `${fmt(n)} ${plural(n, ['таблица', 'таблицы', 'таблиц'])}`;

export const BACKUP = {
  notArchive: (file: string, why: string) =>
    `Файл ${file} не является резервной копией Опоры или повреждён (${why}). База данных не изменялась.`,
  noManifest: 'в начале архива нет manifest.json',
  badManifest: (why: string) => `manifest.json не прочитан: ${why}`,
  tampered: (entry: string, why: string) =>
    `Архив изменён или повреждён: ${entry} — ${why}. Восстановление отменено, база данных не изменялась.`,
  checksum: 'контрольная сумма SHA-256 не совпадает с записанной в manifest.json',
  size: (got: number, want: number) => `размер ${fmt(got)} байт, в manifest.json — ${fmt(want)}`,
  rows: (got: number, want: number) => `строк ${fmt(got)}, в manifest.json — ${fmt(want)}`,
  noDirectory: (dir: string) => `Каталог ${dir} не существует: создайте его или укажите другой путь в --out.`,
  noKey:
    'Внимание: ключ персональных данных обучающихся не задан (ни PUPIL_DATA_KEY, ни файла pupil-data-key в DATA_DIR). ' +
    'В архиве ФИО обучающихся зашифрованы ключом старой установки: задайте тот же ключ до запуска сервера, ' +
    'иначе сервер создаст новый ключ и ФИО прочитать будет нельзя.',
  unexpected: 'запись не описана в manifest.json',
  duplicate: 'запись встречается в архиве дважды',
  absent: 'запись описана в manifest.json, но её нет в архиве',
  newer: (archive: string, known: string) =>
    `Архив сделан более новой версией Опоры: уровень миграций ${archive}, эта версия знает только до ${known}. ` +
    'Обновите Опору до версии, сделавшей копию, и повторите восстановление.',
  older: (archive: string, known: string, version: string) =>
    `Архив сделан более старой версией Опоры (${version}): уровень миграций ${archive}, у этой версии — ${known}. ` +
    `Восстановите копию версией Опоры ${version} (тот же уровень миграций), затем обновите Опору как обычно: ` +
    'при запуске новая версия сама применит недостающие миграции.',
  unknownLevel: (archive: string) =>
    `Уровень миграций архива ${archive} не найден в журнале миграций этой версии Опоры: копия сделана другой веткой кода.`,
  notEmpty: (tables: string[]) =>
    `База данных не пуста: восстановление возможно только в пустую базу (есть строки в таблицах: ${tables
      .slice(0, 8)
      .join(', ')}${tables.length > 8 ? ` и ещё ${tables.length - 8}` : ''}). ` +
    'Создайте новую базу (PostgreSQL: createdb; встроенная база: новый пустой DATA_DIR) и укажите её.',
  locked: (message: string) =>
    `${message}\nВстроенная база (PGlite) открывается только одним процессом: остановите сервер Опоры ` +
    '(systemctl stop opora) на время резервного копирования или восстановления и повторите команду.',
  fileMismatch: (key: string) =>
    `Файл ${key} после записи в хранилище не совпал с архивом: восстановление отменено.`,
  countMismatch: (table: string, got: number, want: number) =>
    `После загрузки в таблице ${table} ${rowsOf(got)}, в manifest.json — ${fmt(want)}: восстановление отменено.`,
  verified: (tables: number, rows: number, files: number) =>
    `Архив проверен: ${tablesOf(tables)}, ${rowsOf(rows)}, ${filesOf(files)}, контрольные суммы совпадают.`,
  table: (name: string, rows: number) => `  ${name}: ${rowsOf(rows)}`,
  files: (n: number) => `  файлы: ${fmt(n)}`,
  missingFiles: (n: number) =>
    `Внимание: ${filesOf(n)} названы в таблице files, но их нет в хранилище — в копию они не попали.`,
};
