/**
 * Font subsets kept between builds, in the user's cache folder (bulletin/font-subsets, beside the
 * code cache). The subset of each face is the same for the e-mail copy and the press file
 * (cid-font.ts makes it once per build), and the same from one build to the next as long as the
 * issue uses the same characters of it: most rebuilds of an editor's day. Making it — fontkit
 * decoding and re-encoding the outlines, after reading them from the file — was ~60–80 ms of the
 * sample's render, every build.
 *
 * A kept subset can never be another font's: it is found by a digest of the font file's identity
 * as it was read (device, inode, size, modification and change times in nanoseconds: any write
 * changes it; cache-folder.ts), the glyphs asked for, and the code that makes it (ours, and
 * fontkit's subset classes as loaded), and the file carries a digest of its own bytes, checked on
 * every read (readKeptFile). Damaged, unreadable or unwritable: the subset is made as without it.
 * Fonts read whole (not plain TrueType) have no identity here and are always subset afresh.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { readKeptFile, userCacheFolder, writeKeptFile } from '../cache-folder';
import { type LoadedFont, subsetFont, subsetterCode } from '../text/fonts';
import { fontFileIdentity, loadOutlines } from './font-file';

/** The folder: `BULLETIN_SUBSET_CACHE` if set (`off` turns the cache off), else bulletin/font-subsets in the user's cache folder. */
export function subsetCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return userCacheFolder('font-subsets', env.BULLETIN_SUBSET_CACHE, env);
}

/** What the cache did in this process, for the tests. */
export const subsetCacheUse = { used: 0, made: 0 };

/** Files kept (faces × character sets × versions of the code); the least recently used go first. */
const KEEP_FILES = 200;

const MAGIC = Buffer.from('bulletin-subset-1\n', 'latin1');

export interface Subset {
  readonly bytes: Uint8Array;
  /** Glyph id in the font → glyph id in the subset. */
  readonly newIds: Map<number, number>;
}

/** The subset of `font` holding `glyphIds` (and the components of composite ones): kept, or made (and kept). */
export function keptSubset(font: LoadedFont, glyphIds: readonly number[], dir: string | undefined = subsetCacheDir()): Subset {
  const make = (): Subset => {
    // The fonts are read without their outlines (font-file.ts): fetch the ones the subset needs.
    loadOutlines(font, glyphIds);
    return subsetFont(font, glyphIds);
  };
  const identity = fontFileIdentity(font);
  if (dir === undefined || identity === undefined) return make();
  const key = createHash('sha256').update(`${identity}\0${glyphIds.join(',')}\0${subsetFont.toString()}\0${loadOutlines.toString()}\0${subsetterCode(font)}`).digest('hex').slice(0, 48);
  const file = path.join(dir, `${key}.bin`);
  const kept = readKeptFile(file, MAGIC);
  const subset = kept === undefined ? undefined : decode(kept, glyphIds);
  if (subset !== undefined) {
    subsetCacheUse.used++;
    return subset;
  }
  const made = make();
  subsetCacheUse.made++;
  writeKeptFile(file, MAGIC, () => encode(made, glyphIds), KEEP_FILES);
  return made;
}

/** The new id of each of `glyphIds` in order (32 bits each, after their count), then the subset's bytes. */
function encode(subset: Subset, glyphIds: readonly number[]): Buffer {
  const head = Buffer.alloc(4 * (1 + glyphIds.length));
  head.writeUInt32BE(glyphIds.length, 0);
  glyphIds.forEach((id, k) => head.writeUInt32BE(subset.newIds.get(id) ?? 0, 4 * (1 + k)));
  return Buffer.concat([head, subset.bytes]);
}

function decode(payload: Buffer, glyphIds: readonly number[]): Subset | undefined {
  const start = 4 * (1 + glyphIds.length);
  if (payload.length <= start || payload.readUInt32BE(0) !== glyphIds.length) return undefined;
  const newIds = new Map<number, number>();
  glyphIds.forEach((id, k) => newIds.set(id, payload.readUInt32BE(4 * (1 + k))));
  return { bytes: new Uint8Array(payload.subarray(start)), newIds };
}
