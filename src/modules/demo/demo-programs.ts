import { asc, eq } from 'drizzle-orm';
import { users } from '../../db/schema/auth.js';
import { programMeasureLinks } from '../../db/schema/programs.js';
import { items } from '../../db/schema/roadmaps.js';
import { DEMO_LOADER } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { loadActor } from '../auth/load-actor.js';
import { addAssignment } from '../auth/users.js';
import { approveDocument } from '../programs/approve-document.js';
import { addDocumentComment } from '../programs/comments.js';
import { createDocument } from '../programs/create-document.js';
import { attachDocumentOrderFile } from '../programs/order-file.js';
import { decideAsCurator, sendToExpertise, submitDocument } from '../programs/transitions.js';
import { setItemStatus } from '../roadmaps/set-item-status.js';
import { minimalPdf } from './demo-files.js';
import { fullName, randomPerson } from './demo-names.js';
import { createRng, seedOf } from './demo-random.js';
import { type DemoRun, orderDate } from './demo-run.js';

// The demo's school documents (issue 11 §5), made through the operations so that their history is real:
// Нагорное's антирисковая программа is back on rework with the curator's comment and its Концепция
// развития is on expertise; school2's антирисковая программа is approved by an order and its measures
// are in school2's roadmap. school2 has no named curator account, so one is added here (no login shown).

export type DemoPrograms = { rework: string; expertise: string; approved: string };

export async function loadDemoPrograms(run: DemoRun): Promise<DemoPrograms> {
  const { db, picks, users: u, year } = run;
  const { school, school2, curator, municipality, region } = u.main;
  const curator2 = await addCurator(run);

  const rework = await createDocument(db, {
    actor: school,
    input: { schoolId: picks.s1.id, year, kind: 'antirisk_program', factorCode: '9' },
  });
  await submitDocument(db, { actor: school, documentId: rework.id, input: { version: 1 } });
  await addDocumentComment(db, {
    actor: curator,
    documentId: rework.id,
    input: {
      anchor: 'measure:m3',
      text: 'Проектная неделя в марте — поздно: начните с проектов в 5–6 классах уже в декабре.',
    },
  });
  await decideAsCurator(db, {
    actor: curator,
    documentId: rework.id,
    input: {
      decision: 'return',
      comment:
        'Показатели не привязаны к результатам ВПР, добавьте целевое значение по доле «2»; мероприятия для родителей не предусмотрены.',
      version: 2,
    },
  });

  const concept = await createDocument(db, {
    actor: school,
    input: { schoolId: picks.s1.id, year, kind: 'concept' },
  });
  await submitDocument(db, { actor: school, documentId: concept.id, input: { version: 1 } });
  await decideAsCurator(db, {
    actor: curator,
    documentId: concept.id,
    input: { decision: 'agree', version: 2 },
  });
  await sendToExpertise(db, {
    actor: municipality,
    documentId: concept.id,
    input: { version: 3, comment: 'Направляется на муниципальную экспертизу концептуальных документов' },
  });

  const approved = await createDocument(db, {
    actor: school2,
    input: { schoolId: picks.s2.id, year, kind: 'antirisk_program', factorCode: '3' },
  });
  await submitDocument(db, { actor: school2, documentId: approved.id, input: { version: 1 } });
  await decideAsCurator(db, {
    actor: curator2,
    documentId: approved.id,
    input: { decision: 'agree', version: 2 },
  });
  await sendToExpertise(db, { actor: region, documentId: approved.id, input: { version: 3 } });
  const { transfer } = await approveDocument(db, {
    actor: region,
    documentId: approved.id,
    input: { version: 4, orderNumber: '812-од', orderDate: orderDate(run, 11, 14) },
  });
  await attachDocumentOrderFile(db, run.exec.storage, {
    actor: region,
    documentId: approved.id,
    upload: {
      name: 'Приказ 812-од об утверждении антирисковой программы.pdf',
      data: minimalPdf([
        'Order No. 812-od (synthetic demo document)',
        'Approval of the anti-risk program of the school',
      ]),
    },
    maxBytes: 10 * 1024 * 1024,
  });
  // school2 has started on the first two measures in its roadmap: the program shows it.
  const started = await db
    .select({ id: items.id, version: items.version })
    .from(programMeasureLinks)
    .innerJoin(items, eq(items.id, programMeasureLinks.itemId))
    .where(eq(programMeasureLinks.documentId, approved.id))
    .orderBy(asc(items.position))
    .limit(2);
  for (const it of started)
    await setItemStatus(db, {
      actor: school2,
      itemId: it.id,
      input: { status: 'in_progress', version: it.version },
    });
  if (!transfer) throw new Error('demo program measures not transferred');
  return { rework: rework.id, expertise: concept.id, approved: approved.id };
}

/** A curator of school2 without a demo login: someone has to agree school2's program. */
async function addCurator(run: DemoRun) {
  const { db } = run;
  const [hash] = await db
    .select({ h: users.passwordHash })
    .from(users)
    .where(eq(users.id, run.users.main.curator.userId));
  const [row] = await db
    .insert(users)
    .values({
      login: 'curator-krasnozorsk',
      fullName: fullName(randomPerson(createRng(seedOf('opora-demo-programs')), true)),
      email: 'curator-krasnozorsk@opora-demo.example',
      position: 'Региональный куратор ШНОР',
      passwordHash: hash?.h ?? '',
      isDemo: true,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('demo curator not created');
  await recordEvent(
    db,
    DEMO_LOADER,
    'user.created',
    { entityType: 'user', entityId: row.id },
    { login: 'curator-krasnozorsk' },
  );
  await addAssignment(db, {
    actor: DEMO_LOADER,
    userId: row.id,
    input: { role: 'curator', orgUnitId: run.picks.s2.id },
  });
  const actor = await loadActor(db, row.id);
  if (!actor) throw new Error('demo curator not loaded');
  return actor;
}
