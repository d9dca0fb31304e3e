/** @jsxImportSource hono/jsx */
import type { Db } from '../../db/client.js';
import { publishedPractices } from '../practices/public-practices.js';
import { type Crumb, Page, renderPage } from './layout.js';
import {
  breadcrumbs,
  currentPublicationsOf,
  type PublicationRow,
  type PublicUnit,
  unitById,
  unitsWithPublications,
} from './queries.js';
import { CHILD_HEADINGS, KIND_ORDER, KIND_SECTIONS, ruDate, SITE, UNIT_KIND_LABELS } from './strings.js';
import { keepView, type ViewMode } from './view-mode.js';

// The region list and a unit's page. Each answer is a whole HTML document; `status` lets the route
// answer 404 with a real page.

export type Rendered = { status: 200 | 404 | 410; html: string };

export const unitHref = (id: string) => `/public/u/${id}`;
export const publicationHref = (objectId: string) => `/public/p/${objectId}`;

export async function crumbsOf(db: Db, unit: PublicUnit): Promise<Crumb[]> {
  const chain = await breadcrumbs(db, unit);
  return [
    { href: '/public', label: SITE.home },
    ...chain.map((u) => ({ href: unitHref(u.id), label: u.name })),
  ];
}

export async function homePage(db: Db, view: ViewMode): Promise<Rendered> {
  const regions = await unitsWithPublications(db, null);
  const html = await renderPage(
    <Page title="Регионы" path="/public" view={view} description={SITE.tagline}>
      <h1>Открытая информация регионов</h1>
      <p>
        Утверждённые дорожные карты, программы, аналитические справки и списки школ, опубликованные органами
        управления образованием и школами.
      </p>
      {regions.length === 0 ? (
        <p>Пока ничего не опубликовано.</p>
      ) : (
        <ul class="plain">
          {regions.map((r) => (
            <li>
              <a href={keepView(unitHref(r.id), view)}>{r.name}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{SITE.practices}</h2>
      <p>
        <a href={keepView('/public/practices', view)}>Открыть банк управленческих и методических практик</a>
      </p>
    </Page>,
  );
  return { status: 200, html };
}

function PublicationList({ rows, view }: { rows: PublicationRow[]; view: ViewMode }) {
  return (
    <ul class="plain">
      {rows.map((p) => (
        <li>
          <a href={keepView(publicationHref(p.objectId), view)}>{p.title}</a>{' '}
          <span class="muted">
            (опубликовано {ruDate(p.publishedAt)}
            {p.version > 1 ? `, версия ${p.version}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}

export async function unitPage(
  db: Db,
  unitId: string,
  view: ViewMode,
  publicUrl: string,
): Promise<Rendered | null> {
  const unit = await unitById(db, unitId);
  if (!unit) return null;
  const [crumbs, pubs, children, practices] = await Promise.all([
    crumbsOf(db, unit),
    currentPublicationsOf(db, unit.id),
    unitsWithPublications(db, unit.id),
    publishedPractices(db, { unitPath: unit.path }),
  ]);
  // A unit with nothing published in its subtree is not a public page.
  if (pubs.length === 0 && children.length === 0 && practices.length === 0) return null;
  const path = unitHref(unit.id);
  const embed = `<script src="${publicUrl}/public/embed.js" data-unit="${unit.id}"></script>`;
  const html = await renderPage(
    <Page title={unit.name} path={path} view={view} crumbs={crumbs.slice(0, -1)}>
      <h1>{unit.name}</h1>
      <p class="muted">{UNIT_KIND_LABELS[unit.kind] ?? ''}</p>
      {pubs.length === 0 ? <p>Собственных публикаций нет.</p> : null}
      {KIND_ORDER.map((kind) => {
        const rows = pubs.filter((p) => p.kind === kind);
        return rows.length === 0 ? null : (
          <section>
            <h2>{KIND_SECTIONS[kind]}</h2>
            <PublicationList rows={rows} view={view} />
          </section>
        );
      })}
      {children.length > 0 ? (
        <section>
          <h2>{CHILD_HEADINGS[unit.kind] ?? 'Организации'}</h2>
          <ul class="plain">
            {children.map((c) => (
              <li>
                <a href={keepView(unitHref(c.id), view)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>{SITE.practices}</h2>
        {practices.length === 0 ? (
          <p>Опубликованных практик пока нет.</p>
        ) : (
          <ul class="plain">
            {practices.slice(0, 10).map((p) => (
              <li>
                <a href={keepView(`/public/practices/${p.id}`, view)}>{p.title}</a>{' '}
                <span class="muted">({p.authorName})</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={keepView(`/public/practices?unit=${unit.id}`, view)}>Все практики с отбором</a>
        </p>
      </section>
      <section>
        <h2>{SITE.openData}</h2>
        <p>
          <a href={keepView(`${path}/opendata`, view)}>Наборы открытых данных и паспорт</a>
        </p>
      </section>
      <section>
        <h2>Блок для своего сайта</h2>
        <p>Вставьте этот код в страницу сайта — на ней появится список опубликованных документов:</p>
        <pre class="code">{embed}</pre>
      </section>
    </Page>,
  );
  return { status: 200, html };
}

export async function messagePage(
  status: 404 | 410,
  heading: string,
  text: string,
  view: ViewMode,
  path: string,
): Promise<Rendered> {
  const html = await renderPage(
    <Page title={heading} path={path} view={view} crumbs={[{ href: '/public', label: SITE.home }]}>
      <h1>{heading}</h1>
      <p>{text}</p>
    </Page>,
  );
  return { status, html };
}

export const notFoundPage = (view: ViewMode, path: string) =>
  messagePage(404, 'Страница не найдена', 'Такой страницы нет или она не опубликована.', view, path);
