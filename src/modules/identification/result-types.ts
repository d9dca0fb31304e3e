import type { Procedure } from '../assessment-data/types.js';
import type { MethodologyRef } from './methodology.js';

// What identification gives for a year and each school (the CLI's --json is a subset of it).

export type Flags = {
  shnor: boolean;
  shnsu: boolean;
  riskZone: boolean;
  resilient: boolean;
  stagnation: boolean;
  repeat: boolean;
  exit: boolean;
  objectivity: boolean;
};
export const FLAG_KEYS: (keyof Flags)[] = [
  'shnor',
  'shnsu',
  'riskZone',
  'resilient',
  'stagnation',
  'repeat',
  'exit',
  'objectivity',
];

export type LowProcedure = Procedure & { lowShare: number };

export type ShnorSource = 'approved' | 'computed';

export type SchoolResult = {
  schoolId: string;
  isbsh: number | null;
  cluster: number | null;
  resultIndex: number | null;
  flags: Flags;
  /** Counted procedures of the year with lowShare ≥ lowShareThreshold, by assessment, grade, subject. */
  lowProcedures: LowProcedure[];
  /** Plain Russian sentences with the numbers, one per flag set. */
  reasons: string[];
  details: {
    countedProcedures: number;
    /** Counted procedures with lowShare ≥ riskShareThreshold. */
    riskProcedures: number;
    /** Low procedures of the year that were low in the year before too. */
    repeatedLowProcedures: number;
    indicatorsAvailable: number;
    /** Rank by ИСБШ ascending (ties by school_id); null without ИСБШ. */
    isbshRank: number | null;
    /** Which rule made the school ШНОР in the year. */
    shnorBy: { lowResults: boolean; clusterRelative: boolean };
    /** ШНОР in the past years the rules look at, newest first, with where it came from. */
    history: { year: number; shnor: boolean; source: ShnorSource }[];
  };
};

export type YearIdentification = {
  year: number;
  methodology: MethodologyRef;
  thresholds: {
    /** Schools with an ИСБШ, the ШНСУ rank ceil(shnsuPercentile · n) and the ИСБШ there. */
    schoolsWithIsbsh: number;
    shnsuRank: number;
    shnsuIsbsh: number | null;
    /** Schools with an R, the rank ceil(resilientPercentile · m) by R descending and the R there. */
    schoolsWithResultIndex: number;
    resilientRank: number;
    resilientResultIndex: number | null;
    /** Indicators skipped in the year because all schools have the same value. */
    zeroSpreadIndicators: string[];
  };
  schools: SchoolResult[];
};

export type IdentifyOptions = {
  /** Approved ШНОР lists of past years: year → school ids. Used instead of computing that year. */
  approvedShnor?: Map<number, Set<string>>;
};
