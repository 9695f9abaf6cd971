/**
 * R4: characters that look right but are not: Kangxi / CJK radicals from PDF copy-paste
 * (search and copy from our PDF would not find "大学" in "⼤学"), U+FFFD left by a broken
 * decoding, and spaces between two Han characters (separators, not noise, unless they look like it).
 */
import { message } from '../../messages';
import { fixable, matches, normalisation, warnOnly, type Finding } from '../finding';
import { endsWithStructureNumber, JOINT_ISSUER_END } from '../../text/legal';
import { SCRIPT } from '../../text/script';
import type { Segment } from '../segments';

const hex = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Radicals U+2F00–2FD5 and U+2E80–2EF3; NFKC (per character only) gives the unified ideograph. */
export function radicals(segment: Segment): Finding[] {
  return matches(segment, /[\u2E80-\u2EF3\u2F00-\u2FD5]/g).map((m) => {
    const ch = m[0];
    const unified = ch.normalize('NFKC');
    const what = message('lint.radical', { ch, code: hex(ch) });
    // Most of the supplement has no decomposition: only the editor knows the character meant.
    return unified !== ch
      ? fixable('R4', m.index, ch, unified, what)
      : warnOnly('R4', m.index, 1, what, message('lint.radical.hint'));
  });
}

/** U+FFFD: an error, since the text is damaged (whole file, not only the visible text). */
export function replacementCharacters(segment: Segment): Finding[] {
  return matches(segment, /\uFFFD+/g).map((m) => ({
    rule: 'R4' as const,
    severity: 'error' as const,
    at: m.index,
    length: m[0].length,
    message: message('lint.replacement-character'),
    hint: message('lint.replacement-character.hint'),
  }));
}

const SPACE = '[ \t\u00A0\u3000]';
// The first space, then the look-behind (`X(?<=Y X)` is `(?<=Y)X`): V8 skips to each space
// instead of trying the look-behind at every character (~9× faster over bench-600's text).
const BETWEEN_HAN = new RegExp(`${SPACE}(?<=[${SCRIPT.han}]${SPACE})${SPACE}*(?=[${SCRIPT.han}])`, 'gu');
const WORD_LIST = new RegExp(`(?<![${SCRIPT.han}])[${SCRIPT.han}]{1,4}(?:${SPACE}+[${SCRIPT.han}]{1,4}){2,}(?![${SCRIPT.han}])`, 'gu');

/**
 * Spaces between two Han characters (R4 as corrected): a separator, kept and printed one em
 * wide, never removed. After 第…条/章/节/编/款 it is structural and `--fix` normalises it to
 * U+3000 without a warning. Elsewhere a U+3000 was typed on purpose; so were spaces in titles,
 * headings and captions, between joint issuers (…办公厅 国务院…), inside 《》 and between the
 * names of a list. What is left, a lone space inside a sentence, looks like copy-paste noise:
 * a warning without a fix, with how to keep it if it was meant.
 */
export function spacesBetweenHan(segment: Segment): Finding[] {
  if (segment.kind === 'file') return [];
  const text = segment.text;
  // Looked for only when a space needs it: most segments have none between Han characters.
  let lists: number[][] | undefined;
  const inList = (k: number): boolean => (lists ??= matches(segment, WORD_LIST).map((m) => [m.index, m.index + m[0].length])).some(([start = 0, end = 0]) => k > start && k < end);
  const inBookTitle = (k: number): boolean => text.lastIndexOf('《', k) > text.lastIndexOf('》', k);
  const found: Finding[] = [];
  for (const m of matches(segment, BETWEEN_HAN)) {
    const typed = m[0];
    if (endsWithStructureNumber(text, m.index)) {
      if (typed !== '\u3000') found.push(normalisation('R4', m.index, typed, '\u3000', message('lint.number-separator')));
      continue;
    }
    if (segment.kind !== 'paragraph' || typed.includes('\u3000')) continue;
    if (inList(m.index) || inBookTitle(m.index) || JOINT_ISSUER_END.test(text.slice(0, m.index))) continue;
    found.push(
      warnOnly(
        'R4',
        m.index,
        typed.length,
        message('lint.space-between-chinese'),
        message('lint.space-between-chinese.hint'),
      ),
    );
  }
  return found;
}
