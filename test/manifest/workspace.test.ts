import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BulletinError } from '../../src/errors';
import { fileExists, readText, resolveInside } from '../../src/workspace';

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
    expect(d?.message).toMatch(/outside/);
  });

  it('rejects absolute paths and URLs', () => {
    expect(diagnosticOf(() => resolveInside(issueDir, '/etc/passwd', from))?.message).toMatch(/absolute/);
    expect(diagnosticOf(() => resolveInside(issueDir, 'C:\\x.png', from))?.message).toMatch(/absolute/);
    expect(diagnosticOf(() => resolveInside(issueDir, 'https://example.com/a.png', from))?.message).toMatch(/URL/);
  });

  it('rejects symlinks that point outside, also through a linked folder', () => {
    expect(diagnosticOf(() => resolveInside(issueDir, 'articles/link.md', from))?.message).toMatch(/symbolic link/);
    expect(diagnosticOf(() => resolveInside(issueDir, 'outdir/secret.txt', from))?.message).toMatch(/symbolic link/);
    expect(diagnosticOf(() => resolveInside(issueDir, 'outdir/missing.txt', from))?.message).toMatch(/symbolic link/);
  });
});

describe('readText', () => {
  it('reads UTF-8 and strips the BOM', async () => {
    await expect(readText(path.join(issueDir, 'articles', 'a.md'))).resolves.toBe('正文');
  });

  it('reports a missing file at the referring location', async () => {
    await expect(readText(path.join(issueDir, 'nope.md'), { display: 'nope.md', from })).rejects.toMatchObject({
      diagnostics: [{ location: from, message: 'file not found: nope.md' }],
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
