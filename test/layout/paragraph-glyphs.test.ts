/**
 * Where setParagraph puts the glyphs of an item of several glyphs (a Latin word, ——): each starts
 * where the one before ends (text/items.ts FOLLOWING_GLYPHS, added up in toSetLine), and a mark
 * with an offset of its own (· centred in its half em) keeps it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadIssue } from '../../src/document/load';
import { glyphObjects } from '../../src/layout/page-json';
import { type ParagraphStyle, setParagraph } from '../../src/layout/paragraph';
import { DEFAULT_TYPOGRAPHY } from '../../src/settings';
import { FONT_ROLES, type FontRole, type FontSet, type LoadedFont, fontOf, openFont, shapeText } from '../../src/text/fonts';

const REPO = path.resolve(__dirname, '..', '..');
let fonts: FontSet;

beforeAll(async () => {
  const loaded = await loadIssue(REPO, '2024-02');
  fonts = {
    ...(Object.fromEntries(
      FONT_ROLES.map((role): [FontRole, LoadedFont] => [role, openFont(role, loaded.series.fonts[role], fs.readFileSync(path.join(REPO, loaded.series.fonts[role])))]),
    ) as Record<FontRole, LoadedFont>),
    fallbacks: [],
  };
});

const SIZE = 10.5;
const style: ParagraphStyle = {
  size: SIZE,
  fonts: { regular: 'serif', bold: 'serifBold', emphasis: 'serif' },
  firstIndent: 0,
  align: 'justify',
  minLastHan: 0,
  lastLineReserve: 0,
  typography: DEFAULT_TYPOGRAPHY,
};

function glyphsOf(text: string) {
  const [line] = setParagraph([{ text, style: 'regular', source: { file: 'test.md', line: 1 } }], style, 1000, fonts);
  if (!line) throw new Error('no line');
  return line.runs.flatMap((run) => glyphObjects(run));
}

test("a Latin word's glyphs follow one another at their advances", () => {
  const glyphs = glyphsOf('见Bulletin号');
  const word = shapeText(fontOf(fonts, 'serif'), 'Bulletin', SIZE);
  const start = glyphs.findIndex((g) => g.text === 'B');
  let x = glyphs[start]?.x as number;
  word.forEach((glyph, k) => {
    expect(glyphs[start + k]?.text).toBe(glyph.text);
    expect(glyphs[start + k]?.x).toBeCloseTo(x, 9);
    x += glyph.advance;
  });
  // The next item starts after the word and its CJK–Latin gap.
  expect((glyphs[start + word.length]?.x as number) > x).toBe(true);
});

test('an interpunct keeps its own offset: centred in a half em', () => {
  const glyphs = glyphsOf('中·国');
  const [dot] = shapeText(fontOf(fonts, 'serif'), '·', SIZE);
  const x = glyphs.find((g) => g.text === '·')?.x as number;
  const han = glyphs[0]?.x as number;
  expect(x).toBeCloseTo(han + SIZE + (SIZE / 2 - (dot?.advance ?? 0)) / 2, 9);
});
