import { z } from 'zod';
import {
  LIST_KINDS,
  LIST_STATUSES,
  METHODOLOGY_STATUSES,
  RUN_STATUSES,
} from '../../db/schema/identification.js';
import { methodologySchema } from './methodology.js';

// Response shapes of identification (docs/identification-api.md): the API declares them, the
// operations' types derive from them where the shapes are the same.
const int = z.number().int();
const userRef = z.object({ id: z.uuid(), fullName: z.string() });
const named = z.object({ id: z.uuid(), name: z.string() });

export const flagsView = z
  .object({
    shnor: z.boolean(),
    shnsu: z.boolean(),
    riskZone: z.boolean(),
    resilient: z.boolean(),
    stagnation: z.boolean(),
    repeat: z.boolean(),
    exit: z.boolean(),
    objectivity: z.boolean(),
  })
  .meta({ id: 'Flags' });
const flagCounts = z.object({
  shnor: int,
  shnsu: int,
  riskZone: int,
  resilient: int,
  stagnation: int,
  repeat: int,
  exit: int,
  objectivity: int,
});
export const lowProcedureView = z
  .object({ assessment: z.string(), subject: z.string(), grade: int, lowShare: z.number() })
  .meta({ id: 'LowProcedure' });

export const methodologyView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    version: int,
    name: z.string(),
    status: z.enum(METHODOLOGY_STATUSES),
    createdAt: z.string(),
    createdBy: userRef.nullable(),
    document: methodologySchema,
  })
  .meta({ id: 'Methodology' });

const runSummaryView = z.object({
  schools: int,
  counts: flagCounts,
  thresholds: z.object({
    schoolsWithIsbsh: int,
    shnsuRank: int,
    shnsuIsbsh: z.number().nullable(),
    schoolsWithResultIndex: int,
    resilientRank: int,
    resilientResultIndex: z.number().nullable(),
    zeroSpreadIndicators: z.array(z.string()),
  }),
});

export const runView = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    year: int,
    methodology: z.object({
      id: z.uuid(),
      code: z.string(),
      version: int,
      name: z.string(),
      status: z.enum(METHODOLOGY_STATUSES),
    }),
    status: z.enum(RUN_STATUSES),
    progress: z.number(),
    message: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    summary: runSummaryView.nullable(),
    stale: z.boolean(),
    staleness: z
      .object({
        years: z.array(int),
        lastImport: z.object({ fileName: z.string(), importedAt: z.string() }),
      })
      .nullable(),
  })
  .meta({ id: 'Run' });

export const startedRunView = z.object({ runId: z.uuid(), jobId: z.uuid() }).meta({ id: 'StartedRun' });

const resultFields = {
  isbsh: z.number().nullable(),
  cluster: int.nullable(),
  resultIndex: z.number().nullable(),
  lowProcedures: z.array(lowProcedureView),
  reasons: z.array(z.string()),
};

export const runResultView = z
  .object({
    school: z.object({
      id: z.uuid(),
      name: z.string(),
      code: z.string().nullable(),
      municipality: named,
      isRural: z.boolean(),
      isSmall: z.boolean(),
    }),
    flags: flagsView,
    ...resultFields,
  })
  .meta({ id: 'RunResult' });

const compareSchool = z.object({
  id: z.uuid(),
  name: z.string(),
  municipality: z.object({ id: z.string(), name: z.string() }),
});
const flagComparison = z.object({
  base: int,
  other: int,
  entered: z.array(compareSchool),
  left: z.array(compareSchool),
});
export const runComparisonView = z
  .object({
    base: runView,
    other: runView,
    flags: z.object({
      shnor: flagComparison,
      shnsu: flagComparison,
      riskZone: flagComparison,
      resilient: flagComparison,
      stagnation: flagComparison,
      repeat: flagComparison,
      exit: flagComparison,
      objectivity: flagComparison,
    }),
    byMunicipality: z.array(
      z.object({
        municipality: z.object({ id: z.string(), name: z.string() }),
        base: flagCounts,
        other: flagCounts,
      }),
    ),
  })
  .meta({ id: 'RunComparison' });

