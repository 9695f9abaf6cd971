/**
 * One script table (text/script.ts) for engine, lint and Markdown: the characters the three
 * used to disagree on, pinned, and asked of all three users.
 */
import { isCjk as markdownIsCjk } from '../../src/document/markdown';
import { isCjk as lintIsCjk, isHan as lintIsHan, isLatinWord } from '../../src/lint/chars';
import { classify } from '../../src/text/classes';
import { isChineseContext, isEastAsianWide, isFullwidthLatin, isHan } from '../../src/text/script';

// [character, Han?, Chinese context for the lint?, wide for Markdown?, engine class]
const PINNED: readonly [string, boolean, boolean, boolean, string][] = [
  ['中', true, true, true, 'han'],
  ['々', true, true, true, 'han'], // iteration mark: set and counted as an ideograph (was Latin-ish "other" to the engine)
  ['〇', true, true, true, 'han'],
  ['⼤', true, true, true, 'han'], // Kangxi radical from PDF copy-paste: one em until the lint's fix replaces it
  ['𠮷', true, true, true, 'han'], // Ext B
  ['Ａ', false, false, true, 'han'], // full-width Latin: wide (Markdown), not Chinese context (lint), set as an ideograph (engine)
  ['１', false, false, true, 'han'],
  ['，', false, true, true, 'stop'],
  ['　', false, true, true, 'ideographic-space'],
  ['“', false, true, false, 'open'],
  ['—', false, false, false, 'middle'], // "2023—2027" is a range: not Chinese context
  ['A', false, false, false, 'latin'],
  ['あ', false, false, true, 'han'], // kana: a wide letter, set like an ideograph
];

test.each(PINNED)('%s: Han %s, Chinese context %s, wide %s, engine class %s', (ch, han, context, wide, cls) => {
  expect(isHan(ch)).toBe(han);
  expect(lintIsHan(ch)).toBe(han);
  expect(isChineseContext(ch)).toBe(context);
  expect(lintIsCjk(ch)).toBe(context);
  expect(isEastAsianWide(ch)).toBe(wide);
  expect(markdownIsCjk(ch)).toBe(wide);
  expect(classify(ch)).toBe(cls);
});

test('full-width letters are not Latin words; Latin letters and digits are', () => {
  expect(isFullwidthLatin('Ｚ')).toBe(true);
  expect(isLatinWord('Ａ')).toBe(false);
  expect(isLatinWord('é')).toBe(true);
  expect(isLatinWord('9')).toBe(true);
  expect(isLatinWord('中')).toBe(false);
});
