/** Synthetic advances, like react-pdf's line-breaker tests: ideographs and CJK marks 1 em, Latin ½ em. */
import type { TextRun } from '../../src/document/types';
import { classify } from '../../src/text/classes';
import { type Paragraph, itemize, type ShapedGlyph } from '../../src/text/items';
import { breakLines, type BreakOptions, type LineSpan } from '../../src/text/linebreak';
import { placeLine, type PlacedLine } from '../../src/text/justify';
import { naturalLine } from '../../src/text/line';
import type { PunctuationStyle } from '../../src/text/classes';

export function fakeShape(text: string): ShapedGlyph[] {
  return Array.from(text).map((ch) => {
    const cls = classify(ch);
    const advance = ch === ' ' ? 0.25 : cls === 'latin' || cls === 'post' || cls === 'pre' ? 0.5 : ch === '·' ? 0.327 : 1;
    return { id: ch.codePointAt(0) ?? 0, advance, text: ch };
  });
}

export function run(text: string): TextRun {
  return { text, style: 'regular', source: { file: 'test.md', line: 1 } };
}

export interface SetParagraph {
  paragraph: Paragraph;
  spans: LineSpan[];
  placed: PlacedLine[];
  lines: string[];
}

export function set(text: string, width: number, extra: Partial<BreakOptions> & { punctuation?: PunctuationStyle } = {}): SetParagraph {
  const paragraph = itemize([run(text)], fakeShape, { em: 1, punctuation: extra.punctuation ?? 'quanjiao' });
  const options: BreakOptions = { width, firstIndent: 0, restIndent: 0, lastLineReserve: 0, hang: 'none', trimLineStartOpen: true, minLastHan: 2, ...extra };
  const spans = breakLines(paragraph, options);
  const placed = spans.map((s) => placeLine(paragraph, s));
  const lines = spans.map((s) => paragraph.texts.slice(s.start, s.end).join('').trim());
  return { paragraph, spans, placed, lines };
}

export function lines(text: string, width: number, extra: Partial<BreakOptions> & { punctuation?: PunctuationStyle } = {}): string[] {
  return set(text, width, extra).lines;
}

/** Natural advance of a string set mid-line (no line edges), in em. */
export function adv(text: string, punctuation: PunctuationStyle = 'quanjiao'): number {
  const p = itemize([run(`中${text}中`)], fakeShape, { em: 1, punctuation });
  const placed = placeLine(p, naturalLine(p, { width: 1000, firstIndent: 0, restIndent: 0, lastLineReserve: 0, hang: 'none', trimLineStartOpen: true }));
  return placed.right - 2;
}