// ---- lists ----
export const listUnitRef = named;
export const listSchoolRef = named.extend({
  code: z.string().nullable(),
  municipality: named.nullable(),
  isRural: z.boolean().nullable(),
  isSmall: z.boolean().nullable(),
});
export const decisionView = z.object({
  decision: z.enum(['include', 'exclude']),
  reason: z.string(),
  decidedBy: userRef.nullable(),
  decidedAt: z.string(),
});
export const listEntryView = z
  .object({
    school: listSchoolRef,
    flags: flagsView,
    ...resultFields,
    computed: z.boolean(),
    decision: decisionView.nullable(),
    included: z.boolean(),
  })
  .meta({ id: 'ListEntry' });
export const listCountsView = z.object({ computed: int, included: int, excluded: int });
export const runRefView = z.object({
  id: z.uuid(),
  year: int,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  methodology: z.object({ id: z.uuid(), code: z.string(), version: int, name: z.string() }),
});
const listSummaryShape = {
  id: z.uuid(),
  year: int,
  /** Which list: ШНОР, ШНСУ, зона риска, резильентные (the run's flag that selects its schools). */
  kind: z.enum(LIST_KINDS),
  /** «Перечень школ в зоне риска снижения образовательных результатов на 2025 год». */
  title: z.string(),
  status: z.enum(LIST_STATUSES),
  /** The order that approved it and the list's appendix number in it (null for a draft). */
  orderId: z.uuid().nullable(),
  appendixNo: int.nullable(),
  /** How many lists the order approves (its appendices); 0 for a draft. */
  orderAppendices: int,
  /** The signed order's file, once attached (GET /api/files/{id}). */
  orderFile: named.nullable(),
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: userRef.nullable(),
  region: named,
  run: runRefView,
  counts: listCountsView,
  version: int,
  createdAt: z.string(),
  /** The actor may change it (a draft, and he is the region's operator). */
  canEdit: z.boolean(),
  /** False for a municipality or a school: counts and entries cover only their schools. */
  complete: z.boolean(),
};
export const listSummaryView = z.object(listSummaryShape).meta({ id: 'ListSummary' });
export const listDetailView = z
  .object({ ...listSummaryShape, entries: z.array(listEntryView) })
  .meta({ id: 'ListDetail' });

export const approvedOrderView = z
  .object({ id: z.uuid(), number: z.string(), date: z.string(), lists: z.array(listSummaryView) })
  .meta({ id: 'ApprovedOrder' });

const schoolBrief = z.object({ id: z.uuid(), name: z.string(), municipality: named.nullable() });
const order = z.object({ number: z.string().nullable(), date: z.string().nullable() });
export const listComparisonView = z
  .object({
    previousListId: z.uuid().nullable(),
    previousYear: int,
    previousOrder: order.nullable(),
    new: z.array(schoolBrief),
    left: z.array(schoolBrief),
    stayed: z.array(schoolBrief),
  })
  .meta({ id: 'ListComparison' });

export const municipalityConcentrationView = z
  .object({ municipality: named.nullable(), schools: int, shnor: int, share: z.number() })
  .meta({ id: 'MunicipalityConcentration' });

const indicatorValues = {
  r: z.number().nullable(),
  isbsh: z.number().nullable(),
  lowShareAvg: z.number().nullable(),
};
export const schoolCardView = z
  .object({
    school: listSchoolRef,
    years: z.array(
      z.object({
        year: int,
        source: z.enum(['approved', 'run']),
        listId: z.uuid().nullable(),
        runId: z.uuid(),
        order: order.nullable(),
        flags: flagsView,
        included: z.boolean().nullable(),
        decision: z.object({ decision: z.enum(['include', 'exclude']), reason: z.string() }).nullable(),
        ...resultFields,
      }),
    ),
    indicators: z
      .object({
        year: int,
        runId: z.uuid(),
        school: z.object({ ...indicatorValues, cluster: int.nullable() }),
        cluster: z.object({ ...indicatorValues, cluster: int, schools: int }).nullable(),
        region: z.object({ ...indicatorValues, schools: int }),
      })
      .nullable(),
    /** Staff counts of the school card (issue 12 §4: the base of the teachers' coverage); null — not given. */
    staff: z.object({ pupils: int.nullable(), teachers: int.nullable() }),
  })
  .meta({ id: 'SchoolCard' });
