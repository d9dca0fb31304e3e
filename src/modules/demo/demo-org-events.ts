import { like } from 'drizzle-orm';
import { eventInvitations, eventMaterials, eventParticipants, events } from '../../db/schema/organisation.js';
import { items } from '../../db/schema/roadmaps.js';
import type { EventKind, EventStatus, SchoolGroup } from '../../db/schema/values.js';
import { saveFile } from '../files/save-file.js';
import { guessCategory } from '../organisation/guess-category.js';
import { addDays } from './demo-execution.js';
import { fullName, randomPerson } from './demo-names.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import type { DemoRun } from './demo-run.js';

// The demo's events (issue 12 §3, helper «events»): a series of regional webinars of ИРО for the
// management teams of the ШНОР across the autumn — the held ones with attendance by school and person
// (synthetic people marked «(демо)»), one of them deliberately below its coverage target (40 % against
// 60 %), one upcoming — and seminars of the first municipality for all its schools. Dates follow today.

const TOPICS = [
  'Анализ результатов оценочных процедур',
  'Антирисковые программы: от профиля к мерам',
  'Внутренняя система оценки качества',
  'Работа с низкой учебной мотивацией',
];
const POSITIONS = [
  'Директор',
  'Заместитель директора по УВР',
  'Заместитель директора по ВР',
  'Учитель математики',
  'Учитель русского языка',
  'Педагог-психолог',
];
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Plan = {
  organiserUnitId: string;
  createdBy: string;
  kind: EventKind;
  title: string;
  days: number;
  status: EventStatus;
  group: SchoolGroup;
  note: string;
  target: number | null;
  place: string;
  schools: string[];
  /** share of invited schools that took part (held events) */
  tookPart: number;
};

async function addEvent(run: DemoRun, rng: Rng, p: Plan): Promise<string> {
  const { db } = run;
  const [row] = await db
    .insert(events)
    .values({
      organiserUnitId: p.organiserUnitId,
      kind: p.kind,
      title: p.title,
      status: p.status,
      startsOn: addDays(run.today, p.days),
      audienceGroup: p.group,
      audienceNote: p.note,
      program: 'Вступительное слово. Доклад. Разбор практики школ. Ответы на вопросы.',
      place: p.place,
      coverageTarget: p.target,
      createdBy: p.createdBy,
    })
    .returning({ id: events.id });
  if (!row) throw new Error('demo event not created');
  const eventId = row.id;
  await db.insert(eventInvitations).values(p.schools.map((orgUnitId) => ({ eventId, orgUnitId })));
  if (p.status !== 'held') return eventId;
  const attending = rng.shuffle(p.schools).slice(0, Math.round(p.schools.length * p.tookPart));
  const people = attending.flatMap((orgUnitId) =>
    Array.from({ length: rng.int(1, 3) }, () => {
      const position = rng.pick(POSITIONS);
      return {
        eventId,
        orgUnitId,
        fullName: `${fullName(randomPerson(rng))} (демо)`,
        position,
        category: guessCategory(position),
        source: rng.chance(0.6) ? ('import' as const) : ('self' as const),
        attended: true,
      };
    }),
  );
  if (people.length) await db.insert(eventParticipants).values(people);
  return eventId;
}

