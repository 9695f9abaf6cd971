/**
 * The one-file CLI (dist/cli.bundle.js, scripts/bundle.js) that bin/bulletin.js runs, and V8's
 * code cache it is loaded with (src/code-cache.ts): the bundle builds the sample into the same
 * bytes as src/ (the shared build) from a cold cache, and the mini fixture from a warm one; and a
 * cache is only ever used for the exact text it was made from.
 */
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempProject } from '../helpers/project';
import { buildIssue } from '../../src/build';
import { sharedSample } from '../support/shared';
import { BIN, makeProject, REPO, tempDir } from './helpers';

const DIST = path.join(REPO, 'dist');
const BUNDLE = path.join(DIST, 'cli.bundle.js');
const CODE_CACHE = path.join(DIST, 'code-cache.js');

const digests = (dir: string): Record<string, string> =>
  Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex')]));

/** Runs a node script in `cwd` with the code cache in `cacheDir`; returns stdout. */
function node(cwd: string, args: readonly string[], cacheDir: string): string {
  // stderr kept (in the error, if the run fails) rather than printed over jest's report: the mini fixture's builds warn.
  return execFileSync(process.execPath, args, { cwd, env: { ...process.env, LANG: 'C', BULLETIN_CODE_CACHE: cacheDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the bundled CLI', () => {
  let cacheDir: string;
  const projects: string[] = [];
  beforeAll(() => {
    cacheDir = tempDir('code-cache');
  });
  afterAll(() => {
    for (const dir of [cacheDir, ...projects]) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('npm run build made it after tsc, so bin/bulletin.js runs it', () => {
    expect(fs.statSync(BUNDLE).mtimeMs).toBeGreaterThanOrEqual(fs.statSync(path.join(DIST, 'cli.js')).mtimeMs);
    // Everything it needs is inside, but for the packages left out on purpose (scripts/bundle.js).
    const required = new Set([...fs.readFileSync(BUNDLE, 'utf8').matchAll(/\brequire\("([^".][^"]*)"\)/g)].map((m) => m[1]!.split('/')[0]!));
    const builtins = new Set(require('node:module').builtinModules as string[]);
    expect([...required].filter((name) => !builtins.has(name.replace(/^node:/, ''))).sort()).toEqual(['ajv', 'ajv-i18n', 'mammoth', 'parse5', 'pdf-lib', 'sharp']);
  });

  test('the generated schema validators are inside, made from the schemas as they are (else the build would compile them with ajv)', () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    for (const name of ['series', 'issue', 'article']) {
      expect(text).toContain(`// dist/validators/${name}.js\n`);
      const schema = fs.readFileSync(path.join(REPO, 'schemas', `${name}.schema.json`), 'utf8');
      const digest = crypto.createHash('sha256').update(schema).digest('hex');
      expect(text).toContain(`.exports.schemaDigest = ${JSON.stringify(digest)};`);
    }
  });

  test("fontkit's WOFF2 decoder is left out and loads from node_modules on its first call", () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    // Not bundled: brotli's dictionary (1.4 MB) is not in the file …
    expect(text).not.toContain('node_modules/brotli/dec/dictionary');
    // … and the name the stub requires at run time resolves from dist/ to a decoder that works.
    expect(text).toContain('var request = "brotli/decompress.js";');
    const decompress = require(require.resolve('brotli/decompress.js', { paths: [DIST] })) as (data: Buffer, size: number) => Uint8Array;
    const text1 = '法律资讯 WOFF2 tables';
    const packed = require('node:zlib').brotliCompressSync(Buffer.from(text1)) as Buffer;
    expect(Buffer.from(decompress(packed, Buffer.byteLength(text1))).toString()).toBe(text1);
  });

  test("pdfkit's AES (encryption, which we never use) is left out, with every cipher pdfkit asks for", () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    expect(text).not.toContain('function aescbc(');
    expect(text).toContain('var request = "@noble/ciphers/aes";');
    const used = new Set([...fs.readFileSync(path.join(DIST, '..', 'node_modules', 'pdfkit', 'js', 'pdfkit.js'), 'utf8').matchAll(/\baes\.(\w+)/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(0);
    const real = require(require.resolve('@noble/ciphers/aes', { paths: [DIST] })) as Record<string, unknown>;
    for (const name of used) {
      expect(text).toMatch(new RegExp(`Object\\.defineProperty\\(exports\\d*, "${name}"`));
      expect(typeof real[name]).toBe('function');
    }
  });

  test('builds the sample into the same bytes as the shared build of src/, from a cold code cache', async () => {
    // The reference is the sample every suite shares (test/support/shared.ts: src/ as tsc compiles
    // it into dist/, built once per run), not a third build of its own.
    const shared = await sharedSample();
    const expected = digests(path.dirname(shared.pdfFile));
    expect(Object.keys(expected)).toHaveLength(2);
    const viaBundle = tempProject();
    projects.push(viaBundle);
    node(viaBundle, [BIN, 'build', '2024-02'], cacheDir);
    expect(digests(path.join(viaBundle, 'out', '2024-02'))).toEqual(expected);
    // The bin ran the bundle: its cache file was written as the run ended.
    const cached = fs.readdirSync(cacheDir);
    expect(cached).toHaveLength(1);
  }, 180_000);

  test('builds from the warm code cache without making it again, into the same bytes as src/', async () => {
    // The mini fixture: what is checked is the cache's reuse and the bundle's output, which the
    // sample's 22 pages would only make slower (the sample itself is built cold above).
    const reference = makeProject(path.join(tempDir('bundle-ref'), 'mini'));
    const viaBundle = makeProject(path.join(tempDir('bundle-warm'), 'mini'));
    projects.push(path.dirname(reference), path.dirname(viaBundle));
    await buildIssue(reference, '2024-03');
    const expected = digests(path.join(reference, 'out', '2024-03'));
    expect(Object.keys(expected)).toHaveLength(2);
    // Warm: the cache made by a first run of the bin (the sample's, above, when it ran first).
    node(viaBundle, [BIN, 'build', '2024-03'], cacheDir);
    const cached = fs.readdirSync(cacheDir);
    expect(cached).toHaveLength(1);
    const made = fs.statSync(path.join(cacheDir, cached[0]!)).mtimeMs;
    fs.rmSync(path.join(viaBundle, 'out'), { recursive: true });
    node(viaBundle, [BIN, 'build', '2024-03'], cacheDir);
    expect(digests(path.join(viaBundle, 'out', '2024-03'))).toEqual(expected);
    // Used, not made again.
    expect(fs.readdirSync(cacheDir)).toEqual(cached);
    expect(fs.statSync(path.join(cacheDir, cached[0]!)).mtimeMs).toBe(made);
  }, 180_000);
});

describe('the code cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('code-cache-unit');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Loads `file` through requireWithCodeCache in a fresh process: what happened to the cache, and the module's value. */
  const load = (file: string, cacheDir: string, startUpFlags = ''): { use: string; value: unknown } => {
    const script = `const { requireWithCodeCache, codeCacheDir } = require(${JSON.stringify(CODE_CACHE)});
      const startUpFlags = () => { ${startUpFlags} };
      startUpFlags();
      let use; const value = requireWithCodeCache(${JSON.stringify(file)}, codeCacheDir(), (u) => (use = u), startUpFlags).value();
      process.stdout.write(JSON.stringify({ use, value }));`;
    return JSON.parse(node(dir, ['-e', script], cacheDir)) as { use: string; value: unknown };
  };

  test('is made once, used after, and never for other text of the same length', () => {
    const file = path.join(dir, 'module.js');
    const cacheDir = path.join(dir, 'cache');
    fs.writeFileSync(file, `const path = require('node:path');\nexports.value = () => ['first', path.basename(__filename), __dirname === ${JSON.stringify(dir)}];\n`);
    expect(load(file, cacheDir)).toEqual({ use: 'made', value: ['first', 'module.js', true] });
    expect(load(file, cacheDir)).toEqual({ use: 'used', value: ['first', 'module.js', true] });
    // Same length, other code: V8 alone would accept the old cache (it checks the length, not the text).
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'first'", "'other'"));
    expect(load(file, cacheDir)).toEqual({ use: 'made', value: ['other', 'module.js', true] });
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
  });

  test('is made under the flags of start-up, though the run changed one (as a large issue\'s build does)', () => {
    const file = path.join(dir, 'module.js');
    const cacheDir = path.join(dir, 'cache');
    // heap.ts's two steps: a flag set at start-up, changed while the module runs.
    fs.writeFileSync(file, "exports.value = () => { require('node:v8').setFlagsFromString('--semi-space-growth-factor=2'); return 7; };\n");
    const startUp = "require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');";
    expect(load(file, cacheDir, startUp)).toEqual({ use: 'made', value: 7 });
    // V8 refused a cache made under the changed flag, and it was made again by every run.
    expect(load(file, cacheDir, startUp)).toEqual({ use: 'used', value: 7 });
  });

  test('holds the functions a long run compiled at its start, which V8 had dropped by its end', () => {
    const cacheDir = path.join(dir, 'cache');
    // 40 functions run once at load. In the long run, objects that outlive the nursery then
    // bring full GCs, after which V8 drops the bytecode of functions not run since (bytecode
    // flushing; after one GC instead of V8's five here, so that the test is short).
    const functions = Array.from({ length: 40 }, (_, k) => `function f${k}(a) { let s = ${k}; for (let i = 0; i < a.length; i++) s += a[i] * ${k + 1} + (a[i] % ${k + 2}); return s; }`).join('\n');
    const calls = Array.from({ length: 40 }, (_, k) => `f${k}([1, 2, 3])`).join(' + ');
    const made = (name: string, long: boolean): number => {
      const file = path.join(dir, name);
      const churn = "require('node:v8').setFlagsFromString('--bytecode-old-age=1'); let kept; for (let r = 0; r < 150; r++) kept = Array.from({ length: 1e5 }, (_, i) => ({ i }));";
      fs.writeFileSync(file, `${functions}\nconst total = ${calls};\nexports.value = () => { ${long ? churn : ''} return total; };\n`);
      const before = new Set(fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);
      expect(load(file, cacheDir).use).toBe('made');
      const [cached] = fs.readdirSync(cacheDir).filter((f) => !before.has(f));
      return fs.statSync(path.join(cacheDir, cached!)).size;
    };
    const short = made('short.js', false);
    // Dropped, they were missing from the cache: 2.8 kB instead of 15 kB.
    expect(made('long.js', true)).toBeGreaterThanOrEqual(0.95 * short);
  });

  test('a damaged cache file is rejected by V8 and made again; `off` writes nothing', () => {
    const file = path.join(dir, 'module.js');
    const cacheDir = path.join(dir, 'cache');
    fs.writeFileSync(file, 'exports.value = () => 42;\n');
    load(file, cacheDir);
    const [name] = fs.readdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, name!), Buffer.alloc(4096, 7));
    expect(load(file, cacheDir)).toEqual({ use: 'rejected', value: 42 });
    expect(load(file, cacheDir)).toEqual({ use: 'used', value: 42 });
    expect(load(file, 'off')).toEqual({ use: 'off', value: 42 });
    expect(fs.readdirSync(cacheDir)).toEqual([name]);
  });
});
