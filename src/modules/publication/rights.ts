import type { PublicationKind } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import { canManageUnit, type OwnerUnit } from '../access/roadmap-rules.js';
import { canWriteLists } from '../identification/lists-access.js';
import { schoolRights } from '../programs/document-access.js';
import { canAuthorReport } from '../reports/report-access.js';

// Who publishes and withdraws what, by kind — each the rule of the object's own module, so that the one
// who approves or keeps an object is the one who shows it to the public (and takes it back):
// a roadmap — whoever keeps it; a school document — the region's operator or the school's municipality;
// an analytic report — its author side; an identification list — the region's operator.

export type PublicationUnit = OwnerUnit & { name: string };

export function canPublishFor(actor: Actor, kind: PublicationKind, unit: PublicationUnit): boolean {
  switch (kind) {
    case 'roadmap':
      return canManageUnit(actor, unit);
    case 'school_document':
      return unit.kind === 'school' && schoolRights(actor, unit).canGovern;
    case 'analytic_report':
      return canAuthorReport(actor, unit);
    case 'identification_list':
      return unit.kind === 'region' && canWriteLists(actor, unit.id);
  }
}

export const WITHDRAW_REFUSAL: Record<PublicationKind, string> = {
  roadmap: 'Снять дорожную карту с публикации может только тот, кто её ведёт',
  school_document: 'Снять документ с публикации может региональный оператор или муниципалитет школы',
  analytic_report: 'Снять справку с публикации может только её автор: регион или муниципалитет',
  identification_list: 'Снять список с публикации может региональный оператор региона',
};
