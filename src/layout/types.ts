/**
 * Laid-out pages: plain data a dumb renderer turns into PDF. Coordinates are points from the
 * top-left corner of the trimmed page; y of text is its baseline.
 */
import type { AnchorId } from '../document/types';
import type { SourceLocation } from '../errors';
import type { FontRole } from '../text/fonts';

/** Colours by purpose; the renderer maps them to CMYK (press) or sRGB (e-mail). */
export type Ink = 'text' | 'accent' | 'rule' | 'muted';

/** One glyph: font glyph id, x of its origin, and the source text it stands for (ToUnicode). */
export interface PlacedGlyph {
  readonly id: number;
  readonly x: number;
  readonly text: string;
}

/** Glyphs of one font on one baseline; the renderer draws each glyph's advance as next.x − x. */
export interface GlyphRun {
  readonly font: FontRole;
  readonly size: number;
  readonly glyphs: readonly PlacedGlyph[];
  /** Where the run's last glyph ends (its laid-out advance). */
  readonly end: number;
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
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly runs: readonly GlyphRun[]; readonly ink: Ink; readonly links?: readonly TextLink[]; readonly tag?: StructureTag }
  | { readonly kind: 'rule'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly thickness: number; readonly ink: Ink }
  | { readonly kind: 'dot'; readonly x: number; readonly y: number; readonly radius: number; readonly ink: Ink }
  | { readonly kind: 'image'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly file: string; readonly source?: SourceLocation; readonly tag?: StructureTag }
  /** A link to an anchor; `tag` is the TOC entry it belongs to (its text is the link's description). */
  | { readonly kind: 'link'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly target: AnchorId; readonly tag?: StructureTag };

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
}

/** Figures for the build's typesetting summary. */
export interface TypesettingStats {
  lines: number;
  pushIns: number;
  pushOuts: number;
  maxExtraPerGap: number;
  linesOverThreshold: number;
  worst: { extraPerGap: number; where: string; text: string }[];
}
