import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { roleAssignments, users } from '../../db/schema/auth.js';
import { files } from '../../db/schema/files.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { itemEvidence, items, roadmaps } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { verifyPassword } from '../auth/password.js';
import { databaseStorage, type FileStorage } from '../files/storage.js';
import { findItems } from '../roadmaps/find-items.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { listRoadmaps } from '../roadmaps/list-roadmaps.js';
import { missingProof } from '../roadmaps/proof-rule.js';
import { listMyTasks } from '../roadmaps/tasks.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { createRng } from './demo-random.js';
import { type DemoSummary, loadDemo, schoolYearOf } from './load-demo.js';

// The demo as a whole, loaded once: counts, and the promises the README and the guided tour make.

let database: Database;
let storage: FileStorage;
let summary: DemoSummary;
const actors = {} as Record<string, Actor>;
const log: string[] = [];

async function unitOf(login: string) {
  const [r] = await database.db
    .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(eq(users.login, login));
  if (!r) throw new Error(`no unit for ${login}`);
  return r;
}

async function roadmapOf(login: string, unitId: string) {
  const list = await listRoadmaps(database.db, {
    actor: actors[login] as Actor,
    filter: { orgUnitId: unitId },
  });
  const r = list.find((x) => x.status === 'approved');
  if (!r) throw new Error(`no approved roadmap of ${unitId}`);
  return r;
}

beforeAll(async () => {
  database = await openPglite(null);
  storage = databaseStorage(database.db);
  summary = await loadDemo(database.db, { storage: databaseStorage, log: (m) => log.push(m) });
  for (const a of DEMO_ACCOUNTS) {
    const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.login, a.login));
    const actor = u ? await loadActor(database.db, u.id) : null;
    if (!actor) throw new Error(`no actor ${a.login}`);
    actors[a.login] = actor;
  }
}, 120_000);
afterAll(() => database.close());

