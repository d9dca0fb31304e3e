import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/auth.js';
import { identificationListSchools } from '../../db/schema/identification.js';
import { DEMO_LOADER } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { hashPassword } from '../auth/password.js';
import { listInForce } from '../organisation/list-in-force.js';
import { addAgreement } from '../organisation/people/agreements.js';
import { appointCoordinator } from '../organisation/people/coordinators.js';
import { assignCurator } from '../organisation/people/curator-assignments.js';
import { createCurator } from '../organisation/people/curators.js';
import { createPair } from '../organisation/people/mentor-pairs.js';
import { DEMO_PASSWORD } from './accounts.js';
import { fullName, randomPerson } from './demo-names.js';
import type { DemoMunicipality, DemoSchool } from './demo-orgs.js';
import { mentorOf } from './demo-plan.js';
import { createRng, seedOf } from './demo-random.js';
import { type DemoRun, orderDate } from './demo-run.js';

// The demo region's people (issue 12 §1, helper «people»): every municipality's coordinator appointed by
// one order of the ministry; the `curator` account in the registry with its two ШНОР; one synthetic
// curator per municipality for the other ШНОР — one of them with four schools (over the caseload); after
// the lists are loaded (coverDemoListInForce), curators for the list's further ШНОР and mentor pairs of the
// same municipality with agreements. Gaps, on purpose, in the first municipality:
// its third ШНОР has neither a curator nor a mentor, and the pair of the curator's second school has no
// agreement — so that «Пробелы» and the municipality's tabs have something true to show.

export async function loadDemoPeople(run: DemoRun): Promise<void> {
  const { db, picks, orgs } = run;
  const region = run.users.main.region;
  const today = run.today;
  const ministryOrder = (n: string, month: number, day: number) => ({
    number: n,
    date: orderDate(run, month, day),
  });

  // Coordinators: the account keeping each municipality's roadmap, appointed for the school year.
  const coordinatorsOrder = ministryOrder('1012-р', 9, 1);
  for (const m of orgs.municipalities) {
    const actor = run.users.coordinators.get(m.id);
    if (!actor) continue;
    await appointCoordinator(db, {
      actor: region,
      today,
      input: {
        municipalityId: m.id,
        year: run.year,
        login: actor.login,
        position: 'Муниципальный координатор',
        order: coordinatorsOrder,
      },
    });
  }

  // The `curator` account: a director of a strong school of the first municipality.
  const strong = [...picks.m1.schools]
    .filter((s) => !picks.shnor.includes(s))
    .sort((a, b) => b.pupils - a.pupils)[1];
  const main = await createCurator(db, {
    actor: region,
    input: {
      login: run.users.main.curator.login,
      position: 'Директор',
      workUnitId: strong?.id ?? null,
      email: 'curator@opora-demo.example',
    },
  });
  const curatorsOrder = ministryOrder(CURATORS_ORDER.number, CURATORS_ORDER.month, CURATORS_ORDER.day);
  await assignCurator(db, {
    actor: region,
    today,
    input: {
      curatorId: main.id,
      schoolIds: picks.curated.map((s) => s.id),
      year: run.year,
      order: curatorsOrder,
    },
  });

  // The deliberate gap: the first municipality's ШНОР beyond the curator's two.
  const gap = (picks.shnorByMunicipality.get(picks.m1.id) ?? []).find((s) => !picks.curated.includes(s));
  const rest = orgs.municipalities
    .map((m) => ({
      m,
      schools: (picks.shnorByMunicipality.get(m.id) ?? []).filter(
        (s) => !picks.curated.includes(s) && s !== gap,
      ),
    }))
    .filter((g) => g.schools.length > 0);
  // One curator per municipality; the two smallest groups go to one curator (four schools: over the caseload).
  const small = rest.filter((g) => g.schools.length === 2).slice(0, 2);
  const groups: { m: DemoMunicipality; schools: DemoSchool[] }[] = rest.filter((g) => !small.includes(g));
  if (small.length === 2 && small[0] && small[1])
    groups.push({ m: small[0].m, schools: [...small[0].schools, ...small[1].schools] });
  for (const [i, g] of groups.entries()) {
    const overloaded = g.schools.length > 3;
    await addDemoCurator(run, {
      login: `curator${i + 2}`,
      schools: g.schools.map((s) => s.id),
      workUnitId: overloaded ? orgs.iroId : (mentorOf(g.m, picks.shnor)?.id ?? null),
      position: overloaded ? 'Методист центра сопровождения ШНОР' : 'Заместитель директора по УВР',
      order: curatorsOrder,
    });
  }
}

const CURATORS_ORDER = { number: '1047-р', month: 9, day: 4 };
const PAIRS_ORDER = { number: '1063-р', month: 9, day: 11 };

