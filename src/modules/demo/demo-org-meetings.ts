import { eq } from 'drizzle-orm';
import { meetingDecisions } from '../../db/schema/organisation.js';
import type { Actor } from '../access/actor.js';
import { createBody } from '../organisation/bodies.js';
import { createMeeting } from '../organisation/create-meeting.js';
import { completeDecision } from '../organisation/decisions.js';
import type { DecisionInput } from '../organisation/meeting-input.js';
import { attachProtocolFile } from '../organisation/protocol-file.js';
import { updateMeeting } from '../organisation/update-meeting.js';
import { addDays } from './demo-execution.js';
import { minimalPdf } from './demo-files.js';
import type { DemoRun } from './demo-run.js';

// Bodies and meetings of the demo (helper «meetings», issue 12 §1–2): the municipal working group of
// the first municipality meets monthly from 1 September with one month deliberately missed; its
// decisions are partly done, partly open, one addressed to the demo school overdue; the regional
// coordination council meets quarterly; the demo curator visits his school once. Dates follow
// `run.today`, so the demo is true on any day it is loaded.

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The months from September of the demo year that have ended by today: [year, month]. */
function endedMonths(run: DemoRun): [number, number][] {
  const out: [number, number][] = [];
  let [y, m] = [run.year, 9];
  while (iso(y, m, 1) < `${run.today.slice(0, 7)}-01`) {
    out.push([y, m]);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

async function decide(
  run: DemoRun,
  actor: Actor,
  meetingId: string,
  decisions: DecisionInput[],
  version: number,
) {
  await updateMeeting(run.db, { actor, meetingId, input: { version, decisions } });
}

/** Marks done, by the responsible unit's keeper, the decisions of a meeting whose deadline has passed. */
async function closePassed(
  run: DemoRun,
  meetingId: string,
  keepers: Map<string, Actor>,
  keepOpen: Set<number>,
) {
  const rows = await run.db.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId));
  for (const d of rows) {
    const keeper = keepers.get(d.responsibleUnitId);
    if (!keeper || keepOpen.has(d.position) || !d.dueDate || d.dueDate >= run.today) continue;
    await completeDecision(run.db, {
      actor: keeper,
      decisionId: d.id,
      input: {
        version: d.version,
        outcome: 'Исполнено в срок, информация направлена в отдел образования (демо)',
      },
    });
  }
}

