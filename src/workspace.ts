/**
 * The one place that reads the editor's input files. Every path an editor writes goes through
 * resolveInside, so a manifest cannot make us read files outside its folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError, inputError, type SourceLocation } from './errors';
import { type Message, message } from './messages';

/** Largest text file we read (manifests, articles); they are a few kilobytes. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;
/** Largest font file: the Noto CJK faces are 10–25 MB; a font of 64 MB is not one we can embed. */
export const MAX_FONT_BYTES = 64 * 1024 * 1024;
/** Largest ICC profile: press profiles are 0.5–2 MB. */
export const MAX_ICC_BYTES = 16 * 1024 * 1024;
/** Largest image file (a 60-megapixel PNG of noise is ~180 MB; a photo is a few MB). */
export const MAX_IMAGE_BYTES = 200 * 1024 * 1024;
/** Largest PDF that `bulletin preflight` reads (an issue is a few MB; pdf-lib holds it all in memory). */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** Options for reading a file: how to name it in messages, who referred to it, and its limit. */
export interface ReadOptions {
  /** Name of the file in messages (project-relative); default the path itself. */
  readonly display?: string;
  /** Where the file was named (e.g. issue.yaml line), reported when it cannot be read. */
  readonly from?: SourceLocation;
  readonly maxBytes?: number;
  /** The hint when the file does not exist. */
  readonly notFoundHint?: Message;
}

/** Reads a UTF-8 text file (BOM stripped), rejecting missing, oversized and non-UTF-8 files. */
export async function readText(file: string, options: ReadOptions = {}): Promise<string> {
  return readTextSync(file, options);
}

/**
 * One decoder for every file: a decode without `stream` starts afresh each time, and making a
 * decoder per file was half the decoding time (bench-600's 420 articles: 16 → 8 ms).
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Synchronous readText, for the few callers that load files once per process (schemas). */
export function readTextSync(file: string, options: ReadOptions = {}): string {
  const display = options.display ?? file;
  const bytes = readBytes(file, { maxBytes: MAX_INPUT_BYTES, ...options });
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw notUtf8(bytes, display);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Reads a whole file, which must be a regular file of at most `maxBytes` (default
 * MAX_INPUT_BYTES). The size is checked on the open file before reading, and a FIFO or device is
 * refused without waiting for (or reading from) it: /dev/zero, /dev/urandom and a FIFO no one
 * writes to would otherwise hang the build or fill the memory.
 */
export function readBytes(file: string, options: ReadOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  return withRegularFile(file, options, (fd, size) => {
    const bytes = Buffer.alloc(size);
    // Read to the size fstat gave; a file that grew meanwhile is checked below, one that shrank ends early.
    const done = readFrom(fd, bytes);
    const extra = fs.readSync(fd, Buffer.alloc(1), 0, 1, done);
    if (extra > 0 && done + extra > maxBytes) throw tooLarge(whereOf(file, options), options.display ?? file, maxBytes);
    return done === size ? bytes : bytes.subarray(0, done);
  });
}

/**
 * Checks that `file` is a regular file the build may read and at most `maxBytes` long, for the
 * readers that open files themselves (sharp, the font reader); returns its size.
 */
export function checkReadableFile(file: string, options: ReadOptions = {}): number {
  return withRegularFile(file, options, (_fd, size) => size);
}

/** The first `length` bytes of a file checked as checkReadableFile does (fewer if it is shorter). */
export function readFileStart(file: string, length: number, options: ReadOptions = {}): Buffer {
  return withRegularFile(file, options, (fd, size) => {
    const bytes = Buffer.alloc(Math.min(length, size));
    return bytes.subarray(0, readFrom(fd, bytes));
  });
}

/** Fills `bytes` from the start of the file, or as far as the file goes; how many were read. */
function readFrom(fd: number, bytes: Buffer): number {
  let done = 0;
  while (done < bytes.length) {
    const n = fs.readSync(fd, bytes, done, bytes.length - done, done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

function whereOf(file: string, options: ReadOptions): SourceLocation {
  return options.from ?? { file: options.display ?? file };
}

function withRegularFile<T>(file: string, options: ReadOptions, use: (fd: number, size: number) => T): T {
  const display = options.display ?? file;
  const where = whereOf(file, options);
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    throw cannotOpen(err, where, display, options.notFoundHint);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw notRegular(where, display, stat);
    if (stat.size > maxBytes) throw tooLarge(where, display, maxBytes);
    return use(fd, stat.size);
  } catch (err) {
    if (err instanceof BulletinError) throw err;
    throw cannotOpen(err, where, display, options.notFoundHint);
  } finally {
    fs.closeSync(fd);
  }
}

/** The editor-facing reason a file cannot be opened or read, from its errno code. */
function cannotOpen(err: unknown, where: SourceLocation, display: string, notFoundHint: Message | undefined): BulletinError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return inputError(where, message('workspace.file-not-found', { display }), notFoundHint);
    case 'EACCES':
    case 'EPERM':
      return inputError(
        where,
        message('workspace.permission-denied', { display }),
        message('workspace.permission-denied.hint'),
      );
    case 'ELOOP':
      return inputError(where, message('workspace.symlink-loop', { display }), message('workspace.symlink-loop.hint'));
    case 'ENAMETOOLONG':
      return inputError(where, message('workspace.path-too-long', { display }), message('workspace.path-too-long.hint'));
    default:
      return inputError(where, message('workspace.cannot-read', { display, code: String(code ?? err) }), message('workspace.cannot-read.hint'));
  }
}

function notRegular(where: SourceLocation, display: string, stat: fs.Stats): BulletinError {
  const kind = stat.isDirectory() ? 'folder' : stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : 'device';
  return inputError(
    where,
    message('workspace.not-regular-file', { display, kind }),
    message('workspace.not-regular-file.hint'),
  );
}

// Names UTF-16 when its byte-order mark says so (Notepad's "Unicode"), else points at the first bad byte.
function notUtf8(bytes: Buffer, display: string): BulletinError {
  const hint = message('workspace.save-as-utf8');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return inputError({ file: display }, message('workspace.saved-as-utf16', { display }), hint);
  }
  const bad = firstInvalidUtf8Byte(bytes);
  const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).split('\n');
  const location = { file: display, line: lines.length, column: Array.from(lines[lines.length - 1] ?? '').length + 1 };
  return inputError(location, message('workspace.invalid-utf8', { display, bad: bad + 1 }), hint);
}

