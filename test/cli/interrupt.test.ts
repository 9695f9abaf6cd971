/**
 * Issue #5, point 4: interrupting a build (Ctrl-C, or a SIGTERM from a CI runner) while it is
 * typesetting or rendering leaves the previous PDF byte-for-byte intact and no temp file behind.
 * Uses the real sample issue, which takes long enough to be caught mid-way.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shareInto } from '../helpers/project';
import { sharedSample } from '../support/shared';
import { BIN, listFiles, REPO, snapshot, tempDir, tempFilesIn } from './helpers';

let root = '';
let project = '';
let outDir = '';

interface Attempt {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** Whether the signal was sent before the process ended. */
  readonly sent: boolean;
}

/** Starts a build and sends `signal` `delay` ms after the stage `after` has reported finishing. */
function buildAndSignal(signal: NodeJS.Signals, after: string, delay: number): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    // Stage lines are printed only with --verbose (a build is quiet by default); the signal is timed by them.
    const child = spawn(process.execPath, [BIN, 'build', '2024-02', '--verbose'], { cwd: project, env: { ...process.env, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    let armed = false;
    let exited = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      if (armed || !new RegExp(`^\\s+${after}\\s`, 'm').test(stdout)) return;
      armed = true;
      setTimeout(() => {
        if (exited) return;
        sent = true;
        child.kill(signal);
      }, delay);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('exit', () => (exited = true));
    child.on('close', (code, sig) => resolve({ code, signal: sig, stderr, sent }));
  });
}

function isCompletePdf(file: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-1024).toString('latin1').includes('%%EOF');
}

beforeAll(async () => {
  root = tempDir('interrupt');
  project = path.join(root, 'sample');
  // The sample issue, not the mini one: its typesetting and rendering take long enough to interrupt.
  fs.cpSync(path.join(REPO, 'issues'), path.join(project, 'issues'), { recursive: true });
  shareInto(path.join(REPO, 'fonts'), path.join(project, 'fonts'));
  shareInto(path.join(REPO, 'profiles'), path.join(project, 'profiles'));
  // The earlier good PDFs: the run's shared build of this same unchanged sample (test/support/shared.ts).
  const good = await sharedSample();
  outDir = path.join(project, 'out');
  fs.cpSync(path.join(good.root, 'out'), outDir, { recursive: true });
  // A finished build would now write different bytes, so "unchanged" really means "not written".
  const articles = path.join(project, 'issues', '2024-02', 'articles');
  const first = listFiles(articles).find((f) => f.endsWith('.md'));
  if (first === undefined) throw new Error('the sample issue has no articles');
  fs.appendFileSync(path.join(articles, first), '\n补充一段，使新的 PDF 与原有的不同。\n');
}, 60_000);

afterAll(() => {
  if (root !== '') fs.rmSync(root, { recursive: true, force: true });
});

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s during a build', (signal, exitCode) => {
  it('leaves the previous PDF intact and no temp files; a build that won the race wrote a complete PDF', async () => {
    // Stages print when they finish: after "typeset", the process is preparing images and rendering.
    const plans: [string, number][] = [
      ['typeset', 0],
      ['typeset', 50],
      ['frames', 0],
      ['fonts', 0],
      ['read and validate', 0],
    ];
    let interrupted = 0;
    for (const [after, delay] of plans) {
      const before = snapshot(outDir);
      const attempt = await buildAndSignal(signal, after, delay);
      expect(tempFilesIn(project)).toEqual([]);
      if (attempt.code === 0) {
        // The build finished before the signal arrived: what it wrote must be whole.
        for (const file of listFiles(outDir)) expect(isCompletePdf(path.join(outDir, file))).toBe(true);
        continue;
      }
      expect(attempt.sent).toBe(true);
      expect({ code: attempt.code, signal: attempt.signal }).toEqual({ code: exitCode, signal: null });
      expect(attempt.stderr).toContain(`interrupted (${signal}): no output written; earlier PDFs are unchanged`);
      expect(snapshot(outDir)).toEqual(before);
      interrupted++;
      break;
    }
    expect(interrupted).toBe(1);
  }, 60_000);
});

describe('a signal that arrives once the new PDFs are in place', () => {
  it('exits 0 and says the PDFs are complete', () => {
    // Deterministically inside the window the issue found (the files switched, the process still
    // running): a process writes a pair with the real writer, then signals itself and stays alive
    // until the handler acts. (A signal in the last milliseconds of Node's own teardown, after
    // every line of ours has run, still ends the process by the signal: that is outside our reach.)
    const dir = tempDir('signal-after-write');
    const script = [
      `const out = require(${JSON.stringify(path.join(REPO, 'dist', 'output.js'))});`,
      `const root = ${JSON.stringify(dir)};`,
      `out.writeFilesAtomically(root, [{ file: root + '/out/x/a.pdf', bytes: Buffer.from('%PDF-a') }, { file: root + '/out/x/b.pdf', bytes: Buffer.from('%PDF-b') }]);`,
      `process.kill(process.pid, 'SIGINT');`,
      `setTimeout(() => { process.stderr.write('handler did not run'); process.exit(99); }, 5000);`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    try {
      expect({ code: run.status, signal: run.signal }).toEqual({ code: 0, signal: null });
      expect(run.stderr).toContain('interrupted (SIGINT) after the PDFs were written: they are complete');
      expect(fs.readFileSync(path.join(dir, 'out', 'x', 'a.pdf'), 'latin1')).toBe('%PDF-a');
      expect(fs.readFileSync(path.join(dir, 'out', 'x', 'b.pdf'), 'latin1')).toBe('%PDF-b');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
