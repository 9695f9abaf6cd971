/**
 * Issue #13 point 3 and #8 point 10: the two PDFs are replaced together or not at all. A child
 * process runs the real writer (dist/output.js) and SIGKILLs itself just before each of its file
 * operations in turn; after each kill the next start (recoverOutputs) must leave both previous
 * files or both new ones, and no leftovers. Failures (a locked file at the second rename, a full
 * disk) must leave the previous pair byte-for-byte and say what to do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorOf, wording } from '../helpers/errors';
import { realWriteOps, recoverOutputs, writeFilesAtomically, type WriteOps } from '../../src/output';
import { type CliRun, REPO, runNode, tempDir } from './helpers';

const DIST_OUTPUT = path.join(REPO, 'dist', 'output.js');
const NAMES = ['法律资讯-2024年第3期.pdf', '法律资讯-2024年第3期-print.pdf'] as const;
const OLD = ['old e-mail copy', 'old press file'] as const;
const NEW = ['new e-mail copy', 'new press file'] as const;

// The child: every operation of realWriteOps counted; at number `killAt` the process SIGKILLs itself first.
const CHILD = `
const { writeFilesAtomically, realWriteOps } = require(process.argv[1]);
const [root, killAt, a, b] = [process.argv[2], Number(process.argv[3]), process.argv[4], process.argv[5]];
let n = 0;
const ops = Object.fromEntries(Object.entries(realWriteOps).map(([name, op]) => [name, (...args) => {
  if (++n === killAt) process.kill(process.pid, 'SIGKILL');
  return op(...args);
}]));
const dir = require('node:path').join(root, 'out', '2024-03');
writeFilesAtomically(root, [{ file: dir + '/' + a, bytes: Buffer.from(${JSON.stringify(NEW[0])}) }, { file: dir + '/' + b, bytes: Buffer.from(${JSON.stringify(NEW[1])}) }], ops);
process.stdout.write(String(n));
`;

let root = '';
beforeAll(() => {
  root = tempDir('pair');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function project(name: string, previous: readonly string[] | undefined): { root: string; dir: string } {
  const projectRoot = path.join(root, name);
  const dir = path.join(projectRoot, 'out', '2024-03');
  fs.mkdirSync(dir, { recursive: true });
  if (previous) NAMES.forEach((n, i) => fs.writeFileSync(path.join(dir, n), previous[i]!));
  return { root: projectRoot, dir };
}

/** The writer in a child process: its exit code or signal, and what it printed. */
function runChild(projectRoot: string, killAt: number): Promise<CliRun> {
  return runNode(['-e', CHILD, DIST_OUTPUT, projectRoot, String(killAt), NAMES[0], NAMES[1]]);
}

/** The pair as it is on disk: the two contents (undefined when missing) and any other file. */
function pairIn(dir: string) {
  const read = (n: string) => (fs.existsSync(path.join(dir, n)) ? fs.readFileSync(path.join(dir, n), 'utf8') : undefined);
  return { pair: NAMES.map(read), others: fs.readdirSync(dir).filter((n) => !(NAMES as readonly string[]).includes(n)) };
}

/** How many file operations the writer makes with (or without) a previous pair: a run without a kill counts them. */
async function operations(previous: readonly string[] | undefined): Promise<number> {
  const { root: projectRoot } = project(`count-${previous ? 'replace' : 'first'}`, previous);
  const run = await runChild(projectRoot, 0);
  if (run.code !== 0) throw new Error(`the writer failed: ${run.stderr}`);
  return Number(run.stdout);
}

describe.each([
  ['replacing an earlier pair', OLD as readonly string[] | undefined],
  ['the first build', undefined],
])('killed (SIGKILL) before each file operation, %s', (_what, previous) => {
  it('leaves both earlier files or both new ones once the next build has started, and no leftovers', async () => {
    const n = await operations(previous);
    // 2 temp files, (2 backups,) the journal written aside and renamed in, 2 renames, the cleanup.
    expect(n).toBeGreaterThanOrEqual(previous ? 10 : 8);
    // Every kill in its own project, all at once (each child is a node start-up and a few file
    // operations); then each outcome checked, in order.
    const killAts = Array.from({ length: n + 1 }, (_, k) => k + 1);
    const runs = await Promise.all(
      killAts.map(async (killAt) => {
        const { root: projectRoot, dir } = project(`kill-${previous ? 'replace' : 'first'}-${killAt}`, previous);
        return { killAt, dir, run: await runChild(projectRoot, killAt) };
      }),
    );
    const outcomes = new Set<string>();
    for (const { killAt, dir, run } of runs) {
      expect(killAt <= n ? run.signal : run.code).toBe(killAt <= n ? 'SIGKILL' : 0);
      recoverOutputs(dir);
      const { pair, others } = pairIn(dir);
      const before = previous === undefined ? [undefined, undefined] : [...previous];
      expect({ killAt, others }).toEqual({ killAt, others: [] });
      expect([JSON.stringify(before), JSON.stringify([...NEW])]).toContain(JSON.stringify(pair));
      outcomes.add(JSON.stringify(pair));
    }
    // Both outcomes happen: early kills keep the old pair, late ones complete the new.
    expect(outcomes.size).toBe(2);
  }, 120_000);
});