// A prefix that decodes (an unfinished last character allowed) stays valid when shortened, so
// the longest valid prefix can be found by bisection.
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decodes = (n: number, stream: boolean): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (decodes(mid, true)) low = mid;
    else high = mid - 1;
  }
  if (decodes(low, false)) return low;
  // The prefix ends inside a character that the next byte (or the end of file) breaks: point at its first byte.
  let start = Math.max(0, low - 1);
  while (start > 0 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  return start;
}

function tooLarge(where: SourceLocation, display: string, maxBytes: number) {
  const mb = (maxBytes / 1024 / 1024).toFixed(0);
  return inputError(where, message('workspace.file-too-large', { display, mb }));
}

/** Tells whether a regular file exists at the path (following symlinks). */
export function fileExists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Tells whether anything (file, folder, FIFO…) exists at the path, following symlinks. */
export function pathExists(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Tells whether a directory exists at the path (following symlinks). */
export function dirExists(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Lists the entries of a directory, sorted; an empty list when it cannot be read. */
export function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * Resolves a path written by the editor (relative to `baseDir`, default `rootDir`) and checks
 * that it stays inside `rootDir`, also after following symlinks; `from` is where it was written.
 */
export function resolveInside(rootDir: string, relPath: string, from: SourceLocation, baseDir: string = rootDir): string {
  const hint = message('workspace.write-relative-path');
  if (relPath.trim() === '' || relPath.includes('\0')) {
    throw inputError(from, message('workspace.invalid-path'), hint);
  }
  // A URL scheme or Windows drive ("https:", "C:") is not a relative path either.
  if (path.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[a-z][a-z0-9+.-]*:/i.test(relPath)) {
    throw inputError(from, message('workspace.absolute-path', { relPath }), hint);
  }
  const root = path.resolve(rootDir);
  const resolved = path.resolve(baseDir, relPath);
  if (!isWithin(root, resolved)) {
    throw inputError(from, message('workspace.path-outside-folder', { relPath, root: path.basename(root) }), hint);
  }
  const real = realpathOfExistingPart(resolved);
  // A path with no symbolic link on the way is its own real path, and so is every folder on it,
  // the root among them (a canonical path has no link in it): one realpath per file, not two.
  const realRoot = real === resolved ? root : realpathOrSelf(root);
  if (!isWithin(realRoot, real)) {
    throw inputError(
      from,
      message('workspace.symlink-outside-folder', { relPath, root: path.basename(root) }),
      message('workspace.symlink-outside-folder.hint'),
    );
  }
  return resolved;
}

function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

// realpath(3) itself: fs.realpathSync resolves in JavaScript, an lstat and a cache lookup per
// folder of the path; for every article and picture of a build that was ~45 ms of bench-600's
// 'read and validate' (840 paths, cold: 57 → 11 ms).
export function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p;
  }
}

// For a file that does not exist yet, the deepest existing folder decides where it would land.
function realpathOfExistingPart(p: string): string {
  let rest = '';
  let current = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return p;
      rest = path.join(path.basename(current), rest);
      current = parent;
    }
  }
}

/** Turns an absolute path into the project-relative, slash-separated form used in messages. */
export function displayPath(projectRoot: string, file: string): string {
  return path.relative(projectRoot, file).split(path.sep).join('/');
}
