/**
 * Sets one paragraph, title or TOC entry into lines of glyph runs: itemize → break → place.
 * x positions are relative to the column's left edge; the caller places lines on the page.
 */
import type { RunStyle, TextRun } from '../document/types';
import type { PunctuationStyle } from '../text/classes';
import { type FontRole, type FontSet, shapeText } from '../text/fonts';
import { itemize, type Item, type Paragraph } from '../text/items';
import { placeLine } from '../text/justify';
import { type BreakOptions, breakLines } from '../text/linebreak';
import type { GlyphRun, PlacedGlyph } from './types';

export interface ParagraphStyle {
  readonly size: number;
  /** Font for each run style (emphasis uses the regular face plus dots). */
  readonly fonts: Readonly<Record<RunStyle, FontRole>>;
  readonly firstIndent: number;
  readonly align: 'justify' | 'center';
  readonly minLastHan: number;
  readonly lastLineReserve: number;
  readonly punctuation: PunctuationStyle;
  readonly hang: 'none' | 'stops';
}

export interface SetLine {
  readonly runs: readonly GlyphRun[];
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

/** Sets runs at `width` points; centred lines are balanced and centred within the width. */
export function setParagraph(runs: readonly TextRun[], style: ParagraphStyle, width: number, fonts: FontSet): SetLine[] {
  const paragraph = itemize(runs, (text, runStyle) => shapeText(fonts[style.fonts[runStyle]], text, style.size), {
    em: style.size,
    punctuation: style.punctuation,
  });
  if (paragraph.items.length === 0) return [];
  const options: BreakOptions = {
    width,
    firstIndent: style.firstIndent,
    lastLineReserve: style.lastLineReserve,
    hang: style.hang,
    minLastHan: style.minLastHan,
  };
  if (style.align === 'center') return setCentred(paragraph, options, style, fonts);
  return breakLines(paragraph, options).map((span) => toSetLine(paragraph, placeLine(paragraph, span, options), span.isLast, style));
}

/**
 * Titles: as many lines as needed, but of balanced length (R20), so no line is left with one
 * or two characters; each line centred.
 */
function setCentred(paragraph: Paragraph, options: BreakOptions, style: ParagraphStyle, fonts: FontSet): SetLine[] {
  const natural = paragraph.items.reduce((sum, item) => sum + item.width, 0);
  const lineCount = Math.ceil(natural / options.width - 1e-9);
  let lines = breakLines(paragraph, options);
  if (lineCount > 1) {
    // Narrow the measure to the balanced width (rounded up to whole ems) and re-break.
    const balanced = Math.min(options.width, Math.ceil(natural / lineCount / style.size) * style.size + style.size);
    const narrower = { ...options, width: balanced };
    const tried = breakLines(paragraph, narrower);
    if (tried.length === lines.length) {
      lines = tried;
      options = narrower;
    }
  }
  void fonts;
  return lines.map((span) => {
    const placed = placeLine(paragraph, { ...span, adjustment: 0, isLast: true }, options);
    const set = toSetLine(paragraph, placed, true, style);
    const shift = (options.width - set.right - set.left) / 2 + (options.width === span.measure ? 0 : 0);
    return shiftLine(set, shift);
  });
}

function shiftLine(line: SetLine, dx: number): SetLine {
  return {
    ...line,
    left: line.left + dx,
    right: line.right + dx,
    dots: line.dots.map((x) => x + dx),
    runs: line.runs.map((run) => ({ ...run, end: run.end + dx, glyphs: run.glyphs.map((g) => ({ ...g, x: g.x + dx })) })),
  };
}

function toSetLine(paragraph: Paragraph, placed: ReturnType<typeof placeLine>, isLast: boolean, style: ParagraphStyle): SetLine {
  const runs: GlyphRun[] = [];
  const dots: number[] = [];
  let current: { font: FontRole; glyphs: PlacedGlyph[] } | undefined;
  let text = '';
  for (const { index, x } of placed.items) {
    const item = paragraph.items[index] as Item;
    const font = style.fonts[item.style];
    if (!current || current.font !== font) {
      current = { font, glyphs: [] };
      runs.push({ font, size: style.size, glyphs: current.glyphs, end: 0 });
    }
    item.glyphs.forEach((glyph, g) => current?.glyphs.push({ id: glyph.id, x: x + (item.glyphX[g] ?? 0), text: glyph.text }));
    if (item.style === 'emphasis' && item.cls === 'han') dots.push(x + item.width / 2);
    text += item.text;
  }
  // Each run ends where the next begins, so the renderer can give every glyph its laid-out advance.
  const finished = runs.map((run, k) => {
    const next = runs[k + 1]?.glyphs[0];
    const last = paragraph.items[placed.items[placed.items.length - 1]?.index ?? 0] as Item;
    return { ...run, end: next ? next.x : placed.right + (last.rightBlank > 0 ? 0 : 0) };
  });
  const first = placed.items[0];
  const firstItem = first ? (paragraph.items[first.index] as Item) : undefined;
  const left = first && firstItem ? first.x + firstItem.leftBlank : 0;
  return { runs: finished, left, right: placed.right, dots, extraPerGap: placed.extraPerGap, shrink: placed.shrink, isLast, text };
}

/** Sets a short text on one line at natural width, starting at x = 0 (headers, folios, labels). */
export function setSingleLine(text: string, font: FontRole, size: number, fonts: FontSet, punctuation: PunctuationStyle = 'quanjiao'): SetLine {
  const style: ParagraphStyle = {
    size,
    fonts: { regular: font, bold: font, emphasis: font },
    firstIndent: 0,
    align: 'justify',
    minLastHan: 0,
    lastLineReserve: 0,
    punctuation,
    hang: 'none',
  };
  const run: TextRun = { text, style: 'regular', source: { file: '(template)' } };
  const paragraph = itemize([run], (t) => shapeText(fonts[font], t, size), { em: size, punctuation });
  if (paragraph.items.length === 0) return { runs: [], left: 0, right: 0, dots: [], extraPerGap: 0, shrink: 0, isLast: true, text: '' };
  const options: BreakOptions = { width: 1e6, firstIndent: 0, lastLineReserve: 0, hang: 'none', minLastHan: 0 };
  const span = { start: 0, end: paragraph.items.length, isLast: true, measure: 1e6, adjustment: 0, hanging: false };
  return toSetLine(paragraph, placeLine(paragraph, span, options), true, style);
}

/** Moves a set line right by dx. */
export function moveLine(line: SetLine, dx: number): SetLine {
  return shiftLine(line, dx);
}