/** realWriteOps with the `nth` call of `name` failing with errno `code`. */
function failing(name: keyof WriteOps, nth: number, code: string): WriteOps {
  let calls = 0;
  const fail = (...args: unknown[]) => {
    if (++calls === nth) throw Object.assign(new Error(`${code}: simulated`), { code });
    return (realWriteOps[name] as (...a: unknown[]) => unknown)(...args);
  };
  return { ...realWriteOps, [name]: fail };
}


describe.each([
  // The renames are: journal aside → journal, temp 1 → target 1, temp 2 → target 2.
  ['the second PDF is locked (second rename fails)', 'rename' as const, 3, 'EBUSY', 'output.file-locked', /is open in another program \(locked\).*earlier PDFs are unchanged/, /close it/],
  ['the disk is full while writing the second PDF', 'create' as const, 2, 'ENOSPC', 'output.disk-full', /the disk is full.*earlier PDFs are unchanged/, /free some space/],
  ['the folder is read-only', 'create' as const, 1, 'EROFS', 'output.read-only-disk', /read-only disk/, /writable disk/],
  ['no permission', 'create' as const, 1, 'EACCES', 'output.no-write-permission', /no permission to write/, /chmod u\+w/],
])('when %s', (name, op, nth, code, expectedCode, message, hint) => {
  it('keeps both earlier files byte-for-byte, leaves nothing behind and says what to do (exit 1 material)', () => {
    const { root: projectRoot, dir } = project(`fail-${code}`, OLD);
    const err = errorOf(() => writeFilesAtomically(projectRoot, NAMES.map((n, i) => ({ file: path.join(dir, n), bytes: Buffer.from(NEW[i]!) })), failing(op, nth, code)));
    expect(err.diagnostics[0]).toMatchObject({ code: expectedCode, hint: { code: `${expectedCode}.hint` } });
    expect(wording(err.diagnostics[0])).toMatch(message);
    expect(wording(err.diagnostics[0]?.hint)).toMatch(hint);
    expect(pairIn(dir)).toEqual({ pair: [...OLD], others: [] });
    void name;
  });
});

describe('the output folder', () => {
  const files = (dir: string) => NAMES.map((n, i) => ({ file: path.join(dir, n), bytes: Buffer.from(NEW[i]!) }));

  it('is never written through a symbolic link', () => {
    const projectRoot = path.join(root, 'link');
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(projectRoot, { recursive: true });
    fs.mkdirSync(elsewhere, { recursive: true });
    fs.symlinkSync(elsewhere, path.join(projectRoot, 'out'));
    const err = errorOf(() => writeFilesAtomically(projectRoot, files(path.join(projectRoot, 'out', '2024-03'))));
    expect(err.diagnostics[0]).toMatchObject({ location: { file: 'out' }, code: 'output.folder-is-symlink' });
    expect(wording(err.diagnostics[0])).toMatch(/out is a symbolic link/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a file where the folder should be', () => {
    const projectRoot = path.join(root, 'file');
    fs.mkdirSync(path.join(projectRoot, 'out'), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, 'out', '2024-03'), 'not a folder');
    const err = errorOf(() => writeFilesAtomically(projectRoot, files(path.join(projectRoot, 'out', '2024-03'))));
    expect(wording(err.diagnostics[0])).toMatch(/out\/2024-03 is a file/);
  });

  it('loses the leftovers of killed builds at the next build', () => {
    const { root: projectRoot, dir } = project('stale', OLD);
    // Three builds killed while writing (pids that no longer run: far above pid_max's default).
    for (const pid of [4_194_301, 4_194_302, 4_194_303]) for (const n of NAMES) fs.writeFileSync(path.join(dir, `.${n}.${pid}.tmp`), 'x'.repeat(1000));
    writeFilesAtomically(projectRoot, files(dir));
    expect(pairIn(dir)).toEqual({ pair: [...NEW], others: [] });
  });
});
