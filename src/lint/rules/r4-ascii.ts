/**
 * R4: ASCII , : ; ? ! ( ) typed in Chinese text, where the full-width mark is meant. ASCII stays
 * inside Latin runs ("1,000", "9:30", "Hello, world!", "f(x)"): only a CJK neighbour (or, for a
 * pair of parentheses, CJK inside them) makes the mark Chinese.
 */
import { type Message, message } from '../../messages';
import { charAt, charBefore, isCjk, isLatinWord } from '../chars';
import { fixable, matches, type Finding } from '../finding';
import type { Segment } from '../segments';

const FULL: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const asciiInChinese = (ch: string): Message => message('lint.ascii-punctuation', { ch });

/** Points of the sentence: a run ("好!!", "吗?!") is Chinese when it touches CJK on either side. */
export function asciiStops(segment: Segment): Finding[] {
  const text = segment.text;
  const found: Finding[] = [];
  for (const m of matches(segment, /[,:;?!]+/g)) {
    const end = m.index + m[0].length;
    if (!isCjk(charBefore(text, m.index)) && !isCjk(charAt(text, end))) continue;
    for (let k = m.index; k < end; k++) {
      const ch = text[k] as string;
      // A full-width mark carries its own blank: the spaces typed after the last one go with it.
      const spaces = k === end - 1 ? (/^ +/.exec(text.slice(end))?.[0] ?? '') : '';
      found.push(fixable('R4', k, ch + spaces, FULL[ch] as string, asciiInChinese(ch)));
    }
  }
  return found;
}

/** Parentheses, as pairs: "(按姓氏拼音)" is Chinese by its content, "组织(WHO)" by its neighbour. */
export function asciiParentheses(segment: Segment): Finding[] {
  const text = segment.text;
  const open: number[] = [];
  const pairs: [number | undefined, number | undefined][] = [];
  // By code unit: `text[k]` made a string of every Chinese character, for every segment.
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x28) open.push(k);
    else if (c === 0x29) pairs.push([open.pop(), k]);
  }
  for (const k of open) pairs.push([k, undefined]);
  const found: Finding[] = [];
  for (const [o, c] of pairs) {
    const before = o === undefined ? undefined : charBefore(text, o);
    const after = c === undefined ? undefined : charAt(text, c + 1);
    let chinese: boolean;
    if (o !== undefined && c !== undefined) {
      const inside = [...text.slice(o + 1, c)].some((ch) => isCjk(ch));
      // "f(x)的值": Latin attached to the "(" and nothing Chinese inside is a formula, not a remark.
      chinese = inside || ((isCjk(before) || isCjk(after)) && !isLatinWord(before));
    } else {
      chinese = isCjk(before) || isCjk(after) || isCjk(o === undefined ? charBefore(text, c as number) : charAt(text, o + 1));
    }
    if (!chinese) continue;
    if (o !== undefined) {
      const spaces = / +$/.exec(text.slice(0, o))?.[0] ?? '';
      // Spaces before "（" are dropped with it, unless they only indent the line.
      const lead = spaces.length === o ? 0 : spaces.length;
      found.push(fixable('R4', o - lead, `${' '.repeat(lead)}(`, '（', asciiInChinese('('), o));
    }
    if (c !== undefined) {
      const spaces = /^ +/.exec(text.slice(c + 1))?.[0] ?? '';
      found.push(fixable('R4', c, `)${spaces}`, '）', asciiInChinese(')')));
    }
  }
  return found;
}
