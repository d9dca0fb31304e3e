import { AppError, type ErrorCode } from '../../lib/errors.js';
import { readUploadedPackageInThread } from '../assessment-data/read-upload.js';
import { readAssessmentTableInThread } from '../assessment-data/tables/index.js';
import type { TableMapping } from '../assessment-data/tables/mapping.js';
import { parseRoadmapDocumentInThread } from '../documents/import/parse-roadmap-document.js';
import { parseTableInThread } from '../orgs/parse-table.js';

// What a parsing worker does (parse-worker.mjs loads this). Errors cross the thread boundary as data:
// an AppError keeps its code, message and row details; anything else is a failure of the server.

export type ParseTask =
  | { kind: 'roadmap'; fileName: string; data: Uint8Array }
  | { kind: 'table'; fileName: string; data: Uint8Array; maxRows?: number }
  | { kind: 'package'; data: Uint8Array }
  | { kind: 'assessment-table'; fileName: string; data: Uint8Array; mapping: TableMapping | null };

export type ParseOutcome =
  | { ok: true; value: unknown }
  | { ok: false; code: ErrorCode | null; message: string; details?: AppError['details'] };

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

async function run(task: ParseTask): Promise<unknown> {
  switch (task.kind) {
    case 'roadmap':
      return parseRoadmapDocumentInThread(task.fileName, asBuffer(task.data));
    case 'table':
      return parseTableInThread(task.fileName, task.data, { maxRows: task.maxRows });
    case 'package':
      return readUploadedPackageInThread(task.data);
    case 'assessment-table':
      return readAssessmentTableInThread(task.fileName, task.data, task.mapping);
  }
}

export async function runParseTask(task: ParseTask): Promise<ParseOutcome> {
  try {
    return { ok: true, value: await run(task) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, message: e.message, details: e.details };
    return { ok: false, code: null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
