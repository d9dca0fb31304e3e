// What a coverage indicator counts: the flags of organisation/coverage-sql.ts `shnorFlagsSql` (column)
// with their words. Plain data: the page of a region's own indicator offers the same list.

export const COVERAGE_METRICS = {
  withCurator: { column: 'cur', title: 'куратор назначен' },
  withMentor: { column: 'men', title: 'школа-наставник закреплена' },
  withAgreement: { column: 'agr', title: 'сетевое соглашение заключено' },
  withRoadmap: { column: 'rm', title: 'дорожная карта года утверждена' },
  withProgram: { column: 'prg', title: 'программа (среднесрочная или антирисковая) утверждена' },
  withVerifiedProfile: { column: 'ver', title: 'рисковый профиль года верифицирован' },
} as const;
export type CoverageMetricKey = keyof typeof COVERAGE_METRICS;
export const metricKeys = Object.keys(COVERAGE_METRICS) as [CoverageMetricKey, ...CoverageMetricKey[]];
