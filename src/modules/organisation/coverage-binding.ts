import { z } from 'zod';
import { COVERAGE_METRICS, type CoverageMetric, EVENT_KINDS, SCHOOL_GROUPS } from '../../db/schema/values.js';
import { isoDate } from '../../lib/input.js';

// The binding of a roadmap indicator to a coverage query (issue 12 §4), one schema for the column, the
// API and the browser's form. The query itself is written once in coverage.ts.

export const coverageBinding = z
  .object({
    metric: z.enum(COVERAGE_METRICS),
    group: z.enum(SCHOOL_GROUPS).optional(),
    eventKinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
  })
  .strict()
  .refine((b) => !b.from || !b.to || b.from <= b.to, {
    message: 'Начало периода позже его конца',
    path: ['to'],
  });

/** What the metric's value is: a share in percent or a count. */
export const METRIC_UNITS: Record<CoverageMetric, '%' | 'count'> = {
  shnor_with_curator: '%',
  shnor_with_mentor: '%',
  shnor_with_agreement: '%',
  shnor_with_roadmap: '%',
  shnor_with_program: '%',
  shnor_with_verified_profile: '%',
  schools_at_events: '%',
  teachers_at_events: '%',
  participants_at_events: 'count',
  municipalities_at_events: '%',
  events_held: 'count',
  meetings_held: 'count',
  teachers_diagnosed: '%',
  teachers_with_deficits: '%',
  deficit_teachers_with_route: '%',
  deficit_teachers_with_mentor: '%',
  deficit_teachers_mastered: '%',
  routes_mastered: '%',
  teachers_completed_course: '%',
};

export const METRIC_LABELS: Record<CoverageMetric, string> = {
  shnor_with_curator: 'Доля ШНОР, за которыми закреплён куратор',
  shnor_with_mentor: 'Доля ШНОР, за которыми закреплена школа-наставник',
  shnor_with_agreement: 'Доля ШНОР с заключённым сетевым соглашением',
  shnor_with_roadmap: 'Доля ШНОР с утверждённой дорожной картой',
  shnor_with_program: 'Доля ШНОР с утверждённой программой',
  shnor_with_verified_profile: 'Доля ШНОР с верифицированным рисковым профилем',
  schools_at_events: 'Доля школ, принявших участие в мероприятиях',
  teachers_at_events: 'Доля педагогов, принявших участие в мероприятиях',
  participants_at_events: 'Число участников мероприятий',
  municipalities_at_events: 'Доля муниципалитетов, представители которых приняли участие в мероприятиях',
  events_held: 'Число проведённых мероприятий',
  meetings_held: 'Число проведённых заседаний',
  teachers_diagnosed: 'Доля педагогов, прошедших диагностику профессиональных дефицитов',
  teachers_with_deficits:
    'Доля педагогов с критическим или высоким уровнем дефицитов среди продиагностированных',
  deficit_teachers_with_route:
    'Доля педагогов с критическим или высоким уровнем дефицитов, у которых есть ИОМ',
  deficit_teachers_with_mentor:
    'Доля педагогов с критическим или высоким уровнем дефицитов, сопровождаемых наставником',
  deficit_teachers_mastered: 'Доля педагогов с критическим или высоким уровнем дефицитов, освоивших ИОМ',
  routes_mastered: 'Доля освоенных ИОМ среди ИОМ года',
  teachers_completed_course: 'Доля педагогов, завершивших курс повышения квалификации за год',
};
