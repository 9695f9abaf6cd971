/**
 * The TrueType subset of a font program, written without fontkit, byte for byte as fontkit's
 * TTFSubset writes it (fontkit 2: the tables head, hhea, loca, maxp, cvt , prep, glyf, hmtx,
 * fpgm, in that order, after a directory with tag 'true' and zero checksums; each glyph's outline
 * copied as it is in the file, composite glyphs' component ids renumbered). fontkit decoded every
 * outline point by point on the way, only to learn whether a glyph is composite: on a 600-page
 * issue that was ~17 MB of garbage and ~70 ms, once per build, at the start of the e-mail render.
 *
 * Only plain TrueType files are subset here, with the tables as fontkit's structures read them;
 * for anything else (variable fonts, whose outlines fontkit re-encodes, short or missing tables)
 * `subsetTrueType` returns undefined and the caller asks fontkit.
 */
import { readTables } from './truetype';

/** Sizes of the tables as fontkit's structures encode them. */
const HEAD_BYTES = 54;
const HHEA_BYTES = 36;
const MAXP_BYTES = 32;
/** head.macStyle keeps the seven bits fontkit's Bitfield names (bold … extended). */
const MAC_STYLE_BITS = 0x7f;

/** Component flags of a composite glyph (TrueType `glyf`). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export interface Subset {
  readonly bytes: Buffer;
  /** Glyph id in the file → glyph id in the subset. */
  readonly newIds: Map<number, number>;
}

/**
 * The subset of `file` (a whole TrueType file, the outlines of `glyphIds` and their components
 * loaded) holding .notdef, then `glyphIds` in order, then the components composite glyphs need.
 */
