import type { TextRun } from '../../src/document/types';
import { resolveSourceSpaces } from '../../src/text/items';

const runs = (...texts: string[]): TextRun[] => texts.map((text) => ({ text, style: 'regular', source: { file: 'test.md', line: 1 } }));

describe('resolveSourceSpaces (R4, R15)', () => {
  test.each([
    ['a space between ideographs is one separator', ['第一条  为了'], ['第一条 为了']],
    ['a U+3000 between ideographs is kept as typed', ['第一章\u3000 总则'], ['第一章\u3000总则']],
    ['a line break between ideographs is folding, dropped', ['信访\n工作'], ['信访工作']],
    ['a space beside Chinese punctuation is dropped', ['通知， 要求 。'], ['通知，要求。']],
    ['a space at a Han–Latin boundary is dropped', ['共 12 人'], ['共12人']],
    ['Latin words keep one space', ['New \t York'], ['New York']],
    ['spaces at either end are dropped', [' 中文 '], ['中文']],
    ['a label is followed by its own gap', ['⒈ 总则'], ['⒈总则']],
    ['an ideograph outside the BMP is one character', ['𠀀 中'], ['𠀀 中']],
  ])('%s', (_, input, expected) => {
    expect(resolveSourceSpaces(runs(...input))).toEqual(expected);
  });

  test('a space across runs is decided by the characters around it and kept in the run it starts in', () => {
    expect(resolveSourceSpaces(runs('第一条 ', ' 为了', '目的'))).toEqual(['第一条 ', '为了', '目的']);
    expect(resolveSourceSpaces(runs('第一条', ' 为了'))).toEqual(['第一条', ' 为了']);
  });

  test('text without spaces is returned as it is', () => {
    expect(resolveSourceSpaces(runs('第一条', '为了'))).toEqual(['第一条', '为了']);
  });
});
