#!/usr/bin/env node
'use strict';
// Signals first, before anything is loaded: until the CLI's own handlers replace these (when
// dist/ has loaded), a Ctrl-C or SIGTERM still says what it interrupted instead of ending silently.
const interruptedWhileStarting = (signal) => {
  const { say } = require('../dist/messages.js');
  process.stderr.write(say('cli.interrupted-while-starting', { signal }));
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', interruptedWhileStarting);
process.on('SIGTERM', interruptedWhileStarting);
// The heap is kept small from the start (src/heap.ts: a large issue's nursery is let grow once
// the build has read it); a tiny module of its own, loaded before the CLI.
const heap = require('../dist/heap.js');
heap.keepHeapSmall();
// The compiled CLI lives in dist/ (built by `npm run prepare`, which `npm ci` runs): as one file,
// dist/cli.bundle.js (scripts/bundle.js), compiled from V8's code cache (src/code-cache.ts) —
// ~250 modules resolved, read and compiled on every run were most of the start-up. tsc's output
// (dist/cli.js) is run instead when there is no bundle or tsc has written dist/ since it was made
// (`npx tsc` without `npm run build`), so the bin never runs older code than dist/ has.
const path = require('node:path');
const fs = require('node:fs');
const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'cli.bundle.js');
const modified = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};
const bundled = modified(bundle);
// When tsc last wrote dist/: its record (dist/.tsbuildinfo), rewritten by every compile that
// emits; tsc compiles incrementally, so dist/cli.js itself is rewritten only when cli.ts changed.
const compiled = modified(path.join(dist, '.tsbuildinfo')) ?? modified(path.join(dist, 'cli.js'));
if (bundled !== undefined && (compiled === undefined || compiled <= bundled)) {
  const { codeCacheDir, requireWithCodeCache } = require('../dist/code-cache.js');
  // The cache is made under the flags of start-up, which a large issue's build changes (heap.ts).
  requireWithCodeCache(bundle, codeCacheDir(), undefined, heap.keepHeapSmall).main(process.argv);
} else {
  require('../dist/cli.js').main(process.argv);
}
