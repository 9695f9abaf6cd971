/**
 * Converted pictures kept between builds, in the user's cache folder (bulletin/images, beside the
 * code cache): an editor builds the same issue many times a month, its pictures rarely change,
 * and converting them was the most expensive thing a build did besides setting the text (the
 * sample's eight conversions: ~450 ms of CPU, most of it the press file's CMYK through the
 * profile). `watch` keeps them in memory as well (World).
 *
 * A kept conversion can never be a different picture: it is found by a digest of everything the
 * bytes are made from — the source file's bytes, the conversion's parameters and profile, the
 * code that converts (images.ts hands its own functions' text) and the sharp and libvips versions
 * — and each file carries a digest of its own bytes, checked on every read; a file that does not
 * match (damaged, cut short) is made again. Writes are whole or not at all (temporary file, then
 * rename), and an unreadable or unwritable folder only means converting as without a cache.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { readKeptFile, userCacheFolder, writeKeptFile } from './cache-folder';
import { fileStamp } from './world';
import { MAX_IMAGE_BYTES, readBytes } from './workspace';

/** Files kept (each picture × width × output); the least recently used go first. */
const KEEP_FILES = 500;

const MAGIC = Buffer.from('bulletin-image-1\n', 'latin1');

/** The folder: `BULLETIN_IMAGE_CACHE` if set (`off` turns the cache off), else bulletin/images in the user's cache folder. */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return userCacheFolder('images', env.BULLETIN_IMAGE_CACHE, env);
}

/** What the cache did in this process, for the tests. */
export const imageCacheUse = { used: 0, made: 0 };

/**
 * The converted bytes for `recipe` (every input of the conversion but the source file's bytes,
 * as text) and the source `file`: kept ones if there are, else `convert()`'s, then kept.
 */
export async function keptConversion(file: string, recipe: string, convert: () => Promise<Buffer>, dir: string | undefined = imageCacheDir()): Promise<Buffer> {
  if (dir === undefined) return convert();
  const key = keyOf(file, recipe);
  const cached = key === undefined ? undefined : readKeptFile(path.join(dir, `${key}.bin`), MAGIC);
  if (cached !== undefined) {
    imageCacheUse.used++;
    return cached;
  }
  const bytes = await convert();
  imageCacheUse.made++;
  if (key !== undefined) writeKeptFile(path.join(dir, `${key}.bin`), MAGIC, () => bytes, KEEP_FILES);
  return bytes;
}

/** The digest that names a conversion; undefined when the source cannot be read (the conversion then reports why). */
function keyOf(file: string, recipe: string): string | undefined {
  const source = sourceDigest(file);
  return source === undefined ? undefined : createHash('sha256').update(recipe).update('\0').update(source).digest('hex').slice(0, 48);
}

/**
 * A source file's digest, read once while its stamp stays the same: a build asks for each
 * picture three times (its size, the e-mail and the press conversion), `watch` on every rebuild.
 */
function sourceDigest(file: string): string | undefined {
  const stamp = fileStamp(file);
  const known = sourceDigests.get(file);
  if (known !== undefined && known.stamp === stamp) return known.digest;
  try {
    const digest = createHash('sha256').update(readBytes(file, { maxBytes: MAX_IMAGE_BYTES })).digest('hex');
    sourceDigests.set(file, { stamp, digest });
    return digest;
  } catch {
    return undefined;
  }
}
const sourceDigests = new Map<string, { readonly stamp: string; readonly digest: string }>();
