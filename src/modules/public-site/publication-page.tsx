/** @jsxImportSource hono/jsx */
import type { Db } from '../../db/client.js';
import { documentSnapshot, listSnapshot, roadmapSnapshot } from '../publication/snapshot.js';
import { DocumentBody, ListBody, RoadmapBody } from './content.js';
import { Page, renderPage } from './layout.js';
import { crumbsOf, messagePage, notFoundPage, publicationHref, type Rendered } from './pages.js';
import { liveStatuses, type PublicationRow, unitById, versionsOf } from './queries.js';
import { ruDate } from './strings.js';
import { keepView, type ViewMode } from './view-mode.js';

// A publication by its stable link: `/public/p/<objectId>` is the current version whatever its number;
// `/v/<n>` an earlier one, marked as such. A withdrawn object answers 410 with the date and no content.

/** Which version the link means: the current one, a given one, or why none (withdrawn / unknown). */
export function pickVersion(
  versions: PublicationRow[],
  n: number | null,
): { row: PublicationRow; current: PublicationRow } | { gone: string } | null {
  const latest = versions[0];
  if (!latest) return null;
  if (latest.withdrawnAt) return { gone: latest.withdrawnAt };
  const current = versions.find((v) => !v.supersededAt && !v.withdrawnAt);
  if (!current) return null;
  if (n === null) return { row: current, current };
  const row = versions.find((v) => v.version === n);
  if (!row) return null;
  if (row.withdrawnAt) return { gone: row.withdrawnAt };
  return { row, current };
}

export async function publicationPage(
  db: Db,
  objectId: string,
  n: number | null,
  view: ViewMode,
): Promise<Rendered> {
  const path = n === null ? publicationHref(objectId) : `${publicationHref(objectId)}/v/${n}`;
  const picked = pickVersion(await versionsOf(db, objectId), n);
  if (!picked) return notFoundPage(view, path);
  if ('gone' in picked) {
    const text = `Документ снят с публикации ${ruDate(picked.gone)}.`;
    return messagePage(410, 'Документ снят с публикации', text, view, path);
  }
  const { row, current } = picked;
  const unit = await unitById(db, row.orgUnitId);
  const crumbs = unit ? await crumbsOf(db, unit) : [];
  const body = await renderBody(db, row);
  const earlier = row.version !== current.version;
  const base = publicationHref(objectId);
  const html = await renderPage(
    <Page title={row.title} path={path} view={view} crumbs={crumbs}>
      <h1>{row.title}</h1>
      {earlier ? (
        <p class="note">
          Версия {row.version} от {ruDate(row.publishedAt)}, действует версия {current.version}:{' '}
          <a href={keepView(base, view)}>открыть действующую</a>.
        </p>
      ) : (
        <p class="muted">
          Опубликовано {ruDate(row.publishedAt)}
          {row.version > 1 ? `, версия ${row.version}` : ''}.
        </p>
      )}
      {!earlier && (row.docxFileId || row.pdfFileId) ? (
        <p class="downloads">
          {row.docxFileId ? <a href={`${base}.docx`}>Скачать DOCX</a> : null}
          {row.pdfFileId ? <a href={`${base}.pdf`}>Скачать PDF</a> : null}
        </p>
      ) : null}
      {body}
      {current.version > 1 ? (
        <section>
          <h2>Версии</h2>
          <ul class="plain">
            {Array.from({ length: current.version }, (_, i) => current.version - i).map((v) => (
              <li>
                {v === row.version ? (
                  <span aria-current="page">Версия {v}</span>
                ) : (
                  <a href={keepView(v === current.version ? base : `${base}/v/${v}`, view)}>Версия {v}</a>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>,
  );
  return { status: 200, html };
}

async function renderBody(db: Db, row: PublicationRow) {
  if (row.kind === 'roadmap') {
    const s = roadmapSnapshot.parse(row.snapshot);
    // Execution is live: shown only while the owner allows it, and only for the current version.
    const live =
      row.options.showExecution && !row.supersededAt
        ? await liveStatuses(
            db,
            s.sections.flatMap((sec) => sec.items.map((i) => i.itemId)),
          )
        : null;
    return <RoadmapBody s={s} live={live} />;
  }
  if (row.kind === 'identification_list') {
    // Names of schools only on the current version: a region that stopped publishing them (a later
    // version with counts only) must not keep them public through an earlier version's page.
    const names = row.options.schoolNames === true && !row.supersededAt;
    return <ListBody s={listSnapshot.parse(row.snapshot)} schoolNames={names} />;
  }
  return <DocumentBody s={documentSnapshot.parse(row.snapshot)} />;
}
