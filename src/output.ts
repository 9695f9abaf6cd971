/**
 * Writing the PDFs as a pair: after a failure, or a kill at any moment (SIGKILL included), the
 * two files in out/<issue>/ are either both the previous build's or both the new build's.
 *
 * Two renames cannot be one atomic step, so the switch is recorded in a journal:
 *   1. each new PDF is written (and fsynced) to `.<name>.<pid>.tmp` beside its target;
 *   2. each previous PDF gets a second name, `.<name>.<pid>.old` (a hard link, so it is kept);
 *   3. the journal `.bulletin-pair.json` naming all of them appears (written aside, renamed in):
 *      from this moment the new pair is the build's result;
 *   4. the temp files are renamed over the targets; 5. the journal is removed; 6. the backups.
 * Killed before 3: the targets were never touched and the next build removes the leftovers.
 * Killed after 3: the next build (or `recoverOutputs`) finishes the renames from the journal.
 * A rename that fails in 4 (a locked file, a full disk) puts the backups back, after marking the
 * journal "rollback" so that a kill during the roll-back is finished the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError, inputError } from './errors';
import { type Message, message, say } from './messages';

/** One file of the pair: where it goes and its bytes. */
export interface OutputFile {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** The file operations of the write stage, replaceable so that a test can kill the process at each. */
export interface WriteOps {
  /** Creates `file` (never through an existing file or link), writes `data` and fsyncs it. */
  readonly create: (file: string, data: Uint8Array | string) => void;
  readonly rename: (from: string, to: string) => void;
  /** Gives `existing` a second name `alias` (its bytes stay while `existing` is replaced). */
  readonly link: (existing: string, alias: string) => void;
  readonly remove: (file: string) => void;
}

export const realWriteOps: WriteOps = {
  create(file, data) {
    const fd = fs.openSync(file, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
  rename: (from, to) => fs.renameSync(from, to),
  link(existing, alias) {
    try {
      fs.linkSync(existing, alias);
    } catch {
      // A file system without hard links (some network or FAT disks): a copy keeps the bytes too.
      fs.copyFileSync(existing, alias, fs.constants.COPYFILE_EXCL);
    }
  },
  remove: (file) => fs.rmSync(file, { force: true }),
};

const JOURNAL = '.bulletin-pair.json';
/** Leftovers of a build: `.<name>.<pid>.tmp` (new bytes), `.<name>.<pid>.old` (backup), the journal being written. */
const LEFTOVER = /^\..+\.(\d+)\.(tmp|old)$/;

interface JournalEntry {
  readonly final: string;
  readonly temp: string;
  /** The backup of the previous file, or null when there was none. */
  readonly backup: string | null;
}
interface Journal {
  readonly state: 'commit' | 'rollback';
  readonly entries: readonly JournalEntry[];
}

let pending = new Set<string>();
let committed = false;
let handlersInstalled = false;

/**
 * Turns SIGINT/SIGTERM into a clean exit that says what happened: 130/143 with nothing written,
 * or 0 when the new PDFs were already in place. The CLI (and bin/) installs it before any work.
 */
export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // bin/bulletin.js's start-up handlers hand over to these.
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (committed) {
        process.stderr.write(say('output.interrupted-after-write', { signal }));
        process.exit(0);
      }
      removePending();
      process.stderr.write(
        say('output.interrupted-nothing-written', { signal }),
      );
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.once('exit', removePending);
}

function removePending(): void {
  for (const file of pending) fs.rmSync(file, { force: true });
  pending = new Set();
}

/**
 * Writes all `files` (all in one folder under `projectRoot`) or none. The folder is created
 * inside the project, never through a symbolic link; an interrupted earlier build in it is
 * finished or undone first, and its leftovers removed. A failure the editor or the machine
 * causes (full disk, read-only folder, locked file, name too long) is a BulletinError.
 */
export function writeFilesAtomically(projectRoot: string, files: readonly OutputFile[], ops: WriteOps = realWriteOps): void {
  installSignalHandlers();
  const dir = path.dirname(files[0]?.file ?? projectRoot);
  if (files.some((f) => path.dirname(f.file) !== dir)) throw new Error('writeFilesAtomically: the files must share one folder');
  const shown = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/');
  let current = dir;
  try {
    ensureRealFolder(projectRoot, dir);
    recoverOutputs(dir, ops);
    const entries: JournalEntry[] = files.map(({ file }) => ({ final: file, temp: leftoverName(file, 'tmp'), backup: fs.existsSync(file) ? leftoverName(file, 'old') : null }));
    try {
      files.forEach(({ bytes }, i) => {
        const { temp, final } = entries[i]!;
        current = final;
        pending.add(temp);
        ops.create(temp, bytes);
      });
      for (const { final, backup } of entries) {
        if (backup === null) continue;
        current = final;
        pending.add(backup);
        ops.link(final, backup);
      }
      current = path.join(dir, JOURNAL);
      writeJournal(dir, { state: 'commit', entries }, ops);
    } catch (err) {
      // Nothing was switched: the previous pair is untouched; only our own files go.
      for (const file of pending) ops.remove(file);
      pending = new Set();
      ops.remove(journalAside(dir));
      throw err;
    }
    // From here on the new pair is the result, whatever happens to this process.
    pending = new Set();
    try {
      for (const { temp, final } of entries) {
        current = final;
        ops.rename(temp, final);
      }
    } catch (err) {
      try {
        writeJournal(dir, { state: 'rollback', entries }, ops);
      } catch {
        // The roll-back below still runs; only a kill during it would then be rolled forward.
      }
      finish(dir, { state: 'rollback', entries }, ops);
      throw err;
    }
    committed = true;
    finish(dir, { state: 'commit', entries }, ops);
  } catch (err) {
    throw writeError(err, shown(current), shown(dir));
  }
}

/**
 * Completes or undoes what a killed build left in `dir`, as its journal says, and removes the
 * leftovers of killed builds (not those of a build still running).
 */
export function recoverOutputs(dir: string, ops: WriteOps = realWriteOps): void {
  const journalFile = path.join(dir, JOURNAL);
  if (fs.existsSync(journalFile)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal;
    } catch {
      journal = undefined;
    }
    if (journal !== undefined && Array.isArray(journal.entries)) finish(dir, journal, ops);
    else ops.remove(journalFile);
  }
  for (const name of listNames(dir)) {
    const match = LEFTOVER.exec(name);
    // The journal being written aside (`.bulletin-pair.json.<pid>.tmp`) matches too.
    if (match !== null && !isRunning(Number(match[1]))) ops.remove(path.join(dir, name));
  }
}

// Idempotent: run again after a kill in the middle, it ends in the same state.
function finish(dir: string, journal: Journal, ops: WriteOps): void {
  const inDir = (file: string) => path.join(dir, path.basename(file));
  for (const entry of journal.entries) {
    const final = inDir(entry.final);
    const temp = inDir(entry.temp);
    const backup = entry.backup === null ? null : inDir(entry.backup);
    if (journal.state === 'commit') {
      if (fs.existsSync(temp)) ops.rename(temp, final);
    } else {
      if (backup !== null && fs.existsSync(backup)) ops.rename(backup, final);
      else if (backup === null && !fs.existsSync(temp)) ops.remove(final);
      ops.remove(temp);
    }
  }
  ops.remove(path.join(dir, JOURNAL));
  for (const entry of journal.entries) if (entry.backup !== null) ops.remove(inDir(entry.backup));
}

function writeJournal(dir: string, journal: Journal, ops: WriteOps): void {
  const aside = journalAside(dir);
  ops.remove(aside);
  ops.create(aside, JSON.stringify({ state: journal.state, entries: journal.entries.map((e) => ({ final: path.basename(e.final), temp: path.basename(e.temp), backup: e.backup === null ? null : path.basename(e.backup) })) }));
  ops.rename(aside, path.join(dir, JOURNAL));
}

function journalAside(dir: string): string {
  return path.join(dir, `${JOURNAL}.${process.pid}.tmp`);
}

function leftoverName(file: string, kind: 'tmp' | 'old'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${kind}`);
}

function listNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `dir` (under `root`) folder by folder, refusing a symbolic link or a file on the way. */
function ensureRealFolder(root: string, dir: string): void {
  const rel = path.relative(root, dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`output folder ${dir} is not inside ${root}`);
  let current = root;
  for (const part of rel.split(path.sep)) {
    current = path.join(current, part);
    const shown = path.relative(root, current).split(path.sep).join('/');
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(current);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (stat === undefined) fs.mkdirSync(current);
    else if (stat.isSymbolicLink()) {
      throw inputError(
        { file: shown },
        message('output.folder-is-symlink', { shown }),
        message('output.folder-is-symlink.hint', { shown }),
      );
    } else if (!stat.isDirectory()) {
      throw inputError(
        { file: shown },
        message('output.folder-is-file', { shown }),
        message('output.folder-is-file.hint'),
      );
    }
  }
}

/** The editor's (or the machine's) problem behind a failed write, in words saying what to do; anything else stays a bug. */
function writeError(err: unknown, file: string, dir: string): unknown {
  if (err instanceof BulletinError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const refuse = (what: Message, hint: Message) => inputError({ file }, what, hint);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return refuse(message('output.disk-full'), message('output.disk-full.hint'));
    case 'EROFS':
      return refuse(message('output.read-only-disk', { dir }), message('output.read-only-disk.hint'));
    case 'EACCES':
    case 'EPERM':
      return refuse(message('output.no-write-permission', { file }), message('output.no-write-permission.hint', { dir }));
    case 'ENAMETOOLONG':
      return refuse(message('output.name-too-long', { bytes: Buffer.byteLength(path.basename(file)) }), message('output.name-too-long.hint'));
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
      return refuse(message('output.file-locked', { file }), message('output.file-locked.hint'));
    case 'EISDIR':
    case 'ENOTDIR':
    case 'EEXIST':
      return refuse(message('output.in-the-way', { file }), message('output.in-the-way.hint'));
    case 'EIO':
      return refuse(message('output.io-error'), message('output.io-error.hint'));
    default:
      return err;
  }
}
