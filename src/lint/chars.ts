/**
 * The character tests the lint rules share. "Chinese context" (TYPOGRAPHY R4) is a Han
 * character or a CJK / full-width punctuation mark next to the character in question. These
 * are deliberately independent of src/text/classes.ts: the lint looks at what the editor typed,
 * the layout at what it sets, and either may change without the other.
 */

// Han ideographs (incl. radicals and 〇), CJK symbols and punctuation U+3000–303F (、。《》「」〔〕…),
// full-width punctuation (not the full-width digits and letters), the shared quotes and the ellipsis.
// The em dash is left out on purpose: "2023—2027" is a Latin-digit range, not Chinese context.
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’…⋯⸺]/u;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[\p{L}\p{N}]/u;

/** True for a Han character or CJK punctuation: what makes ASCII punctuation beside it wrong. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** True for a Han character (ideograph, radical, 〇). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** True for a letter or digit of a Latin (non-Han) word: "don't", "f(x)". */
export function isLatinWord(ch: string | undefined): boolean {
  return ch !== undefined && LATIN_WORD.test(ch) && !HAN.test(ch);
}

export { charAt, charBefore } from '../text/code-points';
