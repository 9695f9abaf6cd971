/**
 * R4: characters that look right but are not: Kangxi / CJK radicals from PDF copy-paste
 * (search and copy from our PDF would not find "大学" in "⼤学"), U+FFFD left by a broken
 * decoding, and spaces between two Han characters.
 */
import { t } from '../../messages';
import { fixable, matches, warnOnly, type Finding } from '../finding';
import type { Segment } from '../segments';

const hex = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Radicals U+2F00–2FD5 and U+2E80–2EF3; NFKC (per character only) gives the unified ideograph. */
export function radicals(segment: Segment): Finding[] {
  return matches(segment, /[\u2E80-\u2EF3\u2F00-\u2FD5]/g).map((m) => {
    const ch = m[0];
    const unified = ch.normalize('NFKC');
    const message = t(`"${ch}" (${hex(ch)}) is a radical, not a Chinese character (R4)`, `“${ch}”（${hex(ch)}）是部首符号，不是汉字（R4）`);
    // Most of the supplement has no decomposition: only the editor knows the character meant.
    return unified !== ch
      ? fixable('R4', m.index, ch, unified, message)
      : warnOnly('R4', m.index, 1, message, t('retype the character', '请重新输入这个字'));
  });
}

/** U+FFFD: an error, since the text is damaged (whole file, not only the visible text). */
export function replacementCharacters(segment: Segment): Finding[] {
  return matches(segment, /\uFFFD+/g).map((m) => ({
    rule: 'R4' as const,
    severity: 'error' as const,
    at: m.index,
    length: m[0].length,
    message: t('the text contains U+FFFD "�": characters were lost when it was converted (R4)', '文中有 U+FFFD“�”：转换编码时丢失了字符（R4）'),
    hint: t('copy this passage again from the original document', '请从原文件重新复制这段文字'),
  }));
}

/**
 * Spaces between two Han characters in body text (PDF copy-paste noise). The typesetter drops
 * them, but the source should say what is printed. Titles, headings and captions are exempt: a
 * space there marks where a long title breaks (R20) or ends a figure number. In a run of three
 * or more short words ("蔡伯芝 陈洁 邓秀华") the spaces separate names: dropping them would merge
 * the names, so that is a warning without a fix.
 */
export function spacesBetweenHan(segment: Segment): Finding[] {
  if (segment.kind !== 'paragraph') return [];
  const lists = matches(segment, /(?<!\p{Script=Han})\p{Script=Han}{1,4}(?:[ \t\u00A0]+\p{Script=Han}{1,4}){2,}(?!\p{Script=Han})/gu).map((m) => [m.index, m.index + m[0].length]);
  const inList = (k: number): boolean => lists.some(([start = 0, end = 0]) => k > start && k < end);
  const message = t('space between two Chinese characters (R4)', '两个汉字之间有空格（R4）');
  return matches(segment, /(?<=\p{Script=Han})[ \t\u00A0]+(?=\p{Script=Han})/gu).map((m) =>
    inList(m.index)
      ? warnOnly('R4', m.index, m[0].length, message, t('spaces between Chinese characters are not printed: separate names or items with "、" or a full-width space "　"', '汉字之间的空格不会印出：人名或并列项请用“、”或全角空格“　”分隔'))
      : fixable('R4', m.index, m[0], '', message),
  );
}
