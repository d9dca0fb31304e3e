import type { Db } from '../../db/client.js';
import { identificationLists } from '../../db/schema/identification.js';
import { type PracticeFigure, practiceReviews, practices } from '../../db/schema/practices.js';
import type { EducationLevel, PracticeDecision, PracticeStatus } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { listInForce } from '../organisation/list-in-force.js';
import { currentSchoolYear } from '../organisation/school-year.js';
import { resilientInForce } from '../practices/resilient.js';
import { improvedPeers } from '../practices/similar-schools.js';
import { PRACTICE_CRITERIA } from '../practices/strings.js';
import { addDays } from './demo-execution.js';
import type { DemoRun } from './demo-run.js';

// The demo's bank of practices (issue 15 §2): the region approves the resilient list of the year of the
// ШНОР list in force (the same run), then practices «(демо)» of resilient schools and of improved schools
// of the cluster of `school` (so «Похожие школы» has something to show), one of the `municipality`'s
// district, one submitted awaiting the `municipality` account's review, one returned, one draft of
// `school`, one withdrawn — with their reviews and history.

type Spec = {
  authorId: string;
  title: string;
  status: PracticeStatus;
  problem: string;
  actions: string;
  results: string;
  figures: PracticeFigure[];
  riskFactors: string[];
  subjects: string[];
  levels: EducationLevel[];
  review?: { by: Actor; unitId: string; decision: PracticeDecision; comment: string; scores: number[] };
};

const CASES = [
  {
    title: 'Наставничество «учитель–учитель» для молодых педагогов математики (демо)',
    problem: 'Высокая доля отметок «2» по ВПР по математике в 5–6 классах; дефицит опытных учителей.',
    actions:
      'Пары «опытный учитель — молодой педагог», взаимное посещение уроков раз в неделю, разбор заданий ВПР с низким процентом выполнения, общий банк диагностических работ.',
    results:
      'За год доля «2» по ВПР по математике снизилась более чем вдвое, все молодые педагоги остались в школе.',
    figures: [
      { label: 'доля отметок «2» по ВПР, математика 5 кл.', before: 31, after: 12, unit: '%' },
      { label: 'молодых педагогов с наставником', before: 0, after: 4, unit: 'чел.' },
    ],
    riskFactors: ['3', '2'],
    subjects: ['Математика'],
    levels: ['basic'] as EducationLevel[],
  },
  {
    title: 'Клуб читателей и читательская грамотность в начальной школе (демо)',
    problem: 'Низкая учебная мотивация, слабая читательская грамотность в 3–4 классах.',
    actions: 'Еженедельный клуб читателей с родителями, смысловое чтение на всех предметах, школьная газета.',
    results: 'Выросли результаты ВПР по русскому языку, родители стали чаще приходить в школу.',
    figures: [
      { label: 'доля отметок «2» по ВПР, русский язык 4 кл.', before: 18, after: 7, unit: '%' },
      { label: 'родителей на встречах клуба', before: 5, after: 27, unit: 'чел.' },
    ],
    riskFactors: ['9', '8'],
    subjects: ['Русский язык', 'Литературное чтение'],
    levels: ['primary'] as EducationLevel[],
  },
  {
    title: 'Индивидуальные образовательные маршруты для обучающихся с рисками неуспешности (демо)',
    problem: 'Высокая доля обучающихся с рисками учебной неуспешности в 7–9 классах.',
    actions:
      'Реестр обучающихся группы риска, консультации по субботам, пары «ученик–ученик», встречи с родителями.',
    results: 'Все обучающиеся группы риска допущены к ОГЭ, неуспевающих по итогам года нет.',
    figures: [{ label: 'неуспевающих по итогам года', before: 9, after: 0, unit: 'чел.' }],
    riskFactors: ['10'],
    subjects: ['Математика', 'Русский язык'],
    levels: ['basic'] as EducationLevel[],
  },
];

const at = (day: string) => new Date(`${day}T10:00:00Z`);

/**
 * The resilient list of the year of the ШНОР list in force, over the same run. Written as a row: the
 * demo's past runs are stale by then (its data were loaded after them), and the identification module
 * rightly refuses new lists over a stale run; the demo only adds what the region would have approved.
 */
async function approveResilientList(run: DemoRun) {
  const shnor = await listInForce(run.db, {
    regionId: run.orgs.regionId,
    year: currentSchoolYear(),
    kind: 'shnor',
  });
  if (!shnor) return;
  const day = `${shnor.year}-10-01`;
  await run.db.insert(identificationLists).values({
    regionId: run.orgs.regionId,
    year: shnor.year,
    kind: 'resilient',
    runId: shnor.runId,
    status: 'approved',
    orderNumber: `${330 + (shnor.year % 10)}-п`,
    orderDate: day < run.today ? day : run.today,
    approvedAt: at(day < run.today ? day : run.today),
    approvedBy: run.users.main.region.userId,
  });
}

