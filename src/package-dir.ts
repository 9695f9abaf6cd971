/**
 * The package's own folder (package.json, schemas/, dist/). This file is one level below it
 * wherever it runs: src/package-dir.ts (tests), dist/package-dir.js, or inlined into the one-file
 * build dist/cli.bundle.js (scripts/bundle.js), where every module shares the bundle's __dirname —
 * so paths to the package's files are made here and nowhere else.
 */
import * as path from 'node:path';

export const PACKAGE_DIR = path.resolve(__dirname, '..');
