/**
 * Glyphs of their own per advance (render/truetype.ts, PRINT.md §2.4 b): the rewritten subset
 * program draws each added glyph exactly like its base glyph, with the advance asked for, and the
 * table reader gives back what fontkit reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFont, shapeText, subsetFont } from '../../src/text/fonts';
import { horizontalAdvances, readTables, withAdvanceGlyphs } from '../../src/render/truetype';

const file = path.resolve(__dirname, '../../fonts/NotoSerifSC-Regular.ttf');
const serif = openFont('serif', 'fonts/NotoSerifSC-Regular.ttf', fs.readFileSync(file));
const ids = shapeText(serif, '中，A （', 1).map((g) => g.id);
const { bytes, newIds } = subsetFont(serif, ids);
const reopen = (program: Uint8Array) => openFont('serif', 'rewritten', Buffer.from(program));

test('horizontalAdvances reads the advances fontkit reads', () => {
  const subset = reopen(bytes);
  const { unitsPerEm, advances } = horizontalAdvances(readTables(bytes));
  expect(unitsPerEm).toBe(subset.unitsPerEm);
  expect(advances.length).toBe(subset.font.numGlyphs);
  for (let gid = 0; gid < advances.length; gid++) expect(advances[gid]).toBe(subset.font.getGlyph(gid).advanceWidth);
});

test('each added glyph has its own advance and the outline of its base', () => {
  const han = newIds.get(ids[0]!)!;
  const comma = newIds.get(ids[1]!)!;
  const space = newIds.get(ids[3]!)!;
  const added = [
    { base: han, advance: 1013 },
    { base: comma, advance: 500 },
    { base: han, advance: 987 },
    { base: space, advance: 250 },
  ];
  const before = reopen(bytes);
  const program = withAdvanceGlyphs(bytes, added);
  const after = reopen(program);
  const count = before.font.numGlyphs;
  expect(after.font.numGlyphs).toBe(count + added.length);
  // The original glyphs are untouched.
  for (let gid = 0; gid < count; gid++) {
    expect(after.font.getGlyph(gid).advanceWidth).toBe(before.font.getGlyph(gid).advanceWidth);
    expect(after.font.getGlyph(gid).path.toSVG()).toBe(before.font.getGlyph(gid).path.toSVG());
  }
  added.forEach(({ base, advance }, k) => {
    const glyph = after.font.getGlyph(count + k);
    expect(glyph.advanceWidth).toBe(advance);
    expect(glyph.path.toSVG()).toBe(before.font.getGlyph(base).path.toSVG());
  });
  expect(Array.from(horizontalAdvances(readTables(program)).advances.slice(count))).toEqual(added.map((a) => a.advance));
  // The real outlines are there: the han glyph is not empty, so neither is its copy.
  expect(after.font.getGlyph(count).path.commands.length).toBeGreaterThan(0);
});

test('a sane file: head checksum adjustment makes the whole file sum to 0xB1B0AFBA', () => {
  const program = withAdvanceGlyphs(bytes, [{ base: 1, advance: 700 }]);
  let sum = 0;
  for (let i = 0; i + 4 <= program.length; i += 4) sum = (sum + program.readUInt32BE(i)) >>> 0;
  expect(sum.toString(16)).toBe('b1b0afba');
});

test('an advance that is not whole font units, or a base not in the program, is refused', () => {
  expect(() => withAdvanceGlyphs(bytes, [{ base: 1, advance: 10.5 }])).toThrow(/font-unit/);
  expect(() => withAdvanceGlyphs(bytes, [{ base: 10_000, advance: 1000 }])).toThrow(/not in the program/);
});