export function subsetTrueType(file: Buffer, glyphIds: readonly number[]): Subset | undefined {
  let tables;
  try {
    tables = readTables(file);
  } catch {
    return undefined;
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const maxp = tables.get('maxp');
  const hmtx = tables.get('hmtx');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !hhea || !maxp || !hmtx || !loca || !glyf || tables.has('fvar') || tables.has('gvar')) return undefined;
  if (head.length < HEAD_BYTES || hhea.length < HHEA_BYTES || maxp.length < MAXP_BYTES) return undefined;
  const locaVersion = head.readInt16BE(50);
  if (locaVersion !== 0 && locaVersion !== 1) return undefined;
  const glyphCount = maxp.readUInt16BE(4);
  const metricCount = hhea.readUInt16BE(34);
  if (loca.length < (glyphCount + 1) * (locaVersion === 1 ? 4 : 2) || hmtx.length < 4 * metricCount) return undefined;
  const offsetOf = (g: number) => (locaVersion === 1 ? loca.readUInt32BE(4 * g) : loca.readUInt16BE(2 * g) * 2);

  // fontkit's includeGlyph: .notdef first, then each glyph the first time it is asked for.
  const glyphs: number[] = [];
  const mapping = new Map<number, number>();
  const include = (id: number): number => {
    let mapped = mapping.get(id);
    if (mapped === undefined) {
      mapped = glyphs.push(id) - 1;
      mapping.set(id, mapped);
    }
    return mapped;
  };
  include(0);
  const newIds = new Map<number, number>();
  for (const id of glyphIds) newIds.set(id, include(id));

  const outlines: Buffer[] = [];
  const offsets: number[] = [];
  const metrics: [number, number][] = [];
  let offset = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const gid = glyphs[i]!;
    if (gid >= glyphCount) return undefined;
    const start = offsetOf(gid);
    const end = offsetOf(gid + 1);
    if (end < start || end > glyf.length) return undefined;
    let outline = glyf.subarray(start, end);
    if (outline.length >= 10 && outline.readInt16BE(0) < 0) {
      outline = Buffer.from(outline);
      if (!renumberComponents(outline, include)) return undefined;
    }
    outlines.push(outline);
    offsets.push(offset);
    // fontkit's _getTableMetrics: glyphs past the long metrics share the last advance.
    const metric = Math.min(gid, metricCount - 1);
    const advance = metricCount === 0 ? 0 : hmtx.readUInt16BE(4 * metric);
    const bearingAt = gid < metricCount ? 4 * gid + 2 : 4 * metricCount + 2 * (gid - metricCount);
    const bearing = bearingAt + 2 <= hmtx.length ? hmtx.readInt16BE(bearingAt) : 0;
    metrics.push([advance, bearing]);
    offset += outline.length;
  }
  offsets.push(offset);
  if (locaVersion === 0 && offset / 2 > 0xffff) return undefined;

  const newHead = Buffer.from(head.subarray(0, HEAD_BYTES));
  newHead.writeUInt16BE(newHead.readUInt16BE(44) & MAC_STYLE_BITS, 44);
  const newHhea = Buffer.alloc(HHEA_BYTES);
  // Up to caretOffset as it is; fontkit writes the four reserved words as zeros.
  hhea.copy(newHhea, 0, 0, 24);
  hhea.copy(newHhea, 32, 32, 34);
  newHhea.writeUInt16BE(metrics.length, 34);
  const newLoca = Buffer.alloc(offsets.length * (locaVersion === 1 ? 4 : 2));
  offsets.forEach((o, k) => (locaVersion === 1 ? newLoca.writeUInt32BE(o, 4 * k) : newLoca.writeUInt16BE(o >>> 1, 2 * k)));
  const newMaxp = Buffer.from(maxp.subarray(0, MAXP_BYTES));
  newMaxp.writeUInt16BE(outlines.length, 4);
  const newHmtx = Buffer.alloc(4 * metrics.length);
  metrics.forEach(([advance, bearing], k) => {
    newHmtx.writeUInt16BE(advance, 4 * k);
    newHmtx.writeInt16BE(bearing, 4 * k + 2);
  });
  // fontkit reads cvt as int16 values (an odd last byte is dropped), prep and fpgm as bytes.
  const cvt = tables.get('cvt ');
  const written: [string, Buffer | Buffer[]][] = [
    ['head', newHead],
    ['hhea', newHhea],
    ['loca', newLoca],
    ['maxp', newMaxp],
    ['cvt ', cvt?.subarray(0, cvt.length & ~1) as Buffer],
    ['prep', tables.get('prep') as Buffer],
    ['glyf', outlines],
    ['hmtx', newHmtx],
    ['fpgm', tables.get('fpgm') as Buffer],
  ];
  return { bytes: directory(written.filter(([, data]) => data !== undefined)), newIds };
}

/** Rewrites a composite glyph's component ids to their ids in the subset; false if it is malformed. */
function renumberComponents(outline: Buffer, include: (id: number) => number): boolean {
  let at = 10;
  for (;;) {
    if (at + 4 > outline.length) return false;
    const flags = outline.readUInt16BE(at);
    outline.writeUInt16BE(include(outline.readUInt16BE(at + 2)), at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return true;
  }
}

/** The file: fontkit's Directory (tag 'true', search fields, checksums 0), then the tables back to back. */
function directory(tables: readonly [string, Buffer | Buffer[]][]): Buffer {
  const count = tables.length;
  // fontkit's arithmetic as it is (logarithms in floating point; a 16-bit field truncates).
  const maxPowerOf2 = Math.pow(2, Math.floor(Math.log(count) / Math.LN2));
  const searchRange = maxPowerOf2 * 16;
  const header = Buffer.alloc(12 + 16 * count);
  header.write('true', 0, 'latin1');
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(Math.trunc(Math.log(maxPowerOf2) / Math.LN2), 8);
  header.writeUInt16BE(count * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach(([tag, data], k) => {
    const chunks = Array.isArray(data) ? data : [data];
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const at = 12 + 16 * k;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(length, at + 12);
    parts.push(...chunks);
    offset += length;
  });
  return Buffer.concat(parts);
}
