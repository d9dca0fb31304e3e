import type { SchoolDocumentKind } from '../../../db/schema/values.js';
import type { DocumentContent } from '../content.js';
import { expand, type TemplateSpec } from './build.js';
import { CONCEPT_TEMPLATE, MIDTERM_TEMPLATE } from './concept.js';
import { FACTOR_TEMPLATES_A } from './factors-a.js';
import { FACTOR_TEMPLATES_B } from './factors-b.js';

/** The system's template of a kind (and factor): what a region starts from. Null for an unknown factor. */
export function systemTemplate(kind: SchoolDocumentKind, factorCode: string | null): DocumentContent | null {
  let spec: TemplateSpec | undefined;
  if (kind === 'concept') spec = CONCEPT_TEMPLATE;
  else if (kind === 'midterm_program') spec = MIDTERM_TEMPLATE;
  else if (factorCode) spec = FACTOR_TEMPLATES_A[factorCode] ?? FACTOR_TEMPLATES_B[factorCode];
  return spec ? expand(spec) : null;
}

export const TEMPLATE_FACTOR_CODES = [...Object.keys(FACTOR_TEMPLATES_A), ...Object.keys(FACTOR_TEMPLATES_B)];
