import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// `opora backup` / `opora restore` as an administrator runs them: exit codes and the Russian messages.
// The round trips themselves are in src/modules/backup/backup.test.ts.

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-backup-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function opora(args: string[], env: Record<string, string>) {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(root, 'bin/opora.mjs'), ...args], {
      cwd: root,
      // Only what the test gives: no DATABASE_URL or DATA_DIR of the machine reaches the command.
      env,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

describe('opora backup and restore', () => {
  it('refuses a file that is not an archive before opening any database', async () => {
    const file = path.join(dir, 'garbage.tar.gz');
    fs.writeFileSync(file, 'not a backup');
    const dataDir = path.join(dir, 'never-created');
    const r = await opora(['restore', file], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/не является резервной копией Опоры или повреждён.*База данных не изменялась/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('says that a running server holds the embedded database', async () => {
    const dataDir = path.join(dir, 'locked');
    fs.mkdirSync(dataDir);
    // The test runner is alive and is not the command: to the command its pid is a running server.
    fs.writeFileSync(path.join(dataDir, 'opora.lock'), String(process.pid));
    const r = await opora(['backup', '--out', path.join(dir, 'x.tar.gz')], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`уже используется другим процессом (pid ${process.pid})`);
    expect(r.stderr).toContain('остановите сервер Опоры (systemctl stop opora)');
    expect(fs.existsSync(path.join(dir, 'x.tar.gz'))).toBe(false);
  });

  it('explains its usage', async () => {
    const r = await opora(['backup'], { DATA_DIR: path.join(dir, 'unused') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('opora backup --out ФАЙЛ.tar.gz');
  });
});