export async function loadDemoMeetings(run: DemoRun): Promise<void> {
  const { picks, users, orgs } = run;
  const coordinator = users.main.municipality;
  const m1 = picks.m1;
  const schools = (picks.shnorByMunicipality.get(m1.id) ?? []).filter((s) => s.id !== picks.s1.id);
  const orderDay = iso(run.year, 8, 28) < run.today ? iso(run.year, 8, 28) : run.today;
  const groupId = await createBody(run.db, {
    actor: coordinator,
    today: run.today,
    input: {
      orgUnitId: m1.id,
      kind: 'working_group',
      name: `Муниципальная рабочая группа по сопровождению ШНОР ${m1.gen} (демо)`,
      periodicity: 'monthly',
      activeFrom: iso(run.year, 9, 1),
      order: { number: `${run.year}-РГ/1`, date: orderDay },
      members: [
        {
          fullName: coordinator.fullName,
          position: 'Муниципальный координатор',
          orgUnitId: m1.id,
          userId: coordinator.userId,
          isChair: true,
        },
        { fullName: 'Директор школы (демо)', position: 'Директор', orgUnitId: picks.s1.id },
        ...schools.slice(0, 3).map((s, i) => ({
          fullName: `Заместитель директора по УВР № ${i + 1} (демо)`,
          position: 'Заместитель директора по УВР',
          orgUnitId: s.id,
        })),
        { fullName: 'Методист МОЦ (демо)', position: 'Методист', orgUnitId: m1.mocId ?? m1.id },
      ],
    },
  });
  const keepers = new Map<string, Actor>([
    [m1.id, coordinator],
    [picks.s1.id, users.main.school],
  ]);
  for (const s of schools) {
    const team = users.schoolTeams.get(s.id);
    if (team) keepers.set(s.id, team);
  }
  const months = endedMonths(run);
  // One ended month without a meeting: «Пробелы» and the body's timeline show it in red.
  const missed = months.length >= 2 ? months[months.length - 2] : undefined;
  const held = months.filter((m) => m !== missed);
  for (const [i, [y, m]] of held.entries()) {
    const date = iso(y, m, 15);
    const last = i === held.length - 1;
    const id = await createMeeting(run.db, {
      actor: coordinator,
      input: {
        kind: 'body_meeting',
        bodyId: groupId,
        date,
        title:
          i === 0 ? 'Организация сопровождения ШНОР в учебном году' : 'Ход исполнения антирисковых программ',
        agenda:
          '1. Об исполнении решений предыдущего заседания.\n2. О ходе реализации антирисковых программ ШНОР.',
      },
    });
    const other = schools[i % Math.max(1, schools.length)] ?? picks.s1;
    const decisions: DecisionInput[] = [
      {
        text: 'Обобщить результаты собеседований с управленческими командами ШНОР',
        responsibleUnitId: m1.id,
        dueDate: addDays(date, 14),
      },
      {
        text: 'Представить отчёт о ходе реализации антирисковой программы',
        responsibleUnitId: other.id,
        dueDate: addDays(date, 30),
      },
    ];
    if (last) {
      // The demo school's tasks: one overdue, one still in time.
      decisions.push(
        {
          text: 'Разместить антирисковую программу на сайте школы',
          responsibleUnitId: picks.s1.id,
          dueDate: addDays(run.today, -3),
        },
        {
          text: 'Провести педагогический совет по итогам мониторинга',
          responsibleUnitId: picks.s1.id,
          dueDate: addDays(run.today, 20),
        },
      );
    }
    await decide(run, coordinator, id, decisions, 1);
    await updateMeeting(run.db, {
      actor: coordinator,
      meetingId: id,
      input: {
        version: 2,
        protocolNumber: String(i + 1),
        protocol: `Заслушали информацию муниципального координатора.${i > 0 ? '\nРассмотрено исполнение решений предыдущего заседания.' : ''}\nРешили: принять решения согласно таблице. (демо)`,
      },
    });
    // The latest protocol is signed and attached (the matrix reads it as the school's side must not).
    if (last)
      await attachProtocolFile(run.db, run.exec.storage, {
        actor: coordinator,
        meetingId: id,
        upload: {
          name: `protokol-${i + 1}.pdf`,
          data: minimalPdf([`Protocol No ${i + 1} (demo)`, 'Synthetic document']),
        },
        maxBytes: 10 * 1024 * 1024,
      });
    // The first school's report stays open: the next meetings show it among the previous open decisions.
    await closePassed(run, id, keepers, new Set([...(i === 0 ? [2] : []), ...(last ? [3, 4] : [])]));
  }

  const region = users.main.region;
  const councilFrom = iso(run.year, 9, 1);
  const councilId = await createBody(run.db, {
    actor: region,
    today: run.today,
    input: {
      orgUnitId: orgs.regionId,
      kind: 'coordination_council',
      name: 'Региональный координационный совет по повышению качества образования (демо)',
      periodicity: 'quarterly',
      activeFrom: councilFrom,
      order: { number: `${run.year}-КС/1`, date: orderDay },
      members: [
        {
          fullName: region.fullName,
          position: 'Консультант министерства',
          orgUnitId: orgs.ministryId,
          userId: region.userId,
          isChair: true,
        },
        {
          fullName: users.main.center.fullName,
          position: 'Заведующий центром ИРО',
          orgUnitId: orgs.iroId,
          userId: users.main.center.userId,
        },
      ],
    },
  });
  const councilDay = iso(run.year, 9, 25) < run.today ? iso(run.year, 9, 25) : run.today;
  const councilMeeting = await createMeeting(run.db, {
    actor: region,
    input: {
      kind: 'body_meeting',
      bodyId: councilId,
      date: councilDay,
      title: 'Итоги выявления ШНОР и задачи на год',
    },
  });
  await decide(
    run,
    region,
    councilMeeting,
    [
      {
        text: 'Подготовить методические рекомендации для кураторов ШНОР',
        responsibleUnitId: orgs.iroId,
        dueDate: addDays(councilDay, 60),
      },
    ],
    1,
  );

  // The curator's visit to his school: held for the municipality, read by the school it is about.
  const curator = users.main.curator;
  const visitDay = addDays(run.today, -12) > iso(run.year, 9, 1) ? addDays(run.today, -12) : run.today;
  const visit = await createMeeting(run.db, {
    actor: curator,
    input: {
      kind: 'curator_visit',
      schoolId: picks.s1.id,
      date: visitDay,
      title: 'Выезд куратора: посещение уроков и беседа с управленческой командой',
      participants: [
        { fullName: curator.fullName, position: 'Куратор', isMember: true, attended: true },
        {
          fullName: 'Директор школы (демо)',
          position: 'Директор',
          orgUnitId: picks.s1.id,
          isMember: false,
          attended: true,
        },
      ],
    },
  });
  await updateMeeting(run.db, {
    actor: curator,
    meetingId: visit,
    input: {
      version: 1,
      protocol:
        'Посещены уроки в 5-х и 9-х классах. Рекомендовано усилить работу с обучающимися группы риска. (демо)',
      decisions: [
        {
          text: 'Составить план индивидуальной работы с обучающимися группы риска',
          responsibleUnitId: picks.s1.id,
          dueDate: addDays(visitDay, 30),
        },
      ],
    },
  });
  await attachProtocolFile(run.db, run.exec.storage, {
    actor: curator,
    meetingId: visit,
    upload: {
      name: 'vyezd-kuratora.pdf',
      data: minimalPdf(['Curator visit report (demo)', 'Synthetic document']),
    },
    maxBytes: 10 * 1024 * 1024,
  });
}
