/**
 * Sets one paragraph, title or TOC entry into lines of glyph runs: itemize → break → place.
 * x positions are relative to the column's left edge; the caller places lines on the page.
 */
import type { RunStyle, TextRun } from '../document/types';
import type { SourceLocation } from '../errors';
import type { Typography } from '../settings';
import { type FontKey, type FontRole, type FontSet, fontFor, fontOf, shapeText } from '../text/fonts';
import type { LayoutProblems, MissingGlyph } from './problems';
import { breakOverlong, itemize, ItemStore, type Paragraph, type ShapedGlyph } from '../text/items';
import { type PlacedLine, placeLine } from '../text/justify';
import { type BreakOptions, breakLines } from '../text/linebreak';
import { JOINT_ISSUER_END } from '../text/legal';
import { buildSums, emptyLine, lineConfig, measureLine, naturalLine } from '../text/line';
import type { GlyphRun, TextLink } from './types';

export interface ParagraphStyle {
  readonly size: number;
  /** Font for each run style (emphasis uses the regular face plus dots). */
  readonly fonts: Readonly<Record<RunStyle, FontRole>>;
  readonly firstIndent: number;
  readonly restIndent?: number;
  readonly align: 'justify' | 'center';
  readonly minLastHan: number;
  readonly lastLineReserve: number;
  readonly typography: Typography;
  readonly keepSpaces?: boolean;
  /** Told of each Latin run with no break point cut between characters to fit the line (R5). */
  readonly onLastResort?: (text: string, source: SourceLocation) => void;
  /** Told of each character no font of the set has (found here, where the font is chosen). */
  readonly onMissingGlyph?: (missing: MissingGlyph) => void;
  /** Break at word boundaries where possible (titles, TOC entries, 题注; R31). */
  readonly words?: boolean;
}

/**
 * LXGW WenKai's quotes are narrow proportional glyphs (0.35 em, FONTS.md §3), so quotes in 楷体
 * runs are set in the serif face, which has full-width SC quotes (R1).
 */
const NARROW_KAI_QUOTE_CODES: ReadonlySet<number> = new Set(Array.from('“”‘’', (ch) => ch.codePointAt(0) as number));

/**
 * Shapes text in a role, choosing the font character by character (text/fonts.ts fontFor): the
 * role's face, serif quotes in 楷体, else the first fallback font that has the character. A
 * character no font has is told to `onMissing` (with how many of it came before) and shaped in
 * the role's face, where it is .notdef.
 */
function shapeWithFallback(fonts: FontSet, role: FontRole, text: string, size: number, onMissing?: (ch: string, occurrence: number, font: string) => void): ShapedGlyph[] {
  // Stretches of one font, as UTF-16 offsets: most texts are one, shaped as they are. Read by
  // code unit, not by a string per character, nor a stretch grown a character at a time (both
  // were allocations per character of every paragraph).
  const keys: FontKey[] = [];
  const starts: number[] = [];
  for (let offset = 0; offset < text.length; ) {
    const codePoint = text.codePointAt(offset) as number;
    let key = role === 'kai' && NARROW_KAI_QUOTE_CODES.has(codePoint) ? 'serif' : fontFor(fonts, role, codePoint);
    if (key === undefined) {
      const ch = String.fromCodePoint(codePoint);
      onMissing?.(ch, occurrencesBefore(text, offset, ch), fonts[role].path);
      key = role;
    }
    if (keys[keys.length - 1] !== key) {
      keys.push(key);
      starts.push(offset);
    }
    offset += codePoint > 0xffff ? 2 : 1;
  }
  if (keys.length === 1 && keys[0] === role) return shapeText(fontOf(fonts, role), text, size);
  const glyphs: ShapedGlyph[] = [];
  keys.forEach((key, k) => {
    const part = shapeText(fontOf(fonts, key), text.slice(starts[k], starts[k + 1] ?? text.length), size);
    for (const g of part) glyphs.push(key === role ? g : { ...g, font: key });
  });
  return glyphs;
}

