import type { Manifest } from './archive.js';
import { REGION_RULES, type TableRule } from './rules.js';

// README.md inside every archive: a reader without Opora (a new vendor, an archivist) learns what is in
// it from the archive itself. Built from the same rules as the selection, so it cannot drift from it.

export function archiveReadme(m: Omit<Manifest, 'entries'>): string {
  const rules = REGION_RULES as Record<string, TableRule>;
  const rows = Object.entries(m.tables).map(([table, t]) => {
    const rule = rules[table];
    const what = rule && 'what' in rule ? rule.what : '';
    const omitted = t.omittedColumns.length ? ` Не выгружены столбцы: ${t.omittedColumns.join(', ')}.` : '';
    return `| \`${table}\` | ${t.rows} | ${what}.${omitted} |`;
  });
  const excluded = Object.entries(m.excluded).map(([table, why]) => `- \`${table}\` — ${why}`);
  return `# Выгрузка данных региона «${m.region.name}» (Опора)

Создана ${m.createdAt}, Опора ${m.oporaVersion}, уровень миграций базы ${m.migrations.count}
(\`${m.migrations.last}\`), формат \`${m.format}\` версии ${m.formatVersion}.

## Что внутри

- \`manifest.json\` — описание архива: версия формата и Опоры, уровень миграций, регион, число строк
  каждой таблицы, исключённые таблицы и столбцы, SHA-256 и размер каждого файла архива.
- \`tables/<таблица>.jsonl\` — строки таблицы базы данных, по одной JSON-записи на строку (UTF-8);
  имена полей — имена столбцов базы. Даты и время — ISO 8601 со смещением; массивы — JSON-массивы;
  двоичные данные — строка \`\\x…\` (шестнадцатеричная запись PostgreSQL).
- \`files/<id>\` — содержимое файла, описанного строкой \`tables/files.jsonl\` с этим \`id\`
  (имя, тип, размер и SHA-256 — там).

## Таблицы

| Таблица | Строк | Что это |
| --- | ---: | --- |
${rows.join('\n')}

## Что не выгружено и почему

${excluded.join('\n')}

Пароли, секреты второго фактора, резервные коды и сеансы не выгружаются никогда. ФИО и даты рождения
обучающихся лежат только в виде шифротекста (AES-256-GCM); ключ (\`PUPIL_DATA_KEY\`) в архив не входит.

## Импорт в другую установку Опоры

\`npx opora import-region ФАЙЛ\` — в одной транзакции («всё или ничего»), с сохранением идентификаторов.
Импорт отказывает, если архив изменён (контрольные суммы), если уровень миграций базы другой, или если
регион либо любая запись с тем же идентификатором там уже есть. Пользователи приходят без паролей:
вход — после того как администратор задаст пароль, или через единый вход (OIDC, LDAP). Люди других
регионов, на которых ссылаются записи (авторы), лежат в \`tables/users.jsonl\` заглушками — только
\`id\`, \`full_name\` и \`"is_stub": true\`; такая запись никогда не становится учётной записью для входа.
Подробно формат описан в \`docs/region-export.md\` исходного кода Опоры.
`;
}
