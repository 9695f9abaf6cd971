/**
 * Our own CIDFontType2 embedding. Every displacement the layout made (justification, compressed
 * punctuation, CJK–Latin gaps) becomes part of a glyph's advance: a glyph drawn with an advance
 * other than its natural one gets a CID of its own whose /W width is that advance, mapped back to
 * the same glyph (CIDToGIDMap) and the same text (ToUnicode). Text extractors then see glyphs that
 * touch, and copy the source text without invented spaces (issue 3 §5); the gaps still render.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { fontMetrics, type LoadedFont, subsetFont } from '../text/fonts';
import { loadOutlines } from './font-file';

/** The part of pdfkit's document this module needs: indirect objects. */
export interface PdfRefFactory {
  ref(data: Record<string, unknown>): PdfRef;
}
export interface PdfRef {
  readonly data: Record<string, unknown>;
  write(chunk: Buffer | string): void;
  end(chunk?: Buffer | string): void;
}

/** CIDs 1 … 65535 (0 is .notdef); past that a new font object shares the same font program. */
const MAX_CID = 0xffff;

interface Slice {
  readonly name: string;
  readonly ref: PdfRef;
  /** cid → [glyph id, width in 1/1000 em, text]. */
  readonly cids: [number, number, string][];
  readonly byKey: Map<string, number>;
}

/** Collects the glyphs one font draws, then writes the subset and its font objects. */
export class CidFontWriter {
  private readonly slices: Slice[] = [];

  constructor(
    private readonly doc: PdfRefFactory,
    readonly font: LoadedFont,
    private readonly resourcePrefix: string,
  ) {}

  /** The CID (and the font resource it belongs to) that draws glyph `id` with advance `width` (1/1000 em). */
  encode(id: number, width: number, text: string): { resource: string; ref: PdfRef; cid: number } {
    const rounded = Math.round(width * 100) / 100;
    const key = `${id}:${rounded}:${text}`;
    for (const slice of this.slices) {
      const cid = slice.byKey.get(key);
      if (cid !== undefined) return { resource: slice.name, ref: slice.ref, cid };
    }
    let slice = this.slices[this.slices.length - 1];
    if (!slice || slice.cids.length >= MAX_CID) {
      slice = { name: `${this.resourcePrefix}${this.slices.length}`, ref: this.doc.ref({}), cids: [[0, 0, '']], byKey: new Map() };
      this.slices.push(slice);
    }
    const cid = slice.cids.length;
    slice.cids.push([id, rounded, text]);
    slice.byKey.set(key, cid);
    return { resource: slice.name, ref: slice.ref, cid };
  }

  /** Writes the subset font program once and every slice's Type0/CIDFont/ToUnicode objects. */
  finish(): void {
    if (this.slices.length === 0) return;
    const glyphIds = [...new Set(this.slices.flatMap((s) => s.cids.map(([id]) => id)))].sort((a, b) => a - b);
    const { length, deflated, newIds } = cachedSubset(this.font, glyphIds);
    // A subset tag derived from the content keeps rebuilds byte-identical.
    const tag = subsetTag(`${this.font.postscriptName}:${glyphIds.join(',')}`);
    const baseFont = `${tag}+${this.font.postscriptName}`;
    // Already deflated (once for both files): with a Filter given, pdfkit writes the bytes as they
    // are — the same bytes its own zlib.deflateSync would have produced.
    const program = this.doc.ref({ Length1: length, Filter: 'FlateDecode' });
    program.end(deflated);
    const m = fontMetrics(this.font);
    const descriptor = this.doc.ref({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: m.bbox.map(round),
      ItalicAngle: m.italicAngle,
      Ascent: round(m.ascent),
      Descent: round(m.descent),
      CapHeight: round(m.capHeight),
      StemV: 80,
      FontFile2: program,
    });
    descriptor.end();
    for (const slice of this.slices) {
      const map = Buffer.alloc(slice.cids.length * 2);
      slice.cids.forEach(([id], cid) => map.writeUInt16BE(newIds.get(id) ?? 0, cid * 2));
      const cidToGid = this.doc.ref({});
      cidToGid.end(map);
      const cidFont = this.doc.ref({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: widthArray(slice.cids),
        CIDToGIDMap: cidToGid,
      });
      cidFont.end();
      const toUnicode = this.doc.ref({});
      toUnicode.end(toUnicodeCMap(slice.cids));
      Object.assign(slice.ref.data, {
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      });
      slice.ref.end();
    }
  }
}

/**
 * The e-mail copy and the press file draw the same glyphs from the same layout, so each font's
 * subset is the same for both; fontkit's subsetter (glyf/loca reading and re-encoding through
 * restructure) was ~45 % of a render. Keep the last subset per font and reuse it when the glyph
 * list is identical. Weakly keyed: it goes away with the fonts.
 */
interface Subset {
  /** Uncompressed length of the font program (/Length1). */
  readonly length: number;
  /** The font program, deflated as pdfkit would (zlib defaults): also done once for both files. */
  readonly deflated: Buffer;
  readonly newIds: ReadonlyMap<number, number>;
}

const lastSubset = new WeakMap<LoadedFont, { key: string; result: Subset }>();

function cachedSubset(font: LoadedFont, glyphIds: readonly number[]): Subset {
  const key = glyphIds.join(',');
  const hit = lastSubset.get(font);
  if (hit && hit.key === key) return hit.result;
  // The fonts are read without their outlines (font-file.ts): fetch the ones the subset needs.
  loadOutlines(font, glyphIds);
  const { bytes, newIds } = subsetFont(font, glyphIds);
  const result = { length: bytes.length, deflated: deflateSync(bytes), newIds };
  lastSubset.set(font, { key, result });
  return result;
}

function round(value: number): number {
  return Math.round(value);
}

function subsetTag(seed: string): string {
  const digest = createHash('md5').update(seed).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** /W as runs of consecutive CIDs: [c [w1 w2 …] …]. */
function widthArray(cids: readonly [number, number, string][]): unknown[] {
  const out: unknown[] = [];
  for (let start = 1; start < cids.length; start += 4096) {
    const end = Math.min(cids.length, start + 4096);
    out.push(start, cids.slice(start, end).map(([, w]) => w));
  }
  return out;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/** A ToUnicode CMap mapping each CID to the text its glyph stands for. */
function toUnicodeCMap(cids: readonly [number, number, string][]): string {
  const lines: string[] = [];
  const entries = cids.map(([, , text], cid) => [cid, text] as const).filter(([cid, text]) => cid > 0 && text.length > 0);
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [cid, text] of chunk) lines.push(`<${hex4(cid)}> <${utf16Hex(text)}>`);
    lines.push('endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...lines,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
