/** R4: radicals → ideographs, U+FFFD → error, spaces between Han characters. */
import { lintArticle } from '../../src/lint';
import { article, BODY_LINE as L, fixed, lint } from './helpers';

describe('R4 characters', () => {
  it('maps Kangxi radicals to the unified ideographs (⼤学 → 大学)', () => {
    expect(lint('北京⼤学')).toEqual([`${L}:3 ⼤→大`]);
    expect(fixed('⼈⽒')).toBe('人氏');
  });

  it('warns without a fix on a radical that has no ideograph', () => {
    // U+2EA0 (CJK radicals supplement) has no compatibility decomposition.
    expect(lint('人⺠')).toEqual([`${L}:2 warning`]);
  });

  it('reports U+FFFD as an error, anywhere in the file', () => {
    expect(lint('文字\uFFFD\uFFFD损坏')).toEqual([`${L}:3 error`]);
    expect(lint('正文', '标题\uFFFD')).toEqual(['2:10 error']);
    const d = lintArticle('a.md', article('坏\uFFFD')).diagnostics[0];
    expect(d?.severity).toBe('error');
  });

  it('flags a space between two Han characters in body text and removes it', () => {
    expect(lint('召开 会议， 研究 部署')).toEqual([`${L}:3  →`, `${L}:10  →`]);
    expect(fixed('召开 会议， 研究 部署')).toBe('召开会议， 研究部署');
  });

  it('does not offer to merge a list of names separated by spaces', () => {
    expect(lint('出席：蔡伯芝 陈洁 邓秀华')).toEqual([`${L}:7 warning`, `${L}:10 warning`]);
    expect(fixed('出席：蔡伯芝 陈洁 邓秀华')).toBe('出席：蔡伯芝 陈洁 邓秀华');
  });

  it('leaves the spaces of titles, headings and captions (deliberate breaks) and Han–Latin spaces', () => {
    expect(lint('正文', '努力实现良好开局起步 推进社会工作高质量发展')).toEqual([]);
    expect(lint('## 一、标题 副标题')).toEqual([]);
    expect(lint('![图一 说明](../images/fig.png)')).toEqual([]);
    expect(lint('召开 2023 年度会议')).toEqual([]);
    expect(lint('中 `code` 文')).toEqual([]);
  });
});