/**
 * How many times `ch` occurs in text before `offset`, counted only for a missing character
 * (rare): counting every character of every paragraph as it went was two map operations each.
 */
function occurrencesBefore(text: string, offset: number, ch: string): number {
  let count = 0;
  for (const c of text.slice(0, offset)) if (c === ch) count++;
  return count;
}

export interface SetLine {
  /** Offset of the whole line; glyph positions in `runs` are relative to it. */
  readonly x: number;
  readonly runs: readonly GlyphRun[];
  /** The stretches of the line that are links (x relative to `x`, like the glyphs). */
  readonly links: readonly TextLink[];
  /** Left and right edge of the line's ink boxes. */
  readonly left: number;
  readonly right: number;
  /** Centres of ideographs that carry 着重号. */
  readonly dots: readonly number[];
  readonly extraPerGap: number;
  readonly shrink: number;
  readonly isLast: boolean;
  readonly text: string;
}

/**
 * Sets runs at `width` points; centred lines are balanced and centred within the width. A forced
 * line break ("\n", a hard break in the Markdown) ends a line there: each stretch between two is
 * set on its own, the ones after a break starting at the continuation indent.
 */
export function setParagraph(runs: readonly TextRun[], style: ParagraphStyle, width: number, fonts: FontSet): SetLine[] {
  const parts = splitAtForcedBreaks(runs);
  if (parts.length === 1) return setUnbroken(runs, style, width, fonts);
  return parts.flatMap((part, k) => setUnbroken(part, k === 0 ? style : { ...style, firstIndent: style.restIndent ?? 0 }, width, fonts));
}

/** The runs between forced line breaks; each part keeps its runs' styles, links and sources. */
function splitAtForcedBreaks(runs: readonly TextRun[]): TextRun[][] {
  if (!runs.some((run) => run.text.includes('\n'))) return [[...runs]];
  const parts: TextRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((text, k) => {
      if (k > 0) parts.push([]);
      if (text !== '') (parts[parts.length - 1] as TextRun[]).push({ ...run, text });
    });
  }
  return parts.filter((part) => part.length > 0);
}

/**
 * The item stores paragraphs are itemized into, one per nesting depth (a title's phrases are set
 * while the title is): reused, so a paragraph's items make no new arrays (text/items.ts
 * ItemStore). A paragraph is set into lines (copied out) before its store is used again.
 */
const stores: ItemStore[] = [];
let depth = 0;

function withStore<T>(set: (store: ItemStore) => T): T {
  let store = stores[depth];
  if (store === undefined) {
    store = new ItemStore();
    stores[depth] = store;
  }
  depth++;
  try {
    return set(store);
  } finally {
    depth--;
  }
}

function setUnbroken(runs: readonly TextRun[], style: ParagraphStyle, width: number, fonts: FontSet): SetLine[] {
  return withStore((store) => setUnbrokenInto(store, runs, style, width, fonts));
}

function setUnbrokenInto(store: ItemStore, runs: readonly TextRun[], style: ParagraphStyle, width: number, fonts: FontSet): SetLine[] {
  const report = style.onMissingGlyph;
  const shape = (text: string, runStyle: RunStyle, runIndex: number) =>
    shapeWithFallback(fonts, style.fonts[runStyle], text, style.size, report && ((ch, occurrence, font) => report({ ch, occurrence, font, source: (runs[runIndex] as TextRun).source })));
  const itemized = itemize(runs, shape, {
    em: style.size,
    punctuation: style.typography.punctuation,
    keepSpaces: style.keepSpaces === true,
    words: style.words === true,
  }, store);
  // A number or word wider than the narrowest line has nowhere to break: cut it, and say so.
  const { paragraph, cut } = breakOverlong(itemized, width - Math.max(style.firstIndent, style.restIndent ?? 0));
  for (const item of cut) style.onLastResort?.(item.text, (runs[item.runIndex] as TextRun).source);
  if (paragraph.length === 0) return [];
  const options: BreakOptions = {
    width,
    firstIndent: style.firstIndent,
    restIndent: style.restIndent ?? 0,
    lastLineReserve: style.lastLineReserve,
    hang: style.typography.hang,
    trimLineStartOpen: style.typography.trimLineStartOpen,
    minLastHan: style.minLastHan,
  };
  if (style.align === 'center') return setAtPhraseBreaks(runs, style, width, fonts) ?? setCentred(paragraph, options, style, runs);
  return breakLines(paragraph, options).map((span) => toSetLine(paragraph, placeLine(paragraph, span), span.isLast, style, runs));
}

