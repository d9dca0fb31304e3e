import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opora as runOpora } from '../../tests/helpers/cli.js';
import { cliDocument, randomCase } from '../../tests/helpers/risk-rule-reference.js';

// The command itself, as a checker runs it: `bin/opora.mjs risk-profile …` in a child process.

const root = path.resolve(import.meta.dirname, '../..');
const opora = (...args: string[]) => runOpora(['risk-profile', ...args]);

describe('opora risk-profile', () => {
  it('prints the documented example, the bad-file errors and a random case, with exit codes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'opora-risk-cli-'));
    const random = randomCase(7);
    await writeFile(path.join(dir, 'rand.json'), JSON.stringify(random.ins));
    await writeFile(path.join(dir, 'rand.csv'), random.csv);
    await writeFile(
      path.join(dir, 'bad.csv'),
      'school_id,group,respondent_id,item_id,answer\n501,pupil,p1,p-like,9\n501,teacher,t1,p-like,1\n',
    );
    await writeFile(
      path.join(dir, 'bad.json'),
      JSON.stringify({
        id: 'x',
        version: 1,
        factors: [{ code: '1', name: 'A' }],
        items: [{ id: 'a', group: 'pupil', factor: '2', type: 'single', options: [{ value: 'y', risk: 2 }] }],
      }),
    );
    const ex = (f: string) => path.join(root, 'docs/examples', f);
    const [example, bad, badJson, badIns, usage, rand] = await Promise.all([
      opora('--instrument', ex('risk-instrument.json'), '--responses', ex('risk-responses.csv'), '--json'),
      opora('--instrument', ex('risk-instrument.json'), '--responses', path.join(dir, 'bad.csv')),
      opora('--instrument', ex('risk-instrument.json'), '--responses', path.join(dir, 'bad.csv'), '--json'),
      opora('--instrument', path.join(dir, 'bad.json'), '--responses', ex('risk-responses.csv')),
      opora('--instrument', ex('risk-instrument.json')),
      opora('--json', '--instrument', path.join(dir, 'rand.json'), '--responses', path.join(dir, 'rand.csv')),
    ]);
    expect(example.code).toBe(0);
    // the documented output (formatted by the repository's formatter, so compared as JSON) …
    expect(JSON.parse(example.stdout)).toEqual(JSON.parse(await readFile(ex('risk-profile.json'), 'utf8')));
    // … with the factors in the instrument's order, "12" after "9"
    expect([...example.stdout.matchAll(/^ {8}"(\d+)": \{$/gm)].map((m) => m[1])).toEqual([
      '2',
      '9',
      '12',
      '2',
      '9',
      '12',
    ]);

    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('ответы, строка 2: вопрос p-like: нет варианта ответа «9»');
    expect(bad.stderr).toContain(
      'ответы, строка 3: вопрос p-like — из анкеты группы pupil, а строка — группы teacher',
    );

    expect(badJson.code).toBe(1);
    expect(JSON.parse(badJson.stdout)).toEqual({
      errors: [
        { file: 'responses', row: 2, message: expect.stringContaining('«9»') },
        { file: 'responses', row: 3, message: expect.stringContaining('группы teacher') },
      ],
      totalErrors: 2,
    });

    expect(badIns.code).toBe(1);
    expect(badIns.stderr).toContain('анкета, items[0].options[0].risk: Риск — от 0 до 1');

    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--responses');

    expect(rand.code).toBe(0);
    expect(rand.stdout).toBe(`${await cliDocument(random.ins, random.csv)}\n`);
  }, 120_000);
});
