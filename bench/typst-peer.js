'use strict';
// The peer for paired runs: ../shared/bench/typst (the sample issue in Typst 0.14 through the
// typst.ts node binding). shared/ is read-only in CI, so the peer is copied into the temp
// folder once and its two npm packages installed there; later bench runs reuse that copy as
// long as its package-lock.json is the same.
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SOURCE = path.resolve(__dirname, '..', '..', 'shared', 'bench', 'typst');

/** Returns { dir, argv } to compile the peer's issue.typ, or { missing: reason }. */
function preparePeer() {
  if (!fs.existsSync(path.join(SOURCE, 'compile.mjs'))) return { missing: `${SOURCE} not found` };
  try {
    execFileSync('fc-list', [':family=Noto Serif CJK SC'], { stdio: 'pipe' });
  } catch {
    return { missing: 'fonts-noto-cjk is not installed (apt-get install fonts-noto-cjk)' };
  }
  const lock = fs.readFileSync(path.join(SOURCE, 'package-lock.json'));
  const key = crypto.createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `bulletin-typst-peer-${key}`);
  if (!fs.existsSync(path.join(dir, 'node_modules', '@myriaddreamin'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(SOURCE, dir, { recursive: true });
    // The copy keeps shared/'s read-only modes; npm must write beside it.
    execFileSync('chmod', ['-R', 'u+w', dir]);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe' });
  }
  const out = path.join(dir, 'typst.pdf');
  return { dir, argv: [path.join(dir, 'compile.mjs'), path.join(dir, 'issue.typ'), out], out };
}

module.exports = { preparePeer };
