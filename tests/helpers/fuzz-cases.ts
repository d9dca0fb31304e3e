import { randomUUID } from 'node:crypto';

// Bad input derived from the OpenAPI document: for every operation, its parameters and the JSON schema
// of its body are walked and each place gets values it must refuse.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type Components = Record<string, JsonSchema>;

export function resolve(s: JsonSchema, components: Components): JsonSchema {
  if (s.$ref) {
    const target = components[s.$ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`no schema ${s.$ref}`);
    return resolve(target, components);
  }
  const options = (s.anyOf ?? s.oneOf ?? []).filter((o) => o.type !== 'null');
  if (options[0]) return resolve(options[0], components);
  if (s.allOf?.[0]) return resolve(s.allOf[0], components);
  return s;
}

const types = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const isDate = (s: JsonSchema) => s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';

/** A plausible value of the schema: the base that one mutation at a time turns bad. */
export function sample(raw: JsonSchema, components: Components): unknown {
  const s = resolve(raw, components);
  if (s.enum?.length) return s.enum[0];
  const t = types(s).filter((x) => x !== 'null')[0];
  if (t === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = sample(p, components);
    return out;
  }
  if (t === 'array') {
    const n = s.minItems ?? 0;
    return Array.from({ length: n }, () => sample(s.items ?? {}, components));
  }
  if (t === 'integer' || t === 'number') {
    if (s.minimum !== undefined && s.minimum > 1) return s.minimum;
    return s.maximum !== undefined && s.maximum < 1 ? s.maximum : 1;
  }
  if (t === 'boolean') return true;
  if (s.format === 'uuid') return randomUUID();
  if (isDate(s)) return '2025-03-14';
  if (s.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') return '2025-03';
  return 'Проверка'.padEnd(Math.max(s.minLength ?? 0, 8), 'ы');
}

/** Values the schema must refuse, each with a name for the failure message. */
export function badValues(raw: JsonSchema, components: Components): [string, unknown][] {
  const s = resolve(raw, components);
  const t = types(s);
  const out: [string, unknown][] = [
    ['NUL', 'a\u0000b'],
    ['object', { a: 1 }],
    ['array', [1, 2]],
  ];
  if (!t.includes('null')) out.push(['null', null]);
  if (t.includes('string') || s.enum) {
    out.push(['number', 12345], ['boolean', true], ['unknown value', 'нет-такого-значения']);
    out.push(['overlong', 'я'.repeat((s.maxLength ?? 100_000) + 1)]);
    if (s.format === 'uuid')
      out.push(['not a uuid', 'not-a-uuid'], ['uuid-ish', '00000000-0000-0000-0000-00000000000g']);
    if (isDate(s))
      out.push(['impossible date', '2026-02-31'], ['year 0', '0000-01-01'], ['far year', '9999-12-31']);
  }
  if (t.includes('integer') || t.includes('number')) {
    out.push(
      ['string', 'десять'],
      ['huge', 3_000_000_000],
      ['enormous', 1e300],
      ['negative', -2_147_483_649],
    );
    if (t.includes('integer')) out.push(['fraction', 1.5]);
    if (s.minimum !== undefined) out.push(['below minimum', s.minimum - 1]);
    if (s.maximum !== undefined) out.push(['above maximum', s.maximum + 1]);
  }
  if (t.includes('boolean')) out.push(['string', 'да'], ['number', 1]);
  if (t.includes('array'))
    out.push(['string', 'a'], ['too many', Array(Math.min((s.maxItems ?? 9999) + 1, 10_001)).fill(1)]);
  return out;
}

export type BodyCase = { name: string; body: unknown };

/** The body with one place made bad (or a required field missing, or an unknown field added). */
export function bodyMutations(raw: JsonSchema, components: Components, depth = 0): BodyCase[] {
  const s = resolve(raw, components);
  const base = sample(s, components);
  const out: BodyCase[] = badValues(s, components).map(([name, body]) => ({ name, body }));
  if (!s.properties || depth > 2 || typeof base !== 'object' || base === null) return out;
  const obj = base as Record<string, unknown>;
  out.push({ name: 'unknown field', body: { ...obj, неизвестноеПоле: 1 } });
  for (const [key, prop] of Object.entries(s.properties)) {
    if (s.required?.includes(key)) {
      const { [key]: _, ...rest } = obj;
      out.push({ name: `missing ${key}`, body: rest });
    }
    const inner = resolve(prop, components);
    const nested = inner.properties ? bodyMutations(inner, components, depth + 1) : [];
    const items =
      inner.items && resolve(inner.items, components).properties
        ? bodyMutations(inner.items, components, depth + 1).map((c) => ({ ...c, body: [c.body] }))
        : [];
    for (const [name, value] of badValues(prop, components))
      out.push({ name: `${key}: ${name}`, body: { ...obj, [key]: value } });
    for (const c of [...nested, ...items])
      out.push({ name: `${key}.${c.name}`, body: { ...obj, [key]: c.body } });
  }
  return out;
}

/** Raw bodies no JSON route may accept, with their content types. */
export const RAW_BODIES: { name: string; body: string; type: string; refusedByGuard?: true }[] = [
  { name: 'empty', refusedByGuard: true, body: '', type: 'application/json' },
  { name: 'garbage', refusedByGuard: true, body: '{"a":', type: 'application/json' },
  { name: 'not JSON', refusedByGuard: true, body: 'привет', type: 'application/json' },
  { name: 'null', body: 'null', type: 'application/json' },
  { name: 'array', body: '[]', type: 'application/json' },
  { name: 'number', body: '1e400', type: 'application/json' },
  { name: 'escaped NUL key', refusedByGuard: true, body: '{"\\u0000":1}', type: 'application/json' },
  { name: 'deep', body: `${'['.repeat(5000)}${']'.repeat(5000)}`, type: 'application/json' },
  { name: 'text/plain', body: '{}', type: 'text/plain' },
  { name: 'form', body: 'a=1&b=%00', type: 'application/x-www-form-urlencoded' },
  {
    name: 'broken multipart',
    body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
    type: 'multipart/form-data; boundary=x',
  },
];
