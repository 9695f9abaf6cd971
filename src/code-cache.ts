/**
 * Loading the one-file CLI (dist/cli.bundle.js, scripts/bundle.js) with V8's code cache: the
 * bytecode V8 compiled for it in an earlier run is kept in the user's cache folder and handed back
 * to V8, which then skips parsing and compiling what it finds there. Only node: modules are
 * imported here: bin/bulletin.js loads this file before anything else.
 *
 * The cache can never change what the CLI does: a cache file is named by a digest of the bundle's
 * full text, the Node version and architecture, so it is only ever offered for the very
 * code it was made from; V8 checks it again (version, flags, source) and rejects what does not fit,
 * and a rejected, unreadable or unwritable cache only means compiling as without one.
 */
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import * as vm from 'node:vm';
import Module from 'node:module';
import { userCacheFolder, writeCacheFile } from './cache-folder';

/** Cache files kept (one per bundle version × Node × options; several checkouts may share the folder). */
const KEEP_FILES = 8;

/** What happened to the cache in this run, for the bench and the tests. */
export type CodeCacheUse = 'used' | 'made' | 'rejected' | 'off';

/** The folder for cache files: `BULLETIN_CODE_CACHE` if set (`off` turns the cache off), else bulletin/code-cache in the user's cache folder. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return userCacheFolder('code-cache', env.BULLETIN_CODE_CACHE, env);
}

/**
 * The cache file's name: the bundle's path, its source and the Node build it was compiled by,
 * hashed. The path is in it because V8 keeps the compiling script's file name in the cache: a
 * cache made by another checkout of the same text would make stack traces and CPU profiles name
 * that checkout's file. (V8's options
 * are not in the name, since node's own arguments name temporary folders, e.g. --cpu-prof-dir, and
 * every run would make a new file: V8 compares its options itself and rejects a cache made with
 * others, which is then made again.)
 */
export function cacheFileName(file: string, source: string | Buffer): string {
  const digest = createHash('sha256').update(`${path.resolve(file)}\0${process.version}\0${process.arch}\0${process.versions.v8}\0`).update(source).digest('hex');
  return `${digest.slice(0, 40)}.bin`;
}

/**
 * Runs a CommonJS file as `require` would (its own require, module, exports, __filename and
 * __dirname) and returns its exports, compiled from the cache in `cacheDir` when one fits. With no
 * usable cache, the cache is written when the process exits, so that it holds the functions the
 * run actually compiled (V8 compiles most functions on first call), not just the top level.
 *
 * `startUpFlags` sets the V8 flags the process started with (bin/bulletin.js: heap.ts), for a
 * run that changed some while it ran: V8 refuses a cache made under other flags than those it is
 * read with, and a large issue's build lets the nursery grow (heap.ts) — each such build then
 * made a cache every later run refused, and made it again.
 */
export function requireWithCodeCache(file: string, cacheDir: string | undefined, onUse?: (use: CodeCacheUse) => void, startUpFlags: () => void = () => undefined): unknown {
  const bytes = fs.readFileSync(file);
  // The bundle is ASCII (scripts/bundle.js escapes the rest): read as Latin-1 it is the same text,
  // copied byte for byte into a one-byte string, where Node's UTF-8 read of the 3.7 MB took ~35 ms.
  // It is hashed as bytes, too: a string would be encoded to UTF-8 again first (the same bytes).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, cacheFileName(file, bytes));
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const use: CodeCacheUse = cacheFile === undefined ? 'off' : cachedData === undefined ? 'made' : script.cachedDataRejected ? 'rejected' : 'used';
  onUse?.(use);
  if (cacheFile !== undefined && use !== 'used') {
    // V8 drops the bytecode of functions not run for a while (at full GCs): made at the exit of a
    // long build, the cache lacked the functions of its first stages (1.27 MB made by 616 pages
    // against 2.37 MB by the sample) and every later run compiled them again. Not in the run
    // that makes the cache: what it compiled is all still there at exit. (Unless node was told
    // about flushing itself: the cache is made under the flags it started with.)
    const flushingGiven = /flush[-_]bytecode/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);
    if (!flushingGiven) setFlagsFromString('--no-flush-bytecode');
    process.once('exit', () =>
      writeCacheFile(
        cacheFile,
        () => {
          if (!flushingGiven) setFlagsFromString('--flush-bytecode');
          startUpFlags();
          return script.createCachedData();
        },
        KEEP_FILES,
      ),
    );
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  return module.exports;
}