/** Where a title prefers to break (R20): after " | ", before "——", at a space between phrases. */
const PHRASE_BREAK = /(?<=[|｜])\s*|\s*(?=——)|(?<=[\p{Script=Han}”》）])\s+(?=[\p{Script=Han}“《（])/u;

/**
 * Titles with phrase breaks: the fewest lines, made of whole phrases, as balanced as possible.
 * A phrase wider than the measure gets lines of its own, broken balanced inside.
 */
function setAtPhraseBreaks(runs: readonly TextRun[], style: ParagraphStyle, width: number, fonts: FontSet): SetLine[] | undefined {
  if (runs.length !== 1) return undefined;
  const run = runs[0] as TextRun;
  const phrases: string[] = [];
  for (const part of run.text.split(PHRASE_BREAK).map((p) => p.trim()).filter((p) => p.length > 0)) {
    // Joint issuers (中共中央办公厅　国务院办公厅) are one phrase: their space is a separator (R31).
    const previous = phrases[phrases.length - 1];
    if (previous !== undefined && JOINT_ISSUER_END.test(previous) && /^\p{Script=Han}/u.test(part)) phrases[phrases.length - 1] = `${previous} ${part}`;
    else phrases.push(part);
  }
  if (phrases.length < 2) return undefined;
  // Each grouping below re-measures the same line texts: set each text once.
  const setOnce = new Map<string, SetLine | undefined>();
  const measure = (text: string): SetLine | undefined => {
    if (!setOnce.has(text)) setOnce.set(text, setParagraph([{ ...run, text }], { ...style, align: 'justify', keepSpaces: true }, 1e6, fonts)[0]);
    return setOnce.get(text);
  };
  let best: { lines: string[]; widest: number } | undefined;
  // A title has a handful of phrases: try every grouping into consecutive lines.
  for (let mask = 0; mask < 1 << (phrases.length - 1); mask++) {
    const lines: string[] = [];
    let current = phrases[0] as string;
    for (let k = 1; k < phrases.length; k++) {
      if (mask & (1 << (k - 1))) {
        lines.push(current);
        current = phrases[k] as string;
      } else current += (/^——/.test(phrases[k] as string) || /[|｜]$/.test(current) ? ' ' : ' ') + (phrases[k] as string);
    }
    lines.push(current);
    const widths = lines.map((line) => measure(line)?.right ?? 0);
    const widest = Math.max(...widths);
    if (widest > width + 1e-6) continue;
    const better = !best || lines.length < best.lines.length || (lines.length === best.lines.length && widest < best.widest);
    if (better) best = { lines, widest };
  }
  if (!best) {
    // A phrase wider than the measure: every phrase starts a line, long ones break balanced inside.
    return phrases.flatMap((text) => {
      const line = measure(text) as SetLine;
      if (line.right <= width + 1e-6) return [shiftLine({ ...line, isLast: true }, (width - line.right) / 2)];
      return setParagraph([{ ...run, text }], style, width, fonts);
    });
  }
  return best.lines.map((text) => {
    const line = measure(text) as SetLine;
    return shiftLine({ ...line, isLast: true }, (width - line.right) / 2);
  });
}

