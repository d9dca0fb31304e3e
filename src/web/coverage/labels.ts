import type { ApiData } from '../shared/api.js';

// Strings of «Охват и пробелы» (issue 12 §4).

export type Coverage = ApiData<'/api/coverage', 'get'>;
export type Gaps = ApiData<'/api/coverage/gaps', 'get'>;
export type ShnorGap = Gaps['shnor'][number]['missing'][number];

export const GAP_LABELS: Record<ShnorGap, string> = {
  curator: 'нет куратора',
  mentor: 'нет школы-наставника',
  agreement: 'нет сетевого соглашения',
  roadmap: 'нет утверждённой дорожной карты',
  program: 'нет утверждённой программы',
};

/** Where each gap of a ШНОР is fixed. */
export const gapLink = (gap: ShnorGap, schoolId: string): string =>
  ({
    curator: `/organisation?tab=curators&school=${schoolId}`,
    mentor: `/organisation?tab=mentors&school=${schoolId}`,
    agreement: `/organisation?tab=mentors&school=${schoolId}`,
    roadmap: `/roadmaps?unit=${schoolId}`,
    program: `/programs?school=${schoolId}`,
  })[gap];

export const SHARE_COLUMNS = [
  ['withCurator', 'С куратором'],
  ['withMentor', 'С наставником'],
  ['withAgreement', 'С соглашением'],
  ['withRoadmap', 'С утв. картой'],
  ['withProgram', 'С утв. программой'],
  ['withVerifiedProfile', 'Профиль верифицирован'],
] as const;

/** Colour of a share against the 100 % every coverage indicator aims at. */
export const shareColor = (share: number | null): string | undefined =>
  share === null ? undefined : share >= 100 ? 'teal' : share >= 50 ? 'yellow.8' : 'red';

export const S = {
  title: 'Охват и пробелы',
  unit: 'Организация',
  year: 'Учебный год',
  coverage: 'Охват по данным системы',
  shnor: 'ШНОР',
  schoolsAtEvents: 'Школы на мероприятиях',
  teachersAtEvents: 'Педагоги на мероприятиях',
  meetings: 'Заседаний',
  gaps: 'Пробелы',
  shnorGaps: 'ШНОР, у которых чего-то нет',
  curators: 'Кураторы сверх нагрузки (более 3 школ)',
  bodies: 'Органы без ожидаемых заседаний',
  events: 'Мероприятия ниже целевого охвата',
  none: 'Пробелов нет',
  noStaff: 'без штата',
};

/** Event kinds in the binding form (the events helper's labels may replace these at merge). */
export const EVENT_KIND_WORDS: Record<string, string> = {
  seminar: 'семинар',
  webinar: 'вебинар',
  conference: 'конференция',
  method_landing: 'методический десант',
  project_session: 'проектная сессия',
  master_class: 'мастер-класс',
  method_day: 'методический день',
  courses: 'курсы',
  other: 'другое',
};

export const GROUP_WORDS: Record<string, string> = {
  all: 'все школы',
  shnor: 'ШНОР',
  risk_zone: 'школы в зоне риска',
};
