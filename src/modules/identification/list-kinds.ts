import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { identificationResults, LIST_KINDS, type ListKind } from '../../db/schema/identification.js';

// The lists a region approves on their own (issue 10): each is selected by one flag of the run.
// Stagnation and repeats are views (filters) of the ШНОР list; признаки необъективности are a flag
// shown with every list, not a list.

export { LIST_KINDS, type ListKind };

export const LIST_KIND_FLAG = {
  shnor: 'shnor',
  shnsu: 'shnsu',
  riskZone: 'riskZone',
  resilient: 'resilient',
} as const satisfies Record<ListKind, keyof typeof identificationResults.$inferSelect>;

/** The run's column that selects the schools of a list of this kind. */
export function kindColumn(kind: ListKind): AnyPgColumn {
  return identificationResults[LIST_KIND_FLAG[kind]];
}

/** «список ШНОР» in running text. */
export const LIST_KIND_SHORT: Record<ListKind, string> = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  riskZone: 'зона риска',
  resilient: 'резильентные',
};

/** What the list is of, after «Перечень» / «Список»: the wording of regional orders. */
export const LIST_KIND_OF: Record<ListKind, string> = {
  shnor: 'школ с низкими образовательными результатами',
  shnsu: 'школ, функционирующих в неблагоприятных социальных условиях,',
  riskZone: 'школ в зоне риска снижения образовательных результатов',
  resilient: 'резильентных школ',
};

/** «Перечень школ в зоне риска снижения образовательных результатов на 2025 год». */
export const listKindTitle = (kind: ListKind, year: number) =>
  `Перечень ${LIST_KIND_OF[kind]} на ${year} год`;

/** Words of the run's reasons (reasons.ts) that explain a school's place in a list of this kind. */
export const LIST_KIND_REASON_PREFIXES: Record<ListKind, string[]> = {
  shnor: ['ШНОР', 'Стагнация', 'Повторное попадание'],
  shnsu: ['ШНСУ'],
  riskZone: ['Зона риска'],
  resilient: ['Резильентная'],
};

/** File name stem: «Перечень ШНОР 2025», «Перечень зона риска 2025». */
export const listKindFileStem = (kind: ListKind, year: number) =>
  `Перечень ${kind === 'shnor' || kind === 'shnsu' ? LIST_KIND_SHORT[kind] : `(${LIST_KIND_SHORT[kind]})`} ${year}`;
