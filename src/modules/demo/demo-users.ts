import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Role, users } from '../../db/schema/auth.js';
import type { Actor } from '../access/actor.js';
import { DEMO_LOADER } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { hashPassword } from '../auth/password.js';
import { addAssignment, createUser, createUserInput } from '../auth/users.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoLogin } from './accounts.js';
import { fullName, randomPerson } from './demo-names.js';
import type { DemoMunicipality, DemoOrgs, DemoSchool } from './demo-orgs.js';
import { createRng, seedOf } from './demo-random.js';

export type DemoUsers = {
  /** Actors of the named accounts, by login. */
  main: Record<DemoLogin, Actor>;
  /** The coordinator keeping each municipality's roadmap (M1's is the `municipality` account). */
  coordinators: Map<string, Actor>;
  /** The team keeping each ШНОР school's roadmap and tasks (S1's and S2's are `school`, `school2`). */
  schoolTeams: Map<string, Actor>;
  count: number;
};

type Plan = { login: string; position: string; female?: boolean; roles: { role: Role; orgUnitId: string }[] };

export async function createDemoUsers(
  db: Db,
  orgs: DemoOrgs,
  picks: { m1: DemoMunicipality; s1: DemoSchool; s2: DemoSchool; curated: DemoSchool[]; shnor: DemoSchool[] },
  log: (msg: string) => void,
): Promise<DemoUsers> {
  const rng = createRng(seedOf('opora-demo-users'));
  const { m1, s1, s2 } = picks;
  const plans: Plan[] = [
    {
      login: 'admin',
      position: 'Администратор системы',
      roles: [{ role: 'admin', orgUnitId: orgs.regionId }],
    },
    {
      login: 'region',
      position: 'Консультант отдела общего образования министерства',
      roles: [{ role: 'regional_operator', orgUnitId: orgs.regionId }],
    },
    {
      login: 'center',
      position: 'Заведующий центром сопровождения ШНОР ИРО',
      roles: [{ role: 'regional_center', orgUnitId: orgs.iroId }],
    },
    {
      login: 'municipality',
      position: 'Главный специалист отдела образования, муниципальный координатор',
      female: false,
      roles: [{ role: 'municipal_coordinator', orgUnitId: m1.id }],
    },
    {
      login: 'curator',
      position: 'Региональный куратор ШНОР',
      roles: picks.curated.map((s) => ({ role: 'curator' as const, orgUnitId: s.id })),
    },
    { login: 'school', position: 'Директор', roles: [{ role: 'school_team', orgUnitId: s1.id }] },
    {
      login: 'school2',
      position: 'Заместитель директора по УВР',
      roles: [{ role: 'school_team', orgUnitId: s2.id }],
    },
    {
      login: 'expert',
      position: 'Эксперт регионального экспертного совета',
      roles: [{ role: 'expert', orgUnitId: orgs.regionId }],
    },
    { login: 'teacher', position: 'Учитель математики', roles: [{ role: 'teacher', orgUnitId: s1.id }] },
  ];
  for (const m of orgs.municipalities) {
    if (m.id === m1.id) continue;
    plans.push({
      login: `mun${String(m.index + 1).padStart(2, '0')}`,
      position: 'Муниципальный координатор',
      roles: [{ role: 'municipal_coordinator', orgUnitId: m.id }],
    });
  }
  for (const [i, s] of picks.shnor.entries()) {
    if (s.id === s1.id || s.id === s2.id) continue;
    plans.push({
      login: `shnor${String(i + 1).padStart(2, '0')}`,
      position: 'Заместитель директора по УВР',
      roles: [{ role: 'school_team', orgUnitId: s.id }],
    });
  }

  const ids = new Map<string, string>();
  for (const p of plans) {
    const person = randomPerson(rng, p.female);
    // createUser insists on 8+ characters, as it must for real accounts; the demo ones get a
    // throwaway password here and the short shared `demo` below.
    const row = await createUser(db, {
      actor: DEMO_LOADER,
      input: createUserInput.parse({
        login: p.login,
        fullName: fullName(person),
        email: `${p.login}@opora-demo.example`,
        position: p.position,
        password: `demo-temporary-${p.login}-password`,
      }),
      isDemo: true,
    });
    ids.set(p.login, row.id);
    for (const r of p.roles) await addAssignment(db, { actor: DEMO_LOADER, userId: row.id, input: r });
  }
  // Demo mode only: every demo account signs in with `demo`, shorter than the 8 characters
  // required of real passwords, so the hash is written directly. One hash serves all accounts
  // (argon2 keeps its salt inside the hash string), which keeps the load fast.
  const demoHash = await hashPassword(DEMO_PASSWORD);
  await db
    .update(users)
    .set({ passwordHash: demoHash })
    .where(inArray(users.id, [...ids.values()]));

  const actorOf = async (login: string): Promise<Actor> => {
    const id = ids.get(login);
    const actor = id ? await loadActor(db, id) : null;
    if (!actor) throw new Error(`demo user ${login} was not created`);
    return actor;
  };
  const main = {} as Record<DemoLogin, Actor>;
  for (const a of DEMO_ACCOUNTS) main[a.login] = await actorOf(a.login);
  const coordinators = new Map<string, Actor>([[m1.id, main.municipality]]);
  const teams = new Map<string, Actor>([
    [s1.id, main.school],
    [s2.id, main.school2],
  ]);
  for (const p of plans) {
    const unitId = p.roles[0]?.orgUnitId;
    if (!unitId) continue;
    if (/^mun\d/.test(p.login)) coordinators.set(unitId, await actorOf(p.login));
    if (p.login.startsWith('shnor')) teams.set(unitId, await actorOf(p.login));
  }
  log(`Пользователи: ${plans.length} учётных записей (пароль «${DEMO_PASSWORD}»)`);
  return { main, coordinators, schoolTeams: teams, count: plans.length };
}

/** Whether the demo has been loaded into this database already. */
export async function demoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'admin'));
  return Boolean(row);
}
