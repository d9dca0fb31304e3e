import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../boot.js';
import type { Config } from '../config.js';
import { users } from '../db/schema/auth.js';
import { systemActor } from '../modules/access/actor.js';
import { ACTOR_CHANNEL } from '../modules/auth/actor-sync.js';
import { resetUserMfa } from '../modules/auth/manage-mfa.js';

/**
 * `opora mfa-reset --login L`: the last administrator lost his phone and no other can reset it in the
 * interface. Whoever runs commands on the server resets it; the history records the command as the actor.
 */
export async function runMfaReset(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { login: { type: 'string' } } });
  const login = values.login?.trim().toLowerCase();
  if (!login) {
    console.error('Укажите --login');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const [user] = await database.db
      .select({ id: users.id, fullName: users.fullName })
      .from(users)
      .where(sql`lower(${users.login}) = ${login}`);
    if (!user) {
      console.error(`Пользователь ${login} не найден`);
      return 1;
    }
    const r = await resetUserMfa(database.db, {
      actor: systemActor('Командная строка (opora mfa-reset)'),
      userId: user.id,
    });
    // Running servers on PostgreSQL forget the ended sessions at once (LISTEN/NOTIFY, actor-sync.ts).
    if (database.kind === 'postgres') await database.db.execute(sql`select pg_notify(${ACTOR_CHANNEL}, '*')`);
    console.log(
      `${user.fullName}: ${r.reset ? 'второй фактор сброшен' : 'второй фактор не был включён'}, ` +
        `завершено сеансов: ${r.sessionsEnded}. При следующем входе он подключит приложение заново.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
