/**
 * R4: what pasting from WeChat, Word and web pages leaves behind, and what Markdown does with
 * text an editor typed as in a word processor:
 * - invisible characters (soft hyphen, zero-width space, word joiner, …): never printed, removed;
 * - `同意.`: an ASCII full stop after a Chinese character, where 。 is meant;
 * - `*` or `_` that pairs with nothing: printed as itself, which may not be what was meant;
 * - lines the editor meant as lines (a list of names, 1. 2. items without the space Markdown
 *   needs) that Markdown joins into one paragraph.
 */
import { ITEM_NUMBER } from '../../document/markdown';
import { INVISIBLE, invisibleCodePoint } from '../../document/paste';
import { message } from '../../messages';
import { SCRIPT } from '../../text/script';
import { charAt, isHan } from '../chars';
import { fixable, matches, warnOnly, type Finding } from '../finding';
import type { Segment } from '../segments';

/** Invisible characters anywhere in the file (front matter included): removed by the build, and by --fix. */
export function invisibleCharacters(segment: Segment): Finding[] {
  return matches(segment, INVISIBLE).map((m) => ({
    ...fixable('R4', m.index, m[0], '', message('lint.invisible-character', { codePoint: invisibleCodePoint(m[0]) })),
    // "remove ​" would show nothing: say where it is instead.
    hint: message('lint.invisible-character.hint'),
  }));
}

// The stop first, the look-behind after it: V8 skips to each "." instead of trying the
// look-behind at every character (~6× faster over bench-600's text).
const HAN_FULL_STOP = new RegExp(`\\.(?<=[${SCRIPT.han}]\\.)(?![.A-Za-z0-9])`, 'gu');

/** `同意.` → `同意。`; "1.5", "www.x.cn" and "..." are not Chinese sentence ends. */
export function asciiFullStop(segment: Segment): Finding[] {
  return matches(segment, HAN_FULL_STOP)
    .filter((m) => !/^[A-Za-z0-9]/.test(charAt(segment.text, m.index + 1) ?? ''))
    .map((m) => fixable('R4', m.index, '.', '。', message('lint.ascii-full-stop')));
}

/** A `*` or `_` that pairs with nothing prints as itself (markdown.ts): say so, in case emphasis was meant. */
export function unmatchedEmphasis(segment: Segment): Finding[] {
  return (segment.unmatchedMarkers ?? []).map((at) => {
    const marker = segment.text[at] as string;
    return warnOnly(
      'R4',
      at,
      1,
      message('lint.unpaired-emphasis-marker', { marker }),
      message('lint.unpaired-emphasis-marker.hint', { marker }),
    );
  });
}

/** At most this many characters on each line of a list of names typed one per line. */
const SHORT_LINE = 8;

/**
 * Lines that Markdown joins into one paragraph although each was meant as a line: an item that
 * starts with its number (1.加强… on the line after another), or three or more short lines
 * without punctuation (a list of names). The first has a certain fix: a blank line before it.
 */
export function joinedLines(segment: Segment): Finding[] {
  const starts = segment.lines ?? [];
  if (segment.kind !== 'paragraph' || starts.length < 2) return [];
  const found: Finding[] = [];
  const lineText = (k: number): string => segment.text.slice(starts[k], starts[k + 1] ?? segment.text.length).replace(/[ \n]$/, '');
  const hardBreakBefore = (k: number): boolean => segment.text[(starts[k] as number) - 1] === '\n';
  for (let k = 1; k < starts.length; k++) {
    if (hardBreakBefore(k) || !ITEM_NUMBER.test(lineText(k))) continue;
    const at = starts[k] as number;
    const number = ITEM_NUMBER.exec(lineText(k))?.[0] ?? '';
    found.push({
      rule: 'R4',
      severity: 'warning',
      at,
      length: 0,
      replacement: '\n',
      message: message('lint.item-joined-to-paragraph', { number }),
      hint: message('lint.item-joined-to-paragraph.hint'),
    });
  }
  const lines = starts.map((_, k) => lineText(k));
  const short = lines.every((line, k) => [...line].length <= SHORT_LINE && (k === lines.length - 1 || !/[。，；：、！？,.;:!?]$/.test(line)));
  const breaks = starts.slice(1).every((_, k) => !hardBreakBefore(k + 1));
  if (lines.length >= 3 && short && breaks && lines.some((line) => isHan(line[0]))) {
    found.push(
      warnOnly(
        'R4',
        starts[1] as number,
        1,
        message('lint.short-lines-joined', { linesCount: lines.length, lines: lines.join('') }),
        message('lint.short-lines-joined.hint'),
      ),
    );
  }
  return found;
}
