import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, PG_URL } from './db.js';
import { templateName } from './demo-db.js';

// Vitest globalSetup: one directory per run for the demo snapshots of tests/helpers/demo-db.ts (made
// lazily by the first file that asks), removed at the end together with the run's template database.
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-demo-'));
  project.provide('demoSnapshots', dir);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (!PG_URL) return;
    await adminQuery(`drop database if exists ${templateName(dir)} with (force)`);
    // Templates of runs that were killed before their end (older than a day: never a running one).
    const stale = await adminQuery(
      `select datname from pg_database d join pg_shdescription s on s.objoid = d.oid
        where datname like 'opora\\_demo\\_tpl\\_%' and s.description like 'opora test demo %'
          and substr(s.description, 17)::timestamptz < now() - interval '1 day'`,
    );
    for (const r of stale.rows) await adminQuery(`drop database if exists ${r.datname} with (force)`);
  };
}
