'use strict';
// `npm run bench -- --profile`: where the sample build's time goes, by stage (the CLI's own
// --verbose timings) and by cause (a V8 CPU profile of the same run, each sample charged to
// start-up, module loading, GC, font parsing, layout, render, checks …).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Which cause a script URL belongs to; undefined when the frame says nothing (natives). */
function causeOfUrl(url) {
  if (!url) return undefined;
  if (/node_modules[\\/](fontkit|restructure|unicode-trie|unicode-properties|dfa|brotli|tiny-inflate|@swc)[\\/]/.test(url)) return 'font parsing (fontkit)';
  if (/node_modules[\\/](pdfkit|linebreak|png-js|crypto-js|jpeg-exif)[\\/]/.test(url)) return 'PDF writing (pdfkit)';
  if (/node_modules[\\/](pdf-lib|@pdf-lib|pako)[\\/]/.test(url)) return 'checks (preflight)';
  if (/node_modules[\\/]sharp[\\/]/.test(url)) return 'images';
  if (/node_modules[\\/](ajv|yaml|markdown-it|handlebars|entities|linkify-it|mdurl|uc\.micro|punycode)/.test(url)) return 'read and validate';
  if (/[\\/]dist[\\/](text|layout)[\\/]/.test(url)) return 'layout';
  if (/[\\/]dist[\\/]render[\\/]/.test(url)) return 'render';
  if (/[\\/]dist[\\/]preflight[\\/]/.test(url)) return 'checks (preflight)';
  if (/[\\/]dist[\\/](manifest|document|lint|validators)[\\/]/.test(url)) return 'read and validate';
  if (/[\\/]dist[\\/]/.test(url)) return 'pipeline (other)';
  if (url.startsWith('node:')) return 'node internals';
  return 'other';
}

const MODULE_FRAMES = new Set(['Module._load', 'Module.require', 'Module._compile', 'require', 'wrapSafe', 'compileFunction']);

/**
 * Where each module's code starts in the one-file CLI (dist/cli.bundle.js, scripts/bundle.js):
 * esbuild heads each with a `// <path>` comment line. Sorted [0-based line, path] pairs, or
 * undefined when there is no bundle.
 */
function bundleModules(bundleFile) {
  if (!fs.existsSync(bundleFile)) return undefined;
  const starts = [];
  fs.readFileSync(bundleFile, 'utf8').split('\n').forEach((line, i) => {
    const match = /^\/\/ ((?:node_modules|dist)\/\S+\.[cm]?js)$/.exec(line);
    if (match) starts.push([i, match[1]]);
  });
  const file = path.resolve(bundleFile);
  return { file, url: require('node:url').pathToFileURL(file).href, starts };
}

/** The original file of a frame in the bundle (the module whose code holds its line). */
function moduleAt(bundle, line) {
  let lo = 0;
  let hi = bundle.starts.length - 1;
  if (hi < 0 || line < bundle.starts[0][0]) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bundle.starts[mid][0] <= line) lo = mid;
    else hi = mid - 1;
  }
  return bundle.starts[lo][1];
}

/**
 * A frame as if the CLI were not bundled: its original file's path (so it is charged to the same
 * cause), and whether it is module loading there — a module's top-level code (esbuild names the
 * function by the module's path), the bundle's own top level, and V8 compiling or deserializing it.
 */
function unbundled(frame, bundle) {
  // Reading, compiling (or deserializing) and running the bundle (src/code-cache.ts).
  if (frame.functionName === 'requireWithCodeCache' || (frame.functionName === 'Script' && frame.url === 'node:vm')) return { url: frame.url, loading: true };
  if (!bundle || (frame.url !== bundle.file && frame.url !== bundle.url)) return { url: frame.url, loading: false };
  const original = moduleAt(bundle, frame.lineNumber);
  // Before the first module: esbuild's helpers (charged like the pipeline's code), and the top level.
  if (original === undefined) return { url: frame.url, loading: frame.functionName === '' && frame.lineNumber === 0 };
  return { url: `/${original}`, loading: frame.functionName === original || frame.functionName === '__require' };
}