/** A centred line further than this from the balanced length (so two lines differ by > 2 em) is out of balance (R20). */
const BALANCE_TOLERANCE_EM = 1;
const OUT_OF_BALANCE_COST = 1000;
const CENTRED_RUNT_COST = 5000;
/** An extra line costs more than a break inside a word, less than one inside a name. */
const EXTRA_LINE_COST = 3000;

/**
 * Centred text (titles, captions, 题注 lines): the fewest lines that fit, as balanced as possible
 * (R20), each centred. A small search over the break positions: each line costs its distance
 * from the balanced length, more when out of tolerance, plus the junction's penalty (a break
 * inside a word, a name or 《》 when the text asks for word boundaries, R31), so a break inside
 * a word wins only where no boundary keeps the lines in balance.
 */
function setCentred(paragraph: Paragraph, options: BreakOptions, style: ParagraphStyle, runs: readonly TextRun[]): SetLine[] {
  const { em } = paragraph;
  const n = paragraph.length;
  const sums = buildSums(paragraph);
  const config = lineConfig({ ...options, firstIndent: 0, restIndent: 0, lastLineReserve: 0, hang: 'none' });
  // The search measures O(lines × items × line length) candidates: into one scratch line.
  const scratch = emptyLine();
  const widthOf = (i: number, j: number) => measureLine(sums, i, j, config, scratch).natural;
  const total = widthOf(0, n);
  const totalHan = sums.han[n] as number;
  const breakable = (k: number) => k === 0 || k === n || paragraph.breakable[k] === 1;
  /** The cheapest `count` balanced lines, or undefined when they cannot fit. */
  function balancedBreaks(count: number): { spans: [number, number][]; cost: number } | undefined {
    const target = total / count;
    // best[c][j]: cheapest way to set items [0, j) as c lines.
    const best = Array.from({ length: count + 1 }, () => new Float64Array(n + 1).fill(Infinity));
    const from = Array.from({ length: count + 1 }, () => new Int32Array(n + 1).fill(-1));
    (best[0] as Float64Array)[0] = 0;
    for (let c = 1; c <= count; c++) {
      for (let j = 1; j <= n; j++) {
        if (!breakable(j) || (c === count) !== (j === n)) continue;
        for (let i = j - 1; i >= 0; i--) {
          const before = (best[c - 1] as Float64Array)[i] as number;
          if (!breakable(i) || before === Infinity) continue;
          const width = widthOf(i, j);
          if (width > options.width + 1e-6) break;
          const dev = Math.abs(width - target) / em;
          let cost = 10 * dev * dev + (dev > BALANCE_TOLERANCE_EM ? OUT_OF_BALANCE_COST : 0);
          if (j < n) cost += paragraph.penalty[j] as number;
          if (totalHan >= style.minLastHan && (sums.han[j] as number) - (sums.han[i] as number) < style.minLastHan) cost += CENTRED_RUNT_COST;
          if (before + cost < ((best[c] as Float64Array)[j] as number)) {
            (best[c] as Float64Array)[j] = before + cost;
            (from[c] as Int32Array)[j] = i;
          }
        }
      }
    }
    const cost = (best[count] as Float64Array)[n] as number;
    if (cost === Infinity) return undefined;
    const spans: [number, number][] = [];
    for (let c = count, j = n; c > 0; c--) {
      const i = (from[c] as Int32Array)[j] as number;
      spans.unshift([i, j]);
      j = i;
    }
    return { spans, cost };
  }
  // The fewest lines that fit; one or two more only where fewer would split a name (R31).
  const fewest = Math.max(1, Math.ceil(total / options.width - 1e-9));
  let chosen: { spans: [number, number][]; cost: number } | undefined;
  for (let count = fewest; count <= Math.min(n, fewest + 2, 12); count++) {
    const tried = balancedBreaks(count);
    if (tried && (!chosen || tried.cost + (count - fewest) * EXTRA_LINE_COST < chosen.cost)) chosen = { ...tried, cost: tried.cost + (count - fewest) * EXTRA_LINE_COST };
  }
  const lines = chosen ? chosen.spans.map(([i, j]) => measureLine(sums, i, j, config)) : breakLines(paragraph, options);
  return lines.map((span) => {
    const placed = placeLine(paragraph, { ...span, indent: 0, adjustment: 0, isLast: true });
    const set = toSetLine(paragraph, placed, true, style, runs);
    const shift = (options.width - set.right - set.left) / 2;
    return shiftLine(set, shift);
  });
}

