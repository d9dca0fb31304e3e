// What the request log line and the HTTP metrics (src/api/observe.ts) cost per request: the same
// minimal Hono app with and without the middleware, rounds interleaved (the machine is shared and
// noisy), called in-process so only the middleware differs. Prints figures; asserts nothing.
// Run: npx tsx bench/observe.ts [--n 20000] [--rounds 5]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { pino } from 'pino';
import type { Deps, Env } from '../src/api/context.js';
import { observe } from '../src/api/observe.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/lib/log.js';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' } },
});
const n = Number(values.n);
const rounds = Number(values.rounds);
const config = loadConfig({ DEMO: 'true' });
const devNull = () => pino.destination({ dest: fs.openSync('/dev/null', 'w'), sync: true });

function app(variant: string) {
  const a = new Hono<Env>();
  if (variant !== 'bare') {
    const log = createLogger(
      variant === 'warn'
        ? { level: 'warn', format: 'json' }
        : { level: 'info', format: variant === 'text' ? 'text' : 'json' },
      devNull(),
    );
    a.use('*', observe({ config, log } as unknown as Deps));
  }
  a.get('/api/things/:id', (c) => c.json({ ok: true }));
  return a;
}

const variants = {
  bare: 'без middleware (база)',
  warn: 'метрики, журнал запросов выключен (LOG_LEVEL=warn)',
  json: 'метрики + строка JSON на запрос',
  text: 'метрики + строка text на запрос',
} as const;
const apps = Object.fromEntries(Object.keys(variants).map((v) => [v, app(v)]));
const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));

for (let r = 0; r < rounds + 1; r++) {
  for (const v of Object.keys(variants)) {
    const a = apps[v];
    if (!a) continue;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const res = await a.request(`http://localhost/api/things/${i}`);
      await res.arrayBuffer();
    }
    const us = Number(process.hrtime.bigint() - start) / 1000 / n;
    if (r > 0) times[v]?.push(us); // the first round warms the JIT up
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const base = median(times.bare ?? []);
console.log(`n=${n} запросов × ${rounds} кругов, медиана мкс на запрос (разброс кругов)`);
for (const [v, label] of Object.entries(variants)) {
  const xs = times[v] ?? [];
  const m = median(xs);
  const extra = v === 'bare' ? '' : `  +${(m - base).toFixed(1)} мкс`;
  console.log(
    `${label.padEnd(52)} ${m.toFixed(1).padStart(7)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})${extra}`,
  );
}
