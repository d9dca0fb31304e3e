import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { accessOf, type ReviewRow, readsPath } from './review-access.js';
import { schoolsInfo } from './units.js';
import type { reviewSummaryView } from './views.js';

// Reviews as one actor sees them. Below the region a unit whose subtree the viewer does not read is hidden
// (blind mutual expertise): the reviewing school sees the document without its school, the examined side
// sees «школа-эксперт» without its name; a reviewer person is named to the region level, to the reviewer,
// and to the organizer who named him.

export type ReviewSummary = z.infer<typeof reviewSummaryView>;

export async function summariesOf(
  db: Db,
  actor: Actor,
  rows: { r: ReviewRow; path: string }[],
): Promise<ReviewSummary[]> {
  if (rows.length === 0) return [];
  const docIds = rows.flatMap(({ r }) => (r.schoolDocumentId ? [r.schoolDocumentId] : []));
  const mapIds = rows.flatMap(({ r }) => (r.roadmapId ? [r.roadmapId] : []));
  const docs = docIds.length
    ? await db
        .select({
          id: schoolDocuments.id,
          title: schoolDocuments.title,
          kind: schoolDocuments.kind,
          factorCode: schoolDocuments.factorCode,
          year: schoolDocuments.year,
          status: schoolDocuments.status,
        })
        .from(schoolDocuments)
        .where(inArray(schoolDocuments.id, docIds))
    : [];
  const maps = mapIds.length
    ? await db
        .select({
          id: roadmaps.id,
          title: roadmaps.title,
          year: roadmaps.periodYear,
          status: roadmaps.status,
        })
        .from(roadmaps)
        .where(inArray(roadmaps.id, mapIds))
    : [];
  const schoolIds = rows.flatMap(({ r }) => [
    r.targetUnitId,
    ...(r.reviewerSchoolId ? [r.reviewerSchoolId] : []),
  ]);
  const units = await schoolsInfo(db, schoolIds);
  const paths = new Map(
    (
      await db
        .select({ id: orgUnits.id, path: orgUnits.path })
        .from(orgUnits)
        .where(inArray(orgUnits.id, [...new Set(schoolIds)]))
    ).map((u) => [u.id, u.path]),
  );
  const userIds = [...new Set(rows.flatMap(({ r }) => (r.reviewerUserId ? [r.reviewerUserId] : [])))];
  const names = new Map(
    userIds.length
      ? (
          await db
            .select({ id: users.id, fullName: users.fullName })
            .from(users)
            .where(inArray(users.id, userIds))
        ).map((u) => [u.id, u.fullName])
      : [],
  );
  return rows.map(({ r, path }) => {
    const a = accessOf(actor, r, path);
    const doc = docs.find((d) => d.id === r.schoolDocumentId);
    const map = maps.find((m) => m.id === r.roadmapId);
    const u = units.get(r.targetUnitId);
    const showTarget = a.regionLevel || readsPath(actor, path);
    const isMunicipalTarget = !r.schoolDocumentId;
    let reviewer: ReviewSummary['reviewer'];
    if (r.mode === 'mutual') {
      const ru = r.reviewerSchoolId ? units.get(r.reviewerSchoolId) : undefined;
      const rp = r.reviewerSchoolId ? paths.get(r.reviewerSchoolId) : undefined;
      const show = a.regionLevel || a.isReviewer || (rp !== undefined && readsPath(actor, rp));
      reviewer = {
        kind: 'school',
        id: show ? r.reviewerSchoolId : null,
        name: show ? (ru?.name ?? null) : null,
      };
    } else {
      const show = a.regionLevel || a.isReviewer || a.canOrganize;
      reviewer = {
        kind: 'user',
        id: show ? r.reviewerUserId : null,
        name: show ? (names.get(r.reviewerUserId ?? '') ?? null) : null,
      };
    }
    return {
      id: r.id,
      mode: r.mode,
      status: r.status,
      target: {
        type: isMunicipalTarget ? 'roadmap' : 'school_document',
        id: (r.schoolDocumentId ?? r.roadmapId) as string,
        title: doc?.title ?? map?.title ?? '',
        kind: doc?.kind ?? 'municipal_roadmap',
        factorCode: doc?.factorCode ?? null,
        year: doc?.year ?? map?.year ?? null,
        status: doc?.status ?? map?.status ?? '',
        unit: showTarget && u ? { id: u.id, name: u.name } : null,
        municipality:
          showTarget && u?.municipalityId ? { id: u.municipalityId, name: u.municipalityName ?? '' } : null,
      },
      reviewer,
      total: r.total,
      maxTotal: r.maxTotal,
      conclusion: r.conclusion,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
      isMine: a.isReviewer,
    };
  });
}

/** A document's content as label/text lines, whatever its structure: what the reviewer reads. */
export function outlineOf(content: unknown, label = ''): { label: string; text: string }[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content.trim() ? [{ label, text: content.trim() }] : [];
  if (typeof content === 'number' || typeof content === 'boolean') return [{ label, text: String(content) }];
  if (Array.isArray(content))
    return content.flatMap((v, i) => outlineOf(v, `${label}${label ? ' ' : ''}${i + 1}`));
  if (typeof content === 'object')
    return Object.entries(content as Record<string, unknown>).flatMap(([k, v]) =>
      k === 'demo' ? [] : outlineOf(v, `${label}${label ? ' › ' : ''}${FIELD_LABELS[k] ?? k}`),
    );
  return [];
}

/** Russian names of the usual fields of a program (the programs module's content keys, where known). */
const FIELD_LABELS: Record<string, string> = {
  goal: 'Цель',
  tasks: 'Задачи',
  indicators: 'Показатели',
  measures: 'Мероприятия',
  name: 'Наименование',
  base: 'Базовое значение',
  target: 'Целевое значение',
  date: 'Срок',
  deadline: 'Срок',
  method: 'Способ измерения',
  task: 'Задача',
  measure: 'Мероприятие',
  responsible: 'Ответственный',
  participants: 'Участники',
  result: 'Ожидаемый результат',
  partners: 'Партнёры',
  summary: 'Обоснование',
};

/**
 * The text a reviewer reads. A blind reviewer (another school in mutual expertise) reads it only while
 * the document is on expertise — after a return to rework the school's new draft is its own — and
 * without what names the school: the basis section (its list flags, order, profile), the responsible
 * people and the partners.
 */
export async function documentContent(db: Db, id: string, blind: boolean): Promise<unknown> {
  const [d] = await db
    .select({ content: schoolDocuments.content, status: schoolDocuments.status })
    .from(schoolDocuments)
    .where(eq(schoolDocuments.id, id));
  if (!d) return null;
  if (!blind) return d.content;
  if (d.status !== 'expertise' || typeof d.content !== 'object' || d.content === null) return null;
  const c = d.content as Record<string, unknown>;
  const sections = Array.isArray(c.sections)
    ? c.sections.filter((s) => (s as { key?: unknown })?.key !== 'basis')
    : c.sections;
  return { ...c, responsible: [], partners: [], sections };
}
