// What POST /api/roadmap-imports/parse answers, from the types generated out of the OpenAPI document.
import type { components } from '../shared/api-schema.js';

export type ImportResult = components['schemas']['RoadmapParseResult'];
export type ImportedRoadmap = components['schemas']['ImportedRoadmap'];
export type ImportedItem = ImportedRoadmap['sections'][number]['items'][number];
export type ImportedSubItem = ImportedItem['subItems'][number];
export type ImportedDeadline = ImportedSubItem['deadline'];
export type ImportLevel = NonNullable<ImportedSubItem['level']>;
export type ImportRoadmapKind = ImportedRoadmap['meta']['kind'];
export type ImportPeriodKind = NonNullable<ImportedRoadmap['meta']['periodKind']>;
export type ImportWarning = ImportResult['warnings'][number];
