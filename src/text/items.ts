/**
 * Turns a paragraph's styled text into items (what the line breaker places) and junctions
 * (what lies between two items: a break opportunity, a CJK–Latin gap, punctuation compression).
 * Pure: widths come from the injected shaper, so tests can use synthetic advances.
 */
import type { RunStyle, TextRun } from '../document/types';
import type { FontKey } from './fonts';
import { type CharClass, classify, isCjk, type PunctuationStyle, QUESTION_EXCLAMATION, SENTENCE_STOPS } from './classes';
import { isEnclosedNumeral, SCRIPT } from './script';
import { breakCosts } from './words';

/** One glyph as shaped by the font: glyph id, advance in points, and the text it stands for. */
export interface ShapedGlyph {
  readonly id: number;
  readonly advance: number;
  readonly text: string;
  /** Set when the glyph comes from another face than the run's (quotes in 楷体 runs). */
  readonly font?: FontKey;
}

/** Shapes a run of text in a style at the paragraph's size (`runIndex`: which run, for messages). */
export type Shaper = (text: string, style: RunStyle, runIndex: number) => readonly ShapedGlyph[];

/**
 * A paragraph's items and junctions, as columns: item k is entry k of each per-item array, and
 * junction k (what lies between item k-1 and item k; junction 0 is unused) entry k of each
 * per-junction array. Entries at `length` and beyond are left over from another paragraph.
 *
 * An item is something the line breaker places whole: an ideograph, a punctuation mark, a Latin
 * word, ——. An object of 14 fields per character (7 of them doubles, each boxed in its own heap
 * number) was ~98 MB of bench-600's typeset allocations; as columns, in arrays a caller may
 * reuse from paragraph to paragraph (ItemStore), a paragraph allocates almost nothing per item:
 * bench-600's typeset went from ~424 to ~296 scavenges and from ~2780 to ~2410 ms of CPU
 * (medians of 6 alternating builds).
 */
export interface Paragraph {
  /** Number of items. */
  readonly length: number;
  readonly em: number;
  /** The items' texts in order (each line's text is a slice of it). */
  readonly text: string;
  readonly cls: readonly CharClass[];
  readonly texts: readonly string[];
  readonly styles: readonly RunStyle[];
  readonly glyphs: readonly (readonly ShapedGlyph[])[];
  /** x of each glyph's origin relative to the item's origin. */
  readonly glyphX: readonly (readonly number[])[];
  /** Index of the run the item came from (to find its source location). */
  readonly runIndex: Int32Array;
  /** 1: a one-em separator between Chinese text (第一条　为了): exactly one em, justification leaves it alone. */
  readonly separator: Uint8Array;
  /** Advance of the item set alone, in points. */
  readonly width: Float64Array;
  /** Blank on the left/right that punctuation compression and line edges may remove. */
  readonly leftBlank: Float64Array;
  readonly rightBlank: Float64Array;
  /** Mid-line, the part of the blanks that compression against the neighbours removes. */
  readonly cutLeft: Float64Array;
  readonly cutRight: Float64Array;
  /** How much a Latin word space may shrink (down to 0.25 em) and stretch first (up to 0.5 em). */
  readonly spaceShrink: Float64Array;
  readonly spaceStretch: Float64Array;
  /** Junction k: 1 when a line may break before item k. */
  readonly breakable: Uint8Array;
  /** Junction k: extra cost of breaking there (inside an e-mail address, after a connector). */
  readonly penalty: Float64Array;
  /** Junction k: natural space between the two items (CJK–Latin gap), in points, its shrink and stretch. */
  readonly gap: Float64Array;
  readonly gapShrink: Float64Array;
  readonly gapStretch: Float64Array;
  /** Junction k: 1 when justification may add space there. */
  readonly justifiable: Uint8Array;
}

/** One item of a paragraph as an object (itemAt): for the rare paths and for tests. */
export interface Item {
  readonly cls: CharClass;
  readonly text: string;
  readonly style: RunStyle;
  readonly glyphs: readonly ShapedGlyph[];
  readonly glyphX: readonly number[];
  readonly width: number;
  readonly leftBlank: number;
  readonly rightBlank: number;
  readonly cutLeft: number;
  readonly cutRight: number;
  readonly spaceShrink: number;
  readonly spaceStretch: number;
  readonly runIndex: number;
  readonly separator: boolean;
}

/** One junction of a paragraph as an object (junctionAt): for the rare paths and for tests. */
export interface Junction {
  readonly breakable: boolean;
  readonly penalty: number;
  readonly gap: number;
  readonly gapShrink: number;
  readonly gapStretch: number;
  readonly justifiable: boolean;
}

