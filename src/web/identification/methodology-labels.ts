import { fmtShare } from './strings.js';
import type { Methodology } from './types.js';

// Russian labels of the methodology parameters (src/modules/identification/methodology.ts).

export const INDICATOR_LABELS: Record<string, string> = {
  parents_higher_ed_share: 'Доля родителей с высшим образованием',
  incomplete_families_share: 'Доля неполных семей',
  low_income_share: 'Доля малоимущих семей',
  watch_list_share: 'Доля обучающихся, состоящих на учёте',
  non_native_russian_share: 'Доля обучающихся, для которых русский язык не родной',
  ovz_share: 'Доля обучающихся с ОВЗ',
};

export const FIELD_LABELS: Record<string, string> = {
  name: 'Название',
  description: 'Описание',
  assessments: 'Учитываемые оценочные процедуры',
  grades: 'Учитываемые классы',
  minParticipants: 'Процедура учитывается, если участников не менее',
  lowShareThreshold: 'Процедура низкая, если доля «2» не менее',
  'lowResults.enabled': 'Правило низких результатов (региональное) включено',
  'lowResults.minLowProcedures': 'Низких процедур в году — не менее',
  'lowResults.minRepeatedLowProcedures': 'Процедур, низких и в этом, и в прошлом году, — не менее',
  'clusterRelative.enabled': 'Кластерное правило включено',
  'clusterRelative.bottomShare': 'Нижняя доля школ кластера по R',
  'clusterRelative.consecutiveYears': 'Лет подряд в нижней доле',
  riskShareThreshold: 'Зона риска: порог доли «2» в процедуре',
  riskMinProcedures: 'Зона риска: процедур выше порога — не менее',
  riskMinLowProcedures: 'Зона риска: или низких процедур — не менее',
  indicators: 'Показатели ИСБШ',
  minIndicatorShare: 'ИСБШ считается, если доступна доля показателей не менее',
  clusters: 'Число кластеров по ИСБШ',
  shnsuPercentile: 'ШНСУ: нижняя доля школ по ИСБШ',
  resilientPercentile: 'Резильентные: верхняя доля школ по R',
  stagnationYears: 'Стагнация: лет ШНОР подряд',
  repeatWindow: 'Повторное попадание: окно лет',
  'repeatWindow.0': 'Повторное попадание: окно с года t−…',
  'repeatWindow.1': 'Повторное попадание: окно по год t−…',
  'objectivity.assessment': 'Необъективность: оценочная процедура',
  'objectivity.minParticipants': 'Необъективность: участников не менее',
  'objectivity.raisedShare': 'Необъективность: доля повысивших отметку больше',
  'objectivity.loweredShare': 'Необъективность: доля понизивших отметку больше',
};

export const fieldLabel = (path: string) =>
  FIELD_LABELS[path] ?? FIELD_LABELS[path.replace(/\.\d+(\..*)?$/, '')] ?? path;

const yes = (b: boolean) => (b ? 'включено' : 'выключено');

/** The parameters as [section, label, value] rows for a readable table. */
export function parameterRows(m: Methodology): [string, string, string][] {
  const L = (k: string) => FIELD_LABELS[k] ?? k;
  const cr = m.clusterRelative;
  return [
    ['Процедуры', L('assessments'), m.assessments ? m.assessments.join(', ') : 'все'],
    ['Процедуры', L('grades'), m.grades ? m.grades.join(', ') : 'все'],
    ['Процедуры', L('minParticipants'), String(m.minParticipants)],
    ['Процедуры', L('lowShareThreshold'), fmtShare(m.lowShareThreshold)],
    ['ШНОР', 'Правило низких результатов', yes(m.lowResults.enabled)],
    ['ШНОР', L('lowResults.minLowProcedures'), String(m.lowResults.minLowProcedures)],
    ['ШНОР', L('lowResults.minRepeatedLowProcedures'), String(m.lowResults.minRepeatedLowProcedures)],
    ['ШНОР', 'Кластерное правило (нижняя доля R в кластере)', yes(cr.enabled)],
    ['ШНОР', L('clusterRelative.bottomShare'), fmtShare(cr.bottomShare)],
    ['ШНОР', L('clusterRelative.consecutiveYears'), String(cr.consecutiveYears)],
    ['Зона риска', 'Порог доли «2» в процедуре', fmtShare(m.riskShareThreshold)],
    ['Зона риска', 'Процедур выше порога — не менее', String(m.riskMinProcedures)],
    ['Зона риска', 'Или низких процедур — не менее', String(m.riskMinLowProcedures)],
    ['ИСБШ и кластеры', L('minIndicatorShare'), fmtShare(m.minIndicatorShare)],
    ['ИСБШ и кластеры', L('clusters'), String(m.clusters)],
    ['ИСБШ и кластеры', L('shnsuPercentile'), fmtShare(m.shnsuPercentile)],
    ['ИСБШ и кластеры', L('resilientPercentile'), fmtShare(m.resilientPercentile)],
    ['Динамика', L('stagnationYears'), String(m.stagnationYears)],
    [
      'Динамика',
      'Повторное попадание: ШНОР хотя бы в одном из лет',
      `t−${m.repeatWindow[1]} … t−${m.repeatWindow[0]}`,
    ],
    ['Необъективность', 'Оценочная процедура', m.objectivity.assessment],
    ['Необъективность', 'Участников не менее', String(m.objectivity.minParticipants)],
    ['Необъективность', 'Доля повысивших отметку больше', fmtShare(m.objectivity.raisedShare)],
    ['Необъективность', 'Доля понизивших отметку больше', fmtShare(m.objectivity.loweredShare)],
  ];
}
