/**
 * Images: reading their pixel size before layout, and converting them for each output after
 * it (downsampled sRGB JPEG for the e-mail copy, CMYK JPEG through the press profile for the
 * press file), and the press resolution check. The only module that loads sharp. What it reads
 * and converts is kept between builds (image-cache.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type sharpModule from 'sharp';
import { type Diagnostic, inputError, type SourceLocation } from './errors';
import { message } from './messages';
import { keptConversion } from './image-cache';
import { MAX_ICC_BYTES, readBytes } from './workspace';

/**
 * sharp (libvips), loaded when a picture is first read or converted and not found kept: its
 * loading was ~80 ms of every build's start-up, which a build of pictures already seen skips.
 */
function sharp(...args: Parameters<typeof sharpModule>): sharpModule.Sharp {
  return loadedSharp()(...args);
}
let sharpLoaded: typeof sharpModule | undefined;
function loadedSharp(): typeof sharpModule {
  if (sharpLoaded === undefined) {
    // Left out of the one-file CLI (scripts/bundle.js): a native addon, loaded from node_modules.
    sharpLoaded = require('sharp') as typeof sharpModule;
    // libvips keeps up to 50 MB of recent operation results for reuse; a build converts each
    // image once, so that cache only raised the peak RSS.
    sharpLoaded.cache(false);
  }
  return sharpLoaded;
}
// A name in a variable: esbuild would try to bundle a literal require.resolve of its package.json.
const SHARP = 'sharp';

/** Largest image the build accepts, in pixels (a 100-megapixel photo is refused, not decoded). */
export const MAX_IMAGE_PIXELS = 60_000_000;

export interface ImageInfo {
  readonly width: number;
  readonly height: number;
}

/**
 * Reads an image's pixel size (as shown, after its EXIF turn); a corrupt, unsupported or oversized
 * file is the editor's error. What was read of a file is kept (image-cache.ts); an error is not.
 */
export async function readImageInfo(file: string, displayName: string, from: SourceLocation): Promise<ImageInfo> {
  const kept = await keptConversion(file, recipe('size', 0), async () => Buffer.from(JSON.stringify(await readImageInfoOnce(file, displayName, from))));
  return JSON.parse(kept.toString('utf8')) as ImageInfo;
}

async function readImageInfoOnce(file: string, displayName: string, from: SourceLocation): Promise<ImageInfo> {
  try {
    const meta = await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).metadata();
    if (!meta.width || !meta.height || (meta.format !== 'jpeg' && meta.format !== 'png')) {
      throw inputError(from, message('images.unsupported-format', { displayName }), message('images.unsupported-format.hint'));
    }
    if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw tooLarge(displayName, from, meta.width, meta.height);
    // Decode fully once: a truncated or corrupt file must fail here, not halfway through rendering.
    await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).resize(64).raw().toBuffer();
    // EXIF orientations 5–8 are a quarter turn: the picture as shown (and as converted below,
    // after .rotate()) is the stored one on its side, so the layout must get its size that way too.
    const quarterTurn = (meta.orientation ?? 1) >= 5;
    return quarterTurn ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch (err) {
    if (err instanceof Error && err.name === 'BulletinError') throw err;
    const reason = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(reason)) throw tooLarge(displayName, from);
    throw inputError(from, message('images.unreadable', { displayName, reason }), message('images.unreadable.hint'));
  }
}

function tooLarge(name: string, from: SourceLocation, width?: number, height?: number) {
  const size = width && height ? ` (${width}×${height})` : '';
  return inputError(
    from,
    message('images.too-many-pixels', { name, size, MAX_IMAGE_PIXELS: MAX_IMAGE_PIXELS / 1e6 }),
    message('images.too-many-pixels.hint'),
  );
}

/**
 * The e-mail copy's image: sRGB JPEG at about `ppi` for its placed width (keeps the file small).
 * Kept between builds (image-cache.ts), like the press file's.
 */
export function imageForEmail(file: string, placedWidthPt: number, shown?: ImageInfo, ppi = 150): Promise<Buffer> {
  const targetWidth = (placedWidthPt / 72) * ppi;
  return keptConversion(file, recipe('email', targetWidth), () => prepared(file, targetWidth, shown, (image) => image.toColourspace('srgb').jpeg({ quality: 82, mozjpeg: false }).toBuffer()));
}

/**
 * Press images are not upsampled and not kept above this: 300 ppi at the placed size is what the
 * press needs (PRINT.md §1, "convert photos to CMYK JPEG at 300 ppi"); more only makes the file
 * heavier and the colour conversion slower (it was 450: 2.25× the pixels for nothing).
 */
const PRINT_MAX_PPI = 300;

/**
 * The press file's image: CMYK JPEG converted through the press's ICC profile by libvips/lcms
 * (no colour maths of ours), at its own resolution or PRINT_MAX_PPI, whichever is lower.
 */
