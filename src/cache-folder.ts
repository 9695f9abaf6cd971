/**
 * Where the installed program keeps what it may remember between runs (the compiled code, the
 * converted pictures): the platform's per-user cache folder — XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches, %LOCALAPPDATA% — + bulletin/<name>. Never inside the project: a cache belongs
 * to the program, and deleting it only costs the next run its time. Only node: modules are
 * imported here (bin/bulletin.js loads code-cache.ts, and so this, before anything else).
 */
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
