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

/** Something the line breaker places whole: an ideograph, a punctuation mark, a Latin word, ——. */
export interface Item {
  readonly cls: CharClass;
  readonly text: string;
  readonly style: RunStyle;
  readonly glyphs: readonly ShapedGlyph[];
  /** x of each glyph's origin relative to the item's origin. */
  readonly glyphX: readonly number[];
  /** Advance of the item set alone, in points. */
  readonly width: number;
  /** Blank on the left/right that punctuation compression and line edges may remove. */
  readonly leftBlank: number;
  readonly rightBlank: number;
  /** Mid-line, the part of the blanks that compression against the neighbours removes. */
  readonly cutLeft: number;
  readonly cutRight: number;
  /** How much a Latin word space may shrink (down to 0.25 em) and stretch first (up to 0.5 em). */
  readonly spaceShrink: number;
  readonly spaceStretch: number;
  /** Index of the run the item came from (to find its source location). */
  readonly runIndex: number;
  /** A one-em separator between Chinese text (第一条　为了): exactly one em, justification leaves it alone. */
  readonly separator: boolean;
}

/** What lies between item k-1 and item k. */
export interface Junction {
  readonly breakable: boolean;
  /** Extra cost of breaking here (inside an e-mail address, after a connector). */
  readonly penalty: number;
  /** Natural space between the two items (CJK–Latin gap), in points. */
  readonly gap: number;
  readonly gapShrink: number;
  readonly gapStretch: number;
  /** May justification add space here. */
  readonly justifiable: boolean;
}

