import { parseArgs } from 'node:util';
import { openDatabase } from '../boot.js';
import type { Config } from '../config.js';
import { localDay } from '../modules/deadlines/scheduled-sweep.js';
import { SWEEP } from '../modules/deadlines/strings.js';
import { runDailySweep } from '../modules/deadlines/sweep.js';

// `opora sweep [--date YYYY-MM-DD]`: the daily sweep of deadlines for a given day, at once (an operator
// catching up a missed day, a test moving the clock). It is idempotent — a notice already given is never
// given again — so running it beside the scheduled run adds nothing twice.

const USAGE = 'opora sweep [--date ГГГГ-ММ-ДД]';

export async function runSweepCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { date: { type: 'string' } } });
  const today = values.date ?? localDay(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    console.error(`Неверная дата «${today}»: ожидается ГГГГ-ММ-ДД\n${USAGE}`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const result = await runDailySweep(database.db, { today, now: new Date() });
    console.log(
      `Проверка сроков на ${today.split('-').reverse().join('.')}. ${SWEEP.done(result.notices, result.regions)}`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
