/**
 * The content hash's page text (layout/page-json.ts) is JSON.stringify's text of the page as it
 * was when each glyph was an object {id, x, text}: the PDFs' /ID and XMP ids are its digest, so
 * flat glyph data must not change a byte of it. (The sample's pages: test/layout/document.test.ts.)
 */
import { glyphObjects, pageJson } from '../../src/layout/page-json';
import type { Box, GlyphRun, Page } from '../../src/layout/types';

/** A run from glyphs written out as objects, the way a test reads most easily. */
function run(font: GlyphRun['font'], size: number, glyphs: readonly { id: number; x: number; text: string }[], end: number): GlyphRun {
  return { font, size, ids: glyphs.map((g) => g.id), xs: glyphs.map((g) => g.x), texts: glyphs.map((g) => g.text), end };
}

test('a small page is written in the old shape, key for key', () => {
  const page: Page = {
    kind: 'body',
    folio: 3,
    label: '3',
    boxes: [{ kind: 'text', x: 10, y: 20.5, runs: [run('serif', 12, [{ id: 7, x: 0, text: '字' }, { id: 65535, x: 12.25, text: '“' }], 24)], ink: 'text' }],
    anchors: [],
  };
  expect(pageJson(page)).toBe(
    '{"kind":"body","folio":3,"label":"3","boxes":[{"kind":"text","x":10,"y":20.5,"runs":[{"font":"serif","size":12,"glyphs":[{"id":7,"x":0,"text":"字"},{"id":65535,"x":12.25,"text":"“"}],"end":24}],"ink":"text"}],"anchors":[]}',
  );
});

test('escapes, odd numbers, links, tags, images and missing keys come out as JSON.stringify writes the old shape', () => {
  const texts = ['"', '\\', '\n', '\u0001', '\ud800', '\u2028', '𠮷', 'fi', '——', ''];
  const xs = [-0, 0.1 + 0.2, 1e21, 1e-7, -3.5, 1 / 3, Number.MAX_VALUE, 5e-324, 123456.789, 2 ** 53];
  const glyphs = texts.map((text, k) => ({ id: k * 1000, x: xs[k] as number, text }));
  const tag = { role: 'P' as const, id: 'a/p1', group: 'a', listItem: { list: 'l', item: 'i' } };
  const source = { file: 'issues/x/articles/a.md', line: 7, column: undefined };
  const boxes = (runs: (g: typeof glyphs) => unknown[]) => [
    { kind: 'text', x: -0, y: 1e-7, runs: runs(glyphs), ink: 'accent', links: [{ x: 1, width: 2, uri: 'https://example.org/"q"' }], tag, source, band: undefined },
    { kind: 'text', x: 0, y: 0, runs: runs([]), ink: 'muted', tag: undefined },
    { kind: 'image', x: 1, y: 2, width: 3, height: 4, file: '/p/图.png', tag: { role: 'Figure', id: 'f', alt: '题注\t"图"' } },
    { kind: 'link', x: 0, y: 0, width: 100, height: 20, target: 'art-1', tag: { role: 'TOCI', id: 't' } },
    { kind: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, thickness: 0.5, ink: 'rule', band: 'head' },
    { kind: 'dot', x: 1, y: 2, radius: 0.3, ink: 'text' },
  ];
  const page = (runs: (g: typeof glyphs) => unknown[]) => ({ kind: 'body', folio: null, label: '封面', boxes: boxes(runs), anchors: [{ id: 'art-1', y: 3 }], runningTitle: undefined });
  const flat = page((g) => [run('serif', 10.5, g, NaN), run('fallback0', 12, g.slice(0, 2), Infinity)]) as unknown as Page;
  const old = page((g) => [
    { font: 'serif', size: 10.5, glyphs: g, end: NaN },
    { font: 'fallback0', size: 12, glyphs: g.slice(0, 2), end: Infinity },
  ]);
  expect(pageJson(flat)).toBe(JSON.stringify(old));
});

test('glyphObjects gives each glyph of a run, in order', () => {
  const glyphs = [{ id: 1, x: 0, text: '一' }, { id: 2, x: 12, text: '二' }];
  expect(glyphObjects(run('kai', 12, glyphs, 24))).toEqual(glyphs);
  const box: Box = { kind: 'text', x: 0, y: 0, runs: [], ink: 'text' };
  expect(pageJson({ kind: 'blank', folio: null, label: '', boxes: [box], anchors: [] })).toBe('{"kind":"blank","folio":null,"label":"","boxes":[{"kind":"text","x":0,"y":0,"runs":[],"ink":"text"}],"anchors":[]}');
});
