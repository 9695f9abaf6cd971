/**
 * Reading and rewriting the few TrueType tables a PDF font program's widths depend on (glyf, loca,
 * hmtx, hhea, maxp, head), without fontkit: the subset writer uses it to give each laid-out
 * advance a glyph of its own, and the preflight to read the advances an embedded program declares.
 *
 * Why glyphs of their own (PRINT.md §2.4 b): PDF/A-2 6.2.11.5 wants every width in /W to equal the
 * advance in the embedded program. Our layout draws a glyph with advances other than its natural
 * one (justification, compressed punctuation, CJK–Latin gaps), and the text stays exact in every
 * extractor only if the glyphs touch. So the program gains, per distinct (glyph, advance), a
 * composite glyph whose one component is the original outline and whose hmtx advance is the
 * laid-out one; /W then states exactly that advance.
 */

/** The tables of a font file, by tag. */
export type Tables = Map<string, Buffer>;

/** Reads the table directory of a TrueType file; throws on a file that is not one. */
export function readTables(bytes: Uint8Array): Tables {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 12) throw new Error('not a TrueType font: too short');
  const version = view.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType font (no glyf outlines)');
  const count = view.readUInt16BE(4);
  if (12 + 16 * count > view.length) throw new Error('TrueType table directory runs past the end');
  const tables: Tables = new Map();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const offset = view.readUInt32BE(at + 8);
    const length = view.readUInt32BE(at + 12);
    if (offset + length > view.length) throw new Error(`TrueType table ${view.toString('latin1', at, at + 4)} runs past the end`);
    tables.set(view.toString('latin1', at, at + 4), view.subarray(offset, offset + length));
  }
  return tables;
}

function table(tables: Tables, tag: string, minLength: number): Buffer {
  const found = tables.get(tag);
  if (!found || found.length < minLength) throw new Error(`TrueType table ${tag} is missing or too short`);
  return found;
}

/** The number of glyphs and each glyph's horizontal advance, in font units. */
export function horizontalAdvances(tables: Tables): { unitsPerEm: number; advances: Uint16Array } {
  const head = table(tables, 'head', 54);
  const hhea = table(tables, 'hhea', 36);
  const maxp = table(tables, 'maxp', 6);
  const hmtx = table(tables, 'hmtx', 0);
  const glyphs = maxp.readUInt16BE(4);
  const metrics = Math.min(hhea.readUInt16BE(34), glyphs, Math.floor(hmtx.length / 4));
  const advances = new Uint16Array(glyphs);
  for (let g = 0; g < glyphs; g++) advances[g] = metrics === 0 ? 0 : hmtx.readUInt16BE(4 * Math.min(g, metrics - 1));
  return { unitsPerEm: head.readUInt16BE(18), advances };
}

/** A glyph to add: drawn exactly like glyph `base` of the program, advancing `advance` font units. */
export interface AdvanceGlyph {
  readonly base: number;
  readonly advance: number;
}

/**
 * Returns the program with `added` appended as glyphs numGlyphs, numGlyphs + 1, … (in the order
 * given). Each is a composite glyph with one component, the base glyph at offset 0 (an empty base
 * — a space — gives an empty glyph), its own advance and the base's left side bearing.
 */
