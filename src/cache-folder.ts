/**
 * Where the installed program keeps what it may remember between runs (the compiled code, the
 * converted pictures): the platform's per-user cache folder — XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches, %LOCALAPPDATA% — + bulletin/<name>. Never inside the project: a cache belongs
 * to the program, and deleting it only costs the next run its time. Only node: modules are
 * imported here (bin/bulletin.js loads code-cache.ts, and so this, before anything else).
 */
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
