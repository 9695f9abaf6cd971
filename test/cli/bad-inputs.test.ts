/**
 * Issue #5: bad input never crashes the build, never hides a mistake, never harms the last good
 * PDF. Every case under test/fixtures/bad/ (one defect each) is applied to a copy of the mini
 * fixture that already holds a good PDF, and the real CLI is run on it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyCase, type BadCase, type CliRun, makeProject, pool, readCases, runCli, snapshot, tempDir, tempFilesIn, where } from './helpers';

const cases = readCases();
const results = new Map<string, { run: CliRun; before: Map<string, string>; after: Map<string, string>; temps: string[]; ms: number }>();
let root = '';

beforeAll(async () => {
  root = tempDir('bad');
  // One good build, copied into every case, so each has an earlier PDF that must survive.
  const good = makeProject(path.join(root, 'good'));
  const built = await runCli(good, ['build', '2024-03']);
  if (built.code !== 0) throw new Error(`the good mini issue does not build:\n${built.stderr}`);
  const goodOut = path.join(good, 'out');

  await pool(cases, 2, async (c: BadCase) => {
    const project = makeProject(path.join(root, c.name));
    fs.cpSync(goodOut, path.join(project, 'out'), { recursive: true });
    await applyCase(project, c);
    const before = snapshot(path.join(project, 'out'));
    const started = Date.now();
    const run = await runCli(project, ['build', '2024-03']);
    const ms = Date.now() - started;
    results.set(c.name, { run, before, after: snapshot(path.join(project, 'out')), temps: tempFilesIn(project), ms });
    // Keep the disk small: the 100-megapixel and 5 MB cases are several megabytes each.
    fs.rmSync(project, { recursive: true, force: true });
  });
}, 900_000);

afterAll(() => {
  if (root !== '') fs.rmSync(root, { recursive: true, force: true });
});

it('has at least 40 cases, each with a description and an expected message', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const c of cases) {
    expect(c.description).toBeTruthy();
    expect(c.expect.messageIncludes).toBeTruthy();
  }
});

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const result = () => {
    const r = results.get(c.name);
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
});
