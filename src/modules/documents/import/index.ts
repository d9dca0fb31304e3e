export { parseRoadmapDocument } from './parse-roadmap-document.js';
export type {
  ImportedApproval,
  ImportedDeadline,
  ImportedItem,
  ImportedRoadmap,
  ImportedRoadmapMeta,
  ImportedSection,
  ImportedSubItem,
  ImportLevel,
  ImportRecurrence,
  ImportResult,
  ImportRoadmapKind,
  ImportWarning,
} from './types.js';