export function withAdvanceGlyphs(program: Uint8Array, added: readonly AdvanceGlyph[]): Buffer {
  const tables = readTables(program);
  if (added.length === 0) return Buffer.from(program);
  const head = Buffer.from(table(tables, 'head', 54));
  const hhea = Buffer.from(table(tables, 'hhea', 36));
  const maxp = Buffer.from(table(tables, 'maxp', 6));
  const glyf = table(tables, 'glyf', 0);
  const loca = table(tables, 'loca', 0);
  const hmtx = table(tables, 'hmtx', 0);
  const count = maxp.readUInt16BE(4);
  const total = count + added.length;
  if (total > 0xffff) throw new Error(`a font program can hold 65535 glyphs, not ${total}`);
  const longLoca = head.readInt16BE(50) === 1;
  const offsetOf = (g: number) => (longLoca ? loca.readUInt32BE(4 * g) : loca.readUInt16BE(2 * g) * 2);
  const { advances } = horizontalAdvances(tables);
  const metrics = Math.min(hhea.readUInt16BE(34), count);
  const bearingOf = (g: number) => (g < metrics ? hmtx.readInt16BE(4 * g + 2) : hmtx.readInt16BE(4 * metrics + 2 * (g - metrics)));

  // The original glyphs keep their bytes (each padded to 4 so every offset is aligned); then the
  // composite glyphs, 20 bytes each: header (numberOfContours −1, the base's bbox) + one component.
  // Laid out first and written into one zero-filled table (the padding and the component's dx, dy
  // are its zeros): a justified CJK issue adds thousands of composites, and two or three small
  // buffers each were most of this function's time.
  const offsets = new Array<number>(total + 1);
  let at = 0;
  for (let g = 0; g < count; g++) {
    offsets[g] = at;
    at += align4(Math.max(0, offsetOf(g + 1) - offsetOf(g)));
  }
  let deepest = 0;
  added.forEach(({ base }, i) => {
    if (base < 0 || base >= count) throw new Error(`glyph ${base} is not in the program`);
    offsets[count + i] = at;
    // An empty base (a space) gives an empty glyph.
    if (offsetOf(base + 1) - offsetOf(base) >= 10) at += COMPOSITE_BYTES;
  });
  offsets[total] = at;
  const newGlyf = Buffer.alloc(at);
  for (let g = 0; g < count; g++) glyf.copy(newGlyf, offsets[g]!, offsetOf(g), offsetOf(g + 1));
  added.forEach(({ base }, i) => {
    const to = offsets[count + i]!;
    if (offsets[count + i + 1]! === to) return;
    const from = offsetOf(base);
    if (glyf.readInt16BE(from) < 0) deepest = 1;
    newGlyf.writeInt16BE(-1, to);
    glyf.copy(newGlyf, to + 2, from + 2, from + 10); // xMin yMin xMax yMax of the base
    // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no USE_MY_METRICS: the composite's own hmtx
    // advance is the one that counts; dx = dy = 0.
    newGlyf.writeUInt16BE(0x0003, to + 10);
    newGlyf.writeUInt16BE(base, to + 12);
  });

  const newLoca = Buffer.alloc(4 * (total + 1));
  offsets.forEach((offset, g) => newLoca.writeUInt32BE(offset, 4 * g));
  const newHmtx = Buffer.alloc(4 * total);
  let widest = 0;
  for (let g = 0; g < total; g++) {
    const extra = added[g - count];
    const advance = extra ? extra.advance : advances[g]!;
    if (!Number.isInteger(advance) || advance < 0 || advance > 0xffff) throw new Error(`advance ${advance} is not a font-unit width`);
    widest = Math.max(widest, advance);
    newHmtx.writeUInt16BE(advance, 4 * g);
    newHmtx.writeInt16BE(bearingOf(extra ? extra.base : g), 4 * g + 2);
  }
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  head.writeInt16BE(1, 50); // long loca offsets
  hhea.writeUInt16BE(Math.max(widest, hhea.readUInt16BE(10)), 10);
  hhea.writeUInt16BE(total, 34);
  maxp.writeUInt16BE(total, 4);
  if (maxp.readUInt32BE(0) === 0x00010000 && maxp.length >= 32) {
    maxp.writeUInt16BE(Math.max(1, maxp.readUInt16BE(28)), 28); // maxComponentElements
    maxp.writeUInt16BE(Math.max(1, maxp.readUInt16BE(30) + deepest), 30); // maxComponentDepth
  }
  const rewritten: Tables = new Map(tables);
  rewritten.set('head', head);
  rewritten.set('hhea', hhea);
  rewritten.set('maxp', maxp);
  rewritten.set('loca', newLoca);
  rewritten.set('glyf', newGlyf);
  rewritten.set('hmtx', newHmtx);
  return writeTables(rewritten);
}

/** A composite glyph of one component with word offsets (18 bytes), padded to 4. */
const COMPOSITE_BYTES = 20;

function align4(length: number): number {
  return (length + 3) & ~3;
}

/** Writes a TrueType file from its tables (sorted by tag, 4-byte aligned, with checksums). */
function writeTables(tables: Tables): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    const entry = 12 + 16 * i;
    header.write(tag, entry, 4, 'latin1');
    header.writeUInt32BE(checksum(padded), entry + 4);
    header.writeUInt32BE(offset, entry + 8);
    header.writeUInt32BE(data.length, entry + 12);
    if (tag === 'head') headAt = offset;
    bodies.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat([header, ...bodies]);
  if (headAt >= 0) file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i + 4 <= data.length; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  return sum;
}
