/**
 * How problems reach the editor (issue #5, points 2, 5 and 6): all of them in one run, sorted;
 * in Chinese or English by LANG; as JSON for scripts; and a bug of ours as one line plus a log.
 * The CLI's own code runs in-process (test/support/in-process-cli.ts) except where only a real
 * process shows it: the language (read from LANG once, at start) and the bug's exit status.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInProcess } from '../support/in-process-cli';
import { applyCase, BAD, BAD_MULTI, makeProject, readCases, REPO, runCli, snapshot, tempDir, where } from './helpers';

let root = '';
let multi = '';
let unknownKey = '';

beforeAll(async () => {
  root = tempDir('reporting');
  multi = makeProject(path.join(root, 'multi'));
  await applyCase(multi, readCases(BAD_MULTI)[0] as Parameters<typeof applyCase>[1]);
  unknownKey = makeProject(path.join(root, 'unknown-key'));
  const c = readCases(BAD).find((x) => x.name === 'unknown-key-issue-did-you-mean');
  if (c === undefined) throw new Error('fixture unknown-key-issue-did-you-mean is missing');
  await applyCase(unknownKey, c);
});

afterAll(() => {
  if (root !== '') fs.rmSync(root, { recursive: true, force: true });
});

describe('bulletin check', () => {
  it('reports every problem of the issue in one run, sorted by file then line', async () => {
    const expected = readCases(BAD_MULTI)[0]?.expectAll ?? [];
    expect(expected.length).toBe(4);
    const run = await runInProcess(multi, ['check', '2024-03']);
    expect(run.code).toBe(1);
    const located = run.stderr.split('\n').filter((line) => /^issues\/\S+:\d+/.test(line));
    expect(located).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(located[i]).toContain(where(e));
      expect(located[i]).toContain(e.messageIncludes);
    });
    expect(run.stderr.trim().split('\n').pop()).toBe('4 error(s), 0 warning(s); nothing was written');
  });

  it('writes nothing, not even out/', async () => {
    await runInProcess(multi, ['check', '2024-03']);
    expect(snapshot(path.join(multi, 'out')).size).toBe(0);
  });
});

describe('language of messages', () => {
  it('is Chinese when LANG is zh_CN.UTF-8', async () => {
    const run = await runCli(unknownKey, ['build', '2024-03'], { LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('issues/2024-03/issue.yaml:5:1: 未知的属性 "editr"');
    expect(run.stderr).toContain('是否应为 "editor"？');
    expect(run.stderr).toContain('1 个错误，0 个警告；未写任何文件');
    expect(run.stderr).not.toContain('unknown property');
  });

  it('is English when LANG is C', async () => {
    const run = await runCli(unknownKey, ['build', '2024-03'], { LANG: 'C' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('issues/2024-03/issue.yaml:5:1: unknown property "editr"');
    expect(run.stderr).toContain('did you mean "editor"?');
    expect(run.stderr).toContain('1 error(s), 0 warning(s); nothing was written');
    expect(run.stderr).not.toContain('未知的属性');
  });
});

describe('--json', () => {
  it('prints the diagnostics as parseable JSON on stdout: code, severity, location, params and the worded message', async () => {
    const run = await runInProcess(multi, ['check', '2024-03', '--json']);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { code: string; severity: string; location: { file: string; line?: number; column?: number }; params: object; message: string }[] };
    expect(parsed.ok).toBe(false);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.location.file, d.location.line])).toEqual([
      ['issues/2024-03/articles/01-first.md', 2],
      ['issues/2024-03/articles/03-third.md', 14],
      ['issues/2024-03/issue.yaml', 4],
      ['issues/series.yaml', 4],
    ]);
    expect(errors[2]).toEqual({
      code: 'manifest.not-a-calendar-date',
      severity: 'error',
      location: { file: 'issues/2024-03/issue.yaml', line: 4, column: 7 },
      params: { key: 'date', text: '2024-02-30' },
      message: 'date: 2024-02-30 is not a date in the calendar',
    });
    for (const d of parsed.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['code', 'severity', 'location', 'params', 'message']));
  });

  it('works for build too, and keeps stdout pure JSON (no progress lines)', async () => {
    const run = await runInProcess(unknownKey, ['build', '2024-03', '--json']);
    expect(run.code).toBe(1);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });
});

describe('a bug of ours', () => {
  it('prints one short line naming a log file that holds the stack trace, and exits 70', () => {
    // No hook for this in the product: the test replaces a function of the compiled pipeline with
    // one that fails the way a bug would (a TypeError), then runs the real main().
    const logDir = tempDir('buglog');
    try {
      const script = [
        `const md = require(${JSON.stringify(path.join(REPO, 'dist', 'document', 'markdown.js'))});`,
        `md.markdownToBlocks = () => { const x = undefined; return x.blocks; };`,
        `require(${JSON.stringify(path.join(REPO, 'dist', 'cli.js'))}).main([process.argv[0], 'bulletin', 'build', '2024-03']);`,
      ].join('\n');
      const project = makeProject(path.join(root, 'bug'));
      const run = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8', env: { ...process.env, LANG: 'C', TMPDIR: logDir } });
      expect(run.status).toBe(70);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/internal error in bulletin \(not your input's fault\); please report it with /);
      expect(lines[0]).not.toMatch(/^\s+at /);
      const log = /with (\S+\.log)/.exec(lines[0] ?? '')?.[1] ?? '';
      // In a new folder of its own (mkdtemp: not a predictable path another user could plant a link at), readable by us only.
      expect([logDir, fs.realpathSync(logDir)]).toContain(path.dirname(path.dirname(log)));
      expect(path.basename(path.dirname(log))).toMatch(/^bulletin-error-.{6}$/);
      expect(fs.statSync(log).mode & 0o077).toBe(0);
      const content = fs.readFileSync(log, 'utf8');
      expect(content).toContain('TypeError');
      expect(content).toMatch(/^\s+at /m);
      expect(snapshot(path.join(project, 'out')).size).toBe(0);
    } finally {
      fs.rmSync(logDir, { recursive: true, force: true });
    }
  });
});
