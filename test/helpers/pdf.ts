/**
 * Typed access, for jest, to what pdf.js reads from a PDF (test/helpers/read-pdf.mjs). The reader
 * runs in a child process because pdfjs-dist 5 is ESM-only and the tests run as CommonJS.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** A glyph as painted: its origin on the baseline in default user space (PDF points, origin bottom-left). */
export interface PdfGlyph {
  /** Unicode text of the glyph as pdf.js decoded it (ToUnicode first); may be '' or several characters. */
  readonly ch: string;
  readonly x: number;
  /** Baseline y; larger is higher on the page. */
  readonly y: number;
  /** Width from the font's /W (or /Widths) plus Tc (and Tw on a single-byte space), times Tz and the matrix; TJ kerning not included. */
  readonly advance: number;
  /** Font size scaled by the current matrix, in points. */
  readonly size: number;
  /** The font's PDF name, e.g. "CZZZZZ+NotoSerifSC-Regular" (subset tag included). */
  readonly fontName: string;
}

/** One pdf.js getTextContent() item: a run of text as a viewer's text layer holds it. */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
  readonly hasEOL: boolean;
}

export interface PdfAnnotation {
  /** e.g. "Link". */
  readonly subtype: string;
  /** [x1, y1, x2, y2] in default user space. */
  readonly rect: readonly [number, number, number, number];
  /** Set when the destination is a named destination. */
  readonly destName?: string;
  /** Page index (0-based) the link goes to; null when the destination cannot be resolved. */
  readonly destPageIndex?: number | null;
  /** Target y of an /XYZ or /FitH destination, else null. */
  readonly destTop?: number | null;
  readonly url?: string;
  /** The annotation's /Contents (its description for assistive technology), when it has one. */
  readonly contents?: string;
}

export interface PdfPage {
  /** 0-based. */
  readonly index: number;
  readonly width: number;
  readonly height: number;
  readonly rotate: number;
  /** The MediaBox as pdf.js normalises it: [x1, y1, x2, y2]. */
  readonly view: readonly [number, number, number, number];
  readonly annotations: readonly PdfAnnotation[];
  /** Text as a viewer copies it: the items' str concatenated, with '\n' after each item that ends a line. */
  readonly text: string;
  readonly items: readonly PdfTextItem[];
  /** Glyphs in content-stream order. */
  readonly glyphs: readonly PdfGlyph[];
  /** The page's part of the structure tree (pdf.js getStructTree), or null in an untagged file. */
  readonly structTree: PdfStructNode | null;
  /** The page's text by marked-content sequence, in content order (tagging tests). */
  readonly marked: readonly PdfMarkedText[];
}

/** A structure element (role, children), or a leaf: marked content ('content', its id) or an annotation ('annotation'/'object'). */
export type PdfStructNode =
  | { readonly role: string; readonly children: readonly PdfStructNode[]; readonly alt?: string; readonly lang?: string }
  | { readonly type: string; readonly id: string | null };

export interface PdfMarkedText {
  /** The marked content's id in the structure tree (p12R_mc3), or null for an artifact or unmarked text. */
  readonly id: string | null;
  /** The marked-content tag (P, H1, Artifact, …), or null for text outside any marked content. */
  readonly tag: string | null;
  readonly text: string;
  /** Marked-content sequences around the text: 1 when each glyph is in exactly one. */
  readonly depth: number;
}

export interface PdfOutlineItem {
  readonly title: string;
  /** Set when the destination is a named destination. */
  readonly destName?: string;
  /** 0-based page index the bookmark opens, or null when it has no resolvable destination. */
  readonly pageIndex: number | null;
  /** Target y of an /XYZ or /FitH destination, else null. */
  readonly top: number | null;
  readonly url?: string;
  readonly items: readonly PdfOutlineItem[];
}

export interface PdfFont {
  /** The PDF /BaseFont, e.g. "CZZZZZ+NotoSerifSC-Regular". */
  readonly name: string;
  /** pdf.js's id of the font (the fontName of glyphs maps back to `name`); null if no content used it. */
  readonly loadedName: string | null;
  /** pdf.js's font type, e.g. "CIDFontType2"; the dictionary subtype when pdf.js never loaded it. */
  readonly type: string;
  /** The font dictionary's /Subtype, e.g. "Type0", or null if the dictionary was not found in the file. */
  readonly subtype: string | null;
  /** The font program is in the file (/FontFile, /FontFile2 or /FontFile3; Type3 always). */
  readonly embedded: boolean;
  /** The font dictionary has a /ToUnicode entry (what pdffonts calls "uni"). */
  readonly hasToUnicode: boolean;
  /** Some page's content stream selects this font. */
  readonly usedInContent: boolean;
}