/** A synthetic curator: a demo account (password «demo»), his registry entry and his schools by the order. */
async function addDemoCurator(
  run: DemoRun,
  opts: {
    login: string;
    schools: string[];
    workUnitId: string | null;
    position: string;
    order: { number: string; date: string };
  },
) {
  const rng = createRng(seedOf(`opora-demo-${opts.login}`));
  const [u] = await run.db
    .insert(users)
    .values({
      login: opts.login,
      fullName: fullName(randomPerson(rng)),
      email: `${opts.login}@opora-demo.example`,
      position: opts.position,
      passwordHash: await demoHash(),
      isDemo: true,
    })
    .returning({ id: users.id });
  if (!u) throw new Error('demo curator not created');
  await recordEvent(
    run.db,
    DEMO_LOADER,
    'user.created',
    { entityType: 'user', entityId: u.id },
    { login: opts.login },
  );
  const c = await createCurator(run.db, {
    actor: run.users.main.region,
    input: {
      login: opts.login,
      position: opts.position,
      workUnitId: opts.workUnitId,
      phone: '+7 900 000-00-00',
    },
  });
  await assignCurator(run.db, {
    actor: run.users.main.region,
    today: run.today,
    input: { curatorId: c.id, schoolIds: opts.schools, year: run.year, order: opts.order },
  });
}

let hashed: Promise<string> | null = null;
/** One argon2 hash of the demo password serves every synthetic account (as demo-users.ts does). */
const demoHash = () => {
  hashed ??= hashPassword(DEMO_PASSWORD);
  return hashed;
};

/**
 * After the identification lists: the ШНОР list in force is computed from the synthetic results and
 * holds a few schools beyond the planned ones. They get curators and mentors too (the municipality's
 * curator per three schools), so that the only gaps are the deliberate ones above.
 */
export async function coverDemoListInForce(run: DemoRun): Promise<void> {
  const { db, picks, orgs } = run;
  const list = await listInForce(db, { regionId: orgs.regionId, year: run.year, kind: 'shnor' });
  if (!list) return;
  const members = async (listId: string) =>
    (
      await db
        .select({ id: identificationListSchools.schoolId })
        .from(identificationListSchools)
        .where(eq(identificationListSchools.listId, listId))
    ).map((r) => r.id);
  const ids = new Set(await members(list.id));
  const risk = await listInForce(db, { regionId: orgs.regionId, year: run.year, kind: 'riskZone' });
  // A mentor on neither list in force: the demo's pairs carry no warning of their own.
  const listed = new Set([...ids, ...(risk ? await members(risk.id) : [])]);
  const planned = new Set(picks.shnor.map((s) => s.id));
  const gap = (picks.shnorByMunicipality.get(picks.m1.id) ?? []).find((s) => !picks.curated.includes(s));
  const noAgreement = picks.curated[1];
  const rng = createRng(seedOf('opora-demo-pairs'));
  const order = (o: typeof CURATORS_ORDER) => ({ number: o.number, date: orderDate(run, o.month, o.day) });
  let n = 0;
  for (const m of orgs.municipalities) {
    const extra = m.schools.filter((s) => ids.has(s.id) && !planned.has(s.id) && s !== gap);
    const mentor = strongestOf(
      m,
      m.schools.filter((s) => listed.has(s.id) || planned.has(s.id)),
    );
    for (let i = 0; i < extra.length; i += 3) {
      n++;
      await addDemoCurator(run, {
        login: `curator-list${n}`,
        schools: extra.slice(i, i + 3).map((s) => s.id),
        workUnitId: mentor?.id ?? null,
        position: 'Руководитель методического объединения',
        order: order(CURATORS_ORDER),
      });
    }
    if (!mentor) continue;
    // Mentor pairs: every ШНОР of the municipality (planned or on the list) but the gap.
    const paired = [...(picks.shnorByMunicipality.get(m.id) ?? []), ...extra].filter((s) => s !== gap);
    for (const s of paired) {
      const pair = await createPair(db, {
        actor: run.users.main.region,
        today: run.today,
        input: { schoolId: s.id, mentorSchoolId: mentor.id, year: run.year, order: order(PAIRS_ORDER) },
      });
      if (s === noAgreement) continue;
      await addAgreement(db, {
        actor: run.users.main.region,
        pairId: pair.id,
        input: {
          kinds: rng.chance(0.5) ? ['programs', 'joint_events'] : ['resources', 'programs', 'vsoko'],
          number: `С-${rng.int(10, 99)}`,
          signedOn: orderDate(run, 9, 20),
          validFrom: orderDate(run, 9, 20),
          validTo: `${run.year + 1}-08-31`,
        },
      });
    }
  }
}

/**
 * The mentor of a municipality's ШНОР: its largest gymnasium or lyceum (seldom on any list), else its
 * largest school that is not ШНОР (demo-plan's mentorOf).
 */
function strongestOf(m: DemoMunicipality, shnor: DemoSchool[]): DemoSchool | undefined {
  const elite = m.schools
    .filter((s) => !shnor.includes(s) && /Гимназия|Лицей/.test(s.name))
    .sort((a, b) => b.pupils - a.pupils)[0];
  return elite ?? mentorOf(m, shnor);
}