describe('loadDemo', () => {
  it('creates the org tree, accounts and roadmaps in the promised amounts, fast', () => {
    expect(summary.municipalities).toBeGreaterThanOrEqual(12);
    expect(summary.schools).toBeGreaterThanOrEqual(150);
    expect(summary.institutions).toBeGreaterThanOrEqual(4 + summary.municipalities);
    expect(summary.shnorSchools).toBe(30);
    expect(summary.users).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
    // 3 regional (one draft), one per municipality, 7 school roadmaps (one draft).
    expect(summary.roadmaps).toBe(3 + summary.municipalities + 7);
    expect(summary.draftRoadmaps).toBe(2);
    expect(summary.items).toBeGreaterThan(300);
    expect(summary.tasks).toBeGreaterThan(300);
    expect(summary.doneItems).toBeGreaterThan(50);
    expect(summary.confirmedItems).toBeGreaterThan(10);
    expect(summary.pendingItems).toBeGreaterThan(5);
    expect(summary.returnedItems).toBeGreaterThanOrEqual(1);
    expect(summary.returnedItems).toBeLessThanOrEqual(2);
    expect(summary.overdueItems).toBeGreaterThan(0);
    expect(summary.upcomingItems).toBeGreaterThan(0);
    expect(summary.evidenceFiles).toBeGreaterThan(10);
    expect(summary.comments).toBeGreaterThanOrEqual(5);
    expect(log.some((l) => l.startsWith('Готово'))).toBe(true);
  });

  it('marks everything synthetic as demo and invents nothing about real bodies', async () => {
    const units = await database.db
      .select({ name: orgUnits.name, isDemo: orgUnits.isDemo, kind: orgUnits.kind })
      .from(orgUnits);
    const synthetic = units.filter((u) => u.isDemo);
    expect(synthetic.every((u) => u.name.includes('(демо)'))).toBe(true);
    // The real bodies come only with their public roadmaps from seeds/: no schools, no people.
    expect(
      units
        .filter((u) => !u.isDemo)
        .map((u) => u.name)
        .sort(),
    ).toEqual(
      [
        'Пензенская область',
        'Пензенский район',
        'Республика Башкортостан',
        'Смоленская область',
        'Шаранский район',
      ].sort(),
    );
    expect(units.filter((u) => !u.isDemo && u.kind === 'school')).toEqual([]);
    const all = await database.db.select({ isDemo: users.isDemo }).from(users);
    expect(all.every((u) => u.isDemo)).toBe(true);
    const roadmaps = await listRoadmaps(database.db, { actor: actors.admin as Actor });
    const demo = roadmaps.filter((r) => r.isDemo);
    expect(demo.every((r) => r.title.includes('(демо'))).toBe(true);
    expect(new Set(demo.map((r) => r.periodYear))).toEqual(
      new Set([schoolYearOf(new Date().toISOString().slice(0, 10))]),
    );
    const real = roadmaps.filter((r) => !r.isDemo);
    expect(real.map((r) => r.progress.total)).toEqual(expect.arrayContaining([45, 39, 34, 21]));
    expect(
      real.filter((r) => r.orgUnit.name === 'Смоленская область').every((r) => r.status === 'archived'),
    ).toBe(true);
  });

  it('signs every listed account in with the password demo, scoped as described', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const [u] = await database.db.select().from(users).where(eq(users.login, a.login));
      expect(u && (await verifyPassword(u.passwordHash, 'demo'))).toBe(true);
    }
    // The banner names the schools: the generator must still produce them.
    const school = await unitOf('school');
    const school2 = await unitOf('school2');
    expect(DEMO_ACCOUNTS.find((a) => a.login === 'school')?.scope).toContain(school.name);
    expect(DEMO_ACCOUNTS.find((a) => a.login === 'school2')?.scope).toContain(school2.name);
    expect(school.parentId).not.toBe(school2.parentId);
    expect(actors.curator?.assignments.map((a) => a.orgUnitId)).toContain(school.id);
    expect(actors.curator?.assignments.length).toBeGreaterThanOrEqual(2);
    const curated = await database.db
      .select({ name: orgUnits.name, parentId: orgUnits.parentId })
      .from(orgUnits)
      .where(inArray(orgUnits.id, actors.curator?.assignments.map((a) => a.orgUnitId) ?? []));
    for (const u of curated) {
      expect(u.parentId).toBe(school.parentId);
      expect(DEMO_ACCOUNTS.find((a) => a.login === 'curator')?.scope).toContain(u.name);
    }
    expect(actors.municipality?.assignments[0]?.orgUnitId).toBe(school.parentId);
  });

  it('does not show one school the roadmap of another', async () => {
    const s1 = await roadmapOf('school', (await unitOf('school')).id);
    const s2 = await roadmapOf('school2', (await unitOf('school2')).id);
    const seenBy = async (login: string) =>
      (await listRoadmaps(database.db, { actor: actors[login] as Actor })).map((r) => r.id);
    expect(await seenBy('school2')).not.toContain(s1.id);
    expect(await seenBy('school')).not.toContain(s2.id);
    expect(await seenBy('school')).toContain(s1.id);
    expect(await seenBy('municipality')).toContain(s1.id);
    expect(await seenBy('municipality')).not.toContain(s2.id);
  });

  it('has 1–3 overdue items in the roadmaps of M1 and S1, and S1 items awaiting the municipality', async () => {
    const school = await unitOf('school');
    const s1 = await roadmapOf('school', school.id);
    const m1 = await roadmapOf('municipality', school.parentId ?? '');
    for (const r of [s1, m1]) {
      expect(r.progress.overdue).toBeGreaterThanOrEqual(1);
      expect(r.progress.overdue).toBeLessThanOrEqual(3);
    }
    const awaiting = await findItems(database.db, {
      actor: actors.municipality as Actor,
      filter: { view: 'awaiting' },
    });
    expect(awaiting.filter((i) => i.roadmap.id === s1.id).length).toBeGreaterThanOrEqual(2);
    const overdue = await findItems(database.db, {
      actor: actors.region as Actor,
      filter: { view: 'overdue' },
    });
    expect(overdue.length).toBe(summary.overdueItems);
    const upcoming = await findItems(database.db, {
      actor: actors.school as Actor,
      filter: { view: 'upcoming' },
    });
    expect(upcoming.length).toBeGreaterThan(0);
  });

  it('confirms done items by the level above and keeps real authors in the history', async () => {
    const school = await unitOf('school');
    const s1 = await getRoadmap(database.db, {
      actor: actors.school as Actor,
      roadmapId: (await roadmapOf('school', school.id)).id,
    });
    const s1items = s1.sections.flatMap((s) => s.items);
    expect(s1items.some((i) => i.confirmation === 'confirmed')).toBe(true);
    expect(s1items.some((i) => i.evidenceCount > 0)).toBe(true);
    expect(s1items.some((i) => i.commentCount > 0)).toBe(true);
    const events = await database.db
      .select({ type: auditEvents.type, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.roadmapId, s1.id),
          inArray(auditEvents.type, ['item.status_changed', 'item.confirmed']),
        ),
      );
    const authors = new Set(events.map((e) => e.actorId));
    expect(authors).toContain(actors.school?.userId);
    expect(authors).toContain(actors.curator?.userId);
    expect(authors).toContain(actors.municipality?.userId);
  });

  it('rolls the regional measures up partially over municipalities and schools', async () => {
    const list = await listRoadmaps(database.db, {
      actor: actors.region as Actor,
      filter: { orgUnitId: actors.region?.assignments[0]?.orgUnitId },
    });
    const shnor = list.find((r) => r.kind === 'shnor_support' && r.status === 'approved');
    if (!shnor) throw new Error('no regional roadmap');
    expect(shnor.orderNumber).toBe('123-п');
    expect(shnor.orderDate?.slice(5, 7)).toBe('09');
    const detail = await getRoadmap(database.db, { actor: actors.region as Actor, roadmapId: shnor.id });
    const rolls = detail.sections.flatMap((s) => s.items).flatMap((i) => (i.rollUp ? [i.rollUp] : []));
    const municipal = rolls.filter((r) => r.unitKind === 'municipality');
    expect(municipal.length).toBeGreaterThan(3);
    expect(municipal.every((r) => r.total === 12)).toBe(true);
    expect(municipal.some((r) => r.done > 0 && r.done < r.total)).toBe(true);
    expect(
      rolls.some((r) => r.unitKind === 'school' && r.total === 30 && r.done > 0 && r.done < r.total),
    ).toBe(true);
    const tasks = await listMyTasks(database.db, { actor: actors.municipality as Actor });
    expect(tasks.some((t) => t.linkedItemId)).toBe(true);
  });

  it('dates the history of every roadmap by its order: drafted before, approved on the day, executed up to today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const rows = await database.db
      .select({ id: roadmaps.id, orderDate: roadmaps.orderDate, status: roadmaps.status })
      .from(roadmaps);
    const approvedOnes = rows.filter((r) => r.orderDate);
    // Seed roadmaps of 2022/23 and the demo's own of this school year.
    expect(approvedOnes.some((r) => (r.orderDate ?? '') < '2023-01-01')).toBe(true);
    expect(approvedOnes.length).toBeGreaterThan(15);
    const day = (d: Date) => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 10); // Moscow
    for (const r of rows) {
      const events = await database.db
        .select({
          id: auditEvents.id,
          type: auditEvents.type,
          at: auditEvents.at,
          payload: auditEvents.payload,
        })
        .from(auditEvents)
        .where(eq(auditEvents.roadmapId, r.id))
        .orderBy(auditEvents.id);
      expect(events.length, r.id).toBeGreaterThan(0);
      for (const e of events) expect(day(e.at) <= today, `${e.type} ${e.at.toISOString()}`).toBe(true);
      const approval = events.find(
        (e) => e.type === 'roadmap.status_changed' && (e.payload as { to?: string }).to === 'approved',
      );
      if (!approval || !r.orderDate) continue;
      expect(day(approval.at)).toBe(r.orderDate);
      // The history keeps its order: nothing dated before an event that happened earlier.
      for (const [i, e] of events.entries()) {
        const before = events[i - 1];
        if (e.id < approval.id) expect(day(e.at) < r.orderDate, e.type).toBe(true);
        if (e.id > approval.id) expect(day(e.at) > r.orderDate, e.type).toBe(true);
        if (before && e.type !== 'roadmap.status_changed' && e.id < approval.id) {
          expect(e.at.getTime()).toBeGreaterThanOrEqual(before.at.getTime());
        }
      }
    }
    // Evidence shows the date of its history event, not the moment of loading.
    const [ev] = await database.db.select({ at: itemEvidence.addedAt }).from(itemEvidence).limit(1);
    expect(ev && day(ev.at) < today).toBe(true);
  });

  it('stores evidence as valid files', async () => {
    const [pdf] = await database.db.select().from(files).where(eq(files.mime, 'application/pdf')).limit(1);
    if (!pdf) throw new Error('no pdf evidence');
    const body = await storage.get(pdf.storageKey);
    expect(body?.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(body?.toString('latin1')).toMatch(/%%EOF\n$/);
  });

  it('has no done or awaiting item without the proof its rule asks for', async () => {
    const done = await database.db.select().from(items).where(eq(items.status, 'done'));
    const kinds = await database.db
      .select({ itemId: itemEvidence.itemId, kind: itemEvidence.kind })
      .from(itemEvidence);
    const unproven = done.filter(
      (i) =>
        !i.proofWaiver &&
        missingProof(i, { files: kinds.filter((k) => k.itemId === i.id), actualValue: i.actualValue })
          .length > 0,
    );
    expect(done.length).toBeGreaterThan(50);
    expect(unproven.map((i) => i.measure)).toEqual([]);
    // The rules are the demo indicators' own: documents of a kind, and facts against targets.
    expect(done.filter((i) => i.evidenceKind === 'protocol').length).toBeGreaterThan(0);
    expect(done.filter((i) => i.targetValue !== null && i.actualValue !== null).length).toBeGreaterThan(0);
    // Confirmations name the files the reviewer opened.
    const confirmed = done.filter((i) => i.confirmation === 'confirmed');
    expect(confirmed.every((i) => (i.confirmationSeen ?? []).length > 0)).toBe(true);
  });

  it('refuses to load twice', async () => {
    await expect(loadDemo(database.db, { storage: databaseStorage })).rejects.toThrow(/уже загружены/);
  });

  it('draws the same numbers from the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.int(0, 1000))).toEqual(
      Array.from({ length: 5 }, () => b.int(0, 1000)),
    );
  });
});
