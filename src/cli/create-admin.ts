import { eq } from 'drizzle-orm';
import { openDatabase } from '../boot.js';
import type { Config } from '../config.js';
import { orgUnits } from '../db/schema/orgs.js';
import { systemActor } from '../modules/access/actor.js';
import { addAssignment, createUser, createUserInput } from '../modules/auth/users.js';
import { createOrgUnit } from '../modules/orgs/org-units.js';

/** Bootstraps a production installation: the region and its first administrator. */
export async function createAdmin(
  config: Config,
  args: { login?: string; password?: string; name?: string; region?: string },
): Promise<void> {
  if (!args.login || !args.password || !args.name || !args.region) {
    throw new Error('Укажите --login, --password, --name и --region');
  }
  const input = createUserInput.parse({ login: args.login, password: args.password, fullName: args.name });
  const database = await openDatabase(config);
  try {
    const db = database.db;
    await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(orgUnits).where(eq(orgUnits.kind, 'region'));
      const region =
        existing ??
        (await createOrgUnit(tx, {
          actor: systemActor('Командная строка (opora create-admin)'),
          input: { parentId: null, kind: 'region', name: args.region ?? '' },
        }));
      const user = await createUser(tx, {
        actor: systemActor('Командная строка (opora create-admin)'),
        input,
      });
      await addAssignment(tx, {
        actor: systemActor('Командная строка (opora create-admin)'),
        userId: user.id,
        input: { role: 'admin', orgUnitId: region.id },
      });
      console.log(`Администратор «${user.login}» создан для региона «${region.name}».`);
    });
  } finally {
    await database.close();
  }
}
