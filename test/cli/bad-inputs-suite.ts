/**
 * Issue #5: bad input never crashes the build, never hides a mistake, never harms the last good
 * PDF. Every case under test/fixtures/bad/ (one defect each) is applied to a copy of the mini
 * fixture that already holds a good PDF, and the CLI is run on it: its own code path in-process
 * for every case (test/support/in-process-cli.ts), and as a real child process for a few, so the
 * exit status the shell sees and what node itself would print are covered too.
 *
 * Issue #13 point 6: on the same project, each case also runs as `check` does, buildIssue called
 * directly (nothing written), asserting on the BulletinError's diagnostics and on time and memory
 * (no input may take more than 10 s or 500 MB). (Formerly adversarial-in-process.test.ts: one
 * copy of each case now serves both.)
 *
 * The cases are run by two suites, alternate cases each (bad-inputs-even.test.ts and
 * bad-inputs-odd.test.ts), so jest's two workers share them: one suite of all of them was the
 * longest of the run and set its floor.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../src/build';
import { BulletinError, formatDiagnostic } from '../../src/errors';
import { runInProcess } from '../support/in-process-cli';
import { applyCase, type BadCase, type CliRun, makeProject, readCases, runCli, snapshot, tempDir, tempFilesIn, where } from './helpers';

interface Outcome {
  readonly run: CliRun;
  readonly before: Map<string, string>;
  readonly after: Map<string, string>;
  readonly temps: string[];
  readonly ms: number;
}

const allCases = readCases();
/** Run again as a child process: a YAML error, a file that would block a reader, a decompression bomb, an alias bomb. */
const SPAWNED = ['yaml-bad-indentation', 'font-path-fifo', 'image-100-megapixel', 'yaml-alias-bomb'];

/** buildIssue(dryRun) on `project`, as `check` runs it: the error's diagnostics, time, peak RSS growth. */
async function checkDirectly(project: string): Promise<{ lines: string[]; ms: number; growth: number }> {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  let lines: string[] = [];
  try {
    await buildIssue(project, '2024-03', { dryRun: true });
  } catch (err) {
    // Anything else is a bug: recorded, so that case's test fails and shows it.
    lines = err instanceof BulletinError ? err.diagnostics.map(formatDiagnostic).join('\n').split('\n') : [`not a BulletinError: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`];
  } finally {
    clearInterval(sampler);
  }
  const ms = Date.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { lines, ms, growth: peak - rssBefore };
}

/** Runs the build of 2024-03 in `project` (by `cli`) and records what it left in out/. */
async function outcome(project: string, cli: (cwd: string, args: readonly string[]) => Promise<CliRun>): Promise<Outcome> {
  const before = snapshot(path.join(project, 'out'));
  const started = Date.now();
  const run = await cli(project, ['build', '2024-03']);
  const ms = Date.now() - started;
  return { run, before, after: snapshot(path.join(project, 'out')), temps: tempFilesIn(project), ms };
}

/** The checks every run of a case must pass, in-process or as a child process. */
function checksOf(c: BadCase, outcomes: ReadonlyMap<string, Outcome>): void {
  const result = (): Outcome => {
    const r = outcomes.get(c.name);
    if (r === undefined) throw new Error(`case ${c.name} did not run`);
    return r;
  };

  it('exits 1 (the editor’s input), not a crash or a signal', () => {
    const { run } = result();
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 1, signal: null, stderr: expect.any(String) });
  });

  it(`reports it at ${where(c.expect)} with a message that names the problem`, () => {
    const lines = result().run.stderr.split('\n');
    const at = lines.find((line) => line.startsWith(where(c.expect)) && line.includes(c.expect.messageIncludes));
    expect({ stderr: result().run.stderr, found: at !== undefined }).toEqual({ stderr: result().run.stderr, found: true });
    if (c.expect.hintIncludes !== undefined) expect(result().run.stderr).toContain(c.expect.hintIncludes);
  });

  it('prints no stack trace and no internal-error line', () => {
    const { stderr, stdout } = result().run;
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at .+[(:]/m);
    expect(stderr).not.toMatch(/internal error/i);
  });

  it('leaves the earlier PDF byte-for-byte untouched, writes nothing new and no temp file', () => {
    const { before, after, temps } = result();
    // The good build wrote at least one PDF (the e-mail copy; the press copy too, once it exists).
    expect([...before.keys()].filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(1);
    expect(after).toEqual(before);
    expect(temps).toEqual([]);
  });

  it('fails within a bounded time', () => {
    expect(result().ms).toBeLessThan(20_000);
  });
}