export function itemAt(p: Paragraph, k: number): Item {
  return {
    cls: p.cls[k] as CharClass,
    text: p.texts[k] as string,
    style: p.styles[k] as RunStyle,
    glyphs: p.glyphs[k] as readonly ShapedGlyph[],
    glyphX: p.glyphX[k] as readonly number[],
    width: p.width[k] as number,
    leftBlank: p.leftBlank[k] as number,
    rightBlank: p.rightBlank[k] as number,
    cutLeft: p.cutLeft[k] as number,
    cutRight: p.cutRight[k] as number,
    spaceShrink: p.spaceShrink[k] as number,
    spaceStretch: p.spaceStretch[k] as number,
    runIndex: p.runIndex[k] as number,
    separator: p.separator[k] === 1,
  };
}

export function junctionAt(p: Paragraph, k: number): Junction {
  return {
    breakable: p.breakable[k] === 1,
    penalty: p.penalty[k] as number,
    gap: p.gap[k] as number,
    gapShrink: p.gapShrink[k] as number,
    gapStretch: p.gapStretch[k] as number,
    justifiable: p.justifiable[k] === 1,
  };
}

function grownFloat64(array: Float64Array, size: number) {
  const grown = new Float64Array(size);
  grown.set(array);
  return grown;
}

function grownInt32(array: Int32Array, size: number) {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

function grownUint8(array: Uint8Array, size: number) {
  const grown = new Uint8Array(size);
  grown.set(array);
  return grown;
}

/**
 * The arrays a paragraph's items are written into. Grow-only: a store reused from paragraph to
 * paragraph (layout/paragraph.ts keeps one per nesting depth) makes no new typed array once it
 * holds the longest paragraph, so scavenges have no array buffers to sweep. A Paragraph itemized
 * into a store is valid until the store is itemized into again.
 */
export class ItemStore {
  private capacity = 0;
  cls: CharClass[] = [];
  texts: string[] = [];
  styles: RunStyle[] = [];
  glyphs: (readonly ShapedGlyph[])[] = [];
  glyphX: (readonly number[])[] = [];
  runIndex = new Int32Array(0);
  separator = new Uint8Array(0);
  width = new Float64Array(0);
  leftBlank = new Float64Array(0);
  rightBlank = new Float64Array(0);
  cutLeft = new Float64Array(0);
  cutRight = new Float64Array(0);
  spaceShrink = new Float64Array(0);
  spaceStretch = new Float64Array(0);
  breakable = new Uint8Array(0);
  penalty = new Float64Array(0);
  gap = new Float64Array(0);
  gapShrink = new Float64Array(0);
  gapStretch = new Float64Array(0);
  justifiable = new Uint8Array(0);
  /** While tokenizing: 1 for an ASCII stop set as a full-width one; 1 after which a Latin run may break inside (R5). */
  asciiStop = new Uint8Array(0);
  softBreakAfter = new Uint8Array(0);

  /** Room for n items, what is held kept. */
  ensure(n: number): void {
    if (n <= this.capacity) return;
    const size = Math.max(n, 2 * this.capacity, 256);
    this.capacity = size;
    this.runIndex = grownInt32(this.runIndex, size);
    this.separator = grownUint8(this.separator, size);
    this.width = grownFloat64(this.width, size);
    this.leftBlank = grownFloat64(this.leftBlank, size);
    this.rightBlank = grownFloat64(this.rightBlank, size);
    this.cutLeft = grownFloat64(this.cutLeft, size);
    this.cutRight = grownFloat64(this.cutRight, size);
    this.spaceShrink = grownFloat64(this.spaceShrink, size);
    this.spaceStretch = grownFloat64(this.spaceStretch, size);
    this.breakable = grownUint8(this.breakable, size);
    this.penalty = grownFloat64(this.penalty, size);
    this.gap = grownFloat64(this.gap, size);
    this.gapShrink = grownFloat64(this.gapShrink, size);
    this.gapStretch = grownFloat64(this.gapStretch, size);
    this.justifiable = grownUint8(this.justifiable, size);
    this.asciiStop = grownUint8(this.asciiStop, size);
    this.softBreakAfter = grownUint8(this.softBreakAfter, size);
  }

  /** Item k, a whole item (cut pieces of breakOverlong, tokens rebuilt). */
  writeItem(k: number, item: Item): void {
    this.cls[k] = item.cls;
    this.texts[k] = item.text;
    this.styles[k] = item.style;
    this.glyphs[k] = item.glyphs;
    this.glyphX[k] = item.glyphX;
    this.width[k] = item.width;
    this.leftBlank[k] = item.leftBlank;
    this.rightBlank[k] = item.rightBlank;
    this.cutLeft[k] = item.cutLeft;
    this.cutRight[k] = item.cutRight;
    this.spaceShrink[k] = item.spaceShrink;
    this.spaceStretch[k] = item.spaceStretch;
    this.runIndex[k] = item.runIndex;
    this.separator[k] = item.separator ? 1 : 0;
  }

  writeJunction(k: number, junction: Junction): void {
    this.breakable[k] = junction.breakable ? 1 : 0;
    this.penalty[k] = junction.penalty;
    this.gap[k] = junction.gap;
    this.gapShrink[k] = junction.gapShrink;
    this.gapStretch[k] = junction.gapStretch;
    this.justifiable[k] = junction.justifiable ? 1 : 0;
  }

  /** The store's first `length` items as a paragraph (the arrays as they are now: taken after the last ensure). */
  paragraph(length: number, em: number, text: string): Paragraph {
    return {
      length,
      em,
      text,
      cls: this.cls,
      texts: this.texts,
      styles: this.styles,
      glyphs: this.glyphs,
      glyphX: this.glyphX,
      runIndex: this.runIndex,
      separator: this.separator,
      width: this.width,
      leftBlank: this.leftBlank,
      rightBlank: this.rightBlank,
      cutLeft: this.cutLeft,
      cutRight: this.cutRight,
      spaceShrink: this.spaceShrink,
      spaceStretch: this.spaceStretch,
      breakable: this.breakable,
      penalty: this.penalty,
      gap: this.gap,
      gapShrink: this.gapShrink,
      gapStretch: this.gapStretch,
      justifiable: this.justifiable,
    };
  }
}

export interface ItemizeOptions {
  readonly em: number;
  readonly punctuation: PunctuationStyle;
  /**
   * Keep source spaces (single-line texts from templates such as "— 1 —", and titles whose spaces
   * separate phrases); a kept space between Chinese characters is set one em wide.
   */
  readonly keepSpaces?: boolean;
  /**
   * Prefer breaks at word boundaries (text/words.ts): for titles, TOC entries and 题注, whose
   * breaks are chosen freely. Body text breaks between any two characters.
   */
  readonly words?: boolean;
}

/** A paragraph's items while tokenizing: the store they are written into and how many there are. */
interface Tokens {
  readonly store: ItemStore;
  n: number;
  /** The runs' texts with their source spaces resolved. */
  readonly resolved: readonly string[];
}

const ASCII_STOPS = new Set([',', ';', ':', '?', '!']);

/**
 * Itemizes a paragraph: source spaces resolved (R4, R15), punctuation blanks and compression (R10).
 * Into `store` when given (valid until it is itemized into again), else into arrays of its own.
 */
export function itemize(runs: readonly TextRun[], shape: Shaper, options: ItemizeOptions, store: ItemStore = new ItemStore()): Paragraph {
  const tokens = tokenize(runs, shape, options.keepSpaces === true, store);
  const n = tokens.n;
  for (let k = 0; k < n; k++) finishItem(store, k, store.asciiStop[k] === 1, options);
  widenSeparators(store, n, options.em, options.keepSpaces === true);
  applyQuestionExclamationPairs(store, n, options.em);
  for (let k = 0; k < n; k++) {
    if (k === 0) store.writeJunction(0, NO_JUNCTION);
    else junctionBetween(store, k, options.em);
  }
  const text = textOf(tokens);
  if (options.words === true) addWordCosts(store, n, text);
  return store.paragraph(n, options.em, text);
}

const NO_JUNCTION: Junction = { breakable: false, penalty: 0, gap: 0, gapShrink: 0, gapStretch: 0, justifiable: false };

/** Adds the cost of breaking inside a word, name or 《》 title to each breakable junction. */
function addWordCosts(store: ItemStore, n: number, text: string): void {
  const costs = breakCosts(text);
  let offset = 0;
  for (let k = 0; k < n; k++) {
    const at = offset;
    offset += codePointCount(store.texts[k] as string);
    const cost = costs[at] ?? 0;
    if (k > 0 && store.breakable[k] === 1 && cost !== 0) store.penalty[k] = (store.penalty[k] as number) + cost;
  }
}

/** How many code points `text` has, as Array.from counts them (a lone surrogate is one), without the array. */
function codePointCount(text: string): number {
  let count = 0;
  for (let u = 0; u < text.length; u++, count++) {
    const unit = text.charCodeAt(u);
    if (unit >= 0xd800 && unit <= 0xdbff && u + 1 < text.length) {
      const next = text.charCodeAt(u + 1);
      if (next >= 0xdc00 && next <= 0xdfff) u++;
    }
  }
  return count;
}

/** Splits runs into character-level items with their shaped glyphs; groups Latin runs and long marks. */
function tokenize(runs: readonly TextRun[], shape: Shaper, keepSpaces: boolean, store: ItemStore): Tokens {
  const resolved = keepSpaces ? runs.map((run) => keepPhraseSpaces(run.text)) : resolveSourceSpaces(runs);
  const tokens: Tokens = { store, n: 0, resolved };
  runs.forEach((run, runIndex) => {
    const text = resolved[runIndex] as string;
    if (text.length === 0) return;
    // Each shaped glyph names the characters it stands for (one, or several for a ligature).
    for (const glyph of shape(text, run.style, runIndex)) pushGlyph(tokens, glyph.text, glyph, run.style, runIndex);
  });
  let empty = false;
  for (let k = 0; k < tokens.n; k++) if ((store.texts[k] as string).length === 0) empty = true;
  if (empty) dropEmptyTokens(tokens);
  splitAtAddressBreaks(tokens);
  return tokens;
}

/**
 * The paragraph's text. The glyphs of a text stand for its characters in order, so the items'
 * texts are the runs' texts; joined from the few runs, not the many items (unless a shaper broke
 * that contract).
 */
function textOf({ store, n, resolved }: Tokens): string {
  const text = resolved.join('');
  let length = 0;
  for (let k = 0; k < n; k++) length += (store.texts[k] as string).length;
  if (length === text.length) return text;
  return store.texts.slice(0, n).join('');
}

/** A token's fields, for the rare paths that rebuild the tokens (before finishItem). */
interface Token {
  readonly cls: CharClass;
  readonly text: string;
  readonly style: RunStyle;
  readonly runIndex: number;
  readonly glyphs: readonly ShapedGlyph[];
  readonly asciiStop: boolean;
  readonly softBreakAfter: boolean;
}

function tokenAt(store: ItemStore, k: number): Token {
  return {
    cls: store.cls[k] as CharClass,
    text: store.texts[k] as string,
    style: store.styles[k] as RunStyle,
    runIndex: store.runIndex[k] as number,
    glyphs: store.glyphs[k] as readonly ShapedGlyph[],
    asciiStop: store.asciiStop[k] === 1,
    softBreakAfter: store.softBreakAfter[k] === 1,
  };
}

function replaceTokens(tokens: Tokens, by: readonly Token[]): void {
  const store = tokens.store;
  store.ensure(by.length);
  by.forEach((token, k) => {
    pushToken(store, k, token.cls, token.text, token.style, token.runIndex, token.glyphs);
    store.asciiStop[k] = token.asciiStop ? 1 : 0;
    store.softBreakAfter[k] = token.softBreakAfter ? 1 : 0;
  });
  tokens.n = by.length;
}

function dropEmptyTokens(tokens: Tokens): void {
  const kept: Token[] = [];
  for (let k = 0; k < tokens.n; k++) if ((tokens.store.texts[k] as string).length > 0) kept.push(tokenAt(tokens.store, k));
  replaceTokens(tokens, kept);
}

/** Writes token k's own fields (finishItem sets its measures); not an ASCII stop, no break inside. */
function pushToken(store: ItemStore, k: number, cls: CharClass, text: string, style: RunStyle, runIndex: number, glyphs: readonly ShapedGlyph[]): void {
  store.cls[k] = cls;
  store.texts[k] = text;
  store.styles[k] = style;
  store.runIndex[k] = runIndex;
  store.glyphs[k] = glyphs;
  store.asciiStop[k] = 0;
  store.softBreakAfter[k] = 0;
}

/** Appends a token. */
function addToken(tokens: Tokens, cls: CharClass, text: string, style: RunStyle, runIndex: number, glyphs: readonly ShapedGlyph[]): number {
  const k = tokens.n;
  tokens.store.ensure(k + 1);
  pushToken(tokens.store, k, cls, text, style, runIndex, glyphs);
  tokens.n = k + 1;
  return k;
}

/**
 * The one-glyph list of each glyph, shared by every item that is that glyph alone (nearly all of
 * them: an ideograph, a mark), as the glyphs are (text/fonts.ts): a new one-element array per
 * character was ~40 MB of bench-600's typeset allocations. An item that grows (a Latin run, ——)
 * gets a list of its own (withGlyph), so a shared one is never changed.
 */
const alone = new WeakMap<ShapedGlyph, readonly ShapedGlyph[]>();

function aloneList(glyph: ShapedGlyph): readonly ShapedGlyph[] {
  let list = alone.get(glyph);
  if (list === undefined) {
    list = [glyph];
    alone.set(glyph, list);
  }
  return list;
}

/** The item's glyphs and one more: a list of two or more is the item's own (a shared list has one). */
function withGlyph(glyphs: readonly ShapedGlyph[], glyph: ShapedGlyph): readonly ShapedGlyph[] {
  if (glyphs.length === 1) return [glyphs[0] as ShapedGlyph, glyph];
  (glyphs as ShapedGlyph[]).push(glyph);
  return glyphs;
}

function pushGlyph(tokens: Tokens, ch: string, glyph: ShapedGlyph, style: RunStyle, runIndex: number): void {
  const store = tokens.store;
  const first = ch.length === 1 ? ch : String.fromCodePoint(ch.codePointAt(0) ?? 0);
  let cls = classify(first);
  const last = tokens.n - 1;
  const lastCls = last >= 0 ? (store.cls[last] as CharClass) : undefined;
  const sameRun = last >= 0 && store.runIndex[last] === runIndex;
  // —— and …… are one unbreakable two-em item (R2, R8); a lone — or … stays a connector / mark.
  if ((first === '—' || first === '…' || first === '⋯') && sameRun && store.texts[last] === first && (store.glyphs[last] as readonly ShapedGlyph[]).length === 1) {
    store.texts[last] += ch;
    store.glyphs[last] = withGlyph(store.glyphs[last] as readonly ShapedGlyph[], glyph);
    store.cls[last] = 'long';
    return;
  }
  if (ch === '——' || ch === '……' || ch === '⸺') cls = 'long';
  else if (first === '—' || first === '…') cls = 'middle';
  // An ASCII , ; : ? ! right after Chinese text is a Chinese stop typed in ASCII: set with the
  // spacing of its full-width form (no CJK–Latin gap before it, R4), the glyph kept as typed.
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80 && ASCII_STOPS.has(ch) && lastCls !== undefined && isCjk(lastCls)) {
    const stop = addToken(tokens, 'stop', ch, style, runIndex, aloneList(glyph));
    store.asciiStop[stop] = 1;
    return;
  }
  const latinLike = cls === 'latin' || cls === 'pre' || cls === 'post';
  if (latinLike && sameRun && (lastCls === 'latin' || lastCls === 'pre')) {
    store.texts[last] += ch;
    store.glyphs[last] = withGlyph(store.glyphs[last] as readonly ShapedGlyph[], glyph);
    store.cls[last] = 'latin';
    return;
  }
  addToken(tokens, latinLike ? (cls === 'post' ? 'post' : cls) : cls, ch, style, runIndex, aloneList(glyph));
}

