import { describe, expect, it } from 'vitest';
import { bodySchedule } from './body-schedule.js';

describe('bodySchedule', () => {
  it('a monthly body from 15 September: September met, October missed, December still open', () => {
    const s = bodySchedule({
      periodicity: 'monthly',
      activeFrom: '2026-09-15',
      today: '2026-12-06',
      meetingDates: ['2026-09-20', '2026-11-02', '2026-11-30'],
    });
    expect(s.map((p) => [p.from, p.to, p.meetings, p.missed])).toEqual([
      ['2026-09-01', '2026-09-30', 1, false],
      ['2026-10-01', '2026-10-31', 0, true],
      ['2026-11-01', '2026-11-30', 2, false],
      ['2026-12-01', '2026-12-31', 0, false],
    ]);
  });

  it('quarters follow the calendar; a body ended in the past stops expecting meetings', () => {
    const s = bodySchedule({
      periodicity: 'quarterly',
      activeFrom: '2026-02-10',
      activeTo: '2026-08-31',
      today: '2026-12-06',
      meetingDates: ['2026-03-01'],
    });
    expect(s.map((p) => [p.from, p.missed])).toEqual([
      ['2026-01-01', false],
      ['2026-04-01', true],
      ['2026-07-01', true],
    ]);
  });

  it('weeks start on Monday; nothing is expected before the body exists', () => {
    const s = bodySchedule({
      periodicity: 'weekly',
      activeFrom: '2026-12-02',
      today: '2026-12-09',
      meetingDates: [],
    });
    expect(s.map((p) => [p.from, p.to, p.missed])).toEqual([
      ['2026-11-30', '2026-12-06', true],
      ['2026-12-07', '2026-12-13', false],
    ]);
    expect(
      bodySchedule({
        periodicity: 'yearly',
        activeFrom: '2027-01-01',
        today: '2026-12-06',
        meetingDates: [],
      }),
    ).toEqual([]);
  });
});
