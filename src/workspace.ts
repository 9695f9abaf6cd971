/**
 * The one place that reads the editor's input files. Every path an editor writes goes through
 * resolveInside, so a manifest cannot make us read files outside its folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError, inputError, type SourceLocation } from './errors';
import { t } from './messages';

/** Largest input file we read; manifests and articles are a few kilobytes. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Options for readText: how to name the file in messages and who referred to it. */
export interface ReadOptions {
  /** Name of the file in messages (project-relative); default the path itself. */
  readonly display?: string;
  /** Where the file was named (e.g. issue.yaml line), reported when it cannot be read. */
  readonly from?: SourceLocation;
  readonly maxBytes?: number;
}

/** Reads a UTF-8 text file (BOM stripped), rejecting missing, oversized and non-UTF-8 files. */
export async function readText(file: string, options: ReadOptions = {}): Promise<string> {
  return readTextSync(file, options);
}

/** Synchronous readText, for the few callers that load files once per process (schemas). */
export function readTextSync(file: string, options: ReadOptions = {}): string {
  const display = options.display ?? file;
  const where: SourceLocation = options.from ?? { file: display };
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw inputError(where, t(`"${display}" is not a file`, `"${display}" 不是文件`));
    if (stat.size > maxBytes) throw tooLarge(where, display, maxBytes);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof BulletinError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw inputError(where, t(`file not found: ${display}`, `找不到文件：${display}`));
    }
    throw inputError(where, t(`cannot read ${display}: ${String(code ?? err)}`, `无法读取 ${display}：${String(code ?? err)}`));
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) throw tooLarge(where, display, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(bytes, display);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

// Names UTF-16 when its byte-order mark says so (Notepad's "Unicode"), else points at the first bad byte.
function notUtf8(bytes: Buffer, display: string): BulletinError {
  const hint = t('save the file as UTF-8', '请将文件另存为 UTF-8 编码');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return inputError({ file: display }, t(`${display} is saved as UTF-16, not UTF-8`, `${display} 是 UTF-16 编码，不是 UTF-8`), hint);
  }
  const bad = firstInvalidUtf8Byte(bytes);
  const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).split('\n');
  const location = { file: display, line: lines.length, column: Array.from(lines[lines.length - 1] ?? '').length + 1 };
  return inputError(location, t(`${display} is not valid UTF-8 text (byte ${bad + 1})`, `${display} 不是有效的 UTF-8 文本（第 ${bad + 1} 字节）`), hint);
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
  return inputError(where, t(`${display} is larger than ${mb} MB`, `${display} 超过 ${mb} MB`));
}

/** Tells whether a regular file exists at the path (following symlinks). */
export function fileExists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
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
  const hint = t(
    'write a path relative to this file that stays inside the folder, e.g. ../images/photo.jpg from an article',
    '请写相对于本文件、且不超出文件夹的路径，例如文章中写 ../images/photo.jpg',
  );
  if (relPath.trim() === '' || relPath.includes('\0')) {
    throw inputError(from, t('empty or invalid path', '路径为空或无效'), hint);
  }
  // A URL scheme or Windows drive ("https:", "C:") is not a relative path either.
  if (path.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[a-z][a-z0-9+.-]*:/i.test(relPath)) {
    throw inputError(from, t(`"${relPath}" is an absolute path or URL`, `"${relPath}" 是绝对路径或网址`), hint);
  }
  const root = path.resolve(rootDir);
  const resolved = path.resolve(baseDir, relPath);
  if (!isWithin(root, resolved)) {
    throw inputError(from, t(`"${relPath}" points outside ${path.basename(root)}/`, `"${relPath}" 指向 ${path.basename(root)}/ 之外`), hint);
  }
  const realRoot = realpathOrSelf(root);
  const real = realpathOfExistingPart(resolved);
  if (!isWithin(realRoot, real)) {
    throw inputError(
      from,
      t(`"${relPath}" is a symbolic link to a file outside ${path.basename(root)}/`, `"${relPath}" 是指向 ${path.basename(root)}/ 之外的符号链接`),
      t('copy the file into the folder instead of linking it', '请把文件复制到文件夹中，不要使用链接'),
    );
  }
  return resolved;
}

function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
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
      return path.join(fs.realpathSync(current), rest);
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
