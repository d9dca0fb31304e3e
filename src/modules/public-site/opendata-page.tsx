/** @jsxImportSource hono/jsx */
import type { Db } from '../../db/client.js';
import { Page, renderPage } from './layout.js';
import { buildDataset, DATASETS, PASSPORT_LABELS, type Passport, passportOf } from './opendata.js';
import { crumbsOf, type Rendered, unitHref } from './pages.js';
import type { PublicUnit } from './queries.js';
import { ruDate, SITE } from './strings.js';
import type { ViewMode } from './view-mode.js';

// The open-data page of a unit: each dataset with its passport and structure, and the files.

export async function unitPassports(db: Db, unit: PublicUnit, origin: string): Promise<Passport[]> {
  const out: Passport[] = [];
  for (const key of DATASETS) out.push(passportOf(unit, key, await buildDataset(db, unit, key), origin));
  return out;
}

function Value({ p, k }: { p: Passport; k: keyof Passport }) {
  if (k === 'structure') {
    return (
      <table>
        <thead>
          <tr>
            <th scope="col">Поле</th>
            <th scope="col">Описание</th>
            <th scope="col">Тип</th>
          </tr>
        </thead>
        <tbody>
          {p.structure.map((f) => (
            <tr>
              <th scope="row">{f.name}</th>
              <td>{f.description}</td>
              <td>{f.type}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (k === 'data') {
    return (
      <>
        <a href={p.data.csv}>CSV</a>, <a href={p.data.json}>JSON</a>
      </>
    );
  }
  if (k === 'firstPublished' || k === 'lastModified' || k === 'relevantOn') {
    return <>{p[k] ? ruDate(p[k]) : 'нет данных'}</>;
  }
  const v = p[k];
  return <>{Array.isArray(v) ? v.join(', ') : String(v)}</>;
}

export async function openDataPage(
  db: Db,
  unit: PublicUnit,
  view: ViewMode,
  origin: string,
): Promise<Rendered> {
  const passports = await unitPassports(db, unit, origin);
  const path = `${unitHref(unit.id)}/opendata`;
  const crumbs = await crumbsOf(db, unit);
  const html = await renderPage(
    <Page title={`${SITE.openData}: ${unit.name}`} path={path} view={view} crumbs={crumbs}>
      <h1>
        {SITE.openData}: {unit.name}
      </h1>
      <p>
        Паспорт всех наборов: <a href={`${path}/passport.json`}>JSON</a>,{' '}
        <a href={`${path}/passport.csv`}>CSV</a>.
      </p>
      {passports.map((p) => (
        <section>
          <h2>{p.title}</h2>
          <p class="muted">Записей: {p.rows}.</p>
          <dl class="passport">
            {PASSPORT_LABELS.map(([k, label]) => (
              <>
                <dt>{label}</dt>
                <dd>
                  <Value p={p} k={k} />
                </dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </Page>,
  );
  return { status: 200, html };
}
