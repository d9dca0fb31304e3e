// The OpenAPI 3.1 document as TypeScript in the shape openapi-typescript produces (`paths`, `components`),
// which is what openapi-fetch reads. openapi-typescript itself needs the TypeScript 5 compiler API, absent
// from TypeScript 7 (docs/decisions/0006-typed-contract.md); the subset of JSON Schema that Zod emits is small.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));
const pad = (depth: number) => '    '.repeat(depth);
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const block = (lines: string[], depth: number) =>
  lines.length ? `{\n${lines.join('\n')}\n${pad(depth)}}` : '{}';
const union = (parts: string[]) => [...new Set(parts)].join(' | ') || 'never';

function comment(s: Obj, depth: number): string {
  const d = s.description;
  if (typeof d !== 'string' || !d) return '';
  return `${pad(depth)}/** ${d.replaceAll('*/', '*\\/').replaceAll('\n', ' ')} */\n`;
}

function objectType(s: Obj, depth: number): string {
  const props = isObj(s.properties) ? s.properties : {};
  const required = new Set(arr(s.required).filter((r): r is string => typeof r === 'string'));
  const lines = Object.entries(props).map(([name, p]) => {
    const ps = isObj(p) ? p : {};
    const opt = required.has(name) ? '' : '?';
    return `${comment(ps, depth + 1)}${pad(depth + 1)}${key(name)}${opt}: ${schemaType(ps, depth + 1)};`;
  });
  const extra = s.additionalProperties;
  if (extra === true || isObj(extra)) {
    const t = isObj(extra) ? schemaType(extra, depth + 1) : 'unknown';
    lines.push(`${pad(depth + 1)}[key: string]: ${t};`);
  }
  if (!lines.length) return extra === false ? 'Record<string, never>' : 'Record<string, unknown>';
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

function singleType(s: Obj, type: string, depth: number): string {
  switch (type) {
    case 'string':
      return s.format === 'binary' ? 'Blob' : 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (Array.isArray(s.prefixItems)) {
        return `[${s.prefixItems.map((i) => schemaType(isObj(i) ? i : {}, depth)).join(', ')}]`;
      }
      const item = isObj(s.items) ? schemaType(s.items, depth) : 'unknown';
      return /^[\w.$"[\]]+$/.test(item) ? `${item}[]` : `(${item})[]`;
    }
    case 'object':
      return objectType(s, depth);
    default:
      return 'unknown';
  }
}

export function schemaType(s: Obj, depth = 0): string {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    return `components["schemas"][${JSON.stringify(name)}]`;
  }
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return union(s.enum.map((e) => JSON.stringify(e)));
  const alts = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null;
  if (alts) return union(alts.map((a) => schemaType(isObj(a) ? a : {}, depth)));
  if (Array.isArray(s.allOf)) {
    return s.allOf.map((a) => schemaType(isObj(a) ? a : {}, depth)).join(' & ') || 'unknown';
  }
  const types = Array.isArray(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : [];
  if (!types.length) return isObj(s.properties) ? objectType(s, depth) : 'unknown';
  const t = union(types.map((ty) => singleType(s, String(ty), depth)));
  return s.nullable === true ? `${t} | null` : t;
}

function parameters(params: Json[], depth: number): string {
  const groups: Record<string, string[]> = { query: [], header: [], path: [], cookie: [] };
  const anyRequired: Record<string, boolean> = {};
  for (const p of params) {
    if (!isObj(p) || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
    const list = groups[p.in];
    if (!list) continue;
    const required = p.required === true;
    if (required) anyRequired[p.in] = true;
    const type = schemaType(isObj(p.schema) ? p.schema : {}, depth + 2);
    list.push(`${comment(p, depth + 2)}${pad(depth + 2)}${key(p.name)}${required ? '' : '?'}: ${type};`);
  }
  const lines = Object.entries(groups).map(([where, list]) =>
    list.length
      ? `${pad(depth + 1)}${where}${anyRequired[where] ? '' : '?'}: {\n${list.join('\n')}\n${pad(depth + 1)}};`
      : `${pad(depth + 1)}${where}?: never;`,
  );
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

function content(c: Json | undefined, depth: number): string {
  if (!isObj(c)) return 'never';
  const lines = Object.entries(c).map(([media, m]) => {
    const schema = isObj(m) && isObj(m.schema) ? schemaType(m.schema, depth + 1) : 'unknown';
    return `${pad(depth + 1)}${JSON.stringify(media)}: ${schema};`;
  });
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

function response(r: Obj, depth: number): string {
  const inner = [
    `${pad(depth + 1)}headers: {\n${pad(depth + 2)}[name: string]: unknown;\n${pad(depth + 1)}};`,
    `${pad(depth + 1)}content: ${content(r.content, depth + 1)};`,
  ];
  return `{\n${inner.join('\n')}\n${pad(depth)}}`;
}

/** Responses that repeat across operations (the error answers) are written once, in components.responses. */
let sharedResponses = new Map<string, { name: string; body: Obj }>();

function findSharedResponses(paths: Obj): Map<string, { name: string; body: Obj }> {
  const seen = new Map<string, { status: string; body: Obj; count: number }>();
  for (const item of Object.values(paths)) {
    if (!isObj(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!isObj(op) || !isObj(op.responses)) continue;
      for (const [status, r] of Object.entries(op.responses)) {
        if (!isObj(r)) continue;
        const id = JSON.stringify(r);
        const s = seen.get(id) ?? { status, body: r, count: 0 };
        s.count++;
        seen.set(id, s);
      }
    }
  }
  const shared = new Map<string, { name: string; body: Obj }>();
  const used = new Set<string>();
  for (const [id, s] of seen) {
    if (s.count < 2 || JSON.stringify(s.body).length < 200) continue;
    let name = s.status;
    for (let i = 2; used.has(name); i++) name = `${s.status}_${i}`;
    used.add(name);
    shared.set(id, { name, body: s.body });
  }
  return shared;
}

function operation(op: Obj, depth: number): string {
  const lines = [`${pad(depth + 1)}parameters: ${parameters(arr(op.parameters), depth + 1)};`];
  const body = op.requestBody;
  if (isObj(body)) {
    const opt = body.required === true ? '' : '?';
    lines.push(
      `${pad(depth + 1)}requestBody${opt}: {\n${pad(depth + 2)}content: ${content(body.content, depth + 2)};\n${pad(depth + 1)}};`,
    );
  } else lines.push(`${pad(depth + 1)}requestBody?: never;`);
  const responses = isObj(op.responses) ? op.responses : {};
  const rs = Object.entries(responses).map(([status, r]) => {
    const ro = isObj(r) ? r : {};
    const k = /^\d+$/.test(status) ? status : JSON.stringify(status);
    const shared = sharedResponses.get(JSON.stringify(ro));
    if (shared)
      return `${comment(ro, depth + 2)}${pad(depth + 2)}${k}: components["responses"][${JSON.stringify(shared.name)}];`;
    return `${comment(ro, depth + 2)}${pad(depth + 2)}${k}: ${response(ro, depth + 2)};`;
  });
  lines.push(`${pad(depth + 1)}responses: {\n${rs.join('\n')}\n${pad(depth + 1)}};`);
  return `{\n${lines.join('\n')}\n${pad(depth)}}`;
}

export function emitTypes(doc: Obj): string {
  const paths = isObj(doc.paths) ? doc.paths : {};
  sharedResponses = findSharedResponses(paths);
  const responseLines = [...sharedResponses.values()].map(
    ({ name, body }) => `${comment(body, 2)}${pad(2)}${JSON.stringify(name)}: ${response(body, 2)};`,
  );
  const pathLines = Object.keys(paths)
    .sort()
    .map((p) => {
      const item = paths[p];
      const ops = isObj(item) ? item : {};
      const lines = [
        `${pad(2)}parameters: {\n${['query', 'header', 'path', 'cookie'].map((w) => `${pad(3)}${w}?: never;`).join('\n')}\n${pad(2)}};`,
      ];
      for (const m of METHODS) {
        const op = ops[m];
        if (isObj(op))
          lines.push(`${comment({ description: op.summary ?? null }, 2)}${pad(2)}${m}: ${operation(op, 2)};`);
        else lines.push(`${pad(2)}${m}?: never;`);
      }
      return `${pad(1)}${JSON.stringify(p)}: {\n${lines.join('\n')}\n${pad(1)}};`;
    });
  const comps = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
  const schemaLines = Object.keys(comps)
    .sort()
    .map((name) => {
      const s = comps[name];
      const so = isObj(s) ? s : {};
      return `${comment(so, 2)}${pad(2)}${key(name)}: ${schemaType(so, 2)};`;
    });
  return [
    `export interface paths {\n${pathLines.join('\n')}\n}`,
    'export type webhooks = Record<string, never>;',
    `export interface components {\n${pad(1)}schemas: ${block(schemaLines, 1)};\n${pad(1)}responses: ${block(responseLines, 1)};\n${['parameters', 'requestBodies', 'headers', 'pathItems'].map((k) => `${pad(1)}${k}: never;`).join('\n')}\n}`,
    'export type $defs = Record<string, never>;',
    'export type operations = Record<string, never>;',
    '',
  ].join('\n');
}
