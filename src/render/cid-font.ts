/**
 * Our own CIDFontType2 embedding. Every displacement the layout made (justification, compressed
 * punctuation, CJK–Latin gaps) becomes part of a glyph's advance: a glyph drawn with an advance
 * other than its natural one gets a CID of its own, mapped (CIDToGIDMap) to a glyph of its own in
 * the subset program — the same outline with that advance in hmtx (truetype.ts) — and /W states
 * exactly the program's advance (PDF/A-2 6.2.11.5). Text extractors then see glyphs that touch,
 * whichever width they believe, and copy the source text without invented spaces; the gaps render.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { fontMetrics, type LoadedFont } from '../text/fonts';
import { keptSubset } from './kept-subsets';
import type { WrittenStream } from '../preflight/own-source';
import { type AdvanceGlyph, horizontalAdvances, readTables, withAdvanceGlyphs } from './truetype';

/** The part of pdfkit's document this module needs: indirect objects. */
export interface PdfRefFactory {
  ref(data: Record<string, unknown>): PdfRef;
}
export interface PdfRef {
  /** The object number pdfkit gave it. */
  readonly id: number;
  readonly data: Record<string, unknown>;
  write(chunk: Buffer | string): void;
  end(chunk?: Buffer | string): void;
}

/** CIDs 1 … 65535 (0 is .notdef). */
const MAX_CID = 0xffff;
/**
 * Glyphs one program may hold (65535), less room for .notdef and the components fontkit pulls
 * in with composite glyphs: past it a new font object gets a program of its own.
 */
const MAX_GLYPHS = 0xffff - 1024;

interface Slice {
  readonly name: string;
  readonly ref: PdfRef;
  /** cid → [glyph id in the font file, advance in font units, text]. */
  readonly cids: [number, number, string][];
  /** Glyphs the slice's program will hold: original ids and `id:advance` pairs (an upper bound). */
  readonly glyphs: Set<string>;
}

/** What a drawn (glyph, advance, text) is written as: its font resource and CID. */
export interface EncodedGlyph {
  readonly resource: string;
  readonly ref: PdfRef;
  readonly cid: number;
  readonly text: string;
}

/** Collects the glyphs one font draws, then writes the subset and its font objects. */
export class CidFontWriter {
  private readonly slices: Slice[] = [];
  /**
   * Every (glyph, advance) drawn so far → its encodings, one per text (nearly always one). Keyed
   * by a number, not an `id:advance:text` string: encode runs for every glyph of both files, and
   * the key string and result object it made each time were most of the render's allocations.
   * A key lives in exactly one slice, so one map serves them all.
   */
  private readonly encoded = new Map<number, EncodedGlyph[]>();

  constructor(
    private readonly doc: PdfRefFactory,
    readonly font: LoadedFont,
    private readonly resourcePrefix: string,
    /** Each font program as written (plain and deflated), by object number: what the build's own check reads. */
    private readonly kept?: Map<number, WrittenStream>,
  ) {}

