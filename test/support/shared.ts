/**
 * What several suites need from the same unchanged input, made once per `jest` run and shared
 * across the workers: the sample issue built into a temporary project, a second build of it (over
 * a copy that already holds the first one's PDFs: determinism and rebuild), and what pdf.js reads
 * from a PDF. The first suite to ask makes it under a lock (an exclusive mkdir); the others wait
 * for its record. Suites only read what is shared: one that changes the input builds its own.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildIssue, type BuildResult } from '../../src/build';
import { imageCacheUse } from '../../src/image-cache';
import { readPdf, type PdfReport } from '../helpers/pdf';
import { ISSUE_ID, makeTempProject } from '../e2e/helpers';

/** The parts of a BuildResult that survive JSON (the layout and timings stay in the builder). */
export type SharedResult = Pick<BuildResult, 'outputs' | 'pageCount' | 'warnings' | 'fixable' | 'notes'>;

export interface SharedBuild {
  /** The temporary project: read it, never change it. */
  readonly root: string;
  readonly result: SharedResult;
  /** The e-mail copy (the output whose name does not end in -print.pdf). */
  readonly pdfFile: string;
  /** The press file. */
  readonly printFile: string;
  /**
   * For the rebuild: the outputs are new files (other inodes than the copies of the first build's
   * it found in out/), so the build really wrote them and did not keep what was there.
   */
  readonly wroteAnew?: boolean;
  /** Pictures this build read or converted anew, and found kept (image-cache.ts), in the run's shared image cache. */
  readonly images: { readonly made: number; readonly used: number };
}

/** Longer than any build of the sample on a loaded 2-core machine; a dead builder fails the wait. */
const WAIT_MS = 300_000;

let privateDir: string | undefined;
/** The run's folder (global-setup.js); a run without it (another config) gets one of its own. */
function sharedDir(): string {
  const dir = process.env.BULLETIN_TEST_SHARED;
  if (dir !== undefined && dir !== '') return dir;
  if (privateDir === undefined) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-shared-'));
    privateDir = made;
    process.on('exit', () => fs.rmSync(made, { recursive: true, force: true }));
  }
  return privateDir;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The value stored under `key`, made by `make` in exactly one process of the run: the others wait
 * for its record (or its error). `make` gets a fresh folder of its own to work in.
 */
async function once<T>(key: string, make: (dir: string) => Promise<T>): Promise<T> {
  const base = path.join(sharedDir(), key);
  const record = `${base}.json`;
  const failure = `${base}.error`;
  try {
    fs.mkdirSync(base);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const until = Date.now() + WAIT_MS;
    for (;;) {
      if (fs.existsSync(record)) return JSON.parse(fs.readFileSync(record, 'utf8')) as T;
      if (fs.existsSync(failure)) throw new Error(`shared ${key} failed in another suite: ${fs.readFileSync(failure, 'utf8')}`);
      if (Date.now() > until) throw new Error(`shared ${key}: no record after ${WAIT_MS / 1000} s`);
      await sleep(100);
    }
  }
  try {
    const value = await make(base);
    // Written whole, then renamed: a waiting suite never reads half a record.
    fs.writeFileSync(`${record}.tmp`, JSON.stringify(value));
    fs.renameSync(`${record}.tmp`, record);
    return value;
  } catch (err) {
    fs.writeFileSync(failure, err instanceof Error ? (err.stack ?? err.message) : String(err));
    throw err;
  }
}

/**
 * Builds the sample with the run's own image cache (the tests' environment has it off): the first
 * build fills it, the rebuild finds every picture there — so determinism compares a build that
 * converted with one that did not.
 */
async function buildWithSharedImageCache(root: string): Promise<{ result: BuildResult; images: SharedBuild['images'] }> {
  const before = { ...imageCacheUse };
  const previous = process.env.BULLETIN_IMAGE_CACHE;
  process.env.BULLETIN_IMAGE_CACHE = path.join(sharedDir(), 'image-cache');
  try {
    const result = await buildIssue(root, ISSUE_ID);
    return { result, images: { made: imageCacheUse.made - before.made, used: imageCacheUse.used - before.used } };
  } finally {
    if (previous === undefined) delete process.env.BULLETIN_IMAGE_CACHE;
    else process.env.BULLETIN_IMAGE_CACHE = previous;
  }
}

function sharedBuild(root: string, { result, images }: { result: BuildResult; images: SharedBuild['images'] }): SharedBuild {
  const file = (target: string): string => {
    const output = result.outputs.find((o) => o.target === target);
    if (output === undefined) throw new Error(`the sample build wrote no ${target} file: ${result.outputs.map((o) => o.file).join(', ')}`);
    return output.file;
  };
  const { outputs, pageCount, warnings, fixable, notes } = result;
  return { root, result: { outputs, pageCount, warnings, fixable, notes }, pdfFile: file('email'), printFile: file('print'), images };
}

/** Issue 2024-02 built unchanged, once per run. */
export function sharedSample(): Promise<SharedBuild> {
  return once('sample', async (dir) => {
    const root = makeTempProject(undefined, dir);
    return sharedBuild(root, await buildWithSharedImageCache(root));
  });
}

/**
 * The sample built a second time, in a copy of the first build's project that already holds its
 * PDFs: a rebuild over earlier output, in another directory, by another build.
 */
export function sharedRebuild(): Promise<SharedBuild> {
  return once('rebuild', async (dir) => {
    const first = await sharedSample();
    const root = makeTempProject(undefined, dir);
    fs.cpSync(path.join(first.root, 'out'), path.join(root, 'out'), { recursive: true });
    const inode = (file: string): number => fs.statSync(path.join(root, path.relative(first.root, file))).ino;
    const before = [first.pdfFile, first.printFile].map(inode);
    const built = sharedBuild(root, await buildWithSharedImageCache(root));
    const after = [built.pdfFile, built.printFile].map((file) => fs.statSync(file).ino);
    return { ...built, wroteAnew: before.every((ino, k) => ino !== after[k]) };
  });
}

/** What pdf.js reads from `file` (read-pdf.mjs), read once per run; the file must not change. */
export async function sharedReport(file: string): Promise<PdfReport> {
  const key = `report-${crypto.createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 16)}`;
  return once(key, async () => readPdf(file));
}
