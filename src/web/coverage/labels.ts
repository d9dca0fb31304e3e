import { AUDIENCE_GROUP_LABELS, EVENT_KIND_LABELS } from '../events/labels.js';
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

/** «Семинар» → «семинар» inside a sentence; an acronym («ШНОР») stays as it is. */
const inSentence = (w: string) => (/^[А-ЯЁ][а-яё]/.test(w) ? w.charAt(0).toLowerCase() + w.slice(1) : w);
const lowered = <K extends string>(labels: Record<K, string>) =>
  Object.fromEntries(Object.entries<string>(labels).map(([k, v]) => [k, inSentence(v)])) as Record<K, string>;

/** The events' own words (one list of kinds and groups), as they read in the binding's sentence. */
export const EVENT_KIND_WORDS = lowered(EVENT_KIND_LABELS);
export const GROUP_WORDS = lowered(AUDIENCE_GROUP_LABELS);
