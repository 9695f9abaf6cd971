/**
 * Issue #14 point 1 and #13 point 5: the e-mail copy's and the press file's images are the same
 * picture. Transparent pixels become the paper's white in both (they were black in the e-mail
 * copy), for each kind of PNG transparency; EXIF orientation and extreme shapes keep the aspect
 * ratio. The converted bytes are decoded back (the press JPEG through its CMYK profile) and
 * compared pixel by pixel.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { imageForEmail, imageForPrint, readImageInfo } from '../../src/images';

const PROFILE = path.resolve(__dirname, '..', '..', 'profiles', 'FOGRA39-bulletin.icc');
const W = 40;
const H = 20;
let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-images-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Left half transparent, right half an opaque colour.
const transparentAt = (x: number) => x < W / 2;

async function png(name: string, kind: 'rgba' | 'palette' | 'grey-alpha'): Promise<string> {
  const file = path.join(dir, `${name}.png`);
  const channels = kind === 'grey-alpha' ? 2 : 4;
  const raw = Buffer.alloc(W * H * channels);
  for (let i = 0; i < W * H; i++) {
    const alpha = transparentAt(i % W) ? 0 : 255;
    if (channels === 2) raw.set([90, alpha], i * 2);
    else raw.set([200, 30, 40, alpha], i * 4);
  }
  let image = sharp(raw, { raw: { width: W, height: H, channels } });
  if (kind === 'grey-alpha') image = image.toColourspace('b-w');
  await image.png(kind === 'palette' ? { palette: true } : {}).toFile(file);
  return file;
}

/** PNG colour type from the IHDR chunk: 6 RGBA, 3 palette, 4 grey + alpha. */
function colourType(file: string): number {
  return fs.readFileSync(file)[25] ?? -1;
}

async function rgbPixels(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe.each([
  ['an RGBA PNG', 'rgba' as const, 6],
  ['a palette PNG with a transparent index (tRNS)', 'palette' as const, 3],
  ['a grey + alpha PNG', 'grey-alpha' as const, 4],
])('%s', (name, kind, type) => {
  it('is composited onto white, identically in the e-mail copy and the press file', async () => {
    const file = await png(kind, kind);
    expect(colourType(file)).toBe(type);
    if (kind === 'palette') expect(fs.readFileSync(file).includes(Buffer.from('tRNS'))).toBe(true);
    // Placed so that both outputs keep the 40 px (150 ppi and 300 ppi at these widths).
    const email = await rgbPixels(await imageForEmail(file, (W / 150) * 72));
    const print = await rgbPixels(await imageForPrint(file, (W / 300) * 72, PROFILE));
    expect([email.width, email.height, print.width, print.height]).toEqual([W, H, W, H]);
    let transparent = 0;
    const notWhite: { x: number; y: number; e: number[]; p: number[] }[] = [];
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const at = (y * W + x) * 3;
        const e = [...email.data.subarray(at, at + 3)];
        const p = [...print.data.subarray(at, at + 3)];
        if (transparentAt(x)) {
          // JPEG ringing at the edge aside, the paper is white in both.
          if (x < W / 2 - 2) {
            if ([...e, ...p].some((v) => v < 250)) notWhite.push({ x, y, e, p });
            transparent++;
          }
        } else if (x > W / 2 + 1) {
          // The opaque colour: the same in both, within what CMYK can print of it.
          for (let c = 0; c < 3; c++) expect(Math.abs((e[c] ?? 0) - (p[c] ?? 0))).toBeLessThanOrEqual(40);
          expect(Math.max(...e)).toBeLessThan(230);
        }
      }
    }
    expect(transparent).toBeGreaterThan(0);
    expect(notWhite).toEqual([]);
    void name;
  });
});

describe('aspect ratio', () => {
  it('follows EXIF orientation 6 (a quarter turn) in the size given to layout and in both outputs', async () => {
    const file = path.join(dir, 'turned.jpg');
    await sharp({ create: { width: 400, height: 200, channels: 3, background: '#808080' } }).withMetadata({ orientation: 6 }).jpeg().toFile(file);
    const info = await readImageInfo(file, 'turned.jpg', { file: 'a.md', line: 1 });
    expect(info).toEqual({ width: 200, height: 400 });
    for (const bytes of [await imageForEmail(file, 72), await imageForPrint(file, 36, PROFILE)]) {
      const meta = await sharp(bytes).metadata();
      expect((meta.height ?? 0) / (meta.width ?? 1)).toBeCloseTo(2, 2);
    }
  });

  it('keeps a 20000×50 banner within 0.5 % of its shape at the placed sizes', async () => {
    const file = path.join(dir, 'banner.png');
    await sharp({ create: { width: 20000, height: 50, channels: 3, background: '#808080' } }).png({ compressionLevel: 1 }).toFile(file);
    for (const bytes of [await imageForEmail(file, 400), await imageForPrint(file, 400, PROFILE)]) {
      const meta = await sharp(bytes).metadata();
      const ratio = (meta.width ?? 0) / (meta.height ?? 1);
      expect(Math.abs(ratio / 400 - 1)).toBeLessThan(0.005);
    }
  });
});
