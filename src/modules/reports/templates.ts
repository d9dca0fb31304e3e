import type { Db } from '../../db/client.js';
import type { ReportTemplate } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import type { ScopeUnit } from './report-data.js';
import type { ReportContent } from './report-model.js';
import { dynamicsTemplate } from './template-dynamics.js';
import { identificationTemplate } from './template-identification.js';
import { roadmapTemplate } from './template-roadmaps.js';

// The templates of an analytic report: each builds the blocks from the data of its scope and year. The
// analysis area's «Позитивные изменения» and «Эффект поддержки» join here as one line each
// (`positiveChangeBlocks`/`effectBlocks(db, { actor, unitId, year })`), wrapped by `fromBlocks`.

export type TemplateContext = {
  actor: Actor;
  scope: ScopeUnit;
  year: number;
  progress: (fraction: number, message: string) => Promise<void>;
};
export type TemplateBuilder = (db: Db, ctx: TemplateContext) => Promise<ReportContent>;

export const REPORT_TEMPLATE_BUILDERS: Partial<Record<ReportTemplate, TemplateBuilder>> = {
  identification: identificationTemplate,
  shnor_dynamics: dynamicsTemplate,
  roadmap_execution: roadmapTemplate,
};

/** The templates offered now, in the order of the issue. */
export const availableTemplates = (): ReportTemplate[] =>
  (Object.keys(REPORT_TEMPLATE_BUILDERS) as ReportTemplate[]).filter((t) => REPORT_TEMPLATE_BUILDERS[t]);
