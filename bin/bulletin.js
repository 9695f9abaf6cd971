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
// V8 lets its young generation grow from 1 to 16 MB per semi-space (heap ~65 MB for the sample,
// most of it the nursery); a build makes mostly short-lived objects, so keeping the nursery at
// its start size costs little: measured −20 MB peak RSS on the sample at the same wall time,
// −33 MB on 200 pages for ~+4 % time. (Flags like --max-semi-space-size cannot be given here: the
// heap is configured before this line runs; the growth factor is read each time it would grow.)
require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
// After each full GC V8 lets the old generation grow to a multiple of what survived, chosen by
// its own heuristics (about 2× here): a long volume's render garbage then piled up to the peak.
// Capped at 1.2×: the 576-page volume peaked at 313–334 MB instead of 391–395 MB (20 full GCs
// instead of 6, the same user+sys time within noise), the sample at ~187 MB instead of ~192 MB.
require('node:v8').setFlagsFromString('--heap-growing-percent=20');
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
  requireWithCodeCache(bundle, codeCacheDir()).main(process.argv);
} else {
  require('../dist/cli.js').main(process.argv);
}
