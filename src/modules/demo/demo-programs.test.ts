import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { databaseStorage } from '../files/storage.js';
import { listDocumentComments } from '../programs/comments.js';
import { getDocument } from '../programs/get-document.js';
import { listDocuments } from '../programs/list-documents.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { loadDemo } from './load-demo.js';

// The demo's school documents as the brief promises them to the people who try the demo.

let database: Database;
const as = {} as Record<string, Actor>;

beforeAll(async () => {
  database = await openPglite(null);
  await loadDemo(database.db, { storage: databaseStorage, today: new Date('2026-12-06T10:00:00Z') });
  for (const login of ['school', 'school2', 'curator', 'region']) {
    const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.login, login));
    const actor = u ? await loadActor(database.db, u.id) : null;
    if (!actor) throw new Error(login);
    as[login] = actor;
  }
}, 300_000);
afterAll(() => database.close());

describe('demo school documents', () => {
  it('Нагорное: a program on rework with the curator’s comment and the concept on expertise', async () => {
    const docs = await listDocuments(database.db, { actor: as.school as Actor, query: {} });
    expect(docs.map((d) => [d.kind, d.status])).toEqual([
      ['antirisk_program', 'rework'],
      ['concept', 'expertise'],
    ]);
    const comments = await listDocumentComments(database.db, {
      actor: as.school as Actor,
      documentId: docs[0]?.id ?? '',
    });
    expect(comments.map((c) => c.anchor)).toEqual(['measure:m3', 'document']);
    expect(comments[1]?.text).toContain('Показатели не привязаны к результатам ВПР');
  });

  // Published by the demo's publications (issue 15, demo-publications.ts) after its approval.
  it('school2: an approved and published program whose measures are numbered in its approved roadmap and under way', async () => {
    const [doc] = await listDocuments(database.db, { actor: as.school2 as Actor, query: {} });
    const d = await getDocument(database.db, { actor: as.school2 as Actor, documentId: doc?.id ?? '' });
    expect([d.status, d.orderNumber, d.hasOrderFile]).toEqual(['published', '812-од', true]);
    expect(d.progress.map((p) => p.status)).toEqual([
      'in_progress',
      'in_progress',
      'planned',
      'planned',
      'planned',
    ]);
    const rm = await getRoadmap(database.db, {
      actor: as.school2 as Actor,
      roadmapId: d.progress[0]?.roadmapId ?? '',
    });
    expect(rm.status).toBe('approved');
    const section = rm.sections.at(-1);
    expect([section?.number, section?.title, section?.items[0]?.number]).toEqual(['5', d.title, '5.1']);
    // Another school and the curator of other schools do not see it.
    for (const login of ['school', 'curator'])
      expect(
        await listDocuments(database.db, { actor: as[login] as Actor, query: { schoolId: d.schoolId } }),
      ).toEqual([]);
  });
});
