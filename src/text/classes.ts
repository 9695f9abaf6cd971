/**
 * Character classes of Simplified Chinese text (TYPOGRAPHY.md §0.1) and the punctuation blanks
 * each class carries. The line breaker and the justifier only ever look at these classes.
 */

export type CharClass =
  | 'open' // “ ‘ （ 《 …: ink on the right half, blank on the left
  | 'close' // ” ’ ） 》 …: ink on the left half, blank on the right
  | 'stop' // 、 ， 。 ： ； ？ ！: ink on the left, blank on the right (SC fonts)
  | 'middle' // · ／ ～ – and a single — connector: centred, never starts a line
  | 'long' // —— and ……: two ems, never split, never compressed
  | 'han' // ideographs: one em square
  | 'latin' // letters, digits and the punctuation inside a Latin run
  | 'pre' // ￥ $ £ € № #: glued to the number after
  | 'post' // % ‰ ℃ ° ′ ″: glued to the number before
  | 'space' // U+0020 / U+00A0: source spacing, resolved by the itemizer
  | 'ideographic-space' // U+3000: a deliberate one-em space (目　录)
  | 'other';

const OPEN = new Set('“‘（《〈【〖〔［｛「『');
const CLOSE = new Set('”’）》〉】〗〕］｝」』');
const STOP = new Set('、，。．：；？！');
const MIDDLE = new Set('·・／～–—');
const PRE = new Set('￥$£€№#');
const POST = new Set('%‰℃°′″');
/** ？ and ！ pair up: two of them share one em (GB/T 15834 §5.1.2). */
export const QUESTION_EXCLAMATION = new Set('？！');
/** 。？！ close a sentence; kaiming style keeps them full width. */
export const SENTENCE_STOPS = new Set('。？！');

import { isEnclosedNumeral, isFullwidthLatin, isHan, isOtherEastAsian } from './script';

const classCache = new Map<string, CharClass>();

const CLASSES: readonly CharClass[] = ['open', 'close', 'stop', 'middle', 'long', 'han', 'latin', 'pre', 'post', 'space', 'ideographic-space', 'other'];
/**
 * The class of each BMP character classified so far, as 1 + its index in CLASSES (0: not yet):
 * the itemizer classifies every character of every paragraph, and a string-keyed map lookup for
 * each was ~3 % of bench-600's typeset (CPU profile).
 */
const bmpClasses = new Uint8Array(0x10000);

/** Classifies one character (a whole code point). */
export function classify(ch: string): CharClass {
  if (ch.length === 1) {
    const code = ch.charCodeAt(0);
    const known = bmpClasses[code] as number;
    if (known !== 0) return CLASSES[known - 1] as CharClass;
    const found = classifyUncached(ch);
    bmpClasses[code] = CLASSES.indexOf(found) + 1;
    return found;
  }
  let cls = classCache.get(ch);
  if (cls === undefined) {
    cls = classifyUncached(ch);
    classCache.set(ch, cls);
  }
  return cls;
}

function classifyUncached(ch: string): CharClass {
  if (OPEN.has(ch)) return 'open';
  if (CLOSE.has(ch)) return 'close';
  if (STOP.has(ch)) return 'stop';
  if (MIDDLE.has(ch)) return 'middle';
  if (PRE.has(ch)) return 'pre';
  if (POST.has(ch)) return 'post';
  if (ch === ' ' || ch === '\u00a0' || ch === '\t' || ch === '\n') return 'space';
  if (ch === '\u3000') return 'ideographic-space';
  if (ch === '…' || ch === '⋯' || ch === '⸺') return 'long';
  // Full-width letters and digits, kana and hangul are set as ideographs: one em wide, breakable
  // on either side, no CJK–Latin gap (jlreq cl-19).
  // Enclosed numerals (⒈ ① ⑴) are one-em labels in the CJK font, not Latin digits (R31).
  if (isHan(ch) || isFullwidthLatin(ch) || isOtherEastAsian(ch) || isEnclosedNumeral(ch)) return 'han';
  if (/[\p{L}\p{N}@&_.,:;!?'"()\-+=*/\\[\]{}<>|~^×]/u.test(ch)) return 'latin';
  return 'other';
}

/** True for every class that counts as Chinese context (R4, R15). */
export function isCjk(cls: CharClass): boolean {
  return cls === 'han' || cls === 'open' || cls === 'close' || cls === 'stop' || cls === 'long' || cls === 'ideographic-space';
}

/** Punctuation widths: quanjiao (全角式, default), kaiming (开明式), banjiao (半角式). */
export type PunctuationStyle = 'quanjiao' | 'kaiming' | 'banjiao';
