/**
 * Where the installed program keeps what it may remember between runs (the compiled code, the
 * converted pictures): the platform's per-user cache folder — XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches, %LOCALAPPDATA% — + bulletin/<name>. Never inside the project: a cache belongs
 * to the program, and deleting it only costs the next run its time. Only node: modules are
 * imported here (bin/bulletin.js loads code-cache.ts, and so this, before anything else).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The folder for cache `name`; `chosen` (the cache's environment variable) overrides it: a
 * folder, or `off` for no cache (undefined).
 */
export function userCacheFolder(name: string, chosen: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (chosen === 'off') return undefined;
  if (chosen) return path.resolve(chosen);
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? path.join(home, '.cache'));
  return path.join(base, 'bulletin', name);
}

/**
 * Writes a cache file whole or not at all (a concurrent run reads either none or all of it: a
 * temporary file, then renamed), then removes all but the `keep` most recently used `.bin` files
 * of its folder. Never fails: a read-only or full folder only costs a later run the work again.
 */
export function writeCacheFile(cacheFile: string, data: () => Buffer, keep: number): void {
  const dir = path.dirname(cacheFile);
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temporary, data());
    fs.renameSync(temporary, cacheFile);
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => ({ name, time: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { name } of files.slice(keep)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing left to do (the code cache writes as the process exits).
    }
  }
}

/** A kept file's digest of its own payload (sha256). */
const DIGEST_BYTES = 32;

/**
 * Writes a kept file (writeCacheFile): `magic`, which names its kind and format, a digest of the
 * payload, then the payload; readKeptFile refuses any file that does not check.
 */
export function writeKeptFile(file: string, magic: Buffer, payload: () => Buffer, keep: number): void {
  writeCacheFile(
    file,
    () => {
      const bytes = payload();
      return Buffer.concat([magic, createHash('sha256').update(bytes).digest(), bytes]);
    },
    keep,
  );
}

/**
 * The payload of a file writeKeptFile wrote with the same `magic`; undefined when it is missing,
 * of another kind, cut short or damaged (its digest does not match). A file used is marked as used
 * now, for the pruning in writeCacheFile.
 */
export function readKeptFile(file: string, magic: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const start = magic.length + DIGEST_BYTES;
  if (data.length < start || !data.subarray(0, magic.length).equals(magic)) return undefined;
  const bytes = data.subarray(start);
  if (!createHash('sha256').update(bytes).digest().equals(data.subarray(magic.length, start))) return undefined;
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // Only the order of pruning.
  }
  return bytes;
}

/**
 * Who a file is, for as long as nothing writes to it: device, inode, size, and modification and
 * change times in nanoseconds. Any write, rename or copy over the file changes its change time,
 * which no tool can set back. Take it before reading the file: a file changed meanwhile then has
 * another identity next time.
 */
export function identityOf(stats: fs.BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** identityOf a file by its path; undefined when it cannot be told. */
export function fileIdentity(file: string): string | undefined {
  try {
    return identityOf(fs.statSync(file, { bigint: true }));
  } catch {
    return undefined;
  }
}
