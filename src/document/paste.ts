/**
 * What text pasted from WeChat, Word and web pages carries that the editor cannot see (R4):
 * soft hyphens, zero-width spaces and joiners, word joiners, stray BOMs, bidi controls. The
 * document stage removes them from what prints (and so from the text layer); the lint reports
 * each one with a fix. One definition, used by both, so the two never disagree.
 */

/**
 * The invisible characters. A ZWJ is kept between two emoji (👨‍👩‍👧 is one picture); nowhere else
 * does it mean anything in Chinese text. Variation selectors (U+FE00–FE0F, U+E0100…) are kept:
 * they choose a glyph.
 */
export const INVISIBLE = /[\u00AD\u180E\u200B\u200C\u200E\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]|\u200D(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D/gu;

/** The code point of an invisible character (U+200B), which the catalogs name for messages. */
export function invisibleCodePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without its invisible characters. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A line holding only spaces (ASCII, no-break, ideographic) or tabs: Markdown must see it as blank. */
export const SPACES_ONLY_LINE = /^[ \t\u00A0\u3000]+$/gmu;

/** True when the whole line is spaces: what SPACES_ONLY_LINE matches, for one line. */
export function isSpacesOnly(line: string): boolean {
  return /^[ \t\u00A0\u3000]*$/u.test(line);
}