async function insert(db: Db, run: DemoRun, spec: Spec, daysAgo: number) {
  const submittedAt = spec.status === 'draft' ? null : at(addDays(run.today, -daysAgo));
  const published = spec.status === 'published' || spec.status === 'withdrawn';
  const [row] = await db
    .insert(practices)
    .values({
      authorUnitId: spec.authorId,
      year: run.year - 1,
      title: spec.title,
      problem: spec.problem,
      actions: spec.actions,
      results: spec.results,
      figures: spec.figures,
      riskFactors: spec.riskFactors,
      subjects: spec.subjects,
      levels: spec.levels,
      contact: 'Методический кабинет организации: metod@example.org (демо)',
      status: spec.status,
      submittedAt,
      publishedAt: published ? at(addDays(run.today, 10 - daysAgo)) : null,
    })
    .returning({ id: practices.id });
  if (!row) throw new Error('demo practice not inserted');
  const target = { entityType: 'practice' as const, entityId: row.id, orgUnitId: spec.authorId };
  await recordEvent(db, null, 'practice.created', target, { title: spec.title, authorUnitId: spec.authorId });
  const r = spec.review;
  if (r) {
    const criteria = PRACTICE_CRITERIA.map((c, i) => ({
      key: c.key,
      title: c.title,
      score: r.scores[i] ?? 0,
      max: c.max,
    }));
    await db.insert(practiceReviews).values({
      practiceId: row.id,
      reviewerUnitId: r.unitId,
      reviewerId: r.by.userId,
      reviewerName: r.by.fullName,
      criteria,
      decision: r.decision,
      comment: r.comment,
      createdAt: at(addDays(run.today, 5 - daysAgo)),
    });
    await recordEvent(db, r.by, 'practice.reviewed', target, {
      decision: r.decision,
      comment: r.comment,
      score: criteria.reduce((s, c) => s + c.score, 0),
      maxScore: criteria.reduce((s, c) => s + c.max, 0),
      reviewerUnitId: r.unitId,
    });
  }
  if (published) await recordEvent(db, r?.by ?? null, 'practice.published', target, { title: spec.title });
  if (spec.status === 'withdrawn')
    await recordEvent(db, r?.by ?? null, 'practice.withdrawn', target, {
      title: spec.title,
      reason: 'Практика переработана и будет подана заново (демо)',
    });
}

export async function loadDemoPractices(run: DemoRun): Promise<void> {
  const { db, orgs, picks, users } = run;
  await approveResilientList(run);
  const region = users.main.region;
  const schoolsOf = new Map(orgs.municipalities.flatMap((m) => m.schools.map((s) => [s.id, m] as const)));
  const reviewOf = (schoolId: string, decision: PracticeDecision, comment = '', scores = [5, 5, 4, 4]) => {
    const m = schoolsOf.get(schoolId);
    const coordinator = m ? users.coordinators.get(m.id) : undefined;
    return coordinator && m
      ? { by: coordinator, unitId: m.id, decision, comment, scores }
      : { by: region, unitId: orgs.regionId, decision, comment, scores };
  };
  // Authors: resilient schools first, then improved schools of the cluster of `school` (S1).
  const resilient = [...(await resilientInForce(db, orgs.regionId)).schools];
  const peers = [...(await improvedPeers(db, orgs.regionId, picks.s1.id)).why.keys()];
  const authors = [...new Set([...resilient.slice(0, 2), ...peers.slice(0, 2)])].filter((id) =>
    schoolsOf.has(id),
  );
  const specs: Spec[] = authors.map((authorId, i) => {
    const c = CASES[i % CASES.length] ?? CASES[0];
    if (!c) throw new Error('no demo cases');
    return { authorId, ...c, status: 'published', review: reviewOf(authorId, 'approve') };
  });
  const base = CASES[0];
  if (!base) throw new Error('no demo cases');
  specs.push({
    ...base,
    authorId: picks.m1.id,
    title: 'Муниципальная сеть методических объединений для ШНОР (демо)',
    problem: 'Учителя малокомплектных школ района работают без методической поддержки.',
    actions: 'Сетевые методические объединения по предметам с выездами в ШНОР раз в четверть.',
    subjects: ['Управление школой'],
    status: 'published',
    review: { by: region, unitId: orgs.regionId, decision: 'approve', comment: '', scores: [5, 4, 5, 4] },
  });
  // One of M1 awaiting the `municipality` account's review, one returned to S2, one draft of `school`.
  const m1School = picks.m1.schools.find((s) => s.id !== picks.s1.id && !authors.includes(s.id));
  if (m1School)
    specs.push({
      ...(CASES[1] ?? base),
      authorId: m1School.id,
      title: 'Родительский всеобуч по субботам (демо)',
      status: 'submitted',
    });
  specs.push({
    ...(CASES[2] ?? base),
    authorId: picks.s2.id,
    title: 'Консультации для обучающихся группы риска (демо)',
    status: 'returned',
    figures: [],
    review: reviewOf(
      picks.s2.id,
      'return',
      'Добавьте результаты в цифрах: было → стало (демо)',
      [4, 1, 3, 2],
    ),
  });
  specs.push({
    ...base,
    authorId: picks.s1.id,
    title: 'Разбор заданий ВПР на уроках (демо)',
    status: 'draft',
    figures: [],
  });
  const withdrawnAuthor = authors[0];
  if (withdrawnAuthor)
    specs.push({
      ...(CASES[1] ?? base),
      authorId: withdrawnAuthor,
      title: 'Летняя читательская школа (демо)',
      status: 'withdrawn',
      review: reviewOf(withdrawnAuthor, 'approve'),
    });
  for (const [i, spec] of specs.entries()) await insert(db, run, spec, 60 - i * 5);
}