export function imageForPrint(file: string, placedWidthPt: number, iccProfilePath: string, shown?: ImageInfo): Promise<Buffer> {
  // Rounded up, so the press preflight's ≥ 300 ppi is never missed by a fraction of a pixel.
  const width = Math.ceil((placedWidthPt / 72) * PRINT_MAX_PPI - 1e-6);
  // No toColourspace('cmyk'): in sharp that first converts to libvips' built-in CMYK profile
  // (sRGB → Lab float → generic CMYK, ~500 ms per 2 Mpx) and only then, from that CMYK, to the
  // press profile — two conversions, the slow one through a CMYK that is not the press's.
  // withIccProfile alone is one lcms transform sRGB (8 bit) → press CMYK, ~10× faster, and the
  // result is still a 4-band CMYK image. `attach: false`: the JPEG need not carry a copy of the
  // 120 KB profile — in the PDF it is DeviceCMYK under the file's OutputIntent, which already
  // embeds the profile once; readers ignore an ICC APP2 segment inside a DCT stream.
  return keptConversion(file, recipe('print', width, profileDigest(iccProfilePath)), () =>
    prepared(file, width, shown, (image) =>
      image
        .toColourspace('srgb')
        .withIccProfile(iccProfilePath, { attach: false })
        .jpeg({ quality: 90, mozjpeg: false, chromaSubsampling: '4:4:4' })
        .toBuffer(),
    ),
  );
}

/** The short side is not downsampled below this: rounding it to whole pixels changes the aspect ratio by at most 0.5 %. */
const MIN_SHORT_SIDE_PX = 100;

/**
 * The first steps shared by both outputs, so that they show the same picture: turned upright as
 * its EXIF orientation says; transparent parts composited onto the white of the paper (JPEG has
 * no alpha; left alone, the e-mail copy showed them black and the press file white); scaled to
 * about `targetWidth` pixels (never up) with both sides scaled alike.
 */
function prepared(file: string, targetWidth: number, shown: ImageInfo | undefined, finish: (image: sharpModule.Sharp) => Promise<Buffer>): Promise<Buffer> {
  // Given the size as shown (readImageInfo's, after the EXIF turn), the whole conversion is one
  // libvips job from this call on: it runs on its threads even while this one is busy setting
  // the text, with no step waiting for this thread to read the metadata first.
  if (shown) {
    try {
      return finish(scaled(file, targetWidth, shown));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  return sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS })
    .metadata()
    .then((meta) => {
      const quarterTurn = (meta.orientation ?? 1) >= 5;
      const [width, height] = quarterTurn ? [meta.height ?? 1, meta.width ?? 1] : [meta.width ?? 1, meta.height ?? 1];
      return finish(scaled(file, targetWidth, { width, height }));
    });
}

function scaled(file: string, targetWidth: number, { width: w, height: h }: ImageInfo): sharpModule.Sharp {
  // A 20000×50 banner at 833 px wide would be 2.08 px high, drawn from 2: 4 % squashed.
  const scale = Math.min(1, Math.max(targetWidth / w, Math.min(MIN_SHORT_SIDE_PX, w, h) / Math.min(w, h)));
  return sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)), fit: 'fill' });
}

/**
 * Everything a conversion's bytes depend on besides the source file, as text, for the cache:
 * the output and its parameters, the text of the functions that convert (so a change to them is
 * never served a conversion the old code made), their constants, and the sharp and libvips
 * versions.
 */
function recipe(output: 'email' | 'print' | 'size', width: number, profile = ''): string {
  conversionCode ??= JSON.stringify([[readImageInfoOnce, imageForEmail, imageForPrint, prepared, scaled].map(String), PRINT_MAX_PPI, MIN_SHORT_SIDE_PX, MAX_IMAGE_PIXELS, sharpVersion()]);
  return JSON.stringify([output, width, profile, conversionCode]);
}
let conversionCode: string | undefined;

/**
 * sharp's version, read from its package.json without loading it: sharp pins the libvips build
 * it ships (its optionalDependencies name exact versions), so the version names the libvips that
 * converts as well.
 */
function sharpVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(require.resolve(`${SHARP}/package.json`), 'utf8')) as { version: string; optionalDependencies?: Record<string, string> };
  return JSON.stringify([manifest.version, manifest.optionalDependencies ?? {}]);
}

/** A press profile's digest (read each time: `watch` may see the file replaced; 120 KB hash in well under a millisecond). */
function profileDigest(iccProfilePath: string): string {
  return createHash('sha256').update(readBytes(iccProfilePath, { maxBytes: MAX_ICC_BYTES })).digest('hex');
}

/** Effective resolution of an image at its placed size: the lower of the two axes, in ppi. */
export function effectivePpi(pixels: ImageInfo, placedWidthPt: number, placedHeightPt: number): number {
  return Math.min(pixels.width / (placedWidthPt / 72), pixels.height / (placedHeightPt / 72));
}

/** A warning when an image is below `minPpi` at its placed size (the press wants 300). */
export function resolutionWarning(displayName: string, ppi: number, from: SourceLocation, minPpi = 300): Diagnostic | undefined {
  if (ppi >= minPpi) return undefined;
  // Whole ppi normally; one decimal for a thumbnail-sized image, which would otherwise show 0.
  const shown = ppi >= 10 ? Math.round(ppi) : Math.round(ppi * 10) / 10;
  const factor = Math.ceil((minPpi / Math.max(ppi, 1e-6)) * 100) / 100;
  return {
    severity: 'warning',
    location: from,
    ...message('images.low-resolution', { displayName, shown, minPpi }),
    hint: message('images.low-resolution.hint', { factor }),
  };
}
