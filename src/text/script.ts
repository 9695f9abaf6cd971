/**
 * Which script a character belongs to, from one table: the engine (text/classes.ts), the lint
 * (lint/chars.ts) and the Markdown emphasis rule (document/markdown.ts) all ask here, so 々 or Ａ
 * cannot be Chinese to one and Latin to another. test/text/script.test.ts pins the contested
 * characters.
 */

/**
 * The table. Each entry is a regular-expression character class body, so the lint's patterns can
 * embed them (`(?<=${HAN})`) and stay the same definition.
 */
export const SCRIPT = {
  /**
   * Ideographs and what behaves as one (Unicode Script=Han): URO, Ext A–I, compatibility
   * ideographs, 〇, the iteration marks 々 〆, the Hangzhou numerals, and the radicals
   * ⺀–⿕ that PDF copy-paste leaves (the lint replaces them; set meanwhile, they are one em).
   */
  han: String.raw`\p{Script=Han}`,
  /** Kana, hangul, bopomofo: other East Asian letters, typed without spaces like Chinese. */
  otherEastAsian: String.raw`\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}`,
  /**
   * CJK punctuation and symbols: U+3000–303F (、。〈〉《》「」〔〕　…, the few Han in the block are
   * Han above), vertical and small forms, the full-width punctuation of U+FF01–FF65 except the
   * full-width digits and letters.
   */
  cjkPunctuation: String.raw`\u3000-\u303F\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65`,
  /** Ａ–Ｚ ａ–ｚ ０–９: one em wide, typed without spaces in Chinese text (R16 warns about them). */
  fullwidthLatin: String.raw`\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A`,
  /** Ideographic description characters, CJK strokes, enclosed CJK and compatibility (㈠ ㊣ ㎡), full-width signs (￥ ￡). */
  cjkSymbols: String.raw`\u2FF0-\u2FFF\u31C0-\u31EF\u3200-\u33FF\uFFE0-\uFFEE`,
  /**
   * Marks shared with Western text that are Chinese in Chinese text (R1): quotes and ellipses.
   * The em dash and the interpunct are shared too, but between digits they are a range and a
   * decimal point, so they do not make their neighbours Chinese (see `sharedDashes`).
   */
  sharedPunctuation: '“”‘’…⋯⸺',
  /** Enclosed and parenthesised numerals used as list labels: ① ⑴ ⒈ ❶ ㈠ ㉑ (R31). */
  enclosedNumeral: String.raw`\u2460-\u24FF\u2776-\u2793\u3220-\u3229\u3251-\u325F\u3280-\u3289\u32B1-\u32BF`,
  sharedDashes: '—·',
} as const;

const test = (body: string) => {
  const re = new RegExp(`[${body}]`, 'u');
  // The answer for each single BMP character, once asked (0: not yet, 1: no, 2: yes): the
  // itemizer asks for every junction of every paragraph, and a regular expression each time
  // was ~2 % of bench-600's typeset (CPU profile).
  const known = new Uint8Array(0x10000);
  return (ch: string | undefined): boolean => {
    if (ch === undefined) return false;
    if (ch.length !== 1) return re.test(ch);
    const code = ch.charCodeAt(0);
    let answer = known[code] as number;
    if (answer === 0) {
      answer = re.test(ch) ? 2 : 1;
      known[code] = answer;
    }
    return answer === 2;
  };
};

/** An ideograph, or something set as one (々 〇 radicals). */
export const isHan = test(SCRIPT.han);
/** Ａ–Ｚ ａ–ｚ ０–９. */
export const isFullwidthLatin = test(SCRIPT.fullwidthLatin);
/** ① ⑴ ⒈ ㈠: a numbering label. */
export const isEnclosedNumeral = test(SCRIPT.enclosedNumeral);
/** Kana, hangul, bopomofo. */
export const isOtherEastAsian = test(SCRIPT.otherEastAsian);
/** CJK or full-width punctuation (not the full-width letters and digits). */
export const isCjkPunctuation = test(SCRIPT.cjkPunctuation);

/**
 * Chinese context (R4, R15): a Han character or a CJK punctuation mark, quotes and ellipses
 * included. What makes an ASCII comma beside it a Chinese comma typed wrong.
 */
export const isChineseContext = test(SCRIPT.han + SCRIPT.cjkPunctuation + SCRIPT.sharedPunctuation);

/**
 * East Asian wide text, around which a writer never types spaces: for Markdown's emphasis rule,
 * `**全角Ａ**的` must work without spaces as `**中文**的` does.
 */
export const isEastAsianWide = test(SCRIPT.han + SCRIPT.otherEastAsian + SCRIPT.cjkPunctuation + SCRIPT.fullwidthLatin + SCRIPT.cjkSymbols);

/** Wide text, or a shared mark (quotes, dashes, ellipsis, interpunct) that sits in it. */
export const isEastAsianOrShared = test(
  SCRIPT.han + SCRIPT.otherEastAsian + SCRIPT.cjkPunctuation + SCRIPT.fullwidthLatin + SCRIPT.cjkSymbols + SCRIPT.sharedPunctuation + SCRIPT.sharedDashes,
);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A letter or digit of a Latin (non-East-Asian) word: "don't", "f(x)". */
export function isLatinWord(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch) && !isEastAsianWide(ch);
}
