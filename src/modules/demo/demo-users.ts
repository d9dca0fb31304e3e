import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Role, users } from '../../db/schema/auth.js';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import type { Actor } from '../access/actor.js';
import { DEMO_LOADER } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { loadActor } from '../auth/load-actor.js';
import { hashPassword } from '../auth/password.js';
import { addAssignment } from '../auth/users.js';
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
  // Last, so that the names drawn for the accounts above stay what they were (issue 17 §7).
  plans.push({
    login: 'security',
    position: 'Ответственный за информационную безопасность министерства',
    roles: [{ role: 'security_officer', orgUnitId: orgs.regionId }],
  });

  // Demo mode only: every demo account signs in with `demo`, shorter than the 8 characters
  // required of real passwords, so the accounts are written directly rather than by createUser
  // (which would hash a throwaway password per account: argon2 is most of the time of this step).
  // One hash serves all accounts (argon2 keeps its salt inside the hash string); the history still
  // says who created each account.
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const rows = await db
    .insert(users)
    .values(
      plans.map((p) => ({
        login: p.login,
        fullName: fullName(randomPerson(rng, p.female)),
        email: `${p.login}@opora-demo.example`,
        position: p.position,
        passwordHash: demoHash,
        isDemo: true,
      })),
    )
    .returning({ id: users.id, login: users.login });
  const ids = new Map(rows.map((r) => [r.login, r.id]));
  for (const p of plans) {
    const userId = ids.get(p.login);
    if (!userId) throw new Error(`demo user ${p.login} was not created`);
    await recordEvent(
      db,
      DEMO_LOADER,
      'user.created',
      { entityType: 'user', entityId: userId },
      { login: p.login },
    );
    for (const r of p.roles) await addAssignment(db, { actor: DEMO_LOADER, userId, input: r });
  }

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
  log(`Пользователи: ${countLabel(plans.length, WORDS.account)} (пароль «${DEMO_PASSWORD}»)`);
  return { main, coordinators, schoolTeams: teams, count: plans.length };
}

/** Whether the demo has been loaded into this database already. */
export async function demoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'admin'));
  return Boolean(row);
}
