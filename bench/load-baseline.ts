// The plain-route baseline of the load bench: a minimal Hono server on its own thread of the bench
// process, so that it does not share an event loop with the load generator.
import { Worker } from 'node:worker_threads';

const code = `
const { Hono } = require('hono');
const { serve } = require('@hono/node-server');
const { parentPort } = require('node:worker_threads');
const app = new Hono();
app.get('/', (c) => c.json({ ok: true }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => parentPort.postMessage(info.port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`;

export function startBaseline(): Promise<{ base: string; stop: () => Promise<void> }> {
  const worker = new Worker(code, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (port: number) =>
      resolve({
        base: `http://127.0.0.1:${port}`,
        stop: async () => {
          worker.postMessage('stop');
          // Idle keep-alive sockets would hold server.close() open.
          setTimeout(() => void worker.terminate(), 1000).unref();
          await new Promise((r) => worker.once('exit', r));
        },
      }),
    );
  });
}