/** Milliseconds per cause from a .cpuprofile (`bundle`: from bundleModules, when the CLI ran bundled). */
function causes(profile, bundle) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const causeOf = (id) => {
    if (memo.has(id)) return memo.get(id);
    const leaf = byId.get(id);
    const name = leaf.callFrame.functionName;
    let cause;
    if (name === '(garbage collector)') cause = 'GC';
    else if (name === '(idle)') cause = 'idle (waiting: I/O, image threads)';
    else if (name === '(program)') cause = 'V8 (compile, runtime)';
    else {
      // Module loading is whatever runs under require(); otherwise the nearest frame that names a file.
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at).callFrame;
        if ((MODULE_FRAMES.has(frame.functionName) && frame.url.startsWith('node:internal/modules')) || unbundled(frame, bundle).loading) {
          cause = 'module loading';
          break;
        }
      }
      for (let at = id; cause === undefined && at !== undefined; at = parent.get(at)) cause = causeOfUrl(unbundled(byId.get(at).callFrame, bundle).url);
    }
    memo.set(id, cause ?? 'other');
    return memo.get(id);
  };
  const ms = new Map();
  profile.samples.forEach((id, i) => {
    const cause = causeOf(id);
    ms.set(cause, (ms.get(cause) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]);
}

/** Which form of the CLI bin/bulletin.js ran, and whether V8's code cache had it (src/code-cache.ts). */
function codeState(bin) {
  const dist = path.join(path.dirname(bin), '..', 'dist');
  const bundle = path.join(dist, 'cli.bundle.js');
  if (!fs.existsSync(bundle) || fs.statSync(path.join(dist, 'cli.js')).mtimeMs > fs.statSync(bundle).mtimeMs) return 'dist/cli.js (no bundle, or an older one)';
  const { codeCacheDir, cacheFileName } = require(path.join(dist, 'code-cache.js'));
  const dir = codeCacheDir();
  if (dir === undefined) return 'dist/cli.bundle.js, code cache off (BULLETIN_CODE_CACHE=off)';
  const cached = fs.existsSync(path.join(dir, cacheFileName(bundle, fs.readFileSync(bundle, 'utf8'))));
  return `dist/cli.bundle.js, ${cached ? 'from the code cache' : 'compiled (no code cache yet: this run writes it)'} in ${dir}`;
}

/** Runs the sample once under --cpu-prof and prints stages and causes. */
function profileBuild(projectDir, bin, issueId) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-profile-'));
  try {
    // Node's own start-up is outside any profile: timed as a bare process (second of two runs,
    // so the binary is in the page cache).
    spawnSync(process.execPath, ['-e', '0']);
    const bootStart = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    const bootMs = Number(process.hrtime.bigint() - bootStart) / 1e6;
    const state = codeState(bin);
    const start = process.hrtime.bigint();
    // As the `bulletin` launcher (bin/bulletin) runs it: with malloc's arena limit, which only the
    // environment can set; the launcher itself cannot pass --cpu-prof to node.
    const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, bin, 'build', issueId, '--verbose'], { cwd: projectDir, encoding: 'utf8', env });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`profiled build exited ${run.status}: ${run.stderr}`);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const profiledMs = (profile.endTime - profile.startTime) / 1000;
    console.log(`profile of \`bulletin build ${issueId}\` (one run, under --cpu-prof, which slows it a little): wall ${wallMs.toFixed(0)} ms`);
    console.log(`  ran ${state}`);
    console.log('\nby stage (the CLI\'s --verbose timings):');
    for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) if (/^\s{2}\S.*\d+ ms$/.test(line)) console.log(line);
    console.log('\nby cause (CPU profile samples):');
    console.log(`  ${'node start-up (bare `node -e 0`)'.padEnd(38)} ${bootMs.toFixed(0).padStart(6)} ms`);
    for (const [cause, ms] of causes(profile, bundleModules(path.join(path.dirname(bin), '..', 'dist', 'cli.bundle.js')))) console.log(`  ${cause.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / profiledMs).toFixed(1).padStart(5)} %`);
    console.log(`  ${'(profiled span)'.padEnd(38)} ${profiledMs.toFixed(0).padStart(6)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { profileBuild, causes, bundleModules };
