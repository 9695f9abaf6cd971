/**
 * Issue #13 point 6: the adversarial cases of test/fixtures/bad/ run in-process too — buildIssue
 * called directly (as `check` does: nothing written), asserting on the BulletinError's
 * diagnostics, and on time and memory per case (no input may take more than 10 s or 500 MB). The
 * CLI suite (bad-inputs.test.ts) runs the same cases for exit codes, stack traces and the files
 * left on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../src/build';
import { BulletinError, formatDiagnostic } from '../../src/errors';
import { applyCase, makeProject, readCases, tempDir, where } from './helpers';

const cases = readCases();
let root = '';
beforeAll(() => {
  root = tempDir('adversarial');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const LIMIT_MS = 10_000;
const LIMIT_BYTES = 500 * 1024 * 1024;
const worst = { ms: 0, msCase: '', rss: 0, rssCase: '' };
afterAll(() => console.log(`adversarial in-process: ${cases.length} cases; slowest ${worst.msCase} ${worst.ms.toFixed(0)} ms; largest RSS growth ${worst.rssCase} ${(worst.rss / 1024 / 1024).toFixed(0)} MB`));

it.each(cases.map((c) => [c.name, c] as const))('%s: a located BulletinError, within 10 s and 500 MB', async (_name, c) => {
  const project = makeProject(path.join(root, c.name));
  await applyCase(project, c);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  let lines: string[] = [];
  try {
    await buildIssue(project, '2024-03', { dryRun: true });
  } catch (err) {
    if (!(err instanceof BulletinError)) throw err;
    lines = err.diagnostics.map(formatDiagnostic).join('\n').split('\n');
  } finally {
    clearInterval(sampler);
  }
  const ms = Date.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  fs.rmSync(project, { recursive: true, force: true });
  if (ms > worst.ms) Object.assign(worst, { ms, msCase: c.name });
  if (peak - rssBefore > worst.rss) Object.assign(worst, { rss: peak - rssBefore, rssCase: c.name });
  expect({ found: lines.some((l) => l.startsWith(where(c.expect)) && l.includes(c.expect.messageIncludes)), lines: lines.slice(0, 6) }).toEqual({ found: true, lines: lines.slice(0, 6) });
  expect(ms).toBeLessThan(LIMIT_MS);
  expect(peak - rssBefore).toBeLessThan(LIMIT_BYTES);
}, 60_000);