/** A URL, an e-mail address, a domain or a file path (Windows or Unix): it may break inside (R5). */
const ADDRESS = /[@/\\]|^www\.|^[a-z][\w-]*(?:\.[\w-]+){2,}$/i;
/** An address breaks after these (a URL's / ? & = # _ ., a path's \\), never adding a hyphen. */
const BREAK_AFTER = new Set('/\\?&=#_.-');

/**
 * Where a Latin run may break inside, as offsets into its text (a break before text[offset]):
 * an address after / \\ ? & = # _ . - and before @ (never inside "://" or a run of such marks);
 * a word only after a hyphen between letters ("well-known"). Numbers and words have no such
 * point: one wider than the line breaks between characters as the last resort (breakOverlong).
 */
export function addressBreaks(text: string): number[] {
  const chars = Array.from(text);
  const address = ADDRESS.test(text);
  const offsets: number[] = [];
  let offset = (chars[0] ?? '').length;
  for (let k = 1; k < chars.length; offset += (chars[k] as string).length, k++) {
    const before = chars[k - 1] as string;
    const after = chars[k] as string;
    if (address ? (BREAK_AFTER.has(before) && !BREAK_AFTER.has(after) && after !== ':') || (after === '@' && !BREAK_AFTER.has(before)) : before === '-' && /\p{L}/u.test(chars[k - 2] ?? '') && /\p{L}/u.test(after)) {
      offsets.push(offset);
    }
  }
  return offsets;
}

