// Grammatical gender in messages: «Дорожная карта не найдена или недоступна», not «…не найден или
// недоступен». The not-found helper is checked noun by noun, and the sources are scanned for a known
// noun next to a short participle («удалён», «сохранена», «утверждено») of another gender.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOUN_GENDERS, type Noun, notFound, notFoundMessage } from '../src/lib/errors.js';

const ROOT = path.resolve(import.meta.dirname, '..');

// Written out by hand: the helper must produce exactly these.
const EXPECTED: Record<Noun, string> = {
  Объект: 'Объект не найден или недоступен',
  'Дорожная карта': 'Дорожная карта не найдена или недоступна',
  Мероприятие: 'Мероприятие не найдено или недоступно',
  Раздел: 'Раздел не найден или недоступен',
  Задача: 'Задача не найдена или недоступна',
  Организация: 'Организация не найдена или недоступна',
  Пользователь: 'Пользователь не найден или недоступен',
  Назначение: 'Назначение не найдено или недоступно',
  'Внешняя учётная запись': 'Внешняя учётная запись не найдена или недоступна',
  Файл: 'Файл не найден или недоступен',
  Методика: 'Методика не найдена или недоступна',
  Расчёт: 'Расчёт не найден или недоступен',
  Список: 'Список не найден или недоступен',
  'Решение по школе': 'Решение по школе не найдено или недоступно',
  Школа: 'Школа не найдена или недоступна',
  Регион: 'Регион не найден или недоступен',
  Приказ: 'Приказ не найден или недоступен',
  'Версия анкет': 'Версия анкет не найдена или недоступна',
  Документ: 'Документ не найден или недоступен',
  'Экспертное заключение': 'Экспертное заключение не найдено или недоступно',
  Выборка: 'Выборка не найдена или недоступна',
  Анкетирование: 'Анкетирование не найдено или недоступно',
  Анкета: 'Анкета не найдена или недоступна',
  Ссылка: 'Ссылка не найдена или недоступна',
  // Helper «meetings».
  'Рабочий орган': 'Рабочий орган не найден или недоступен',
  Заседание: 'Заседание не найдено или недоступно',
  'Решение заседания': 'Решение заседания не найдено или недоступно',
  // Helper «people».
  Куратор: 'Куратор не найден или недоступен',
  'Пара школ': 'Пара школ не найдена или недоступна',
  Соглашение: 'Соглашение не найдено или недоступно',
  Показатель: 'Показатель не найден или недоступен',
  'Цель показателя': 'Цель показателя не найдена или недоступна',
  // Helper «reports».
  'Аналитическая справка': 'Аналитическая справка не найдена или недоступна',
  Мониторинг: 'Мониторинг не найден или недоступен',
  // Helper «courses».
  Курс: 'Курс не найден или недоступен',
  'Запись на курс': 'Запись на курс не найдена или недоступна',
  // Helper «diagnostics».
  Диагностика: 'Диагностика не найдена или недоступна',
  'Загрузка результатов': 'Загрузка результатов не найдена или недоступна',
  Педагог: 'Педагог не найден или недоступен',
  // Helper «staff».
  'Наставническая пара': 'Наставническая пара не найдена или недоступна',
  'Встреча наставника': 'Встреча наставника не найдена или недоступна',
  // Helper «publish».
  Публикация: 'Публикация не найдена или недоступна',
  // Helper «practices».
  Практика: 'Практика не найдена или недоступна',
  'Материал практики': 'Материал практики не найден или недоступен',
  // Helper «notifications».
  Уведомление: 'Уведомление не найдено или недоступно',
  Сеанс: 'Сеанс не найден или недоступен',
  'Запомненное название': 'Запомненное название не найдено или недоступно',
};

// Nouns of messages beyond the not-found helper, with their gender.
const MORE_NOUNS: Record<string, 'm' | 'f' | 'n'> = {
  'пакет данных': 'm',
  муниципалитет: 'm',
  период: 'm',
  черновик: 'm',
  комментарий: 'm',
  приказ: 'm',
  роль: 'f',
  'учётная запись': 'f',
  запись: 'f',
  карта: 'f',
  программа: 'f',
  решение: 'n',
  значение: 'n',
  поле: 'n',
};

// Short participles and adjectives that agree with their noun: stem + '' (m) | 'а' (f) | 'о' (n).
const PARTICIPLE =
  '(?:не\\s+)?((?:найден|недоступ(?:ен|н)|удал[её]н|сохран[её]н|утвержд[её]н|создан|изменен|изменён|перемещ[её]н|добавлен|возвращен|возвращён|загружен|заполнен|указан|снят|откреплён|приложен)(?:а|о|ы)?)(?![а-яё])';

function gender(participle: string): 'm' | 'f' | 'n' | 'pl' {
  if (/недоступен$/.test(participle)) return 'm';
  if (participle.endsWith('а')) return 'f';
  if (participle.endsWith('о')) return 'n';
  if (participle.endsWith('ы')) return 'pl';
  return 'm';
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'api-schema.ts') out.push(full);
  }
  return out;
}

describe('gender agreement of messages', () => {
  it('names every noun of the not-found helper with the agreeing participles', () => {
    expect(Object.keys(NOUN_GENDERS).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const noun of Object.keys(EXPECTED) as Noun[]) {
      expect(notFoundMessage(noun)).toBe(EXPECTED[noun]);
      expect(notFound(noun).message).toBe(EXPECTED[noun]);
      expect(notFound(noun).code).toBe('NOT_FOUND');
    }
  });

  it('finds no noun next to a participle of another gender in the sources', () => {
    const nouns: [string, 'm' | 'f' | 'n'][] = [
      ...(Object.entries(NOUN_GENDERS) as [string, 'm' | 'f' | 'n'][]).map(
        ([n, g]) => [n.toLowerCase(), g] as [string, 'm' | 'f' | 'n'],
      ),
      ...Object.entries(MORE_NOUNS),
    ];
    const patterns = nouns.flatMap(([noun, g]) => [
      { g, re: new RegExp(`(?<![а-яё])${noun}(?:\\s+(?:уже|ещё|пока))?\\s+${PARTICIPLE}`, 'gi') },
      // «Создана дорожная карта», «Удалён раздел»: the participle before the noun.
      { g, re: new RegExp(`${PARTICIPLE.replace('(?:не\\s+)?', '')}\\s+${noun}(?![а-яё])`, 'gi') },
    ]);
    const wrong: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line) || !/[а-яё]/i.test(line)) return; // comments are prose about messages
        for (const { g, re } of patterns) {
          for (const m of line.matchAll(re)) {
            checked++;
            if (gender((m[1] ?? '').toLowerCase()) !== g)
              wrong.push(`${path.relative(ROOT, file)}:${i + 1}: ${m[0]}`);
          }
        }
      });
    }
    // The scan sees the messages it is meant to check (a broken pattern would find nothing).
    expect(checked).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it('catches a disagreement (the scan is not blind)', () => {
    const re = new RegExp(`(?<![а-яё])дорожная карта\\s+${PARTICIPLE}`, 'gi');
    const m = [...'Дорожная карта не найден или недоступен'.matchAll(re)][0];
    expect(m?.[1] && gender(m[1])).toBe('m');
  });
});
