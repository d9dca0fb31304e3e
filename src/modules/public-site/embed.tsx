/** @jsxImportSource hono/jsx */
import type { Db } from '../../db/client.js';
import { renderPage } from './layout.js';
import { publicationHref, unitHref } from './pages.js';
import { currentPublicationsOf, unitById } from './queries.js';
import { KIND_ORDER, KIND_SECTIONS, ruDate } from './strings.js';
import { CSS_HREF } from './style.js';

// The block another site frames (issue 15 §1): the unit's current publications, each link opening the
// public page in a new tab (relative links resolve against the frame's own origin, ours). Framable by
// any origin; its only script reports its height to the parent.

export const EMBED_RESIZE_PATH = '/public/embed-frame.js';

export async function embedBlock(db: Db, unitId: string): Promise<string | null> {
  const unit = await unitById(db, unitId);
  if (!unit) return null;
  const pubs = await currentPublicationsOf(db, unit.id);
  return renderPage(
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <title>{`Публикации: ${unit.name}`}</title>
        <link rel="stylesheet" href={CSS_HREF} />
        <script src={EMBED_RESIZE_PATH} defer />
      </head>
      <body class="embed">
        <main>
          <h1 class="embed-title">
            <a href={unitHref(unit.id)} target="_blank" rel="noopener">
              {unit.name}
            </a>
          </h1>
          {pubs.length === 0 ? <p>Публикаций пока нет.</p> : null}
          {KIND_ORDER.map((kind) => {
            const rows = pubs.filter((p) => p.kind === kind);
            return rows.length === 0 ? null : (
              <section>
                <h2>{KIND_SECTIONS[kind]}</h2>
                <ul>
                  {rows.map((p) => (
                    <li>
                      <a href={publicationHref(p.objectId)} target="_blank" rel="noopener">
                        {p.title}
                      </a>{' '}
                      <span class="muted">{ruDate(p.publishedAt)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </main>
      </body>
    </html>,
  );
}

/** Inside the frame: tells the parent page its height (the host script sizes the iframe by it). */
export const EMBED_FRAME_JS = `(function(){function s(){parent.postMessage({opora:'height',h:document.documentElement.scrollHeight},'*')}addEventListener('load',s);addEventListener('resize',s)})();`;

/**
 * The host site's script: `<script src=".../public/embed.js" data-unit="<id>"></script>` inserts the
 * iframe after itself; the frame's origin is the script's own, and only its messages size the frame.
 */
export const EMBED_JS = `(function(){var me=document.currentScript;if(!me)return;var unit=me.getAttribute('data-unit')||'';if(!/^[0-9a-f-]{36}$/.test(unit))return;var origin=new URL(me.src).origin;var f=document.createElement('iframe');f.src=origin+'/public/embed/'+unit;f.title='Опубликованные документы';f.loading='lazy';f.style.cssText='width:100%;border:0;min-height:120px;height:320px';me.parentNode.insertBefore(f,me.nextSibling);addEventListener('message',function(e){if(e.origin===origin&&e.source===f.contentWindow&&e.data&&e.data.opora==='height'){f.style.height=Math.min(4000,Math.max(120,Number(e.data.h)||0))+'px'}})})();`;