/** Splits each Latin run at its address breaks into items the line breaker may break between. */
function splitAtAddressBreaks(tokens: Tokens): void {
  const store = tokens.store;
  const splits = (k: number): boolean => store.cls[k] === 'latin' && (store.glyphs[k] as readonly ShapedGlyph[]).length > 1;
  // Most paragraphs have no address: their items stay as they are.
  let any = false;
  for (let k = 0; k < tokens.n && !any; k++) any = splits(k) && addressBreaks(store.texts[k] as string).length > 0;
  if (!any) return;
  const out: Token[] = [];
  for (let k = 0; k < tokens.n; k++) {
    const token = tokenAt(store, k);
    const breaks = splits(k) ? new Set(addressBreaks(token.text)) : undefined;
    if (!breaks || breaks.size === 0) {
      out.push(token);
      continue;
    }
    let piece: { text: string; glyphs: ShapedGlyph[] } | undefined;
    const pieces: { text: string; glyphs: ShapedGlyph[] }[] = [];
    let offset = 0;
    for (const glyph of token.glyphs) {
      // A ligature spanning a break point keeps its characters together.
      if (!piece || breaks.has(offset)) {
        piece = { text: '', glyphs: [] };
        pieces.push(piece);
      }
      piece.text += glyph.text;
      piece.glyphs.push(glyph);
      offset += glyph.text.length;
    }
    pieces.forEach((p, i) => out.push({ cls: 'latin', text: p.text, style: token.style, runIndex: token.runIndex, glyphs: p.glyphs, asciiStop: false, softBreakAfter: i < pieces.length - 1 }));
  }
  replaceTokens(tokens, out);
}

