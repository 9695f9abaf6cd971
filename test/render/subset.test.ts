/**
 * Our TrueType subsetter (render/subset.ts) writes exactly the program fontkit's subsetter
 * writes, for every font we ship: glyphs in any order, composite glyphs (whose components join
 * the subset and are renumbered) among them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFont, subsetFont } from '../../src/text/fonts';
import { subsetTrueType } from '../../src/render/subset';
import { readTables } from '../../src/render/truetype';

const FONTS = ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSansSC-Bold.ttf', 'LXGWWenKai-Regular.ttf', 'HanaMinB.ttf'];

/** Up to `limit` composite glyphs of the file (numberOfContours < 0). */
function compositeGlyphs(file: Buffer, limit: number): number[] {
  const tables = readTables(file);
  const head = tables.get('head')!;
  const loca = tables.get('loca')!;
  const glyf = tables.get('glyf')!;
  const count = tables.get('maxp')!.readUInt16BE(4);
  const long = head.readInt16BE(50) === 1;
  const offsetOf = (g: number) => (long ? loca.readUInt32BE(4 * g) : loca.readUInt16BE(2 * g) * 2);
  const found: number[] = [];
  for (let g = 0; g < count && found.length < limit; g++) if (offsetOf(g + 1) - offsetOf(g) >= 10 && glyf.readInt16BE(offsetOf(g)) < 0) found.push(g);
  return found;
}

describe.each(FONTS)('%s', (name) => {
  const file = fs.readFileSync(path.resolve(__dirname, '../../fonts', name));
  const font = openFont('serif', name, file);

  it('is subset byte for byte as fontkit subsets it', () => {
    // A fixed pseudo-random sequence (no Math.random: a failure must be reproducible).
    let seed = 4242;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const count = font.font.numGlyphs;
    const ids = [...compositeGlyphs(file, 20), ...Array.from({ length: 300 }, () => 1 + Math.floor(next() * (count - 1)))];
    // Repeated ids and a glyph both asked for and a component of another one are included once.
    ids.push(ids[5]!, ids[0]!);
    const ours = subsetTrueType(file, ids);
    const theirs = subsetFont(font, ids);
    expect(ours).toBeDefined();
    expect([...ours!.newIds]).toEqual([...theirs.newIds]);
    expect(ours!.bytes.equals(Buffer.from(theirs.bytes))).toBe(true);
  });
});

test('a file that is not plain TrueType is left to fontkit', () => {
  expect(subsetTrueType(Buffer.from('OTTO not a TrueType file at all'), [1, 2])).toBeUndefined();
});
