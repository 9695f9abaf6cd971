/**
 * The fix on a real file: only the flagged characters change; BOM, CRLF and everything else
 * stay byte for byte; the file is replaced by rename (no temp file left); a clean file is not
 * rewritten at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixFile, formatFix, lintArticle } from '../../src/lint';
import { tempDir } from '../cli/helpers';

let dir = '';
beforeEach(() => {
  dir = tempDir('lint-fix');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fixFile', () => {
  it('applies every certain fix and preserves the BOM and CRLF line ends', () => {
    const file = path.join(dir, '03-x.md');
    const before = '\uFEFF---\r\ntitle: 国信发[2024]1号\r\n---\r\n\r\n编委:(按姓氏拼音)\r\n第二行⼤学２０２４年\r\n\r\n发展—全国\r\n';
    fs.writeFileSync(file, before);
    const fixes = fixFile(file, 'issues/x/03-x.md');
    expect(fixes.map(formatFix)).toEqual([
      'issues/x/03-x.md:2:11: "[2024]" → "〔2024〕"',
      'issues/x/03-x.md:5:3: ":" → "："',
      'issues/x/03-x.md:5:4: "(" → "（"',
      'issues/x/03-x.md:5:10: ")" → "）"',
      'issues/x/03-x.md:6:4: "⼤" → "大"',
      'issues/x/03-x.md:6:6: "２０２４" → "2024"',
    ]);
    const after = fs.readFileSync(file);
    expect(after.toString('utf8')).toBe('\uFEFF---\r\ntitle: 国信发〔2024〕1号\r\n---\r\n\r\n编委：（按姓氏拼音）\r\n第二行大学2024年\r\n\r\n发展—全国\r\n');
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fs.readdirSync(dir)).toEqual(['03-x.md']);
    // What is left is the one warning only the editor can resolve.
    const again = lintArticle('03-x.md', after.toString('utf8').slice(1));
    expect(again.edits).toEqual([]);
    expect(again.diagnostics.map((d) => `${d.location.line}:${d.location.column}`)).toEqual(['8:3']);
  });

  it('leaves a file without fixes untouched (same bytes, same mtime)', () => {
    const file = path.join(dir, 'clean.md');
    fs.writeFileSync(file, '---\ntitle: 标题\n---\n\n正文，1,000元。\n');
    const stat = fs.statSync(file);
    expect(fixFile(file, 'clean.md')).toEqual([]);
    expect(fs.statSync(file).mtimeMs).toBe(stat.mtimeMs);
  });
});