/**
 * Keeps deliberate spaces (between title phrases, in "— 1 —"), collapsed to one, except at a
 * Han–Latin boundary, where the CJK–Latin gap replaces the space as everywhere else (R15).
 */
const HAN_LATIN_SPACE = new RegExp(`(?<=[${SCRIPT.han}]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[${SCRIPT.han}])`, 'gu');

function keepPhraseSpaces(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(HAN_LATIN_SPACE, '');
}

const SPACE_CHARS = /[ \u00a0\u3000\t\n\r]/;

/**
 * Resolves the source spaces of a paragraph's runs, looking across run boundaries (a bold
 * 第一条 and its text are two runs). Between two ideographs a typed space is a separator
 * (第一条　为了, 第一章　总则, 中共中央办公厅　国务院办公厅, names in a list: R4 as corrected) and
 * is kept, one per gap, whether typed as U+0020, U+00A0 or U+3000, so all three print alike. A
 * space next to Chinese punctuation or at either end is noise (the mark carries its own blank;
 * the paragraph indent is the engine's) and is dropped, and so is one at a Han–Latin boundary,
 * which the CJK–Latin gap replaces (R15, like xeCJK's xCJKecglue). Between Latin words one
 * space stays.
 */
export function resolveSourceSpaces(runs: readonly TextRun[]): string[] {
  // Most paragraphs of Chinese text have no space at all: their text stays as it is.
  if (!runs.some((run) => SPACE_CHARS.test(run.text))) return runs.map((run) => run.text);
  // The runs' texts joined, read by code unit between spaces (an object per character and a
  // string rebuilt character by character were ~14 MB of bench-600's typeset allocations).
  const all = runs.map((run) => run.text).join('');
  const ends: number[] = [];
  let total = 0;
  for (const run of runs) ends.push((total += run.text.length));
  const startOf = (run: number): number => (run === 0 ? 0 : (ends[run - 1] as number));
  const out: string[] = runs.map(() => '');
  let run = 0;
  for (let u = 0; u < all.length; ) {
    while (u >= (ends[run] as number)) run++;
    if (!isSpaceUnit(all.charCodeAt(u))) {
      let v = u + 1;
      while (v < (ends[run] as number) && !isSpaceUnit(all.charCodeAt(v))) v++;
      out[run] += all.slice(u, v);
      u = v;
      continue;
    }
    let v = u + 1;
    while (v < all.length && isSpaceUnit(all.charCodeAt(v))) v++;
    const typed = all.slice(u, v);
    const before = u === 0 ? undefined : codePointEndingAt(all, u, runContaining(ends, u - 1), startOf);
    const after = v === all.length ? undefined : codePointStartingAt(all, v, ends[runContaining(ends, v)] as number);
    const spaceRun = run;
    u = v;
    if (before === undefined || after === undefined) continue;
    const a = classify(before);
    const b = classify(after);
    // A label (⒈ ①) is followed by its own fixed gap, not by a typed space.
    if (isEnclosedNumeral(before)) continue;
    if (a === 'han' && b === 'han') {
      // A line break inside the source between two ideographs is YAML folding or PDF copy-paste (R4).
      if (/^[\n\r]+$/.test(typed)) continue;
      // The separator, kept as typed (a U+3000 if one was typed), copies back as a space.
      out[spaceRun] += typed.includes('\u3000') ? '\u3000' : ' ';
      continue;
    }
    if (isCjk(a) || isCjk(b)) continue;
    if (a === 'middle' || b === 'middle') continue;
    out[spaceRun] += ' ';
  }
  return out;
}

