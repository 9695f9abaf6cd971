/**
 * Converted pictures kept between builds (src/image-cache.ts): a kept conversion is the very
 * bytes a conversion makes; a changed source file, another width or another press profile is
 * converted anew; a damaged cache file is made again; an unreadable picture is reported every
 * time (errors are not kept); `off` keeps nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { imageCacheUse, keptConversion } from '../../src/image-cache';
import { imageForEmail, imageForPrint, readImageInfo } from '../../src/images';

const REPO = path.resolve(__dirname, '..', '..');
const PROFILE = path.join(REPO, 'profiles', 'FOGRA39-bulletin.icc');
const IMAGES = path.join(REPO, 'issues', '2024-02', 'images');
let dir = '';
let cache = '';
let picture = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-image-cache-'));
  cache = path.join(dir, 'cache');
  picture = path.join(dir, 'picture.jpg');
  fs.copyFileSync(path.join(IMAGES, '01-panda-canteen.jpg'), picture);
  process.env.BULLETIN_IMAGE_CACHE = cache;
});
afterEach(() => {
  process.env.BULLETIN_IMAGE_CACHE = 'off';
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the cache did during `work`. */
async function counted<T>(work: () => Promise<T>): Promise<{ value: T; made: number; used: number }> {
  const before = { ...imageCacheUse };
  const value = await work();
  return { value, made: imageCacheUse.made - before.made, used: imageCacheUse.used - before.used };
}

const uncached = async <T>(work: () => Promise<T>): Promise<T> => {
  process.env.BULLETIN_IMAGE_CACHE = 'off';
  try {
    return await work();
  } finally {
    process.env.BULLETIN_IMAGE_CACHE = cache;
  }
};

test('a kept conversion is the bytes the conversion makes, for both outputs and the size', async () => {
  const conversions: (() => Promise<unknown>)[] = [() => imageForEmail(picture, 216), () => imageForPrint(picture, 216, PROFILE), () => readImageInfo(picture, 'picture.jpg', { file: 'a.md' })];
  for (const convert of conversions) {
    const fresh = await uncached(convert);
    const first = await counted(convert);
    const second = await counted(convert);
    expect([first.made, first.used, second.made, second.used]).toEqual([1, 0, 0, 1]);
    expect(first.value).toEqual(fresh);
    expect(second.value).toEqual(fresh);
  }
});

test('another source file, width or profile is converted anew', async () => {
  await imageForPrint(picture, 216, PROFILE);
  expect((await counted(() => imageForPrint(picture, 217, PROFILE))).made).toBe(1);
  // The same profile under another name is the same conversion; a changed profile is not.
  const copy = path.join(dir, 'copy.icc');
  fs.copyFileSync(PROFILE, copy);
  expect((await counted(() => imageForPrint(picture, 216, copy))).used).toBe(1);
  const changed = fs.readFileSync(PROFILE);
  changed.writeUInt8(changed.readUInt8(changed.length - 1) ^ 1, changed.length - 1);
  fs.writeFileSync(copy, changed);
  expect((await counted(() => imageForPrint(picture, 216, copy))).made).toBe(1);
  // The picture replaced under the same name: its new bytes are converted.
  fs.copyFileSync(path.join(IMAGES, '01-exhibition-hall.jpg'), picture);
  const replaced = await counted(() => imageForEmail(picture, 216));
  expect(replaced.made).toBe(1);
  expect(replaced.value).toEqual(await uncached(() => imageForEmail(picture, 216)));
});

test('a damaged or cut-short cache file is made again', async () => {
  const fresh = await imageForEmail(picture, 216);
  const [file] = fs.readdirSync(cache).map((name) => path.join(cache, name));
  for (const damage of [(b: Buffer) => (b.writeUInt8(b.readUInt8(b.length - 10) ^ 0xff, b.length - 10), b), (b: Buffer) => b.subarray(0, b.length - 1000), () => Buffer.alloc(0)]) {
    fs.writeFileSync(file!, damage(Buffer.from(fs.readFileSync(file!))));
    const again = await counted(() => imageForEmail(picture, 216));
    expect(again.made).toBe(1);
    expect(again.value).toEqual(fresh);
  }
  expect((await counted(() => imageForEmail(picture, 216))).used).toBe(1);
});

test('an unreadable picture is reported every time, not kept', async () => {
  fs.writeFileSync(picture, Buffer.from('not a picture at all'));
  for (let k = 0; k < 2; k++) await expect(readImageInfo(picture, 'picture.jpg', { file: 'a.md', line: 3 })).rejects.toMatchObject({ name: 'BulletinError' });
  expect(fs.existsSync(cache) ? fs.readdirSync(cache) : []).toEqual([]);
});

test('off keeps nothing; an unwritable folder only means converting each time', async () => {
  process.env.BULLETIN_IMAGE_CACHE = 'off';
  expect((await counted(() => keptConversion(picture, 'recipe', async () => Buffer.from('made')))).made).toBe(0);
  expect(fs.existsSync(cache)).toBe(false);
  // A file where the folder should be: nothing can be written, the conversion still comes back.
  fs.writeFileSync(cache, 'in the way');
  process.env.BULLETIN_IMAGE_CACHE = cache;
  for (let k = 0; k < 2; k++) {
    const made = await counted(() => keptConversion(picture, 'recipe', async () => Buffer.from('made')));
    expect([made.value.toString(), made.made]).toEqual(['made', 1]);
  }
});
