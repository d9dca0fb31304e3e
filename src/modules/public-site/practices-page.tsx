/** @jsxImportSource hono/jsx */
import type { Db } from '../../db/client.js';
import { EDUCATION_LEVELS } from '../../db/schema/values.js';
import {
  type PublicPracticeFilter,
  publishedPractice,
  publishedPractices,
} from '../practices/public-practices.js';
import { Page, renderPage } from './layout.js';
import { notFoundPage, type Rendered } from './pages.js';
import { unitById } from './queries.js';
import { ruDate, SITE } from './strings.js';
import { keepView, type ViewMode } from './view-mode.js';

// The bank of practices on the public site: whatever modules/practices/public-practices.ts returns
// (published practices only). Filters are GET parameters of a plain form — no JavaScript.

export const LEVEL_LABELS: Record<string, string> = { primary: 'НОО', basic: 'ООО', secondary: 'СОО' };

export type PracticeQuery = { unit?: string; risk?: string; subject?: string; level?: string; q?: string };

const clean = (v: string | undefined) => (v && v.length <= 200 ? v.trim() || undefined : undefined);

export async function practicesPage(db: Db, query: PracticeQuery, view: ViewMode): Promise<Rendered> {
  const unitId = clean(query.unit);
  const unit = unitId && /^[0-9a-f-]{36}$/.test(unitId) ? await unitById(db, unitId) : null;
  const level = clean(query.level);
  const filter: PublicPracticeFilter = {
    unitPath: unit?.path ?? '/',
    riskFactor: clean(query.risk),
    subject: clean(query.subject),
    level: level && (EDUCATION_LEVELS as readonly string[]).includes(level) ? level : undefined,
    q: clean(query.q),
  };
  const all = await publishedPractices(db, { unitPath: filter.unitPath });
  const found = await publishedPractices(db, filter);
  const risks = new Map(all.flatMap((p) => p.riskFactors.map((r) => [r.key, r.title] as const)));
  const subjects = [...new Set(all.flatMap((p) => p.subjects))].sort((a, b) => a.localeCompare(b, 'ru'));
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v && k !== 'unit') params.set(k, v);
  if (unit) params.set('unit', unit.id);
  const html = await renderPage(
    <Page
      title={SITE.practices}
      path="/public/practices"
      query={params.toString() || undefined}
      view={view}
      crumbs={[{ href: '/public', label: SITE.home }]}
    >
      <h1>
        {SITE.practices}
        {unit ? `: ${unit.name}` : ''}
      </h1>
      <form class="filters" method="get" action="/public/practices">
        {unit ? <input type="hidden" name="unit" value={unit.id} /> : null}
        {view ? <input type="hidden" name="vi" value={`${view.size}-${view.scheme}`} /> : null}
        <label>
          Фактор риска
          <select name="risk">
            <option value="">все</option>
            {[...risks].map(([k, t]) => (
              <option value={k} selected={k === filter.riskFactor}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Предмет
          <select name="subject">
            <option value="">все</option>
            {subjects.map((s) => (
              <option value={s} selected={s === filter.subject}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Уровень образования
          <select name="level">
            <option value="">все</option>
            {EDUCATION_LEVELS.map((l) => (
              <option value={l} selected={l === filter.level}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Поиск по тексту
          <input type="search" name="q" value={filter.q ?? ''} />
        </label>
        <button type="submit">Найти</button>
      </form>
      {found.length === 0 ? (
        <p>Практик по этим условиям не найдено.</p>
      ) : (
        <ul class="plain">
          {found.map((p) => (
            <li>
              <a href={keepView(`/public/practices/${p.id}`, view)}>{p.title}</a>{' '}
              <span class="muted">
                ({p.authorName}, {p.year})
              </span>
            </li>
          ))}
        </ul>
      )}
    </Page>,
  );
  return { status: 200, html };
}

export async function practicePage(db: Db, id: string, view: ViewMode): Promise<Rendered> {
  const path = `/public/practices/${id}`;
  const p = /^[0-9a-f-]{36}$/.test(id) ? await publishedPractice(db, id) : null;
  if (!p) return notFoundPage(view, path);
  const html = await renderPage(
    <Page
      title={p.title}
      path={path}
      view={view}
      crumbs={[
        { href: '/public', label: SITE.home },
        { href: '/public/practices', label: SITE.practices },
      ]}
    >
      <h1>{p.title}</h1>
      <p class="muted">
        {p.authorName}
        {p.municipalityName ? `, ${p.municipalityName}` : ''}; {p.year} год; опубликовано{' '}
        {ruDate(p.publishedAt)}.
      </p>
      {p.riskFactors.length > 0 ? (
        <p>Факторы риска: {p.riskFactors.map((r) => r.title).join('; ')}.</p>
      ) : null}
      {p.subjects.length > 0 ? <p>Предметы: {p.subjects.join(', ')}.</p> : null}
      {p.levels.length > 0 ? <p>Уровни: {p.levels.map((l) => LEVEL_LABELS[l] ?? l).join(', ')}.</p> : null}
      <h2>Проблема</h2>
      <p>{p.problem}</p>
      <h2>Что сделано</h2>
      <p>{p.actions}</p>
      <h2>Результаты</h2>
      <p>{p.results}</p>
      {p.figures.length > 0 ? (
        <table>
          <caption>Результаты в цифрах</caption>
          <thead>
            <tr>
              <th scope="col">Показатель</th>
              <th scope="col">Было</th>
              <th scope="col">Стало</th>
              <th scope="col">Единица</th>
            </tr>
          </thead>
          <tbody>
            {p.figures.map((f) => (
              <tr>
                <th scope="row">{f.label}</th>
                <td>{f.before ?? '—'}</td>
                <td>{f.after ?? '—'}</td>
                <td>{f.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {p.materials.length > 0 ? (
        <>
          <h2>Материалы</h2>
          <ul class="plain">
            {p.materials.map((m) => (
              <li>
                <a href={m.href}>{m.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.contact ? (
        <>
          <h2>Контакты</h2>
          <p>{p.contact}</p>
        </>
      ) : null}
    </Page>,
  );
  return { status: 200, html };
}