/** One of SPACE_CHARS, by code unit. */
function isSpaceUnit(unit: number): boolean {
  return unit === 0x20 || unit === 0xa0 || unit === 0x3000 || unit === 0x09 || unit === 0x0a || unit === 0x0d;
}

/** The index of the run whose text holds code unit u of the joined texts. */
function runContaining(ends: readonly number[], u: number): number {
  let run = 0;
  while (u >= (ends[run] as number)) run++;
  return run;
}

/** The character (code point) that ends at `u`, within its run: a run's text is read on its own. */
function codePointEndingAt(all: string, u: number, run: number, startOf: (run: number) => number): string {
  const low = all.charCodeAt(u - 1);
  if (low >= 0xdc00 && low <= 0xdfff && u - 2 >= startOf(run)) {
    const high = all.charCodeAt(u - 2);
    if (high >= 0xd800 && high <= 0xdbff) return all.slice(u - 2, u);
  }
  return all.slice(u - 1, u);
}

/** The character (code point) that starts at `v`, within its run (which ends at `end`). */
function codePointStartingAt(all: string, v: number, end: number): string {
  const high = all.charCodeAt(v);
  if (high >= 0xd800 && high <= 0xdbff && v + 1 < end) {
    const low = all.charCodeAt(v + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return all.slice(v, v + 2);
  }
  return all.slice(v, v + 1);
}

/** Sets item k's width, glyph offsets, blanks and space stretch from its glyphs and class. */
function finishItem(store: ItemStore, k: number, asciiStop: boolean, { em, punctuation }: ItemizeOptions): void {
  const glyphs = store.glyphs[k] as readonly ShapedGlyph[];
  const text = store.texts[k] as string;
  const cls = store.cls[k] as CharClass;
  let natural = 0;
  for (const g of glyphs) natural += g.advance;
  store.glyphX[k] = glyphs.length === 1 ? ZERO_OFFSET : cumulative(glyphs);
  store.width[k] = natural;
  // The store is reused: every measure is set, the class's own ones below.
  store.leftBlank[k] = 0;
  store.rightBlank[k] = 0;
  store.cutLeft[k] = 0;
  store.cutRight[k] = 0;
  store.spaceShrink[k] = 0;
  store.spaceStretch[k] = 0;
  store.separator[k] = 0;
  switch (cls) {
    case 'open':
    case 'close':
    case 'stop': {
      // An ASCII stop in Chinese text fills the full-width mark's em: its glyph at the left, the
      // half em on the right compressible like a full-width stop's blank.
      const halfAlways = punctuation === 'banjiao' || (punctuation === 'kaiming' && !SENTENCE_STOPS.has(text) && !(asciiStop && '?!'.includes(text)));
      if (asciiStop) {
        const width = Math.max(natural, halfAlways ? em / 2 : em);
        store.width[k] = width;
        store.rightBlank[k] = halfAlways ? 0 : Math.min(em / 2, width - natural);
        return;
      }
      // Full-width marks carry half an em of blank on one side (SC glyph positions, §0.1).
      const blank = Math.min(em / 2, natural / 2);
      if (halfAlways) {
        store.width[k] = natural - blank;
        if (cls === 'open') store.glyphX[k] = [-blank];
      } else if (cls === 'open') store.leftBlank[k] = blank;
      else store.rightBlank[k] = blank;
      return;
    }
    case 'middle':
      // · and ／ sit centred in a half-em box whatever the font's advance (R3).
      if (text === '·' || text === '・' || text === '／') {
        store.width[k] = em / 2;
        store.glyphX[k] = [(em / 2 - natural) / 2];
      }
      return;
    case 'space':
      // A Latin word space: shrinks to 1/4 em, stretches first up to 1/2 em (R14).
      store.spaceShrink[k] = Math.max(0, natural - em / 4);
      store.spaceStretch[k] = Math.max(0, em / 2 - natural);
      return;
    default:
      return;
  }
}

const ZERO_OFFSET: readonly number[] = [0];

function cumulative(glyphs: readonly ShapedGlyph[]): number[] {
  const xs: number[] = [];
  let x = 0;
  for (const g of glyphs) {
    xs.push(x);
    x += g.advance;
  }
  return xs;
}

/**
 * A space kept between ideographs (body text) or between Chinese text (titles, single lines) is a
 * separator one em wide that neither shrinks nor stretches (R4, R31); a U+3000 there is the same
 * separator, so both spellings print alike and, as spaces, vanish at a line edge.
 */
function widenSeparators(store: ItemStore, n: number, em: number, keepSpaces: boolean): void {
  const cls = store.cls;
  for (let k = 1; k < n - 1; k++) {
    if (cls[k] !== 'space' && cls[k] !== 'ideographic-space') continue;
    const before = cls[k - 1] as CharClass;
    const after = cls[k + 1] as CharClass;
    const between = keepSpaces ? isCjk(before) && isCjk(after) : before === 'han' && after === 'han';
    if (!between) continue;
    cls[k] = 'space';
    // The glyph (a space or U+3000) sits at the start of the one-em slot.
    store.width[k] = em;
    store.spaceShrink[k] = 0;
    store.spaceStretch[k] = 0;
    store.separator[k] = 1;
  }
}

/** ？！ pairs share one em (GB/T 15834 §5.1.2): the second of a pair loses its right blank too. */
function applyQuestionExclamationPairs(store: ItemStore, n: number, em: number): void {
  for (let k = 1; k < n; k++) {
    if (QUESTION_EXCLAMATION.has(store.texts[k - 1] as string) && QUESTION_EXCLAMATION.has(store.texts[k] as string) && (store.rightBlank[k] as number) > 0) {
      store.width[k] = (store.width[k] as number) - em / 2;
      store.rightBlank[k] = 0;
      k++;
    }
  }
}

const CANNOT_START: ReadonlySet<CharClass> = new Set(['close', 'stop', 'middle', 'post', 'space']);
const CANNOT_END: ReadonlySet<CharClass> = new Set(['open', 'pre']);
const PUNCTUATION: ReadonlySet<CharClass> = new Set(['open', 'close', 'stop']);
/** — ～ – ／ / -, by code unit: compared for both sides of every junction. */
const CONNECTOR_CODES: readonly number[] = Array.from('—～–／/-', (ch) => ch.charCodeAt(0));
function isConnector(text: string): boolean {
  return text.length === 1 && CONNECTOR_CODES.includes(text.charCodeAt(0));
}

/** Sets junction k (between items k-1 and k), and the compression it applies to both neighbours (R10). */
function junctionBetween(store: ItemStore, k: number, em: number): void {
  const a = k - 1;
  const b = k;
  const aCls = store.cls[a] as CharClass;
  const bCls = store.cls[b] as CharClass;
  const aText = store.texts[a] as string;
  const bText = store.texts[b] as string;
  // Consecutive punctuation: remove min(a.right + b.left, ½ em), from a's right blank first.
  const compress = Math.min((store.rightBlank[a] as number) - (store.cutRight[a] as number) + ((store.leftBlank[b] as number) - (store.cutLeft[b] as number)), em / 2);
  if (compress > 0 && PUNCTUATION.has(aCls) && PUNCTUATION.has(bCls)) {
    const fromA = Math.min(compress, (store.rightBlank[a] as number) - (store.cutRight[a] as number));
    store.cutRight[a] = (store.cutRight[a] as number) + fromA;
    store.cutLeft[b] = (store.cutLeft[b] as number) + (compress - fromA);
  }
  const ellipsisStart = bCls === 'long' && (bText.startsWith('…') || bText.startsWith('⋯'));
  let breakable = !CANNOT_START.has(bCls) && !CANNOT_END.has(aCls) && !ellipsisStart;
  let penalty = 0;
  if (aCls === 'latin' && bCls === 'latin') {
    breakable = store.softBreakAfter[a] === 1;
    penalty = 50;
  }
  if (aCls === 'middle') penalty = 100;
  // A number never parts from the unit or measure word after it: 20|日, 5|号, 100|万元 (R31).
  if (aCls === 'latin' && bCls === 'han' && /\d$/.test(aText)) breakable = false;
  // No CJK–Latin gap after a Latin run's own closing punctuation ("1.国家…", R21) or before its opening bracket.
  const hanLatin = (aCls === 'han' && bCls === 'latin' && !/^[([{]/.test(bText)) || (aCls === 'latin' && bCls === 'han' && !/[.,:;!?)\]}]$/.test(aText));
  const connector = isConnector(aText) || isConnector(bText);
  // Inside a Latin run nothing stretches; a word space stretches once, on its right side.
  const latinInside = aCls === 'latin' && (bCls === 'latin' || bCls === 'space');
  // A CJK–Latin gap stretches only to ½ em (its own first stage), never by the even extra (R14).
  // After a label (⒈ ①) the gap is the glyph's own, the same on every line (R31).
  // Nor beside a separator: 第一条　为了 keeps exactly one em on every line (R31).
  const justifiable = !connector && !latinInside && !hanLatin && !isEnclosedNumeral(aText) && store.separator[a] === 0 && store.separator[b] === 0;
  store.breakable[k] = breakable ? 1 : 0;
  store.penalty[k] = penalty;
  store.gap[k] = hanLatin ? em / 4 : 0;
  store.gapShrink[k] = hanLatin ? em / 8 : 0;
  store.gapStretch[k] = hanLatin ? em / 4 : 0;
  store.justifiable[k] = justifiable ? 1 : 0;
}

/** Between two pieces of a Latin run cut by breakOverlong: breakable, nothing added. */
const CUT_JUNCTION: Junction = { breakable: true, penalty: 50, gap: 0, gapShrink: 0, gapStretch: 0, justifiable: false };

/**
 * The last resort for a Latin run with no break point that is wider than any line can hold (a
 * 40-digit number, a long word, one segment of a URL): it is cut into characters the breaker may
 * break between, no hyphen added. Returns the paragraph with those items cut (in arrays of its
 * own) and the items cut (the caller warns about each: R5 allows no break there).
 */
export function breakOverlong(paragraph: Paragraph, maxWidth: number): { paragraph: Paragraph; cut: readonly Item[] } {
  const n = paragraph.length;
  const isCut = (k: number): boolean => paragraph.cls[k] === 'latin' && (paragraph.glyphs[k] as readonly ShapedGlyph[]).length > 1 && (paragraph.width[k] as number) > maxWidth + 1e-6;
  let any = false;
  for (let k = 0; k < n && !any; k++) any = isCut(k);
  if (!any) return { paragraph, cut: [] };
  const cut: Item[] = [];
  const store = new ItemStore();
  let w = 0;
  for (let k = 0; k < n; k++) {
    const item = itemAt(paragraph, k);
    const junction = junctionAt(paragraph, k);
    if (!isCut(k)) {
      store.ensure(w + 1);
      store.writeItem(w, item);
      store.writeJunction(w, junction);
      w++;
      continue;
    }
    cut.push(item);
    item.glyphs.forEach((glyph, g) => {
      store.ensure(w + 1);
      store.writeItem(w, { ...item, text: glyph.text, glyphs: [glyph], glyphX: ZERO_OFFSET, width: glyph.advance });
      store.writeJunction(w, g === 0 ? junction : CUT_JUNCTION);
      w++;
    });
  }
  return { paragraph: store.paragraph(w, paragraph.em, paragraph.text), cut };
}
