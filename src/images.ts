/**
 * Images: reading their pixel size before layout, and converting them for each output after
 * it (downsampled sRGB JPEG for the e-mail copy). The only module that imports sharp.
 */
import sharp from 'sharp';
import { inputError, type SourceLocation } from './errors';
import { t } from './messages';

/** Largest image the build accepts, in pixels (a 100-megapixel photo is refused, not decoded). */
export const MAX_IMAGE_PIXELS = 60_000_000;

export interface ImageInfo {
  readonly width: number;
  readonly height: number;
}

/** Reads an image's pixel size; a corrupt, unsupported or oversized file is the editor's error. */
export async function readImageInfo(file: string, displayName: string, from: SourceLocation): Promise<ImageInfo> {
  try {
    const meta = await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).metadata();
    if (!meta.width || !meta.height || (meta.format !== 'jpeg' && meta.format !== 'png')) {
      throw inputError(from, t(`${displayName} is not a JPEG or PNG image`, `${displayName} 不是 JPEG 或 PNG 图片`), t('save the picture as .jpg or .png', '请把图片另存为 .jpg 或 .png'));
    }
    if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw tooLarge(displayName, from, meta.width, meta.height);
    // Decode fully once: a truncated or corrupt file must fail here, not halfway through rendering.
    await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).resize(64).raw().toBuffer();
    return { width: meta.width, height: meta.height };
  } catch (err) {
    if (err instanceof Error && err.name === 'BulletinError') throw err;
    const reason = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(reason)) throw tooLarge(displayName, from);
    throw inputError(from, t(`cannot read image ${displayName}: ${reason}`, `无法读取图片 ${displayName}：${reason}`), t('open it in an image editor and save it again as JPEG or PNG', '请用图片编辑软件打开并重新保存为 JPEG 或 PNG'));
  }
}

function tooLarge(name: string, from: SourceLocation, width?: number, height?: number) {
  const size = width && height ? ` (${width}×${height})` : '';
  return inputError(
    from,
    t(`image ${name}${size} is larger than ${MAX_IMAGE_PIXELS / 1e6} megapixels`, `图片 ${name}${size} 超过 ${MAX_IMAGE_PIXELS / 1e6} 百万像素`),
    t('scale it down to at most 6000 pixels on the long side', '请把长边缩小到 6000 像素以内'),
  );
}

/** The e-mail copy's image: sRGB JPEG at about `ppi` for its placed width (keeps the file small). */
export async function imageForEmail(file: string, placedWidthPt: number, ppi = 150): Promise<Buffer> {
  const width = Math.max(1, Math.round((placedWidthPt / 72) * ppi));
  return sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .toColourspace('srgb')
    .jpeg({ quality: 82, mozjpeg: false })
    .toBuffer();
}
