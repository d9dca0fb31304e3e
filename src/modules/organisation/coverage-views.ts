import { z } from 'zod';
import { ORG_KINDS } from '../../db/schema/values.js';

// Response shapes of the coverage summary and of «Пробелы» (issue 12 §4), declared once: the API
// documents them (with an example), the operations' types derive from them.

const int = z.number().int();
const share = z.number().nullable().describe('Доля в процентах (один знак); null — не от чего считать');

const listRef = z
  .object({ id: z.uuid(), year: int, orderNumber: z.string().nullable(), orderDate: z.string().nullable() })
  .nullable();

const shnorView = z.object({
  total: int.describe('ШНОР списка в силе внутри организации'),
  withCurator: int,
  withMentor: int,
  withAgreement: int,
  withRoadmap: int,
  withProgram: int,
  withVerifiedProfile: int,
  shares: z.object({
    withCurator: share,
    withMentor: share,
    withAgreement: share,
    withRoadmap: share,
    withProgram: share,
    withVerifiedProfile: share,
  }),
});

const eventView = z.object({
  schools: int.describe('Школ группы'),
  schoolsAttended: int.describe(
    'Из них с участником, отмеченным присутствовавшим на проведённом мероприятии',
  ),
  schoolsShare: share,
  teachers: int.describe('Педагогов по штату школ группы, у которых штат указан'),
  schoolsWithoutStaff: int.describe('Школ группы без указанного числа педагогов (не считаются нулём)'),
  teachersAttended: int.describe('Разных педагогов школ группы, присутствовавших на мероприятиях'),
  teachersAttendedStaffed: int.describe('Из них — из школ с указанным штатом (числитель доли педагогов)'),
  teachersShare: share,
  participants: int.describe('Разных участников из школ группы'),
});

export const unitCoverageView = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS) }),
  shnor: shnorView,
  events: z.object({ all: eventView, shnor: eventView, risk_zone: eventView }),
  meetingsHeld: int.describe('Заседаний органов самой организации за период'),
});

const EXAMPLE_EVENTS = {
  schools: 30,
  schoolsAttended: 18,
  schoolsShare: 60,
  teachers: 620,
  schoolsWithoutStaff: 2,
  teachersAttended: 140,
  teachersAttendedStaffed: 132,
  teachersShare: 21.3,
  participants: 171,
};
const EXAMPLE_UNIT = {
  unit: { id: '0b5c3c1e-3c0a-4a52-9d6e-1f0b0c0d0e01', name: 'Северный МР (демо)', kind: 'municipality' },
  shnor: {
    total: 4,
    withCurator: 3,
    withMentor: 2,
    withAgreement: 1,
    withRoadmap: 2,
    withProgram: 1,
    withVerifiedProfile: 1,
    shares: {
      withCurator: 75,
      withMentor: 50,
      withAgreement: 25,
      withRoadmap: 50,
      withProgram: 25,
      withVerifiedProfile: 25,
    },
  },
  events: {
    all: EXAMPLE_EVENTS,
    shnor: { ...EXAMPLE_EVENTS, schools: 4, schoolsAttended: 3, schoolsShare: 75 },
    risk_zone: EXAMPLE_EVENTS,
  },
  meetingsHeld: 7,
};

export const coverageView = z
  .object({
    year: int.describe('Учебный год по году начала'),
    period: z.object({ from: z.string(), to: z.string() }),
    shnorList: listRef.describe('Список ШНОР, действующий в этом году (его год, приказ)'),
    shnorListText: z.string(),
    riskZoneList: listRef,
    unit: unitCoverageView,
    children: z.array(unitCoverageView).describe('Организации на уровень ниже, видимые пользователю'),
  })
  .meta({
    id: 'Coverage',
    example: {
      year: 2026,
      period: { from: '2026-09-01', to: '2027-08-31' },
      shnorList: {
        id: '7d1c2b4a-5e6f-4a1b-8c9d-0e1f2a3b4c5d',
        year: 2026,
        orderNumber: '312-п',
        orderDate: '2026-09-12',
      },
      shnorListText: 'ШНОР по списку 2026 г. (приказ № 312-п от 12.09.2026)',
      riskZoneList: null,
      unit: {
        ...EXAMPLE_UNIT,
        unit: { ...EXAMPLE_UNIT.unit, name: 'Демонстрационная область', kind: 'region' },
      },
      children: [EXAMPLE_UNIT],
    },
  });

export type CoverageView = z.infer<typeof coverageView>;
export type UnitCoverageView = z.infer<typeof unitCoverageView>;