function shiftLine(line: SetLine, dx: number): SetLine {
  return { ...line, x: line.x + dx, left: line.left + dx, right: line.right + dx, dots: line.dots.map((x) => x + dx) };
}

function toSetLine(paragraph: Paragraph, placed: PlacedLine, isLast: boolean, style: ParagraphStyle, source: readonly TextRun[]): SetLine {
  const { first, xs } = placed;
  // The line's glyphs go into three arrays of the line's length, written in place; each run is
  // the stretch of one font (most lines are one run, which is the arrays themselves).
  let count = 0;
  const { glyphs: itemGlyphs, glyphX, styles, cls, texts: itemTexts, width, leftBlank, rightBlank, cutLeft, cutRight, runIndex } = paragraph;
  for (let p = 0; p < xs.length; p++) count += (itemGlyphs[first + p] as readonly ShapedGlyph[]).length;
  const ids = new Array<number>(count);
  const glyphXs = new Array<number>(count);
  const texts = new Array<string>(count);
  const runStarts: number[] = [];
  const runFonts: FontKey[] = [];
  const dots: number[] = [];
  const links: TextLink[] = [];
  let previousUri: string | undefined;
  let runFont: FontKey | undefined;
  let n = 0;
  // The line's text is a slice of the paragraph's, not a string grown item by item.
  let textStart = 0;
  for (let k = 0; k < first; k++) textStart += (itemTexts[k] as string).length;
  let textEnd = textStart;
  for (let p = 0; p < xs.length; p++) {
    const k = first + p;
    const glyphs = itemGlyphs[k] as readonly ShapedGlyph[];
    const offsets = glyphX[k] as readonly number[];
    const itemStyle = styles[k] as RunStyle;
    const x = xs[p] as number;
    // A loop, not forEach: a closure for every item of every line was one of layout's larger allocations.
    for (let g = 0; g < glyphs.length; g++) {
      const glyph = glyphs[g] as ShapedGlyph;
      const font = glyph.font ?? style.fonts[itemStyle];
      if (runFont !== font) {
        runFont = font;
        runStarts.push(n);
        runFonts.push(font);
      }
      ids[n] = glyph.id;
      glyphXs[n] = x + (offsets[g] ?? 0);
      texts[n] = glyph.text;
      n++;
    }
    if (itemStyle === 'emphasis' && cls[k] === 'han') dots.push(x + (width[k] as number) / 2);
    const uri = source[runIndex[k] as number]?.link;
    if (uri !== undefined) addToLink(links, uri, uri === previousUri, x + (leftBlank[k] as number) - (cutLeft[k] as number), x + (width[k] as number) - (rightBlank[k] as number) + (cutRight[k] as number));
    previousUri = uri;
    textEnd += (itemTexts[k] as string).length;
  }
  const text = paragraph.text.slice(textStart, textEnd);
  // Each run ends where the next begins, so the renderer can give every glyph its laid-out advance.
  const runs: GlyphRun[] = [];
  for (let k = 0; k < runStarts.length; k++) {
    const start = runStarts[k] as number;
    const stop = runStarts[k + 1] ?? count;
    const whole = runStarts.length === 1;
    runs.push({
      font: runFonts[k] as FontKey,
      size: style.size,
      ids: whole ? ids : ids.slice(start, stop),
      xs: whole ? glyphXs : glyphXs.slice(start, stop),
      texts: whole ? texts : texts.slice(start, stop),
      end: stop < count ? (glyphXs[stop] as number) : placed.right,
    });
  }
  const left = xs.length > 0 ? (xs[0] as number) + (leftBlank[first] as number) : 0;
  return { x: 0, runs, links, left, right: placed.right, dots, extraPerGap: placed.extraPerGap, shrink: placed.shrink, isLast, text };
}

