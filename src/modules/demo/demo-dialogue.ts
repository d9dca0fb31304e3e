import type { BuiltRoadmap } from './demo-build.js';
import { comment } from './demo-execution.js';
import type { DemoRun, ExecutedRoadmap } from './demo-run.js';
import type { MunicipalResult } from './demo-steps.js';

/** Comments around late, pending and returned items, each by the side whose turn it is. */
export async function addDialogue(
  run: DemoRun,
  municipal: Map<string, MunicipalResult>,
  schools: Map<string, ExecutedRoadmap>,
): Promise<void> {
  const { exec, users, picks } = run;
  const { curator, school, school2, municipality, region } = users.main;
  const s1 = schools.get(picks.s1.id);
  const m1 = municipal.get(picks.m1.id);
  const lateOpen = (r: BuiltRoadmap | undefined) => r?.items.find((i) => i.open);

  const s1late = lateOpen(s1?.roadmap);
  await comment(
    exec,
    curator,
    s1late,
    'Срок прошёл. Прошу провести диагностику до конца недели и приложить аналитическую справку.',
  );
  await comment(
    exec,
    school,
    s1late,
    'Диагностика перенесена из-за болезни учителя математики, проведём на следующей неделе.',
  );
  const s1pending = s1?.done.find((i) => i.row.confirmation === 'pending');
  await comment(exec, school, s1pending, 'Документы приложены, просим подтвердить выполнение.');

  const m1late = lateOpen(m1?.roadmap);
  await comment(exec, region, m1late, 'Просим сообщить причины переноса совещания и новую дату.');
  await comment(
    exec,
    municipality,
    m1late,
    'Совещание пройдёт вместе с заседанием рабочей группы, протокол приложим.',
  );

  for (const { roadmap, returned } of municipal.values()) {
    const keeper = users.coordinators.get(roadmap.unitId);
    if (!keeper) continue;
    for (const it of returned)
      await comment(exec, keeper, it, 'Доработаем и приложим исправленный документ до конца недели.');
  }
  const s2returned = schools.get(picks.s2.id)?.done.find((i) => i.row.confirmation === 'returned');
  await comment(
    exec,
    school2,
    s2returned,
    'Добавим выводы по дефицитным темам и загрузим новую версию справки.',
  );
}
