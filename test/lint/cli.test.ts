/**
 * `--fix` through the CLI's own code (in-process, test/support/in-process-cli.ts) on a throw-away copy of the mini fixture: without it nothing is
 * changed (R4: never silent); with it the file is fixed, each change listed, and the build that
 * follows, and the next check, have no lint warnings left.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, tempDir } from '../cli/helpers';
import { runInProcess } from '../support/in-process-cli';

const ARTICLE = 'issues/2024-03/articles/02-second.md';
const BEFORE = '---\r\ntitle: 第二篇文章\r\nsubtitle: --副标题\r\ndate: 2024-03-02\r\n---\r\n\r\n只有一段,编委:(按姓氏拼音)...依据国信发[2024]1号\r\n';
const AFTER = '---\r\ntitle: 第二篇文章\r\nsubtitle: ——副标题\r\ndate: 2024-03-02\r\n---\r\n\r\n只有一段，编委：（按姓氏拼音）……依据国信发〔2024〕1号\r\n';
const LINT_TAG = /\((R4|R16|R23|R24)\)/;

let root = '';
beforeAll(() => {
  root = tempDir('lint-cli');
  makeProject(root);
  fs.writeFileSync(path.join(root, ARTICLE), BEFORE);
});
afterAll(() => {
  if (root !== '') fs.rmSync(root, { recursive: true, force: true });
});

describe('bulletin check/build --fix', () => {
  it('without --fix: warns with file:line:column and a hint, changes nothing', async () => {
    const run = await runInProcess(root, ['check', '2024-03']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${ARTICLE}:7:5: warning: ASCII "," in Chinese text (R4)\n  hint: replace "," with "，"`);
    expect(run.stderr).toContain(`${ARTICLE}:3:11: warning: "--" for a dash (R4)`);
    expect(fs.readFileSync(path.join(root, ARTICLE), 'utf8')).toBe(BEFORE);
  });

  it('check --fix: fixes the file, lists each change, then checks the fixed text', async () => {
    const run = await runInProcess(root, ['check', '2024-03', '--fix']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${ARTICLE}:7:5: "," → "，"\n`);
    expect(run.stdout).toContain(`${ARTICLE}:7:24: "[2024]" → "〔2024〕"\n`);
    expect(run.stdout.split('\n').filter((l) => l.startsWith(ARTICLE))).toHaveLength(7);
    expect(run.stderr).not.toMatch(LINT_TAG);
    expect(fs.readFileSync(path.join(root, ARTICLE), 'utf8')).toBe(AFTER);
  });

  it('build afterwards passes with no lint warnings, and --fix has nothing left to do', async () => {
    const build = await runInProcess(root, ['build', '2024-03', '--fix']);
    expect(build.code).toBe(0);
    expect(build.stdout).not.toContain(`${ARTICLE}:`);
    expect(build.stderr).not.toMatch(LINT_TAG);
    expect(fs.readFileSync(path.join(root, ARTICLE), 'utf8')).toBe(AFTER);
  });

  it('with --json, stdout stays JSON and the changes go to stderr', async () => {
    fs.writeFileSync(path.join(root, ARTICLE), BEFORE);
    const run = await runInProcess(root, ['check', '2024-03', '--fix', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { message: string }[] };
    expect(json.ok).toBe(true);
    expect(json.diagnostics.filter((d) => LINT_TAG.test(d.message))).toEqual([]);
    expect(run.stderr).toContain(`${ARTICLE}:7:5: "," → "，"`);
  });
});
