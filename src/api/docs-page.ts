// A self-contained API reference: rendered in the browser from /api/openapi.json with no external scripts,
// so it works in closed government networks. The script is served as a file to satisfy the CSP.
export function apiReferencePage(): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Опора — справочник API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}.op{border:1px solid #e3e6ea;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
.m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:monospace}.get{color:#1864ab}.post{color:#2b8a3e}.patch{color:#e67700}.delete{color:#c92a2a}
code,pre{font-family:monospace;background:#f6f8fa;border-radius:4px}pre{padding:.5rem;overflow:auto;font-size:12px;max-height:300px}</style></head>
<body><h1>Опора — справочник API</h1><p>Машиночитаемое описание: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<div id="root">Загрузка…</div><script src="/api/docs.js"></script></body></html>`;
}

export const apiReferenceScript = `
fetch('/api/openapi.json').then(r => r.json()).then(doc => {
  const root = document.getElementById('root'); root.textContent = '';
  const el = (t, cls, txt) => { const e = document.createElement(t); if (cls) e.className = cls; if (txt) e.textContent = txt; return e; };
  root.append(el('p', '', doc.info.description || ''));
  const byTag = {};
  for (const [p, ops] of Object.entries(doc.paths)) for (const [m, op] of Object.entries(ops)) {
    const tag = (op.tags && op.tags[0]) || 'Прочее'; (byTag[tag] = byTag[tag] || []).push([m, p, op]);
  }
  for (const [tag, list] of Object.entries(byTag)) {
    root.append(el('h2', '', tag));
    for (const [m, p, op] of list) {
      const d = el('details', 'op'); const s = el('summary');
      s.append(el('span', 'm ' + m, m.toUpperCase()), el('code', '', p), document.createTextNode(' — ' + (op.summary || '')));
      d.append(s);
      const params = (op.parameters || []).map(x => x.in + ': ' + x.name + (x.required ? ' (обязательный)' : ''));
      if (params.length) d.append(el('p', '', 'Параметры: ' + params.join(', ')));
      const body = op.requestBody && op.requestBody.content;
      if (body) for (const [ct, v] of Object.entries(body)) { d.append(el('p', '', 'Тело: ' + ct)); d.append(el('pre', '', JSON.stringify(v.schema, null, 2))); }
      d.append(el('p', '', 'Ответы: ' + Object.entries(op.responses || {}).map(([k, v]) => k + ' ' + v.description).join('; ')));
      root.append(d);
    }
  }
});`;
