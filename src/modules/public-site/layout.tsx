/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { SCHEME_LABELS, SITE, SIZE_LABELS } from './strings.js';
import { CSS_HREF } from './style.js';
import { keepView, type ViewMode } from './view-mode.js';

// The frame of every public page: lang="ru", a skip link, the switch of the version for the visually
// impaired (links only — it works without JavaScript), breadcrumbs, one <h1> per page (given by the
// page), and a footer. Text is escaped by hono/jsx; nothing is concatenated into markup by hand.

export type Crumb = { href: string; label: string };

export type PageProps = {
  title: string;
  /** the path of this page without query: the a11y links come back to it */
  path: string;
  /** query of this page other than vi (filters), kept when switching versions */
  query?: string;
  view: ViewMode;
  crumbs?: Crumb[];
  description?: string;
  children: Child;
};

function here(path: string, query: string | undefined, mode: ViewMode): string {
  return keepView(query ? `${path}?${query}` : path, mode);
}

function ViewSwitch({ path, query, view }: { path: string; query?: string; view: ViewMode }) {
  if (!view) {
    return (
      <div class="tools">
        <a href={here(path, query, { size: 'l', scheme: 'bw' })}>{SITE.a11yOn}</a>
      </div>
    );
  }
  const sizes = Object.keys(SIZE_LABELS) as (keyof typeof SIZE_LABELS)[];
  const schemes = Object.keys(SCHEME_LABELS) as (keyof typeof SCHEME_LABELS)[];
  return (
    <div class="tools">
      <span>
        {SITE.fontSize}{' '}
        <ul>
          {sizes.map((s) => (
            <li>
              <a
                href={here(path, query, { size: s, scheme: view.scheme })}
                aria-current={s === view.size ? 'true' : undefined}
              >
                {SIZE_LABELS[s]}
              </a>
            </li>
          ))}
        </ul>
      </span>
      <span>
        {SITE.colours}{' '}
        <ul>
          {schemes.map((s) => (
            <li>
              <a
                href={here(path, query, { size: view.size, scheme: s })}
                aria-current={s === view.scheme ? 'true' : undefined}
              >
                {SCHEME_LABELS[s]}
              </a>
            </li>
          ))}
        </ul>
      </span>
      <a href={here(path, query, null)}>{SITE.a11yOff}</a>
    </div>
  );
}

export function Page(p: PageProps) {
  const bodyClass = p.view ? `vi vi-${p.view.size} vi-${p.view.scheme}` : undefined;
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} — Опора`}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        <link rel="stylesheet" href={CSS_HREF} />
      </head>
      <body class={bodyClass}>
        <a class="skip" href="#main">
          {SITE.skip}
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href={keepView('/public', p.view)}>
              {SITE.name}
            </a>
            <p class="tagline">{SITE.tagline}</p>
            <ViewSwitch path={p.path} query={p.query} view={p.view} />
          </div>
        </header>
        <div class="wrap">
          {p.crumbs && p.crumbs.length > 0 ? (
            <nav class="crumbs" aria-label="Путь по разделам">
              <ol>
                {p.crumbs.map((c) => (
                  <li>
                    <a href={keepView(c.href, p.view)}>{c.label}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <main id="main" tabindex={-1}>
            {p.children}
          </main>
        </div>
        <footer class="site">
          <div class="wrap">
            <p>{SITE.footer}</p>
            <p>
              <a href={keepView('/public/practices', p.view)}>{SITE.practices}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The whole document as a string: the doctype and the escaped tree. */
export async function renderPage(node: Child): Promise<string> {
  const html = await (node as { toString(): string | Promise<string> }).toString();
  return `<!doctype html>${html}`;
}
