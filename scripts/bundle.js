#!/usr/bin/env node
'use strict';
// scripts/bundle.js — `npm run build`, after tsc: the CLI as one file, dist/cli.bundle.js, which
// bin/bulletin.js loads (with V8's code cache, src/code-cache.ts). Node resolved, read and compiled
// ~250 modules on every run (~0.5 s of the sample's build was module loading); one file is read
// once and compiled from the cache.
//
// Bundled from tsc's output, not from src/: dist/ requires its packages with require(), so esbuild
// picks the same files Node does (pdfkit's and fontkit's CommonJS builds, not their ES modules),
// and the bundle runs the code dist/ runs. Left out, loaded from node_modules when needed:
// sharp (a native addon), the packages only `import` and `watch` use, ajv/ajv-i18n (needed only
// when a generated validator is stale, or to word schema errors), pdf-lib (only `bulletin
// preflight` reads a PDF with it; the build checks its own files with our own parser: 1.2 MB less
// to read and cache on every run) and brotli (WOFF2 only, below).
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'dist', 'cli.js');
const OUT = path.join(ROOT, 'dist', 'cli.bundle.js');
const EXTERNAL = ['sharp', 'mammoth', 'parse5', 'jszip', 'pdfjs-dist', 'pdf-lib', 'ajv', 'ajv-i18n', 'ajv/*'];

/**
 * pdfkit finds its data files (the sRGB profile of PDF/A, the standard fonts) next to its own
 * __filename; inside the bundle that would be dist/. Point it at its file in node_modules.
 */
const pdfkitData = {
  name: 'pdfkit-data',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('__filename')) throw new Error('pdfkit no longer uses __filename: check scripts/bundle.js');
      // A name in a variable: esbuild would try to bundle a literal require.resolve("pdfkit").
      const contents = `var __pdfkitPackage = "pdfkit";\n${source.replaceAll('__filename', 'require.resolve(__pdfkitPackage)')}`;
      return { contents, loader: 'js' };
    });
  },
};

/**
 * A module that a bundled package requires at its top level but that a build never uses, left out:
 * in its place a stub that loads the real module from node_modules when it is first used — on the
 * first call (`names`: 'function') or the first read of one of `names`. The name the stub
 * requires is in a variable, so that esbuild leaves the require to run time.
 */
function lazyModule(name, filter, request, names) {
  const load = `var request = ${JSON.stringify(request)};\nvar loaded;\nfunction load() { return loaded || (loaded = require(request)); }\n`;
  const contents =
    names === 'function'
      ? `${load}module.exports = function () { return load().apply(this, arguments); };\n`
      : `${load}${names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: function () { return load()[${JSON.stringify(n)}]; } });`).join('\n')}\n`;
  return { name, setup: (build) => build.onLoad({ filter }, () => ({ contents, loader: 'js' })) };
}

/**
 * fontkit requires brotli's decoder at its top level, for WOFF2 fonts only (a .ttf or .otf never
 * touches it); bundled, its 1.4 MB (most of it brotli's dictionary) was read, compiled and cached
 * on every run — 27 % of the bundle. The stub loads the real decoder when a WOFF2 font is opened.
 */
const lazyBrotli = lazyModule('lazy-brotli', /[\\/]node_modules[\\/]brotli[\\/]decompress\.js$/, 'brotli/decompress.js', 'function');

/**
 * pdfkit requires @noble/ciphers' AES at its top level, for encrypted PDFs only, which we never
 * write; its tables were built on every run (~20 ms of the sample's start-up, CPU profile). The
 * stub has the two ciphers pdfkit uses (test/cli/bundle checks that there are no others).
 */
const LAZY_AES_NAMES = ['cbc', 'ecb'];
const lazyAes = lazyModule('lazy-aes', /[\\/]node_modules[\\/]@noble[\\/]ciphers[\\/]aes\.js$/, '@noble/ciphers/aes', LAZY_AES_NAMES);

async function main() {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    plugins: [pdfkitData, lazyBrotli, lazyAes],
    logLevel: 'warning',
    metafile: true,
  });
  // ASCII only: esbuild escapes strings but leaves regular expressions and comments as written,
  // and a few hundred Chinese characters in them would make V8 hold the whole 5 MB source as a
  // two-byte string (+5 MB resident). Outside strings and templates (already escaped) they are
  // only in regex literals, where \uXXXX (and a \uD8xx\uDCxx pair, with or without the u flag)
  // means the same character, and in comments.
  const text = fs.readFileSync(OUT, 'utf8').replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  fs.writeFileSync(OUT, text);
  // A module that reads a file next to itself would look in dist/ once bundled; the package's
  // own paths go through src/package-dir.ts, which is one level down in src/, dist/ and here.
  const stray = [...text.matchAll(/^.*\b__dirname\b.*$/gm)].map((m) => m[0].trim()).filter((line) => !line.startsWith('*') && !line.startsWith('//'));
  const expected = stray.filter((line) => /PACKAGE_DIR = \S+\.resolve\(__dirname, "\.\."\)/.test(line));
  if (stray.length !== expected.length || expected.length !== 1) throw new Error(`unexpected __dirname in the bundle:\n${stray.join('\n')}`);
  const inputs = Object.keys(result.metafile.inputs).length;
  process.stdout.write(`bundle: ${path.relative(ROOT, OUT)} (${inputs} modules, ${(fs.statSync(OUT).size / 1e6).toFixed(1)} MB)\n`);
}

main().catch((err) => {
  process.stderr.write(`bundle: ${err.message}\n`);
  process.exitCode = 1;
});
