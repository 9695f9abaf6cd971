/**
 * Number and date of every issue under issues/, read from their issue.yaml files, for the issue
 * sequence (issue-sequence.ts). An issue whose file does not parse is left out: its own check
 * reports it, and one broken old issue must not stop work on the next.
 *
 * Every build compares its issue with all the others, and the archive grows by an issue a month:
 * with three years of issues beside the sample (36 manifests), parsing them was 45–75 ms of each
 * build (read and validate 31 → 75 ms; wall median 0.770 → 0.845 s, 12 pairs). So the stamps are
 * kept between runs in the user's cache folder (bulletin/issue-stamps, beside the code cache),
 * each with the identity of the file it was read from (cache-folder.ts, identityOf: any write
 * changes it), taken before the file is read, so a file changed meanwhile is read again next
 * time. A kept file is named by a digest of the project and of the code that reads stamps, and
 * is only ever trusted after its shape is checked; a damaged, unreadable or unwritable one only
 * means reading every manifest, as without it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileIdentity, identityOf, userCacheFolder, writeCacheFile } from '../cache-folder';
import { BulletinError } from '../errors';
import { isPlainObject, parseYamlFile } from '../manifest/parse';
import { listIssues } from '../project';
import { readTextSync, realpathOrSelf } from '../workspace';
import type { IssueStamp } from './issue-sequence';

/** The stamp of issues/<id>/issue.yaml, or undefined when it has no usable number and date. */
export function readIssueStamp(root: string, id: string): IssueStamp | undefined {
  try {
    const file = path.join(root, 'issues', id, 'issue.yaml');
    const { value } = parseYamlFile(readTextSync(file), `issues/${id}/issue.yaml`);
    if (!isPlainObject(value)) return undefined;
    const { number, date } = value;
    return typeof number === 'number' && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { id, number, date } : undefined;
  } catch (err) {
    if (err instanceof BulletinError) return undefined;
    throw err;
  }
}

/**
 * Every issue's stamp, in folder order; without the issue `except`, whose file the caller has
 * read and parsed already (a build compares its issue with the others: reading its issue.yaml a
 * second time was a sixth of bench-600's YAML parsing).
 */
export function readIssueStamps(root: string, except?: string, keptIn: string | undefined = stampCacheDir()): IssueStamp[] {
  const kept = KeptStamps.open(root, keptIn);
  const stamps = listIssues(root).flatMap((id) => (id === except ? [] : (kept.stamp(id, () => readIssueStamp(root, id)) ?? [])));
  kept.save();
  return stamps;
}

/** The folder: `BULLETIN_STAMP_CACHE` if set (`off` turns the cache off), else bulletin/issue-stamps in the user's cache folder. */
export function stampCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return userCacheFolder('issue-stamps', env.BULLETIN_STAMP_CACHE, env);
}

/** What the kept stamps did in this process, for the tests: manifests read, stamps served. */
export const stampCacheUse = { read: 0, kept: 0 };

/** Kept files (one per project × version of this code); the least recently used go first. */
const KEEP_FILES = 64;

/** issue id → [identity of its issue.yaml, its stamp or null when it has none]. */
type Kept = Map<string, readonly [string, IssueStamp | null]>;

class KeptStamps {
  private readonly seen: Kept = new Map();

  private constructor(
    private readonly root: string,
    private readonly file: string | undefined,
    private readonly kept: Kept,
  ) {}

  static open(root: string, dir: string | undefined): KeptStamps {
    if (dir === undefined) return new KeptStamps(root, undefined, new Map());
    // A project that cannot be resolved is still named by its path.
    const project = realpathOrSelf(path.resolve(root));
    // The code is in the name: a kept stamp was read by exactly this code.
    const digest = createHash('sha256').update(`${project}\0${readIssueStamp.toString()}\0${identityOf.toString()}`).digest('hex');
    const file = path.join(dir, `${digest.slice(0, 40)}.bin`);
    return new KeptStamps(root, file, readKept(file));
  }

  /** The stamp of issue `id`: the kept one while its file is the one it was read from, else `read()`'s. */
  stamp(id: string, read: () => IssueStamp | undefined): IssueStamp | undefined {
    const identity = this.file === undefined ? undefined : fileIdentity(path.join(this.root, 'issues', id, 'issue.yaml'));
    const kept = identity === undefined ? undefined : this.kept.get(id);
    if (kept !== undefined && kept[0] === identity) {
      stampCacheUse.kept++;
      this.seen.set(id, kept);
      return kept[1] ?? undefined;
    }
    stampCacheUse.read++;
    const stamp = read();
    if (identity !== undefined) this.seen.set(id, [identity, stamp ?? null]);
    return stamp;
  }

  /** Writes the stamps of this run's issues when they differ from the kept ones (removed issues are dropped). */
  save(): void {
    if (this.file === undefined) return;
    const same = this.seen.size === this.kept.size && [...this.seen].every(([id, [identity]]) => this.kept.get(id)?.[0] === identity);
    if (same) return;
    const text = JSON.stringify([...this.seen]);
    writeCacheFile(this.file, () => Buffer.from(text, 'utf8'), KEEP_FILES);
  }
}

/** The kept stamps in `file`, or none when it is missing or not exactly what save() writes. */
function readKept(file: string): Kept {
  let entries: unknown;
  try {
    entries = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  const isStamp = (id: string, value: unknown): value is IssueStamp | null =>
    value === null || (isPlainObject(value) && value.id === id && typeof value.number === 'number' && typeof value.date === 'string' && Object.keys(value).length === 3);
  const valid = Array.isArray(entries) && entries.every((entry: unknown) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && Array.isArray(entry[1]) && entry[1].length === 2 && typeof entry[1][0] === 'string' && isStamp(entry[0], entry[1][1]));
  return valid ? new Map(entries as [string, [string, IssueStamp | null]][]) : new Map();
}