/** Extends the line's last link when the item continues it (the item before had the same URI), else starts a new one. */
function addToLink(links: TextLink[], uri: string, continues: boolean, from: number, to: number): void {
  const last = links[links.length - 1];
  if (continues && last !== undefined) links[links.length - 1] = { ...last, width: Math.max(last.width, to - last.x) };
  else links.push({ x: from, width: to - from, uri });
}

/**
 * Sets a short text on one line at natural width, starting at x = 0 (headers, folios, labels).
 * With `at`, a character no font has is reported there (masthead and issue.yaml fields).
 */
export function setSingleLine(text: string, font: FontRole, size: number, fonts: FontSet, typography: Typography, at?: { source: SourceLocation; problems: LayoutProblems }): SetLine {
  // What it depends on besides the font set: the face, the size, the two typography settings it reads.
  const key = `${font}\0${size}\0${typography.punctuation}\0${typography.trimLineStartOpen}\0${text}`;
  let known = singleLines.get(fonts);
  if (known === undefined) {
    known = new Map();
    singleLines.set(fonts, known);
  }
  const found = known.get(key);
  if (found !== undefined) return found;
  let missing = false;
  const report = (ch: string, occurrence: number, path: string): void => {
    missing = true;
    at?.problems.missingGlyph({ ch, occurrence, font: path, source: at.source });
  };
  const line = setOneLine(text, font, size, fonts, typography, at?.source, report);
  // A line with a character no font has is set again each time, so each place is reported.
  if (!missing) {
    if (known.size >= MAX_SINGLE_LINES) known.clear();
    known.set(key, line);
  }
  return line;
}

/**
 * Single lines set already, per font set: every body page sets the same running heads, and the
 * TOC the same numbers (~15 % of bench-600's typeset, each itemized, measured and placed again).
 * Set lines are never changed, so pages share them. Emptied past MAX_SINGLE_LINES (`watch`).
 */
const singleLines = new WeakMap<FontSet, Map<string, SetLine>>();
const MAX_SINGLE_LINES = 5000;

function setOneLine(text: string, font: FontRole, size: number, fonts: FontSet, typography: Typography, source: SourceLocation | undefined, report: (ch: string, occurrence: number, path: string) => void): SetLine {
  const style: ParagraphStyle = {
    size,
    fonts: { regular: font, bold: font, emphasis: font },
    firstIndent: 0,
    align: 'justify',
    minLastHan: 0,
    lastLineReserve: 0,
    typography,
  };
  const run: TextRun = { text, style: 'regular', source: source ?? { file: '(template)' } };
  return withStore((store) => {
    const paragraph = itemize([run], (t) => shapeWithFallback(fonts, font, t, size, report), { em: size, punctuation: typography.punctuation, keepSpaces: true }, store);
    return setAtNaturalWidth(paragraph, style, typography, run);
  });
}

function setAtNaturalWidth(paragraph: Paragraph, style: ParagraphStyle, typography: Typography, run: TextRun): SetLine {
  if (paragraph.length === 0) return { x: 0, runs: [], links: [], left: 0, right: 0, dots: [], extraPerGap: 0, shrink: 0, isLast: true, text: '' };
  const line = naturalLine(paragraph, { width: 1e6, firstIndent: 0, restIndent: 0, lastLineReserve: 0, hang: 'none', trimLineStartOpen: typography.trimLineStartOpen });
  return toSetLine(paragraph, placeLine(paragraph, line), true, style, [run]);
}

/** Moves a set line right by dx. */
export function moveLine(line: SetLine, dx: number): SetLine {
  return shiftLine(line, dx);
}
