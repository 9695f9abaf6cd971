/**
 * Font subsets kept between builds (src/render/kept-subsets.ts): found only for the same file as
 * read, the same glyphs and the same code; the same bytes as making them; damaged files refused.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildIssue } from '../../src/build';
import { attachFontFile, loadOutlines, readFontFile } from '../../src/render/font-file';
import { keptSubset, subsetCacheUse } from '../../src/render/kept-subsets';
import { type LoadedFont, openFont, subsetFont } from '../../src/text/fonts';
import { makeProject } from '../cli/helpers';

const FONT = path.join(__dirname, '..', '..', 'fonts', 'NotoSansSC-Bold.ttf');

describe('kept font subsets', () => {
  let dir: string;
  let fontFile: string;
  let cacheDir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-subsets-'));
    fontFile = path.join(dir, 'face.ttf');
    fs.copyFileSync(FONT, fontFile);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let caches = 0;
  beforeEach(() => {
    cacheDir = path.join(dir, `cache-${++caches}`);
  });

  /** The font as a build opens it: outlines left on disk until a subset needs them. */
  const open = (file = fontFile): LoadedFont => {
    const bytes = readFontFile(file);
    const font = openFont('sansBold', 'face.ttf', bytes);
    attachFontFile(font, bytes);
    return font;
  };
  const glyphsOf = (font: LoadedFont, text: string) => [...new Set([...text].map((c) => font.font.glyphForCodePoint(c.codePointAt(0)!).id))].sort((a, b) => a - b);
  const counted = <T>(work: () => T) => {
    const before = { ...subsetCacheUse };
    const value = work();
    return { value, used: subsetCacheUse.used - before.used, made: subsetCacheUse.made - before.made };
  };

  test('is the subset making it gives, made once and served after, for the same glyphs only', () => {
    const reference = open();
    const glyphs = glyphsOf(reference, '法律资讯第二期，委员会。AB12');
    const fresh = open();
    loadOutlines(fresh, glyphs);
    const direct = subsetFont(fresh, glyphs);
    const first = counted(() => keptSubset(open(), glyphs, cacheDir));
    expect(first).toMatchObject({ used: 0, made: 1 });
    const second = counted(() => keptSubset(open(), glyphs, cacheDir));
    expect(second).toMatchObject({ used: 1, made: 0 });
    for (const got of [first.value, second.value]) {
      expect(Buffer.from(got.bytes).equals(Buffer.from(direct.bytes))).toBe(true);
      expect([...got.newIds]).toEqual([...direct.newIds]);
    }
    expect(counted(() => keptSubset(open(), glyphsOf(reference, '法律资讯第三期'), cacheDir))).toMatchObject({ used: 0, made: 1 });
  });

  test('is made again once the font file is written, even with the same bytes', () => {
    const glyphs = glyphsOf(open(), '资讯');
    expect(counted(() => keptSubset(open(), glyphs, cacheDir))).toMatchObject({ made: 1 });
    fs.writeFileSync(fontFile, fs.readFileSync(fontFile));
    expect(counted(() => keptSubset(open(), glyphs, cacheDir))).toMatchObject({ used: 0, made: 1 });
    expect(counted(() => keptSubset(open(), glyphs, cacheDir))).toMatchObject({ used: 1, made: 0 });
  });

  test('a damaged kept file is made again, and `off` keeps nothing', () => {
    const glyphs = glyphsOf(open(), '委员会');
    const made = keptSubset(open(), glyphs, cacheDir);
    const [file] = fs.readdirSync(cacheDir);
    const kept = fs.readFileSync(path.join(cacheDir, file!));
    kept.writeUInt8(kept.readUInt8(kept.length - 10) ^ 0xff, kept.length - 10);
    fs.writeFileSync(path.join(cacheDir, file!), kept);
    const again = counted(() => keptSubset(open(), glyphs, cacheDir));
    expect(again).toMatchObject({ used: 0, made: 1 });
    expect(Buffer.from(again.value.bytes).equals(Buffer.from(made.bytes))).toBe(true);
    // The tests' environment turns the cache off (test/support/global-setup.js), as BULLETIN_SUBSET_CACHE=off does.
    expect(process.env.BULLETIN_SUBSET_CACHE).toBe('off');
    expect(counted(() => keptSubset(open(), glyphs))).toMatchObject({ used: 0, made: 0 });
    expect(fs.readdirSync(cacheDir)).toEqual([file]);
  });

  test('a build gives the same files with the cache off, making it, and from it', async () => {
    const project = makeProject(path.join(dir, 'mini'));
    // Fonts of its own: makeProject hard-links the repository's, and every link another suite
    // makes meanwhile changes those files' change time, so their identity (and the kept subsets
    // found by it) would change between these builds.
    const fonts = path.join(project, 'fonts');
    for (const name of fs.readdirSync(fonts)) {
      const file = path.join(fonts, name);
      const bytes = fs.readFileSync(file);
      fs.rmSync(file);
      fs.writeFileSync(file, bytes);
    }
    const digests = () => {
      const out = path.join(project, 'out', '2024-03');
      return fs.readdirSync(out).map((name) => crypto.createHash('sha256').update(fs.readFileSync(path.join(out, name))).digest('hex'));
    };
    const runs: { digests: string[]; used: number; made: number }[] = [];
    for (const setting of ['off', cacheDir, cacheDir]) {
      process.env.BULLETIN_SUBSET_CACHE = setting;
      try {
        const { used, made } = await (async () => {
          const before = { ...subsetCacheUse };
          await buildIssue(project, '2024-03');
          return { used: subsetCacheUse.used - before.used, made: subsetCacheUse.made - before.made };
        })();
        runs.push({ digests: digests(), used, made });
      } finally {
        process.env.BULLETIN_SUBSET_CACHE = 'off';
      }
    }
    expect(runs[0]).toMatchObject({ used: 0, made: 0 });
    expect(runs[1]!.made).toBeGreaterThan(0);
    expect(runs[2]).toMatchObject({ used: runs[1]!.made, made: 0 });
    expect(runs[1]!.digests).toEqual(runs[0]!.digests);
    expect(runs[2]!.digests).toEqual(runs[0]!.digests);
  }, 60_000);
});
