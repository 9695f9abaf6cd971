import { wording } from '../helpers/errors';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BulletinError } from '../../src/errors';
import { execFileSync } from 'node:child_process';
import { checkReadableFile, fileExists, MAX_FONT_BYTES, readBytes, readText, resolveInside } from '../../src/workspace';

let tmp: string;
let issueDir: string;
const from = { file: 'issues/x/issue.yaml', line: 7, column: 9 };

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-ws-'));
  issueDir = path.join(tmp, 'issues', 'x');
  fs.mkdirSync(path.join(issueDir, 'articles'), { recursive: true });
  fs.writeFileSync(path.join(issueDir, 'articles', 'a.md'), '\uFEFF正文');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(issueDir, 'articles', 'link.md'));
  fs.symlinkSync(tmp, path.join(issueDir, 'outdir'));
  fs.writeFileSync(path.join(issueDir, 'bad.md'), Buffer.from([0xe4, 0xb8]));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function diagnosticOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof BulletinError) return err.diagnostics[0];
    throw err;
  }
  throw new Error('expected a BulletinError');
}

describe('resolveInside', () => {
  it('resolves a path inside the folder', () => {
    expect(resolveInside(issueDir, 'articles/a.md', from)).toBe(path.join(issueDir, 'articles', 'a.md'));
    expect(resolveInside(issueDir, '../x/articles/a.md', from, path.join(issueDir, 'articles'))).toBe(
      path.join(issueDir, 'x', 'articles', 'a.md'),
    );
  });

  it('rejects ../ escapes at the referring location', () => {
    const d = diagnosticOf(() => resolveInside(issueDir, '../../secret.txt', from));
    expect(d?.location).toEqual(from);
    expect(wording(d)).toMatch(/outside/);
  });

  it('rejects absolute paths and URLs', () => {
    expect(wording(diagnosticOf(() => resolveInside(issueDir, '/etc/passwd', from)))).toMatch(/absolute/);
    expect(wording(diagnosticOf(() => resolveInside(issueDir, 'C:\\x.png', from)))).toMatch(/absolute/);
    expect(wording(diagnosticOf(() => resolveInside(issueDir, 'https://example.com/a.png', from)))).toMatch(/URL/);
  });

  it('accepts a path under a root reached through a symbolic link, and still rejects a link out of it', () => {
    const linkedRoot = `${tmp}-linked`;
    fs.symlinkSync(issueDir, linkedRoot);
    try {
      expect(resolveInside(linkedRoot, 'articles/a.md', from)).toBe(path.join(linkedRoot, 'articles', 'a.md'));
      expect(wording(diagnosticOf(() => resolveInside(linkedRoot, 'articles/link.md', from)))).toMatch(/symbolic link/);
    } finally {
      fs.unlinkSync(linkedRoot);
    }
  });

  it('rejects symlinks that point outside, also through a linked folder', () => {
    expect(wording(diagnosticOf(() => resolveInside(issueDir, 'articles/link.md', from)))).toMatch(/symbolic link/);
    expect(wording(diagnosticOf(() => resolveInside(issueDir, 'outdir/secret.txt', from)))).toMatch(/symbolic link/);
    expect(wording(diagnosticOf(() => resolveInside(issueDir, 'outdir/missing.txt', from)))).toMatch(/symbolic link/);
  });
});

describe('readText', () => {
  it('reads UTF-8 and strips the BOM', async () => {
    await expect(readText(path.join(issueDir, 'articles', 'a.md'))).resolves.toBe('正文');
  });

  it('reports a missing file at the referring location', async () => {
    await expect(readText(path.join(issueDir, 'nope.md'), { display: 'nope.md', from })).rejects.toMatchObject({
      diagnostics: [{ location: from, code: 'workspace.file-not-found', params: { display: 'nope.md' } }],
    });
  });

  it('rejects oversized and non-UTF-8 files', async () => {
    await expect(readText(path.join(issueDir, 'articles', 'a.md'), { maxBytes: 3 })).rejects.toBeInstanceOf(BulletinError);
    await expect(readText(path.join(issueDir, 'bad.md'))).rejects.toThrow(/UTF-8/);
  });

  it('fileExists', () => {
    expect(fileExists(path.join(issueDir, 'articles', 'a.md'))).toBe(true);
    expect(fileExists(issueDir)).toBe(false);
  });
});

describe('readBytes and checkReadableFile (issue #13: only regular files, bounded before reading)', () => {
  const message = (fn: () => unknown) => wording(diagnosticOf(fn));

  it('refuses a FIFO, a folder and a device without waiting or reading', () => {
    const fifo = path.join(tmp, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(message(() => readBytes(fifo, { display: 'pipe.png' }))).toBe('pipe.png is not a regular file: it is a named pipe (FIFO)');
    expect(message(() => checkReadableFile(issueDir, { display: 'x' }))).toBe('x is not a regular file: it is a folder');
    expect(message(() => readBytes('/dev/zero', { display: '/dev/zero', maxBytes: MAX_FONT_BYTES }))).toBe('/dev/zero is not a regular file: it is a device');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('checks the size before reading', () => {
    const big = path.join(tmp, 'big.icc');
    fs.writeFileSync(big, Buffer.alloc(2048));
    expect(message(() => readBytes(big, { display: 'big.icc', maxBytes: 1024 }))).toMatch(/^big\.icc is larger than 0 MB/);
    expect(readBytes(big, { maxBytes: 4096 }).length).toBe(2048);
  });

  const root = process.getuid?.() === 0;
  (root ? it.skip : it)('says "permission denied" for a file it may not read (skipped as root, who may read anything)', () => {
    const locked = path.join(tmp, 'locked.png');
    fs.writeFileSync(locked, 'x');
    fs.chmodSync(locked, 0o000);
    expect(message(() => checkReadableFile(locked, { display: 'locked.png' }))).toBe('locked.png cannot be read: permission denied');
  });
  if (root) console.log('workspace.test: the permission-denied case is skipped: running as root');
});
