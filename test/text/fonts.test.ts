/** The shipped fonts, shaped as the engine shapes them: SC forms and the zh-Hans language system. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { deferredFont, fontMetrics, openFont, shapeText, hasGlyph, type LoadedFont } from '../../src/text/fonts';

const fontFile = (name: string) => path.resolve(__dirname, '../../fonts', name);
const serif = openFont('serif', 'fonts/NotoSerifSC-Regular.ttf', fs.readFileSync(fontFile('NotoSerifSC-Regular.ttf')));
const sans = openFont('sansBold', 'fonts/NotoSansSC-Bold.ttf', fs.readFileSync(fontFile('NotoSansSC-Bold.ttf')));
const kai = openFont('kai', 'fonts/LXGWWenKai-Regular.ttf', fs.readFileSync(fontFile('LXGWWenKai-Regular.ttf')));

const advance = (font: LoadedFont, text: string) => shapeText(font, text, 1).reduce((sum, g) => sum + g.advance, 0);

test('an ideograph is one em in every face', () => {
  for (const font of [serif, sans, kai]) expect(advance(font, '中')).toBeCloseTo(1, 3);
});

test('破折号 is two ems and a connector one em with the ZHS language system (R2)', () => {
  for (const font of [serif, sans]) {
    expect(advance(font, '——')).toBeCloseTo(2, 3);
    const dash = shapeText(font, '2023—2027', 1).find((g) => g.text === '—');
    expect(dash?.advance).toBeCloseTo(1, 3);
    expect(advance(font, '……')).toBeCloseTo(2, 3);
  }
});

test('quotes are full width in the SC serif face (R1)', () => {
  expect(advance(serif, '“')).toBeCloseTo(1, 3);
  expect(advance(serif, '”')).toBeCloseTo(1, 3);
});

test('shaping keeps every character, ligatures included', () => {
  const text = '召开 2023 年度——“蝶变新生”starsh1021@163.com';
  expect(shapeText(serif, text, 12).map((g) => g.text).join('')).toBe(text);
});

test('coverage: the rare name character 崑 is there; an Ext-B character is not', () => {
  expect(hasGlyph(serif, '崑'.codePointAt(0) ?? 0)).toBe(true);
  expect(hasGlyph(serif, 0x2a6a5)).toBe(false);
});

test('the advances and italic angle read from the tables are fontkit\'s, glyph for glyph', () => {
  // openFont reads hmtx and post itself (fontkit decodes glyf headers and every glyph name for them).
  for (const font of [serif, sans, kai]) {
    expect(font.advances?.length).toBe(font.font.numGlyphs);
    const step = Math.max(1, Math.floor(font.font.numGlyphs / 2000));
    for (let id = 0; id < font.font.numGlyphs; id += step) expect([id, font.advances?.[id]]).toEqual([id, font.font.getGlyph(id).advanceWidth]);
    expect(fontMetrics(font).italicAngle).toBe(font.font.italicAngle);
  }
});

test('the loca openFont gives fontkit is the one fontkit decodes itself', () => {
  for (const [font, name] of [[serif, 'NotoSerifSC-Regular.ttf'], [sans, 'NotoSansSC-Bold.ttf'], [kai, 'LXGWWenKai-Regular.ttf']] as const) {
    const own = (font.font as unknown as { loca: { version: number; offsets: number[] } }).loca;
    const decoded = (fontkit.create(fs.readFileSync(fontFile(name))) as unknown as { loca: { version: number; offsets: number[] } }).loca;
    expect(decoded.offsets.length).toBeGreaterThan(1000);
    expect({ ...own }).toEqual({ ...decoded });
  }
  // Given, not decoded: a font just opened has it before any glyph was asked for.
  const opened = openFont('serif', 'fonts/NotoSerifSC-Regular.ttf', fs.readFileSync(fontFile('NotoSerifSC-Regular.ttf')));
  expect(Object.keys((opened.font as unknown as { _tables: object })._tables)).toContain('loca');
});

test('a deferred font opens its file on the first question that needs it, once, as itself', () => {
  const owners: LoadedFont[] = [];
  const deferred = deferredFont('fallback0', 'fonts/NotoSansSC-Bold.ttf', (owner) => {
    owners.push(owner);
    return sans;
  });
  // Role, path and the per-font memos need no file: a fallback no character asks for is never read.
  expect([deferred.role, deferred.path, deferred.cache.size, deferred.covers.size]).toEqual(['fallback0', 'fonts/NotoSansSC-Bold.ttf', 0, 0]);
  expect(owners).toHaveLength(0);
  expect(hasGlyph(deferred, '中'.codePointAt(0) ?? 0)).toBe(true);
  expect(advance(deferred, '中文')).toBeCloseTo(2, 3);
  expect([deferred.unitsPerEm, deferred.postscriptName, fontMetrics(deferred)]).toEqual([sans.unitsPerEm, sans.postscriptName, fontMetrics(sans)]);
  // Opened once, handed the deferred object (what the subset writer knows the font by).
  expect(owners).toEqual([deferred]);
});