  /** Advances are whole font units: the program's hmtx can state nothing finer. */
  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }

  /** The CID (and the font resource it belongs to) that draws glyph `id` advancing `advance` font units. */
  encode(id: number, advance: number, text: string): EncodedGlyph {
    if (!Number.isInteger(advance) || advance < 0) throw new Error(`advance ${advance} of glyph ${id} is not a whole number of font units`);
    // Glyph ids are 16-bit (TrueType); an advance is far below 2^36 units, so the key is exact.
    const key = advance * 0x10000 + id;
    let known = this.encoded.get(key);
    if (known) {
      for (let k = 0; k < known.length; k++) if (known[k]!.text === text) return known[k]!;
    } else this.encoded.set(key, (known = []));
    let slice = this.slices[this.slices.length - 1];
    if (!slice || slice.cids.length >= MAX_CID || slice.glyphs.size + 2 > MAX_GLYPHS) {
      slice = { name: `${this.resourcePrefix}${this.slices.length}`, ref: this.doc.ref({}), cids: [[0, 0, '']], glyphs: new Set() };
      this.slices.push(slice);
    }
    const cid = slice.cids.length;
    slice.cids.push([id, advance, text]);
    slice.glyphs.add(String(id)).add(`${id}:${advance}`);
    const encoding = { resource: slice.name, ref: slice.ref, cid, text };
    known.push(encoding);
    return encoding;
  }

  /** Writes each slice's font program and its Type0/CIDFont/ToUnicode objects. */
  finish(): void {
    const m = fontMetrics(this.font);
    const perUnit = 1000 / this.font.unitsPerEm;
    for (const slice of this.slices) {
      const { plain, deflated, tag, gidOfCid } = cachedProgram(this.font, slice.cids);
      const baseFont = `${tag}+${this.font.postscriptName}`;
      // Already deflated (once for both files): with a Filter given, pdfkit writes the bytes as
      // they are — the same bytes its own zlib.deflateSync would have produced.
      const program = this.doc.ref({ Length1: plain.length, Filter: 'FlateDecode' });
      program.end(deflated);
      this.kept?.set(program.id, { plain, deflated });
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
      const map = Buffer.alloc(slice.cids.length * 2);
      gidOfCid.forEach((gid, cid) => map.writeUInt16BE(gid, cid * 2));
      const cidToGid = this.doc.ref({});
      cidToGid.end(map);
      const cidFont = this.doc.ref({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: widthArray(slice.cids.map(([, advance]) => roundWidth(advance * perUnit))),
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
 * The e-mail copy and the press file draw the same glyphs from the same layout, so each slice's
 * program is the same for both; fontkit's subsetter (glyf/loca reading and re-encoding through
 * restructure) was ~45 % of a render. Keep the programs per font and reuse one when the glyphs
 * and advances are identical. Weakly keyed: they go away with the fonts.
 */
interface Program {
  /** The font program (its length is /Length1). */
  readonly plain: Buffer;
  /** The font program, deflated as pdfkit would (zlib defaults): also done once for both files. */
  readonly deflated: Buffer;
  /** Subset tag derived from the content: rebuilds stay byte-identical. */
  readonly tag: string;
  /** cid → glyph id in the program. */
  readonly gidOfCid: readonly number[];
}

const programs = new WeakMap<LoadedFont, Map<string, Program>>();

function cachedProgram(font: LoadedFont, cids: readonly [number, number, string][]): Program {
  const key = cids.map(([id, advance]) => `${id}:${advance}`).join(',');
  let known = programs.get(font);
  if (!known) programs.set(font, (known = new Map()));
  const hit = known.get(key);
  if (hit) return hit;
  const glyphIds = [...new Set(cids.slice(1).map(([id]) => id))].sort((a, b) => a - b);
  // Kept from an earlier build when the issue uses the same glyphs of the same file (kept-subsets.ts).
  const { bytes, newIds } = keptSubset(font, glyphIds);
  const natural = horizontalAdvances(readTables(bytes)).advances;
  // A glyph of its own for each (glyph, advance) other than the natural one, in order of first use.
  const added: AdvanceGlyph[] = [];
  const addedGid = new Map<string, number>();
  const gidOfCid = cids.map(([id, advance], cid) => {
    if (cid === 0) return 0;
    const base = newIds.get(id) ?? 0;
    if (natural[base] === advance) return base;
    const variant = `${base}:${advance}`;
    let gid = addedGid.get(variant);
    if (gid === undefined) {
      gid = natural.length + added.length;
      added.push({ base, advance });
      addedGid.set(variant, gid);
    }
    return gid;
  });
  const program = withAdvanceGlyphs(bytes, added);
  const result = { plain: program, deflated: deflateSync(program), tag: subsetTag(`${font.postscriptName}:${key}`), gidOfCid };
  known.set(key, result);
  return result;
}

function round(value: number): number {
  return Math.round(value);
}

function subsetTag(seed: string): string {
  const digest = createHash('md5').update(seed).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** /W as runs of consecutive CIDs from 1: [c [w1 w2 …] …]. */
function widthArray(widths: readonly number[]): unknown[] {
  const out: unknown[] = [];
  for (let start = 1; start < widths.length; start += 4096) out.push(start, widths.slice(start, Math.min(widths.length, start + 4096)));
  return out;
}

/** A /W number: exact for 1000-unit fonts, to 1/10000 unit otherwise (well inside 6.2.11.5's 1 unit). */
function roundWidth(width: number): number {
  return Math.round(width * 10000) / 10000;
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
