import { z } from 'zod';
import './zod-ru.js';

// Shared input pieces: whatever the database stores in `integer` or `date` columns is bounded here,
// so impossible values are a 400 with a Russian message instead of a database error.
export const INT4_MAX = 2_147_483_647;

/** A non-negative integer that fits PostgreSQL `integer`. */
export const int4 = (message = 'Ожидается целое число') =>
  z.number({ message }).int({ message }).min(0, 'Не меньше 0').max(INT4_MAX, `Не больше ${INT4_MAX}`);

/** The version of a record (optimistic locking). */
export const recordVersion = (message = 'Нужна версия записи') => int4(message).min(1, message);

export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2100;

/** A calendar date ГГГГ-ММ-ДД that exists (no 2026-02-31) within sane years; `format: date` in the document. */
export const isoDate = (message = 'Дата в формате ГГГГ-ММ-ДД') =>
  z.iso.date({ message: `${message}; такого дня нет или формат неверен` }).refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= MIN_DATE_YEAR && y <= MAX_DATE_YEAR;
  }, `Год даты — от ${MIN_DATE_YEAR} до ${MAX_DATE_YEAR}`);