export interface Paragraph {
  readonly items: readonly Item[];
  /** The items' texts in order (each line's text is a slice of it). */
  readonly text: string;
  /** junctions[k] lies before items[k]; junctions[0] is unused. */
  readonly junctions: readonly Junction[];
  readonly em: number;
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

const NO_JUNCTION: Junction = { breakable: false, penalty: 0, gap: 0, gapShrink: 0, gapStretch: 0, justifiable: false };

/**
 * A paragraph's items as tokenizing makes them (each character's item is made once and finished
 * in place: an intermediate token per character and its copy as an item were ~180 MB of
 * bench-600's allocations), with what only a few of them are.
 */
interface Tokens {
  readonly items: MutableItem[];
  /** Items after which a Latin run may break inside (URL, e-mail address, path: R5). */
  readonly softBreakAfter: Set<Item>;
  /** ASCII stops set as full-width ones. */
  readonly asciiStops: Set<Item>;
  /** The items' texts in order. */
  text: string;
}

const ASCII_STOPS = new Set([',', ';', ':', '?', '!']);

/** Itemizes a paragraph: source spaces resolved (R4, R15), punctuation blanks and compression (R10). */
export function itemize(runs: readonly TextRun[], shape: Shaper, options: ItemizeOptions): Paragraph {
  const tokens = tokenize(runs, shape, options.keepSpaces === true);
  const items = tokens.items;
  const asciiStops = tokens.asciiStops;
  for (const item of items) finishItem(item, asciiStops.size > 0 && asciiStops.has(item), options);
  widenSeparators(items, options.em, options.keepSpaces === true);
  applyQuestionExclamationPairs(items, options.em);
  const junctions: Junction[] = new Array(items.length);
  for (let k = 0; k < items.length; k++) junctions[k] = k === 0 ? NO_JUNCTION : junctionBetween(items[k - 1] as MutableItem, items[k] as MutableItem, tokens.softBreakAfter, options.em);
  const text = tokens.text;
  return { items, junctions: options.words === true ? withWordCosts(items, junctions, text) : junctions, em: options.em, text };
}

/** Adds the cost of breaking inside a word, name or 《》 title to each breakable junction. */
function withWordCosts(items: readonly Item[], junctions: readonly Junction[], text: string): Junction[] {
  const costs = breakCosts(text);
  let offset = 0;
  return junctions.map((junction, k) => {
    const at = offset;
    offset += Array.from((items[k] as Item).text).length;
    const cost = costs[at] ?? 0;
    return k === 0 || !junction.breakable || cost === 0 ? junction : { ...junction, penalty: junction.penalty + cost };
  });
}

type MutableItem = { -readonly [K in keyof Item]: Item[K] };

/** Splits runs into character-level items with their shaped glyphs; groups Latin runs and long marks. */
function tokenize(runs: readonly TextRun[], shape: Shaper, keepSpaces: boolean): Tokens {
  const tokens: Tokens = { items: [], softBreakAfter: new Set(), asciiStops: new Set(), text: '' };
  const resolved = keepSpaces ? runs.map((run) => keepPhraseSpaces(run.text)) : resolveSourceSpaces(runs);
  runs.forEach((run, runIndex) => {
    const text = resolved[runIndex] as string;
    if (text.length === 0) return;
    // Each shaped glyph names the characters it stands for (one, or several for a ligature).
    for (const glyph of shape(text, run.style, runIndex)) pushGlyph(tokens, glyph.text, glyph, run.style, runIndex);
  });
  const items = tokens.items;
  if (items.some((item) => item.text.length === 0)) replaceAll(items, items.filter((item) => item.text.length > 0));
  splitAtAddressBreaks(tokens);
  // The glyphs of a text stand for its characters in order, so the items' texts are the runs'
  // texts; joined from the few runs, not the many items (unless a shaper broke that contract).
  const text = resolved.join('');
  let length = 0;
  for (const item of items) length += item.text.length;
  tokens.text = length === text.length ? text : items.map((item) => item.text).join('');
  return tokens;
}

function replaceAll<T>(array: T[], by: readonly T[]): void {
  array.length = 0;
  array.push(...by);
}

/** An item of one token's text and glyphs, its measures set by finishItem. One object shape for every item keeps the hot loops monomorphic. */
function newItem(cls: CharClass, text: string, style: RunStyle, runIndex: number, glyphs: readonly ShapedGlyph[]): MutableItem {
  return { cls, text, style, glyphs, glyphX: ZERO_OFFSET, width: 0, leftBlank: 0, rightBlank: 0, cutLeft: 0, cutRight: 0, spaceShrink: 0, spaceStretch: 0, runIndex, separator: false };
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

function pushGlyph({ items: tokens, asciiStops }: Tokens, ch: string, glyph: ShapedGlyph, style: RunStyle, runIndex: number): void {
  const first = ch.length === 1 ? ch : String.fromCodePoint(ch.codePointAt(0) ?? 0);
  let cls = classify(first);
  const last = tokens[tokens.length - 1];
  // —— and …… are one unbreakable two-em item (R2, R8); a lone — or … stays a connector / mark.
  if ((first === '—' || first === '…' || first === '⋯') && last && last.runIndex === runIndex && last.text === first && last.glyphs.length === 1) {
    last.text += ch;
    last.glyphs = withGlyph(last.glyphs, glyph);
    last.cls = 'long';
    return;
  }
  if (ch === '——' || ch === '……' || ch === '⸺') cls = 'long';
  else if (first === '—' || first === '…') cls = 'middle';
  // An ASCII , ; : ? ! right after Chinese text is a Chinese stop typed in ASCII: set with the
  // spacing of its full-width form (no CJK–Latin gap before it, R4), the glyph kept as typed.
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80 && ASCII_STOPS.has(ch) && last && isCjk(last.cls)) {
    const stop = newItem('stop', ch, style, runIndex, aloneList(glyph));
    asciiStops.add(stop);
    tokens.push(stop);
    return;
  }
  const latinLike = cls === 'latin' || cls === 'pre' || cls === 'post';
  if (latinLike && last && last.runIndex === runIndex && (last.cls === 'latin' || last.cls === 'pre')) {
    last.text += ch;
    last.glyphs = withGlyph(last.glyphs, glyph);
    last.cls = 'latin';
    return;
  }
  tokens.push(newItem(latinLike ? (cls === 'post' ? 'post' : cls) : cls, ch, style, runIndex, aloneList(glyph)));
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
function splitAtAddressBreaks({ items: tokens, softBreakAfter }: Tokens): void {
  // Most paragraphs have no address: their items stay as they are.
  if (!tokens.some((token) => token.cls === 'latin' && token.glyphs.length > 1 && addressBreaks(token.text).length > 0)) return;
  const out: MutableItem[] = [];
  for (const token of tokens) {
    const breaks = token.cls === 'latin' && token.glyphs.length > 1 ? new Set(addressBreaks(token.text)) : undefined;
    if (!breaks || breaks.size === 0) {
      out.push(token);
      continue;
    }
    let piece: MutableItem | undefined;
    let glyphs: ShapedGlyph[] = [];
    let offset = 0;
    for (const glyph of token.glyphs) {
      // A ligature spanning a break point keeps its characters together.
      if (!piece || breaks.has(offset)) {
        if (piece) softBreakAfter.add(piece);
        glyphs = [];
        piece = newItem('latin', '', token.style, token.runIndex, glyphs);
        out.push(piece);
      }
      piece.text += glyph.text;
      glyphs.push(glyph);
      offset += glyph.text.length;
    }
  }
  replaceAll(tokens, out);
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

/** Sets an item's width, glyph offsets, blanks and space stretch from its glyphs and class. */
function finishItem(item: MutableItem, asciiStop: boolean, { em, punctuation }: ItemizeOptions): void {
  const glyphs = item.glyphs;
  let natural = 0;
  for (const g of glyphs) natural += g.advance;
  item.glyphX = glyphs.length === 1 ? ZERO_OFFSET : cumulative(glyphs);
  item.width = natural;
  switch (item.cls) {
    case 'open':
    case 'close':
    case 'stop': {
      // An ASCII stop in Chinese text fills the full-width mark's em: its glyph at the left, the
      // half em on the right compressible like a full-width stop's blank.
      const halfAlways = punctuation === 'banjiao' || (punctuation === 'kaiming' && !SENTENCE_STOPS.has(item.text) && !(asciiStop && '?!'.includes(item.text)));
      if (asciiStop) {
        item.width = Math.max(natural, halfAlways ? em / 2 : em);
        item.rightBlank = halfAlways ? 0 : Math.min(em / 2, item.width - natural);
        return;
      }
      // Full-width marks carry half an em of blank on one side (SC glyph positions, §0.1).
      const blank = Math.min(em / 2, natural / 2);
      if (halfAlways) {
        item.width = natural - blank;
        if (item.cls === 'open') item.glyphX = [-blank];
      } else if (item.cls === 'open') item.leftBlank = blank;
      else item.rightBlank = blank;
      return;
    }
    case 'middle':
      // · and ／ sit centred in a half-em box whatever the font's advance (R3).
      if (item.text === '·' || item.text === '・' || item.text === '／') {
        item.width = em / 2;
        item.glyphX = [(em / 2 - natural) / 2];
      }
      return;
    case 'space':
      // A Latin word space: shrinks to 1/4 em, stretches first up to 1/2 em (R14).
      item.spaceShrink = Math.max(0, natural - em / 4);
      item.spaceStretch = Math.max(0, em / 2 - natural);
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
function widenSeparators(items: MutableItem[], em: number, keepSpaces: boolean): void {
  items.forEach((item, k) => {
    const before = items[k - 1];
    const after = items[k + 1];
    if (item.cls !== 'space' && item.cls !== 'ideographic-space') return;
    if (!before || !after) return;
    const between = keepSpaces ? isCjk(before.cls) && isCjk(after.cls) : before.cls === 'han' && after.cls === 'han';
    if (!between) return;
    item.cls = 'space';
    // The glyph (a space or U+3000) sits at the start of the one-em slot.
    item.width = em;
    item.spaceShrink = 0;
    item.spaceStretch = 0;
    item.separator = true;
  });
}

/** ？！ pairs share one em (GB/T 15834 §5.1.2): the second of a pair loses its right blank too. */
function applyQuestionExclamationPairs(items: MutableItem[], em: number): void {
  for (let k = 1; k < items.length; k++) {
    const a = items[k - 1] as MutableItem;
    const b = items[k] as MutableItem;
    if (QUESTION_EXCLAMATION.has(a.text) && QUESTION_EXCLAMATION.has(b.text) && b.rightBlank > 0) {
      b.width -= em / 2;
      b.rightBlank = 0;
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

/** Computes the junction before `b`, and the compression it applies to both neighbours (R10). */
function junctionBetween(a: MutableItem, b: MutableItem, softBreakAfter: ReadonlySet<Item>, em: number): Junction {
  // Consecutive punctuation: remove min(a.right + b.left, ½ em), from a's right blank first.
  const compress = Math.min(a.rightBlank - a.cutRight + (b.leftBlank - b.cutLeft), em / 2);
  if (compress > 0 && PUNCTUATION.has(a.cls) && PUNCTUATION.has(b.cls)) {
    const fromA = Math.min(compress, a.rightBlank - a.cutRight);
    a.cutRight += fromA;
    b.cutLeft += compress - fromA;
  }
  const ellipsisStart = b.cls === 'long' && (b.text.startsWith('…') || b.text.startsWith('⋯'));
  let breakable = !CANNOT_START.has(b.cls) && !CANNOT_END.has(a.cls) && !ellipsisStart;
  let penalty = 0;
  if (a.cls === 'latin' && b.cls === 'latin') {
    breakable = softBreakAfter.has(a);
    penalty = 50;
  }
  if (a.cls === 'middle') penalty = 100;
  // A number never parts from the unit or measure word after it: 20|日, 5|号, 100|万元 (R31).
  if (a.cls === 'latin' && b.cls === 'han' && /\d$/.test(a.text)) breakable = false;
  // No CJK–Latin gap after a Latin run's own closing punctuation ("1.国家…", R21) or before its opening bracket.
  const hanLatin =
    (a.cls === 'han' && b.cls === 'latin' && !/^[([{]/.test(b.text)) || (a.cls === 'latin' && b.cls === 'han' && !/[.,:;!?)\]}]$/.test(a.text));
  const connector = isConnector(a.text) || isConnector(b.text);
  // Inside a Latin run nothing stretches; a word space stretches once, on its right side.
  const latinInside = a.cls === 'latin' && (b.cls === 'latin' || b.cls === 'space');
  // A CJK–Latin gap stretches only to ½ em (its own first stage), never by the even extra (R14).
  // After a label (⒈ ①) the gap is the glyph's own, the same on every line (R31).
  // Nor beside a separator: 第一条　为了 keeps exactly one em on every line (R31).
  const justifiable = !connector && !latinInside && !hanLatin && !isEnclosedNumeral(a.text) && !a.separator && !b.separator;
  if (!hanLatin) return plainJunction(breakable, penalty, justifiable);
  return { breakable, penalty, gap: em / 4, gapShrink: em / 8, gapStretch: em / 4, justifiable };
}

/**
 * Junctions without a CJK–Latin gap, one shared object for each of the few kinds (breakable or
 * not, penalty, justifiable or not): nearly every junction is one, and a new object for each
 * was one of the largest allocations of layout (66 MB on 600 pages). Junctions are never changed.
 */
const PLAIN_JUNCTIONS = new Map<number, Junction>();
function plainJunction(breakable: boolean, penalty: number, justifiable: boolean): Junction {
  // Penalties are whole numbers (0, 50, 100): four keys apart.
  const key = penalty * 4 + (breakable ? 2 : 0) + (justifiable ? 1 : 0);
  let junction = PLAIN_JUNCTIONS.get(key);
  if (junction === undefined) {
    junction = { breakable, penalty, gap: 0, gapShrink: 0, gapStretch: 0, justifiable };
    PLAIN_JUNCTIONS.set(key, junction);
  }
  return junction;
}

/** Between two pieces of a Latin run cut by breakOverlong: breakable, nothing added. */
const CUT_JUNCTION: Junction = { breakable: true, penalty: 50, gap: 0, gapShrink: 0, gapStretch: 0, justifiable: false };

/**
 * The last resort for a Latin run with no break point that is wider than any line can hold (a
 * 40-digit number, a long word, one segment of a URL): it is cut into characters the breaker may
 * break between, no hyphen added. Returns the paragraph with those items cut and the items cut
 * (the caller warns about each: R5 allows no break there).
 */
export function breakOverlong(paragraph: Paragraph, maxWidth: number): { paragraph: Paragraph; cut: readonly Item[] } {
  const cut = paragraph.items.filter((item) => item.cls === 'latin' && item.glyphs.length > 1 && item.width > maxWidth + 1e-6);
  if (cut.length === 0) return { paragraph, cut };
  const items: Item[] = [];
  const junctions: Junction[] = [];
  paragraph.items.forEach((item, k) => {
    const junction = paragraph.junctions[k] as Junction;
    if (!cut.includes(item)) {
      items.push(item);
      junctions.push(junction);
      return;
    }
    item.glyphs.forEach((glyph, g) => {
      items.push({ ...item, text: glyph.text, glyphs: [glyph], glyphX: ZERO_OFFSET, width: glyph.advance });
      junctions.push(g === 0 ? junction : CUT_JUNCTION);
    });
  });
  return { paragraph: { items, junctions, em: paragraph.em, text: paragraph.text }, cut };
}
