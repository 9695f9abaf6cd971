/**
 * Laid-out pages: plain data a dumb renderer turns into PDF. Coordinates are points from the
 * top-left corner of the trimmed page; y of text is its baseline.
 */
import type { AnchorId } from '../document/types';
import type { Diagnostic, SourceLocation } from '../errors';
import type { FontKey } from '../text/fonts';
import type { MissingGlyph } from './problems';

/** Colours by purpose; the renderer maps them to CMYK (press) or sRGB (e-mail). */
export type Ink = 'text' | 'accent' | 'rule' | 'muted';

/**
 * Glyphs of one font on one baseline, as flat data: glyph i is the font's glyph `ids[i]`, its
 * origin at `xs[i]`, standing for the source text `texts[i]` (ToUnicode). The renderer draws each
 * glyph's advance as the next glyph's x (or `end`) − x.
 *
 * Why arrays, not an object per glyph: bench-600's 521 754 glyph objects (each x a heap number
 * of its own) lived until both PDFs were written, so scavenges copied them and promoted them;
 * three arrays per line (17 518 lines) are few objects. Plain arrays (V8 keeps the xs unboxed, the ids
 * as small integers), not typed arrays: those, each with a buffer outside the heap, made typeset
 * slower: 3146 ms CPU with plain arrays, 3712 with typed ones (bench-600, medians of 5 alternating). The texts are the shaper's
 * shared strings. Pages are hashed in the old {id, x, text} form all the same (layout/page-json.ts).
 */
export interface GlyphRun {
  readonly font: FontKey;
  readonly size: number;
  readonly ids: readonly number[];
  readonly xs: readonly number[];
  readonly texts: readonly string[];
  /** Where the run's last glyph ends (its laid-out advance). */
  readonly end: number;
}

/**
 * Where a box came from and which frame it belongs in, for the geometric check after layout
 * (layout/frames.ts): its text's file:line, and `band` for running heads and folios (a box
 * without a band belongs in the text block).
 */
interface Placed {
  readonly source?: SourceLocation;
  readonly band?: 'head' | 'foot';
}

/**
 * What a box is to a reader of the tagged e-mail copy (PDF/UA): the structure element it belongs
 * to. Boxes with the same `id` are one element — a paragraph's lines, even across pages. A box
 * without a tag is an artifact: running heads, folios, rules, leaders, emphasis dots.
 */
export interface StructureTag {
  /** H1 article title (and section and TOC headings), H2–H5 headings, P, Figure, Caption, TOCI (a TOC entry). */
  readonly role: StructureRole;
  readonly id: string;
  /** The element it lies in under Document: an article's Sect (its anchor), the TOC ('toc'), the cover; none: Document itself. */
  readonly group?: string;
  /** A figure's alternate text (its caption). */
  readonly alt?: string;
  /** A paragraph of a list item: in the group's list `list` (L), item `item` (LI → LBody). */
  readonly listItem?: { readonly list: string; readonly item: string };
}
export type StructureRole = 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'P' | 'Figure' | 'Caption' | 'TOCI';

/** A stretch of a text line a click opens `uri` from (e-mail copy only); x relative to the box, like its glyphs. */
export interface TextLink {
  readonly x: number;
  readonly width: number;
  readonly uri: string;
}

export type Box =
  /** A line of text: glyph x positions and run ends are relative to `x` (moving a line moves one number). */
  | ({ readonly kind: 'text'; readonly x: number; readonly y: number; readonly runs: readonly GlyphRun[]; readonly ink: Ink; readonly links?: readonly TextLink[]; readonly tag?: StructureTag } & Placed)
  | ({ readonly kind: 'rule'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly thickness: number; readonly ink: Ink } & Placed)
  | ({ readonly kind: 'dot'; readonly x: number; readonly y: number; readonly radius: number; readonly ink: Ink } & Placed)
  | ({ readonly kind: 'image'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly file: string; readonly tag?: StructureTag } & Placed)
  /** A link to an anchor; `tag` is the TOC entry it belongs to (its text is the link's description). */
  | ({ readonly kind: 'link'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly target: AnchorId; readonly tag?: StructureTag } & Placed);

/** Front matter pages carry no folio; body pages are numbered from 1. */
export type PageKind = 'cover' | 'toc' | 'body' | 'blank';

export interface Page {
  readonly kind: PageKind;
  /** Printed page number, or null on front matter. */
  readonly folio: number | null;
  /** What a viewer shows as the page label (封面, 目录, 1, 2, …). */
  readonly label: string;
  readonly boxes: readonly Box[];
  /** Anchors that start on this page (articles, sections), with their y for link targets. */
  readonly anchors: readonly { readonly id: AnchorId; readonly y: number }[];
  /** The running head of the article current at the top of the page (first-mark semantics). */
  readonly runningTitle?: string;
}

/** Where each anchor landed: its folio (body) or page label, and its page index. */
export type PageMap = ReadonlyMap<AnchorId, { readonly folio: number | null; readonly pageIndex: number }>;

/** An entry of the PDF outline (bookmarks), mirroring the TOC. */
export interface OutlineEntry {
  readonly title: string;
  readonly target: AnchorId;
  readonly children: readonly OutlineEntry[];
}

export interface LaidOutIssue {
  readonly pages: readonly Page[];
  readonly outline: readonly OutlineEntry[];
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly stats: TypesettingStats;
  /** What layout found wrong (taller than a page, a long token cut, a shortened running head). */
  readonly problems: readonly Diagnostic[];
  /** Characters no font has, found at shaping (turned into diagnostics by layout/coverage.ts). */
  readonly missingGlyphs: readonly MissingGlyph[];
}

/** Figures for the build's typesetting summary. */
export interface TypesettingStats {
  lines: number;
  pushIns: number;
  pushOuts: number;
  maxExtraPerGap: number;
  linesOverThreshold: number;
  /** Lines wider than the measure (ink past the text block's edge). */
  linesOverMeasure: number;
  worst: { extraPerGap: number; where: string; text: string }[];
}
