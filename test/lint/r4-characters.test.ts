/** R4: radicals → ideographs, U+FFFD → error, spaces between Han characters. */
import { lintArticle } from '../../src/lint';
import { article, BODY_LINE as L, fixed, lint } from './helpers';
import { wording } from '../helpers/errors';

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

  it('warns on a lone space inside a sentence (noise) but never removes it (R4 as corrected)', () => {
    expect(lint('召开 会议，研究 部署')).toEqual([`${L}:3 warning`, `${L}:9 warning`]);
    expect(fixed('召开 会议，研究 部署')).toBe('召开 会议，研究 部署');
    const hint = wording(lintArticle('a.md', article('召开 会议')).diagnostics[0]?.hint);
    expect(hint).toMatch(/　/);
  });

  it('normalises the separator after 第…条/章/节/编/款 to U+3000 without a warning', () => {
    expect(lint('第一条 为了保障公民的合法权益。')).toEqual([]);
    expect(fixed('第一条 为了保障公民的合法权益。')).toBe('第一条　为了保障公民的合法权益。');
    expect(fixed('第一百零五条\u00A0 本条例自公布之日起施行。')).toBe('第一百零五条　本条例自公布之日起施行。');
    expect(fixed('## 第一章 总则')).toBe('## 第一章　总则');
    expect(fixed('第二节 受理')).toBe('第二节　受理');
    expect(fixed('第一条　为了')).toBe('第一条　为了');
  });

  it('keeps without a word the spaces that separate: U+3000, joint issuers, 《》, name lists', () => {
    expect(lint('召开　会议')).toEqual([]);
    expect(lint('根据《中共中央办公厅 国务院办公厅关于进一步加强信访工作的意见》')).toEqual([]);
    expect(lint('中共中央办公厅 国务院办公厅印发了意见')).toEqual([]);
    expect(lint('出席：蔡伯芝 陈洁 邓秀华')).toEqual([]);
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
