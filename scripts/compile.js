#!/usr/bin/env node
'use strict';
// scripts/compile.js — `npm run build`'s first step: tsc from src/ into dist/, incrementally.
// tsc keeps a record of what it compiled (dist/.tsbuildinfo, tsconfig.json) and skips what has
// not changed: `npm ci` builds once and `npm test` builds again, and that second build took ~15 s
// for nothing. tsc trusts the record, though: a file deleted from dist/ would never be written
// again, so the record is dropped (a full build) when any source's output is missing.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const RECORD = path.join(DIST, '.tsbuildinfo');

/** The .ts files under `dir`, relative to src/. */
function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path.relative(SRC, file)] : [];
  });
}

const missing = sources(SRC).filter((file) => !fs.existsSync(path.join(DIST, file.replace(/\.ts$/, '.js'))));
if (missing.length > 0 && fs.existsSync(RECORD)) fs.rmSync(RECORD);

const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
process.exitCode = tsc.status ?? 1;
