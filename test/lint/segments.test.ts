/** What the lint reads: front matter text fields, Markdown without its syntax, positions kept. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OPAQUE, segmentsOf } from '../../src/lint/segments';
import { article, lintText } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

/** Every visible character that stands for one source character and is not that character. */
function misplaced(source: string): string[] {
  const wrong: string[] = [];
  for (const segment of segmentsOf(source)) {
    for (let k = 0; k < segment.text.length; k++) {
      const [start, end] = [segment.starts[k] as number, segment.ends[k] as number];
      if (end - start === 1 && segment.text[k] !== OPAQUE && source[start] !== segment.text[k]) wrong.push(`${k}: ${segment.text[k]} at ${start} is ${source[start]}`);
    }
  }
  return wrong;
}

describe('segments', () => {
  it('reads the typeset front matter fields and the body, without Markdown syntax', () => {
    const text = article('**（一）重要意义。**正文[链接](http://x.y/(a))结束\n第二行 `code`\n\n## 二、标题 ##\n\n<!-- 注释, 不打印 -->\n![说明](../images/a.png)');
    expect(segmentsOf(text).map((s) => [s.kind, s.text])).toEqual([
      ['title', '标题'],
      ['paragraph', '（一）重要意义。正文链接（\uFFFC）结束第二行 \uFFFC'],
      ['heading', '二、标题'],
      ['caption', '说明'],
    ]);
  });

  it('maps every character back to its place in the file', () => {
    const text = '---\r\ntitle: "甲乙"\r\n---\r\n\r\n**粗**体\r\n';
    const [title, body] = segmentsOf(text);
    expect(text.slice(title?.starts[0], title?.ends[1])).toBe('甲乙');
    expect(Array.from(body?.starts ?? [], (s) => text[s])).toEqual(['粗', '体']);
  });

  it('gives positions in the original lines, also with CRLF and a surrogate pair before the mark', () => {
    expect(lintText('---\r\ntitle: 题\r\n---\r\n\r\n𠀀好,\r\n')).toEqual(['5:3 ,→，']);
  });

  it('ignores link destinations, autolinks, URLs, code and comments', () => {
    expect(lintText(article('见[文件](../a(1).md)、<https://x.y/?a=1,b>、http://x.y/a,b:c、`a(1)`<!-- (注) -->。'))).toEqual([]);
  });

  it('maps each character typed as itself to its own place, in every fixture article', () => {
    const wrong = markdownFiles(FIXTURES).flatMap((file) => misplaced(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).map((w) => `${file}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it('keeps places across runs of plain text, escapes, invisible characters and a surrogate pair at a hard break', () => {
    const text = article('甲\\*乙\u200B丙𠀀  \n丁', '标\u200B题');
    const [title, body] = segmentsOf(text);
    expect(title?.text).toBe('标题');
    expect([title?.starts[1], title?.ends[1]]).toEqual([text.indexOf('题'), text.indexOf('题') + 1]);
    expect(body?.text).toBe('甲*乙丙𠀀\n丁');
    // The escaped star stands for its backslash too; the pair's two halves for themselves.
    const star = body?.text.indexOf('*') ?? -1;
    expect(text.slice(body?.starts[star], body?.ends[star])).toBe('\\*');
    const pair = body?.text.indexOf('𠀀') ?? -1;
    expect(text.slice(body?.starts[pair], body?.ends[pair + 1])).toBe('𠀀');
    expect(misplaced(text)).toEqual([]);
  });
});
