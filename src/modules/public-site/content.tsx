/** @jsxImportSource hono/jsx */
import type { DocumentSnapshot, ListSnapshot, RoadmapSnapshot } from '../publication/snapshot.js';
import type { LiveStatus } from './queries.js';
import { ROADMAP_COLUMNS, ruDate, STATUS_LABELS } from './strings.js';

// The body of a publication, rendered from its frozen snapshot only. A roadmap is the order's appendix
// (sections as rows across the table); with execution shown, each measure adds its live status.

/** The snapshot's order as published: its date is already display text (ДД.ММ.ГГГГ), either part may be empty. */
function order(o: { number: string; date: string } | null) {
  if (!o || (!o.number && !o.date)) return null;
  return `приказ${o.date ? ` от ${o.date}` : ''}${o.number ? ` № ${o.number}` : ''}`;
}

export function RoadmapBody({ s, live }: { s: RoadmapSnapshot; live: Map<string, LiveStatus> | null }) {
  const cols = live ? [...ROADMAP_COLUMNS, 'Исполнение'] : ROADMAP_COLUMNS;
  const approved = order(s.approvedOrder);
  return (
    <>
      <p>
        {s.unitName}. {s.periodLabel}. Уровень: {s.levelLabel}.{approved ? ` Утверждена: ${approved}.` : ''}
      </p>
      {live ? (
        <div class="note">
          <p>
            Исполнение показано по данным системы на момент открытия страницы. Обозначения:{' '}
            {Object.values(STATUS_LABELS).join(', ')}.
          </p>
        </div>
      ) : null}
      <table>
        <caption>Приложение к приказу: план мероприятий</caption>
        <thead>
          <tr>
            {cols.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.sections.map((sec) => (
            <>
              <tr class="section-row">
                <th scope="colgroup" colspan={cols.length}>
                  {sec.title}
                </th>
              </tr>
              {sec.items.map((it) => {
                const st = live?.get(it.itemId);
                return (
                  <tr>
                    <td>{it.number}</td>
                    <th scope="row">{it.title}</th>
                    <td>{it.deadline}</td>
                    <td>{it.executors}</td>
                    <td>{it.indicator}</td>
                    <td>{it.result}</td>
                    {live ? (
                      <td>
                        {st ? (
                          <span class={`status s-${st.status}`}>
                            {STATUS_LABELS[st.status] ?? st.status}
                            {st.doneAt ? ` ${ruDate(st.doneAt)}` : ''}
                          </span>
                        ) : (
                          <span class="muted">нет данных</span>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function DocumentBody({ s }: { s: DocumentSnapshot }) {
  const approved = order(s.approvedOrder);
  return (
    <>
      <p>
        {s.kindLabel}, {s.unitName}, {s.year} год.{approved ? ` Утверждён: ${approved}.` : ''}
      </p>
      {s.parts.map((part) => (
        <section>
          <h2>{part.heading}</h2>
          {part.blocks.map((b) =>
            b.kind === 'paragraph' ? (
              <p>{b.text}</p>
            ) : (
              <table>
                {b.caption ? <caption>{b.caption}</caption> : null}
                <thead>
                  <tr>
                    {b.header.map((h) => (
                      <th scope="col">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((r) => (
                    <tr>
                      {r.map((cell) => (
                        <td>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          )}
        </section>
      ))}
    </>
  );
}

export function ListBody({ s, schoolNames }: { s: ListSnapshot; schoolNames: boolean }) {
  const approved = order(s.approvedOrder);
  return (
    <>
      <p>
        {s.listLabel}, {s.year} год, {s.unitName}.{approved ? ` Утверждён: ${approved}.` : ''}
      </p>
      <table>
        <caption>Число школ по муниципалитетам</caption>
        <thead>
          <tr>
            <th scope="col">Муниципалитет</th>
            <th scope="col">Школ в списке</th>
          </tr>
        </thead>
        <tbody>
          {s.municipalities.map((m) => (
            <tr>
              <th scope="row">{m.name}</th>
              <td>{m.count}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Всего</th>
            <td>{s.total}</td>
          </tr>
        </tbody>
      </table>
      {schoolNames && s.schools ? (
        <table>
          <caption>Школы списка</caption>
          <thead>
            <tr>
              <th scope="col">Школа</th>
              <th scope="col">Муниципалитет</th>
            </tr>
          </thead>
          <tbody>
            {s.schools.map((x) => (
              <tr>
                <th scope="row">{x.name}</th>
                <td>{x.municipality}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