const LIMIT_MS = 10_000;
const LIMIT_BYTES = 500 * 1024 * 1024;

/** Defines the tests of the cases whose index (in name order) has the parity `part` (0 or 1). */
export function badInputSuite(part: 0 | 1): void {
  const cases = allCases.filter((_c, k) => k % 2 === part);
  const unknown = SPAWNED.filter((name) => !allCases.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`no bad case named ${unknown.join(', ')}`);
  const spawnedHere = SPAWNED.filter((name) => cases.some((c) => c.name === name));
  const inProcess = new Map<string, Outcome>();
  /** The direct `check` of each case: the diagnostics as printed, its time and its RSS growth. */
  const checked = new Map<string, { readonly lines: string[]; readonly ms: number; readonly growth: number }>();
  const spawned = new Map<string, Outcome>();
  let root = '';

  beforeAll(async () => {
    root = tempDir('bad');
    // One good build, copied into every case, so each has an earlier PDF that must survive.
    const good = makeProject(path.join(root, 'good'));
    const built = await runInProcess(good, ['build', '2024-03']);
    if (built.code !== 0) throw new Error(`the good mini issue does not build:\n${built.stderr}`);
    const goodOut = path.join(good, 'out');

    // One case at a time in-process (it owns the working directory while it runs); the child
    // processes run meanwhile, on the other core.
    const children: Promise<void>[] = [];
    // Keep the disk small: the 100-megapixel and 5 MB cases are several megabytes each.
    const remove = (project: string): void => fs.rmSync(project, { recursive: true, force: true });
    for (const c of cases) {
      const project = makeProject(path.join(root, c.name));
      fs.cpSync(goodOut, path.join(project, 'out'), { recursive: true });
      await applyCase(project, c);
      inProcess.set(c.name, await outcome(project, runInProcess));
      // The same project again: the in-process run must have left it as it was (checked below).
      const child = spawnedHere.includes(c.name) ? outcome(project, runCli).then((o) => void spawned.set(c.name, o)) : undefined;
      checked.set(c.name, await checkDirectly(project));
      if (child === undefined) remove(project);
      else children.push(child.finally(() => remove(project)));
    }
    await Promise.all(children);
  }, 900_000);

  afterAll(() => {
    if (root !== '') fs.rmSync(root, { recursive: true, force: true });
  });

  if (part === 0) {
    it('has at least 40 cases, each with a description and an expected message', () => {
      expect(allCases.length).toBeGreaterThanOrEqual(40);
      for (const c of allCases) {
        expect(c.description).toBeTruthy();
        expect(c.expect.messageIncludes).toBeTruthy();
      }
    });
  }

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => checksOf(c, inProcess));

  describe.each(spawnedHere.map((name) => [name, cases.find((c) => c.name === name)] as const))('%s, as a child process (bin/bulletin.js)', (name, c) => {
    if (c === undefined) throw new Error(`no bad case named ${name}`);
    checksOf(c, spawned);
  });

  afterAll(() => {
    const all = [...checked].map(([name, r]) => ({ name, ...r }));
    const slowest = all.reduce((a, b) => (b.ms > a.ms ? b : a), { name: '', ms: 0, growth: 0, lines: [] as string[] });
    const largest = all.reduce((a, b) => (b.growth > a.growth ? b : a), { name: '', ms: 0, growth: 0, lines: [] as string[] });
    console.log(`check in-process: ${all.length} cases; slowest ${slowest.name} ${slowest.ms.toFixed(0)} ms; largest RSS growth ${largest.name} ${(largest.growth / 1024 / 1024).toFixed(0)} MB`);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: a located BulletinError, within 10 s and 500 MB', (_name, c) => {
    const r = checked.get(c.name);
    if (r === undefined) throw new Error(`case ${c.name} was not checked`);
    const { lines, ms, growth } = r;
    expect({ found: lines.some((l) => l.startsWith(where(c.expect)) && l.includes(c.expect.messageIncludes)), lines: lines.slice(0, 6) }).toEqual({ found: true, lines: lines.slice(0, 6) });
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(growth).toBeLessThan(LIMIT_BYTES);
  });
}