export async function loadDemoEvents(run: DemoRun): Promise<void> {
  const rng = createRng(seedOf('opora-demo-events'));
  const { orgs, picks, users } = run;
  const center = users.main.center;
  const coordinator = users.main.municipality;
  const shnor = picks.shnor.map((s) => s.id);
  // Held webinars two months, six and two weeks ago; the next one in under two weeks.
  const webinars: [number, EventStatus, number][] = [
    [-70, 'held', 0.75],
    [-42, 'held', 0.4],
    [-14, 'held', 0.7],
    [12, 'announced', 0],
  ];
  let upcomingWebinar = '';
  for (const [i, [days, status, tookPart]] of webinars.entries()) {
    const id = await addEvent(run, rng, {
      organiserUnitId: orgs.iroId,
      createdBy: center.userId,
      kind: 'webinar',
      title: `Вебинар для управленческих команд ШНОР № ${i + 1}: «${TOPICS[i] ?? ''}»`,
      days,
      status,
      group: 'shnor',
      note: 'управленческие команды',
      target: 60,
      place: 'https://vebinar.example.ru/iro-shnor',
      schools: shnor,
      tookPart,
    });
    if (status === 'announced') upcomingWebinar = id;
  }
  await run.db.insert(eventMaterials).values({
    eventId: upcomingWebinar,
    name: 'Презентация прошлого вебинара',
    url: 'https://iro.example.ru/shnor/vebinar',
  });
  const file = await saveFile(run.db, run.exec.storage, {
    upload: { name: 'Программа вебинара.pdf', data: MINIMAL_PDF },
    userId: center.userId,
    maxBytes: 1 << 20,
  });
  await run.db.insert(eventMaterials).values({ eventId: upcomingWebinar, name: file.name, fileId: file.id });

  // The autumn's методический десант of ИРО: its specialists went to half of the ШНОР so far — the
  // regional measure «Методический десант» counts them (demo-org-coverage.ts binds it).
  await addEvent(run, rng, {
    organiserUnitId: orgs.iroId,
    createdBy: center.userId,
    kind: 'method_landing',
    title: 'Методический десант ИРО в ШНОР: посещение уроков и разбор с управленческими командами',
    days: -35,
    status: 'held',
    group: 'shnor',
    note: 'управленческие команды и учителя ШНОР',
    target: null,
    place: 'Выезд в школы',
    schools: shnor,
    tookPart: 0.5,
  });

  // The regional roadmap's webinar for the municipal coordinators, on its measure's day: every
  // municipality invited; when ИРО marks it held with attendance, the measure «участвуют 100 %
  // координаторов» (bound in demo-org-coverage.ts) counts the municipalities that took part.
  const [measure] = await run.db
    .select({ due: items.dueDate })
    .from(items)
    .where(like(items.measure, 'Вебинар для муниципальных координаторов%'))
    .limit(1);
  const [coordinatorsWebinar] = await run.db
    .insert(events)
    .values({
      organiserUnitId: orgs.iroId,
      kind: 'webinar',
      title:
        'Вебинар для муниципальных координаторов «Мониторинг реализации антирисковых программ: типичные ошибки»',
      status: 'announced',
      startsOn: measure?.due ?? addDays(run.today, 9),
      audienceNote: 'муниципальные координаторы',
      place: 'https://vebinar.example.ru/iro-coordinators',
      coverageTarget: 100,
      createdBy: center.userId,
    })
    .returning({ id: events.id });
  if (coordinatorsWebinar)
    await run.db
      .insert(eventInvitations)
      .values(orgs.municipalities.map((m) => ({ eventId: coordinatorsWebinar.id, orgUnitId: m.id })));

  // The first municipality's seminars for all its schools: one held, one coming with a registration.
  const m1Schools = picks.m1.schools.map((s) => s.id);
  for (const [days, status, title] of [
    [-28, 'held', 'Семинар «Объективность оценивания»'],
    [18, 'announced', 'Семинар «Методическое сопровождение ШНОР»'],
  ] as const) {
    const id = await addEvent(run, rng, {
      organiserUnitId: picks.m1.id,
      createdBy: coordinator.userId,
      kind: 'seminar',
      title: `${title} (${picks.m1.short})`,
      days,
      status,
      group: 'all',
      note: 'заместители директоров по УВР',
      target: 50,
      place: 'Районный отдел образования, актовый зал',
      schools: m1Schools,
      tookPart: 0.6,
    });
    if (status === 'announced')
      await run.db.insert(eventParticipants).values({
        eventId: id,
        orgUnitId: picks.s1.id,
        fullName: `${fullName(randomPerson(rng))} (демо)`,
        position: 'Заместитель директора по УВР',
        category: 'manager',
        source: 'self',
      });
  }
}
