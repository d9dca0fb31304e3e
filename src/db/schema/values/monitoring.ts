// Monitoring and analysis (issue 13).

/** Whether more of an indicator is better (share of ШНОР leaving the list) or worse (share of «2»). */
export const INDICATOR_DIRECTIONS = ['higher_better', 'lower_better'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** The unit of measure of an indicator's value: a share 0…1 (shown as %), a count, a mean. */
export const INDICATOR_UNITS = ['share', 'count', 'mean'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** The level of government a target is set for. */
export const TARGET_LEVELS = ['region', 'municipality', 'school'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/** A monitoring collects a form from its participants or computes its figures from the system's data. */
export const MONITORING_KINDS = ['form', 'roadmap_execution', 'positive_change', 'indicators'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

/** черновик → идёт → завершён */
export const MONITORING_STATUSES = ['draft', 'open', 'closed'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

/** A participant's form: не начата → черновик → отправлена → возвращена на доработку → принята. */
export const MONITORING_RESPONSE_STATUSES = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'accepted',
] as const;
export type MonitoringResponseStatus = (typeof MONITORING_RESPONSE_STATUSES)[number];

/** The templates of an analytic report (аналитическая справка). */
export const REPORT_TEMPLATES = [
  'identification',
  'shnor_dynamics',
  'roadmap_execution',
  'positive_change',
  'support_effect',
] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

/** формируется → черновик (правится) → выпущена; «ошибка», если формирование не удалось */
export const REPORT_STATUSES = ['generating', 'draft', 'issued', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
