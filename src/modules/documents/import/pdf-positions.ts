import type { Line, PageTable } from './reader-pdf.js';

export function positionalTables(_lines: Line[]): PageTable[] {
  return [];
}
