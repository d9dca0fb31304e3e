import type { Db } from '../../db/client.js';
import { REPORT_TEMPLATES, type ReportTemplate } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import type { ScopeUnit } from './report-data.js';
import type { ReportContent } from './report-model.js';
import { effectTemplate, positiveChangeTemplate } from './template-analysis.js';
import { dynamicsTemplate } from './template-dynamics.js';
import { identificationTemplate } from './template-identification.js';
import { roadmapTemplate } from './template-roadmaps.js';

// The templates of an analytic report: each builds the blocks from the data of its scope and year.

export type TemplateContext = {
  actor: Actor;
  scope: ScopeUnit;
  year: number;
  progress: (fraction: number, message: string) => Promise<void>;
};
export type TemplateBuilder = (db: Db, ctx: TemplateContext) => Promise<ReportContent>;

export const REPORT_TEMPLATE_BUILDERS: Record<ReportTemplate, TemplateBuilder> = {
  identification: identificationTemplate,
  shnor_dynamics: dynamicsTemplate,
  roadmap_execution: roadmapTemplate,
  positive_change: positiveChangeTemplate,
  support_effect: effectTemplate,
};

/** The templates, in the order of the issue. */
export const availableTemplates = (): ReportTemplate[] => [...REPORT_TEMPLATES];