/** What pdf.js reads from a PDF; the JSON printed by read-pdf.mjs. */
export interface PdfReport {
  readonly pageCount: number;
  /** Info dictionary as pdf.js returns it (Title, Author, Subject, Keywords, CreationDate "D:…", Producer…, plus its own PDFFormatVersion etc.). */
  readonly info: Readonly<Record<string, unknown>>;
  /** info.CreationDate as ISO 8601 (e.g. "2024-02-15T00:00:00Z"), or null. */
  readonly creationDateIso: string | null;
  readonly modDateIso: string | null;
  /** The catalog has an XMP /Metadata stream that pdf.js could parse. */
  readonly metadataXmpPresent: boolean;
  /** The catalog's /Lang, or null. */
  readonly lang: string | null;
  readonly outline: readonly PdfOutlineItem[];
  /** One label per page, or null when the file has no /PageLabels. */
  readonly pageLabels: readonly string[] | null;
  readonly pages: readonly PdfPage[];
  readonly fonts: readonly PdfFont[];
}

/** A run of glyphs sharing one baseline. */
export interface PdfLine {
  /** Mean baseline y of the glyphs. */
  readonly y: number;
  /** Glyphs sorted left to right. */
  readonly glyphs: readonly PdfGlyph[];
  /** The glyphs' characters joined, with no spaces added. */
  readonly text: string;
  /** x of the first glyph. */
  readonly x: number;
  /** x + advance of the last glyph. */
  readonly right: number;
}

const READER = path.join(__dirname, 'read-pdf.mjs');

/** Reads `file` with pdf.js in a child process and returns the parsed report; throws with the reader's stderr on failure. */
export function readPdf(file: string): PdfReport {
  return readPdfs([file])[0] as PdfReport;
}

/** Reads several files in one child process (a corpus of small PDFs), reports in the same order. */
export function readPdfs(files: readonly string[]): PdfReport[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [READER, ...files], {
      encoding: 'utf8',
      // A 200-page issue is ~10^5 glyphs; JSON of that is tens of MB.
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer | string }).stderr?.toString().trim();
    throw new Error(`read-pdf.mjs failed on ${files.join(', ')}${stderr ? `: ${stderr}` : ''}`);
  }
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as PdfReport);
}

/**
 * Groups a page's glyphs into lines: glyphs whose baselines lie within `tolerance` pt of a line's
 * first glyph join it. Lines come top to bottom, glyphs in each line left to right.
 */
export function linesOf(page: PdfPage, tolerance = 0.5): PdfLine[] {
  // Sort by baseline (top first) so each glyph need only be compared with the line being built.
  const byY = [...page.glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfGlyph[][] = [];
  let current: PdfGlyph[] = [];
  let anchorY = Number.NaN;
  for (const glyph of byY) {
    if (current.length > 0 && Math.abs(glyph.y - anchorY) <= tolerance) {
      current.push(glyph);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [glyph];
    anchorY = glyph.y;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((glyphs) => {
    const sorted = [...glyphs].sort((a, b) => a.x - b.x);
    const first = sorted[0] as PdfGlyph;
    const last = sorted[sorted.length - 1] as PdfGlyph;
    return {
      y: sorted.reduce((sum, g) => sum + g.y, 0) / sorted.length,
      glyphs: sorted,
      text: sorted.map((g) => g.ch).join(''),
      x: first.x,
      right: last.x + last.advance,
    };
  });
}

/**
 * The page's text rebuilt from its glyphs: one line per baseline (linesOf), glyphs joined without
 * added spaces. Unlike `page.text` (pdf.js's heuristic text content, which inserts spaces where
 * letter-spacing opens gaps) this is exactly the characters painted, in reading order.
 */
export function pageText(page: PdfPage, tolerance = 0.5): string {
  return linesOf(page, tolerance)
    .map((line) => line.text)
    .join('\n');
}
