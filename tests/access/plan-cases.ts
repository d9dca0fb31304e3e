import { type Case, caseKit } from './case-kit.js';
import { INDICATOR_SAMPLE_CODE_PARAM } from './indicators.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import {
  APPROVED_READERS,
  CONFIRMERS,
  DOCUMENT_RIGHTS,
  EXPERTISE_READERS,
  KEEPERS,
  type Login,
  PARTICIPANTS,
  REGION_LEVEL,
  UNIT_READERS,
  UNITS,
} from './scope.js';

// The matrix's cases for roadmaps, units, identification lists and runs, instruments, school documents,
// expertise and samples: who sees and may act on each of the demo's objects.

export function planCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const { all, byUnit, draft, item } = caseKit(s, user);
  switch (rule) {
    case 'roadmap.read':
      return [
        ...byUnit(
          (x) => ({ id: x.roadmapId }),
          (u) => APPROVED_READERS[u],
          (u) => APPROVED_READERS[u],
        ),
        draft({ id: s.schoolDraft.roadmapId }, UNIT_READERS.school),
      ];
    case 'roadmap.keep':
      return [
        ...byUnit(
          (x) => ({ id: x.roadmapId }),
          (u) => APPROVED_READERS[u],
          (u) => KEEPERS[u],
        ),
        draft({ id: s.schoolDraft.roadmapId }, ['school']),
      ];
    case 'item.read':
      return [
        ...byUnit(
          item,
          (u) => APPROVED_READERS[u],
          (u) => APPROVED_READERS[u],
        ),
        draft({ id: s.schoolDraft.itemId }, UNIT_READERS.school),
      ];
    case 'item.keep':
      return [
        ...byUnit(
          item,
          (u) => APPROVED_READERS[u],
          (u) => KEEPERS[u],
        ),
        draft({ id: s.schoolDraft.itemId }, ['school']),
      ];
    case 'item.confirm':
      return byUnit(
        item,
        (u) => APPROVED_READERS[u],
        (u) => CONFIRMERS[u],
      );
    case 'item.discuss':
      return byUnit(
        item,
        (u) => APPROVED_READERS[u],
        (u) => [...KEEPERS[u], ...CONFIRMERS[u]],
      );
    case 'section.keep':
      return [
        ...byUnit(
          (x) => ({ id: x.sectionId }),
          (u) => APPROVED_READERS[u],
          (u) => KEEPERS[u],
        ),
        draft({ id: s.schoolDraft.sectionId }, ['school']),
      ];
    case 'task.keep':
      return byUnit(
        (x) => (x.taskId ? { id: x.taskId } : null),
        (u) => UNIT_READERS[u],
        (u) => KEEPERS[u],
      );
    case 'file.read':
      return byUnit(
        (x) => (x.fileId ? { id: x.fileId } : null),
        (u) => APPROVED_READERS[u],
        (u) => APPROVED_READERS[u],
      );
    case 'unit.read':
    case 'school.read': {
      const kinds = rule === 'school.read' ? ['school', 'school2'] : UNITS;
      return byUnit(
        (x) => ({ id: x.unitId, schoolId: x.unitId, ...INDICATOR_SAMPLE_CODE_PARAM }),
        (u) => UNIT_READERS[u],
        (u) => UNIT_READERS[u],
      ).filter((c) => kinds.includes(c.label as never));
    }
    // «Похожие школы» (issue 15 §2): those who govern the school, not every reader of it.
    case 'practice.similar':
      return byUnit(
        (x) => ({ id: x.unitId }),
        (u) => UNIT_READERS[u],
        (u) => UNIT_READERS[u].filter((l) => l !== 'teacher' && l !== 'expert'),
      ).filter((c) => ['school', 'school2'].includes(c.label));
    case 'unit.admin':
      return byUnit(
        (x) => ({ id: x.unitId }),
        (u) => UNIT_READERS[u],
        () => ['admin'],
      );
    case 'unit.keep':
      return byUnit(
        () => ({}),
        (u) => UNIT_READERS[u],
        (u) => KEEPERS[u],
      );
    case 'list.read':
    case 'list.keep': {
      const may = (sees: readonly Login[]) => (rule === 'list.read' ? sees : ['region' as const]);
      const list = (label: string, l: Samples['approvedList'], sees: readonly Login[]): Case => ({
        label,
        params: { id: l.id, schoolId: l.schoolId },
        target: { list: l, all, user },
        sees,
        may: may(sees),
      });
      return [
        list('approvedList', s.approvedList, PARTICIPANTS),
        list('draftList', s.draftList, REGION_LEVEL),
      ];
    }
    case 'order.keep':
      // The order of the demo's approved ШНОР list: every participant sees that list, hence its order.
      return [
        {
          label: 'order',
          params: { id: s.approvedList.orderId },
          target: { all, user },
          sees: PARTICIPANTS,
          may: ['region'],
        },
      ];
    case 'run.read':
    case 'run.keep':
      return [
        {
          label: 'run',
          params: { id: s.runId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: rule === 'run.read' ? REGION_LEVEL : ['region'],
        },
      ];
    case 'methodology.keep':
      return [
        {
          label: 'methodology',
          params: { id: s.methodologyId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: ['region'],
        },
      ];
    case 'instrument.read':
    case 'instrument.keep':
      // The demo's questionnaires: the region's roles and the municipal coordinators read them.
      return [
        {
          label: 'instrument',
          params: { id: s.instrumentId },
          target: { all, user },
          sees: [...REGION_LEVEL, 'municipality'],
          may: rule === 'instrument.read' ? [...REGION_LEVEL, 'municipality'] : ['region', 'admin'],
        },
      ];
    case 'document.file':
      // Only an approved document has an order file: school2's in the demo.
      return [
        {
          label: 'school2Document',
          params: { id: s.documents.school2.id },
          target: { document: s.documents.school2, all, user },
          sees: UNIT_READERS.school2,
          may: UNIT_READERS.school2,
        },
      ];
    case 'document.read':
    case 'document.keep':
    case 'document.curate':
    case 'document.govern':
    case 'document.discuss': {
      const right = rule.split('.')[1] as 'read' | 'keep' | 'curate' | 'govern' | 'discuss';
      return (['school', 'school2'] as const).map((u) => ({
        label: `${u}Document`,
        params: { id: s.documents[u].id },
        target: { document: s.documents[u], all, user },
        sees: UNIT_READERS[u],
        may: right === 'read' ? UNIT_READERS[u] : DOCUMENT_RIGHTS[u][right],
      }));
    }
    // Expertise (issue 11 §6): the demo's reviews, the school's program on expertise, the municipal roadmap.
    case 'expertise.run':
      return byUnit(
        (x) => ({ unit: x.unitId }),
        (u) => UNIT_READERS[u],
        (u) => (u === 'ownMunicipality' ? ['region', 'municipality'] : ['region']),
      ).filter((c) => ['region', 'ownMunicipality', 'otherMunicipality'].includes(c.label));
    case 'expertise.assign':
      return [
        {
          label: 'schoolDocument',
          params: {},
          target: { all, user, expertise: { documentId: s.expertise.documentId } },
          sees: UNIT_READERS.school,
          may: ['region', 'municipality'],
        },
        {
          label: 'municipalRoadmap',
          params: {},
          target: { all, user, expertise: { roadmapId: s.expertise.roadmapId } },
          sees: UNIT_READERS.ownMunicipality,
          may: ['region'],
        },
      ];
    case 'review.read':
    case 'review.write':
    case 'review.organize': {
      const ex = s.expertise;
      const reviews = [
        {
          label: 'mutualReview',
          id: ex.mutualReviewId,
          writer: ['school2'],
          organizers: ['region', 'municipality'],
        },
        {
          label: 'expertSubmitted',
          id: ex.expertSubmittedId,
          writer: ['expert'],
          organizers: ['region', 'municipality'],
        },
        {
          label: 'expertDraft',
          id: ex.expertDraftId,
          writer: ['expert'],
          organizers: ['region', 'municipality'],
        },
        { label: 'roadmapReview', id: ex.roadmapReviewId, writer: ['expert'], organizers: ['region'] },
      ] as const;
      return reviews.map((r) => {
        const sees = EXPERTISE_READERS[r.label];
        return {
          label: r.label,
          params: { id: r.id },
          target: { all, user, expertise: { mutual: r.label === 'mutualReview' } },
          sees,
          may: rule === 'review.read' ? sees : rule === 'review.write' ? r.writer : r.organizers,
        };
      });
    }
    case 'sample.read':
      return [
        {
          label: 'regionSample',
          params: { id: s.expertise.sampleId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: REGION_LEVEL,
        },
      ];
    default:
      return null;
  }
}
