import { getPositiveChange } from '../analysis/positive-change.js';
import { changeBlocks, effectBlocks } from '../analysis/report-sections.js';
import type { PositiveChangeView } from '../analysis/views.js';
import { type RuleSchool, recommend } from './recommend.js';
import type { ReportContent } from './report-model.js';
import type { TemplateBuilder } from './templates.js';

// «Позитивные изменения» and «Эффект поддержки»: the sections of the analysis area (the same operations
// and numbers as its pages) in a report, with the recommendation rules over the list's schools a year on.

const SOURCES = [
  'Результаты оценочных процедур года списка и следующего года, загруженные в систему',
  'Утверждённые списки ШНОР; список следующего года (или его черновик)',
  'Дорожные карты и программы школ; рисковые профили',
];

/**
 * The schools of the list as the recommendation rules read them, a year on: «снова в списке» (not the
 * methodology's stagnation flag, which counts several years), a subject's share of «2» in T+1 as its low
 * share (all procedures of the subject together).
 */
function schoolsAYearOn(v: PositiveChangeView): RuleSchool[] {
  return v.schools.map((s) => ({
    id: s.school.id,
    name: s.school.name,
    municipalityId: s.municipality.id,
    municipalityName: s.municipality.name,
    r: s.rAfter,
    stagnation: false,
    againOnList: s.stagnating === true,
    repeat: false,
    lowProcedures: s.subjects.flatMap((x) =>
      x.after === null
        ? []
        : [{ assessment: 'все процедуры', subject: x.subject, grade: 0, lowShare: x.after }],
    ),
    curator: true,
    mentor: true,
  }));
}

export const positiveChangeTemplate: TemplateBuilder = async (db, { actor, scope, year, progress }) => {
  const view = await getPositiveChange(db, { actor, unitId: scope.id, year });
  await progress(0.7, 'Изменения школ списка рассчитаны');
  const content: ReportContent = {
    title: `Позитивные изменения в школах списка ШНОР ${year} года`,
    scope: `${scope.name}, ${year}–${year + 1} гг.`,
    sources: SOURCES,
    blocks: [
      ...changeBlocks(view),
      {
        type: 'recommendations',
        items: recommend({ schools: schoolsAYearOn(view), execution: [] }, ['subject_low', 'again_on_list']),
      },
    ],
  };
  return content;
};

export const effectTemplate: TemplateBuilder = async (db, { actor, scope, year, progress }) => {
  const blocks = await effectBlocks(db, { actor, unitId: scope.id, year });
  await progress(0.8, 'Эффект поддержки оценён');
  return {
    title: `Эффект поддержки школ списка ШНОР ${year} года`,
    scope: `${scope.name}, ${year}–${year + 1} гг.`,
    sources: [...SOURCES.slice(0, 2), 'Сопоставимые неподдержанные школы региона (группа сравнения)'],
    blocks,
  };
};
