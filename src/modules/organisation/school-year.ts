// The organisation's year is the school year by the year it starts (2026 = 2026/27), as roadmaps and
// lists name it; a date from September belongs to the year it is in, before September to the one before.

/** Today as an ISO date (UTC), the day every deadline and period of the module is compared with. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** The school year going on today. */
export const currentSchoolYear = () => schoolYearOf(todayIso());

export function schoolYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 9 ? year : year - 1;
}

/** First and last day of the school year that starts in `year`: 1 September — 31 August. */
export function schoolYearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}

/** «2026/27 уч. год». */
export const schoolYearLabel = (year: number) =>
  `${year}/${String((year + 1) % 100).padStart(2, '0')} уч. год`;
