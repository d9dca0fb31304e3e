import { AppError } from '../../../lib/errors.js';

// What the tests of the organisation's people share (people-curators-mentors, people-coordinators
// .db.test.ts): the day, the year and the order they act by.

export const TODAY = '2026-10-15';
export const YEAR = 2026;
export const order = { number: '12-р', date: '2026-09-01' };

export const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.message}`;
    throw e;
  }
};
