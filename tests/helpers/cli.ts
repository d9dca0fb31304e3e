import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

// The `opora` command as a checker runs it: `bin/opora.mjs …` in a child process from the repository's
// root, with no database and no configuration — an environment of PATH alone, so that nothing from the
// test runner's environment (DATABASE_URL, NODE_OPTIONS of vitest) leaks into it.

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export type CliResult = { code: number; stdout: string; stderr: string };

export async function opora(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/opora.mjs'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}
