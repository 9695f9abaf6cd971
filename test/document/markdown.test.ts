import * as path from 'node:path';
import { BulletinError } from '../../src/errors';
import { markdownToBlocks, type MarkdownContext } from '../../src/document/markdown';
import type { BodyBlock } from '../../src/document/types';
import { errorOf as errorFrom, wording } from '../helpers/errors';

const issueDir = path.join(__dirname, '..', 'fixtures', 'mini', 'issues', '2024-03');
const ctx: MarkdownContext = { file: 'issues/2024-03/articles/t.md', absFile: path.join(issueDir, 'articles', 't.md'), issueDir };

const blocks = (md: string): BodyBlock[] => markdownToBlocks(md, ctx);
const runs = (md: string) => {
  const b = blocks(md)[0];
  return b !== undefined && b.kind !== 'figure' ? b.runs.map((r) => [r.text, r.style]) : [];
};

const errorOf = (md: string) => errorFrom(() => blocks(md));

describe('markdownToBlocks', () => {
  it('makes paragraphs with sources and drops empty ones', () => {
    const result = blocks('\n\n第一段。\n\n第二段。\n');
    expect(result).toEqual([
      { kind: 'paragraph', runs: [{ text: '第一段。', style: 'regular', source: { file: ctx.file, line: 3, column: 1 } }], source: { file: ctx.file, line: 3, column: 1 } },
      { kind: 'paragraph', runs: [{ text: '第二段。', style: 'regular', source: { file: ctx.file, line: 5, column: 1 } }], source: { file: ctx.file, line: 5, column: 1 } },
    ]);
  });

  it('maps ## … ##### to heading levels 1 … 4', () => {
    const result = blocks('## 一、甲\n\n### （一）乙\n\n#### 1.丙\n\n##### （1）丁\n');
    expect(result.map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([1, 2, 3, 4]);
  });

  it('reads bold and emphasis, also next to Chinese punctuation', () => {
    expect(runs('**（一）重要意义。**正文*着重*结束，__粗__和_强调_')).toEqual([
      ['（一）重要意义。', 'bold'],
      ['正文', 'regular'],
      ['着重', 'emphasis'],
      ['结束，', 'regular'],
      ['粗', 'bold'],
      ['和', 'regular'],
      ['强调', 'emphasis'],
    ]);
    expect(runs('他说**“好”**。然后')).toEqual([
      ['他说', 'regular'],
      ['“好”', 'bold'],
      ['。然后', 'regular'],
    ]);
  });

  it('joins soft line breaks: nothing between CJK, a space otherwise', () => {
    expect(runs('第一行\n第二行，\n“引号”\nEnglish\nwords\n中文')).toEqual([['第一行第二行，“引号” English words 中文', 'regular']]);
    expect(runs('**粗体**\n正文')).toEqual([
      ['粗体', 'bold'],
      ['正文', 'regular'],
    ]);
  });

  it('keeps the line of each run', () => {
    const b = blocks('甲\n**乙**')[0];
    expect(b?.kind === 'paragraph' && b.runs.map((r) => r.source.line)).toEqual([1, 2]);
  });

  it('turns code spans into text and strips full-width indentation', () => {
    expect(runs('　　见`第3条`和说明')).toEqual([['见第3条和说明', 'regular']]);
  });

  it('makes a figure from an image paragraph', () => {
    const [figure] = blocks('![图一 **说明**](../images/fig.png)');
    expect(figure).toEqual({
      kind: 'figure',
      image: path.join(issueDir, 'images', 'fig.png'),
      caption: [
        { text: '图一 ', style: 'regular', source: { file: ctx.file, line: 1, column: 1 } },
        { text: '说明', style: 'bold', source: { file: ctx.file, line: 1, column: 1 } },
      ],
      source: { file: ctx.file, line: 1, column: 1 },
    });
  });

  it('reports images that are missing or outside the issue', () => {
    expect(errorOf('![x](../images/none.png)').message).toMatch(/^issues\/2024-03\/articles\/t\.md:1: image not found/);
    expect(errorOf('\n![x](../../../secret.png)').diagnostics[0]?.location).toEqual({ file: ctx.file, line: 2, column: 1 });
  });

  it('reports every unsupported construct with its line and a hint', () => {
    const md = ['# 标题', '', '- 项', '  - 子项', '    - 第三层', '', '> 引', '', '文字![x](../images/fig.png)', '', '<div>x</div>', '', '```', 'code', '```', '', '***', '', '[链接](page.html)'].join('\n');
    const err = errorOf(md);
    expect(err.diagnostics.map((d) => d.location.line)).toEqual([1, 5, 7, 9, 11, 13, 17, 19]);
    expect(err.diagnostics.every((d) => d.hint !== undefined)).toBe(true);
    expect(wording(err.diagnostics[0])).toMatch(/# heading/);
  });

  it('reports tables and underlined headings', () => {
    expect(wording(errorOf('| a | b |\n|---|---|\n| 1 | 2 |').diagnostics[0])).toMatch(/tables/);
    expect(wording(errorOf('标题\n---').diagnostics[0])).toMatch(/underlined heading/);
  });

  it('accepts "1." without a space as text, and HTML comments', () => {
    expect(runs('1.第一项<!-- 备注 -->')).toEqual([['1.第一项', 'regular']]);
  });
});

const linkRuns = (md: string) => {
  const b = blocks(md)[0];
  return b !== undefined && b.kind !== 'figure' ? b.runs.map((r) => [r.text, r.link ?? '']) : [];
};

describe('the lines and links the editor meant', () => {
  it('honours hard line breaks (two spaces, backslash) as "\\n" and joins soft ones', () => {
    expect(runs('张三  \n李四\\\n王五\n赵六')).toEqual([['张三\n李四\n王五赵六', 'regular']]);
  });

  it('treats a line of only spaces (U+3000, U+00A0, tabs) as a blank line', () => {
    const result = blocks('第一段。\n\u3000\u3000\n第二段。\n \u00A0\t\n第三段。');
    expect(result.map((b) => (b.kind === 'paragraph' ? b.runs[0]?.text : ''))).toEqual(['第一段。', '第二段。', '第三段。']);
  });

  it('removes invisible paste artefacts from the text', () => {
    expect(runs('调解\u00AD工作\u200B，\u2060会议\uFEFF\u202A召开')).toEqual([['调解工作，会议召开', 'regular']]);
    // A ZWJ between two emoji is one picture and stays.
    expect(runs('家庭👨\u200D👩')[0]?.[0]).toBe('家庭👨\u200D👩');
  });

  it('keeps * and _ literal unless they pair around text', () => {
    expect(runs('面积为3*4米，另有*号标注')).toEqual([['面积为3*4米，另有*号标注', 'regular']]);
    expect(runs('a*b*c 和 2*3=6')).toEqual([['a*b*c 和 2*3=6', 'regular']]);
    expect(runs('正文*着重*结束')).toEqual([
      ['正文', 'regular'],
      ['着重', 'emphasis'],
      ['结束', 'regular'],
    ]);
  });

  it('links [text](url) and prints the hidden address after the text', () => {
    expect(linkRuns('见[委员会网站](https://example.cn/a)。')).toEqual([
      ['见', ''],
      ['委员会网站', 'https://example.cn/a'],
      ['（', ''],
      ['https://example.cn/a', 'https://example.cn/a'],
      ['）。', ''],
    ]);
    expect(linkRuns('[https://example.cn](https://example.cn)')).toEqual([['https://example.cn', 'https://example.cn']]);
  });

  it('links <url>, bare URLs and e-mail addresses, without the sentence punctuation', () => {
    expect(linkRuns('<https://a.cn/x>，邮箱starsh1021@163.com。网址https://www.gov.cn/a_b/c.html.')).toEqual([
      ['https://a.cn/x', 'https://a.cn/x'],
      ['，邮箱', ''],
      ['starsh1021@163.com', 'mailto:starsh1021@163.com'],
      ['。网址', ''],
      ['https://www.gov.cn/a_b/c.html', 'https://www.gov.cn/a_b/c.html'],
      ['.', ''],
    ]);
  });

  it('refuses a link that is not a web or e-mail address', () => {
    expect(wording(errorOf('见[说明](javascript:alert(1))').diagnostics[0])).toMatch(/not a web or e-mail address/);
  });

  it('sets lists as list paragraphs, keeping the source numbering', () => {
    const result = blocks('1. 第一项\n2. 第二项\n   - 子项\n   - （1）子二\n5. Fifth\n\n- ①甲\n- 乙');
    expect(result.map((b) => (b.kind === 'paragraph' ? [b.list?.level, b.list?.label, b.runs.map((r) => r.text).join('')] : []))).toEqual([
      [1, '1.', '1.第一项'],
      [1, '2.', '2.第二项'],
      [2, '◦', '◦子项'],
      [2, '（1）', '（1）子二'],
      [1, '5. ', '5. Fifth'],
      [1, '①', '①甲'],
      [1, '•', '•乙'],
    ]);
  });
});
