/** What the lint reads: front matter text fields, Markdown without its syntax, positions kept. */
import { segmentsOf } from '../../src/lint/segments';
import { article, lintText } from './helpers';

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
    expect(body?.starts.map((s) => text[s])).toEqual(['粗', '体']);
  });

  it('gives positions in the original lines, also with CRLF and a surrogate pair before the mark', () => {
    expect(lintText('---\r\ntitle: 题\r\n---\r\n\r\n𠀀好,\r\n')).toEqual(['5:3 ,→，']);
  });

  it('ignores link destinations, autolinks, URLs, code and comments', () => {
    expect(lintText(article('见[文件](../a(1).md)、<https://x.y/?a=1,b>、http://x.y/a,b:c、`a(1)`<!-- (注) -->。'))).toEqual([]);
  });
});
