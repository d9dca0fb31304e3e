import dayjs from 'dayjs';
import type { CoverageBinding, CoverageMetric } from '../../db/schema/values.js';
import { METRIC_LABELS } from '../../modules/organisation/coverage-binding.js';
import { EVENT_KIND_WORDS, GROUP_WORDS } from './labels.js';

// A coverage binding in words, for the item card and the item's history.

export const EVENT_METRICS: CoverageMetric[] = [
  'schools_at_events',
  'teachers_at_events',
  'participants_at_events',
];

/** Metrics taken over a group of schools: the events' and the teachers' support (issue 14 §1). */
export const GROUP_METRICS: CoverageMetric[] = [
  ...EVENT_METRICS,
  'teachers_diagnosed',
  'teachers_with_deficits',
  'deficit_teachers_with_route',
  'deficit_teachers_with_mentor',
  'deficit_teachers_mastered',
  'routes_mastered',
  'teachers_completed_course',
];

const date = (d: string) => dayjs(d).format('DD.MM.YYYY');

/** «Доля школ, принявших участие в мероприятиях; ШНОР; вебинар; 01.09.2026–31.12.2026». */
export function bindingText(b: CoverageBinding): string {
  const parts: string[] = [METRIC_LABELS[b.metric]];
  if (GROUP_METRICS.includes(b.metric)) parts.push(GROUP_WORDS[b.group ?? 'all'] ?? '');
  if (b.eventKinds?.length) parts.push(b.eventKinds.map((k) => EVENT_KIND_WORDS[k]).join(', '));
  if (b.from || b.to) parts.push(`${b.from ? date(b.from) : '…'}–${b.to ? date(b.to) : '…'}`);
  return parts.join('; ');
}
