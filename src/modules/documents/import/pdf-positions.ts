import type { Line, PageTable } from './pdf-text.js';

export function positionalTables(_lines: Line[]): PageTable[] {
  return [];
}
