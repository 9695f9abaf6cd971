/**
 * Reading the TrueType files without their outlines until they are needed. The four fonts are
 * 55 MB, 96 % of it the `glyf` table (outlines of ~30 000 glyphs each), yet only the subset
 * writer reads outlines, and only of the few thousand glyphs an issue draws: shaping, coverage
 * and layout use cmap, hmtx/vmtx, GSUB/GPOS, head, OS/2 and post. So the file is read into a
 * buffer of its full size with every table but `glyf` filled in; the buffer's `glyf` pages are
 * never written and stay out of the resident set (a zero-filled allocation is not resident until
 * touched). Before subsetting, `loadOutlines` reads the outlines of exactly the glyphs the subset
 * will contain (composite glyphs with their components) into their places.
 *
 * Only plain TrueType files whose tables all lie inside the file are read this way; anything else
 * (a collection, CFF outlines, a damaged directory) is read whole, as before, and fontkit reports
 * on it. No fontkit here: the table directory, `head`, `loca` and glyph headers are read directly.
 */
import * as fs from 'node:fs';
import { identityOf } from '../cache-folder';

interface Outlines {
  readonly file: string;
  /** The file's identity (cache-folder.ts) as it was read: what a kept subset of it is known by. */
  readonly identity: string;
  readonly glyfOffset: number;
  readonly glyfLength: number;
  /** loca offsets (bytes from the start of glyf), one more than the number of glyphs. */
  readonly loca: Uint32Array;
  /** Glyphs whose outlines are in the buffer already. */
  readonly loaded: Set<number>;
}

/** Buffers read by readFontFile whose outlines are still on disk. */
const pending = new WeakMap<Buffer, Outlines>();
/** The same, by the object that wraps the buffer (a LoadedFont), once attached. */
const attached = new WeakMap<object, { bytes: Buffer; outlines: Outlines }>();

/**
 * Reads a font file; a TrueType file comes back with its outlines (`glyf`) still to be loaded.
 * Synchronous: a fallback font is opened only when shaping first asks it for a character
 * (text/fonts.ts deferredFont), in the middle of a synchronous layout.
 */
export function readFontFile(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    // Before reading: a file written meanwhile has another identity by the next build.
    const stats = fs.fstatSync(fd, { bigint: true });
    const size = Number(stats.size);
    const read = (buffer: Buffer, offset: number, length: number) => {
      let done = 0;
      while (done < length) {
        const bytesRead = fs.readSync(fd, buffer, offset + done, length - done, offset + done);
        if (bytesRead === 0) throw new Error(`${file} changed while being read`);
        done += bytesRead;
      }
    };
    const whole = () => {
      const bytes = Buffer.alloc(size);
      read(bytes, 0, size);
      return bytes;
    };
    if (size < 12 + 16) return whole();
    const bytes = Buffer.alloc(size);
    read(bytes, 0, 12);
    const version = bytes.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) return whole();
    const count = bytes.readUInt16BE(4);
    if (count === 0 || 12 + 16 * count > size) return whole();
    read(bytes, 12, 16 * count);
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const offset = bytes.readUInt32BE(at + 8);
      const length = bytes.readUInt32BE(at + 12);
      if (offset + length > size) return whole();
      tables.set(bytes.toString('latin1', at, at + 4), { offset, length });
    }
    const glyf = tables.get('glyf');
    const head = tables.get('head');
    const loca = tables.get('loca');
    const maxp = tables.get('maxp');
    if (!glyf || !head || !loca || !maxp || head.length < 54 || maxp.length < 6) return whole();
    for (const [tag, { offset, length }] of tables) if (tag !== 'glyf') read(bytes, offset, length);
    const longOffsets = bytes.readInt16BE(head.offset + 50) === 1;
    const glyphs = bytes.readUInt16BE(maxp.offset + 4);
    if (loca.length < (glyphs + 1) * (longOffsets ? 4 : 2)) return whole();
    const offsets = new Uint32Array(glyphs + 1);
    for (let g = 0; g <= glyphs; g++) offsets[g] = longOffsets ? bytes.readUInt32BE(loca.offset + 4 * g) : bytes.readUInt16BE(loca.offset + 2 * g) * 2;
    if (offsets[glyphs]! > glyf.length) return whole();
    pending.set(bytes, { file, identity: identityOf(stats), glyfOffset: glyf.offset, glyfLength: glyf.length, loca: offsets, loaded: new Set() });
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}

/** Ties a buffer from readFontFile to the font object made from it, for loadOutlines. */
export function attachFontFile(owner: object, bytes: Buffer): void {
  const outlines = pending.get(bytes);
  if (outlines) attached.set(owner, { bytes, outlines });
}

/** The identity of the file a font was read from by readFontFile (its outlines still on disk then); undefined for others. */
export function fontFileIdentity(owner: object): string | undefined {
  return attached.get(owner)?.outlines.identity;
}

/**
 * Gaps between two wanted outlines below this are read along with them: one read instead of two,
 * and, being shorter than a memory page, such a gap lies in pages the two outlines touch anyway
 * (no page is made resident that would not have been).
 */
const MERGE_GAP_BYTES = 4000;

/**
 * Reads the outlines of `glyphIds` (and of the components of composite glyphs among them) into
 * the font's buffer; a font not read by readFontFile (or read whole) needs nothing. Outlines close
 * together in the file are read in one go: one read per glyph (thousands for a CJK issue) was
 * most of this function's time.
 */
export function loadOutlines(owner: object, glyphIds: Iterable<number>): void {
  const entry = attached.get(owner);
  if (!entry) return;
  const { bytes, outlines } = entry;
  const { loca, loaded, glyfOffset } = outlines;
  let wanted = [...glyphIds];
  let fd: number | undefined;
  try {
    while (wanted.length > 0) {
      const fresh = [...new Set(wanted)].filter((id) => id >= 0 && id + 1 < loca.length && !loaded.has(id) && loca[id + 1]! > loca[id]!);
      for (const id of fresh) loaded.add(id);
      fresh.sort((a, b) => loca[a]! - loca[b]!);
      wanted = [];
      for (let i = 0; i < fresh.length; ) {
        // One range of the glyf table: this glyph and the next ones that start close after it.
        const from = loca[fresh[i]!]!;
        let to = loca[fresh[i]! + 1]!;
        let j = i + 1;
        while (j < fresh.length && loca[fresh[j]!]! - to < MERGE_GAP_BYTES) to = Math.max(to, loca[fresh[j++]! + 1]!);
        fd ??= fs.openSync(outlines.file, 'r');
        const at = glyfOffset + from;
        if (fs.readSync(fd, bytes, at, to - from, at) !== to - from) throw new Error(`${outlines.file} changed while being read`);
        // A composite glyph (numberOfContours < 0) is drawn from other glyphs: load those too.
        for (; i < j; i++) {
          const id = fresh[i]!;
          const start = glyfOffset + loca[id]!;
          const length = loca[id + 1]! - loca[id]!;
          if (length >= 10 && bytes.readInt16BE(start) < 0) wanted.push(...componentsOf(bytes, start + 10, start + length));
        }
      }
    }
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Glyph ids of a composite glyph's components (TrueType `glyf` component records). */
function componentsOf(view: Buffer, from: number, end: number): number[] {
  const ids: number[] = [];
  let at = from;
  for (;;) {
    if (at + 4 > end) break;
    const flags = view.readUInt16BE(at);
    ids.push(view.readUInt16BE(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) break;
  }
  return ids;
}
