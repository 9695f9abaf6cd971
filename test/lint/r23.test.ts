/** R23: document-number brackets, straight quotes, unbalanced pairs. */
import { BODY_LINE as L, fixed, lint } from './helpers';

describe('R23 document numbers', () => {
  it('replaces 【】 and [] around the year with 〔〕, in the body and the front matter', () => {
    expect(lint('依据国信发[2024]1号文件')).toEqual([`${L}:6 [2024]→〔2024〕`]);
    expect(lint('依据国信发【2024】1号文件')).toEqual([`${L}:6 【2024】→〔2024〕`]);
    expect(lint('正文', '国信发［2024］1号')).toEqual(['2:11 ［2024］→〔2024〕']);
    expect(lint('国信发〔2024〕1号')).toEqual([]);
  });
});

describe('R23 straight quotes', () => {
  it('pairs " in order into “ ”', () => {
    expect(lint('他说"好"，又说"行"。')).toEqual([`${L}:3 "→“`, `${L}:5 "→”`, `${L}:9 "→“`, `${L}:11 "→”`]);
    expect(fixed("树立'四个意识'")).toBe('树立‘四个意识’');
  });

  it('leaves Latin quotes and apostrophes', () => {
    expect(lint('He said "yes" and don\'t.')).toEqual([]);
  });

  it('warns about a lone quote without guessing its direction', () => {
    expect(lint('他说"好')).toEqual([`${L}:3 warning`]);
  });
});

describe('R23 unbalanced pairs', () => {
  it('points at the mark that has no partner in its paragraph', () => {
    expect(lint('“蝶变新生绘就')).toEqual([`${L}:1 warning`]);
    expect(lint('规划（2023—2027年')).toEqual([`${L}:3 warning`]);
    expect(lint('《条例》》')).toEqual([`${L}:5 warning`]);
  });

  it('counts the marks the other fixes produce, so "（…)" is one problem', () => {
    expect(lint('编委：（按姓氏拼音)')).toEqual([`${L}:10 )→）`]);
  });

  it('is quiet on balanced text', () => {
    expect(lint('《全国干部教育培训规划（2023—2027年）》与“枫桥经验”')).toEqual([]);
  });
});
