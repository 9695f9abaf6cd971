/**
 * The geometric check after layout (layout/frames.ts, issue #8 item 1) on hand-made pages: ink
 * outside the text block, the header or footer band or the trim, and a crowded running head,
 * are errors at the box's source; ink inside its frame is not.
 */
import { wording } from '../helpers/errors';
import { checkFrames } from '../../src/layout/frames';
import { pageStyleFrom, textLeft } from '../../src/layout/page-style';
import type { Box, LaidOutIssue, Page } from '../../src/layout/types';

const style = pageStyleFrom({ width: '210mm', height: '297mm', bodySize: '小四', charsPerLine: 38, linePitch: '20pt', linesPerPage: 34, marginTop: '32mm', marginInner: '26mm' });
const source = { file: 'issues/x/articles/a.md', line: 7 };
const options = { hang: 0, fallbackSource: { file: 'issues/series.yaml' } };

/** A line of `count` one-em ideographs at x, on baseline y. */
function line(x: number, y: number, count: number, size = 12, extra: Partial<Box> = {}): Box {
  const run = { font: 'serif', size, ids: Array.from({ length: count }, () => 1), xs: Array.from({ length: count }, (_, k) => k * size), texts: Array.from({ length: count }, () => '字'), end: count * size };
  return { kind: 'text', x, y, ink: 'text', runs: [run], source, ...extra } as Box;
}

function issueOf(boxes: Box[], pageIndex = 2): LaidOutIssue {
  const blank: Page = { kind: 'toc', folio: null, label: '目录', boxes: [], anchors: [] };
  const pages: Page[] = Array.from({ length: pageIndex }, () => blank);
  pages.push({ kind: 'body', folio: 1, label: '1', boxes, anchors: [] });
  return { pages, outline: [], pageWidth: style.pageWidth, pageHeight: style.pageHeight, stats: { lines: 0, pushIns: 0, pushOuts: 0, maxExtraPerGap: 0, linesOverThreshold: 0, linesOverMeasure: 0, worst: [] }, problems: [], missingGlyphs: [] };
}

const left = textLeft(style, 2);
const firstBaseline = style.textTop + style.em * 0.88;

test('a full line of the text block is inside it', () => {
  expect(checkFrames(issueOf([line(left, firstBaseline, 38)]), style, options)).toEqual([]);
});

test('a line one character too long is an error at its source, saying by how much', () => {
  const [d, ...rest] = checkFrames(issueOf([line(left, firstBaseline, 39)]), style, options);
  expect(rest).toEqual([]);
  expect(d?.severity).toBe('error');
  expect(d?.location).toEqual(source);
  expect(wording(d)).toMatch(/12\.0 pt outside the text block/);
});

test('a line running off the paper is reported against the trim', () => {
  const [d] = checkFrames(issueOf([line(left, firstBaseline, 60)]), style, options);
  expect(wording(d)).toMatch(/outside the trimmed page/);
});

test('text below the last line of the text block (a title set under the page) is an error', () => {
  const below = style.textTop + style.linesPerPage * style.pitch + 30;
  expect(checkFrames(issueOf([line(left, below, 5)]), style, options)).toHaveLength(1);
});

test('header boxes belong in the header band, and its two parts must be 1 em apart', () => {
  const y = style.textTop - 20;
  const size = style.sizes.header;
  const inner = line(left, y, 10, size, { band: 'head' });
  const apart = line(left + 11 * size, y, 5, size, { band: 'head' });
  const crowded = line(left + 10.5 * size, y, 5, size, { band: 'head' });
  expect(checkFrames(issueOf([inner, apart]), style, options)).toEqual([]);
  const [d] = checkFrames(issueOf([inner, crowded]), style, options);
  expect(wording(d)).toMatch(/running head .* apart/);
  // The same line in the text block's band would be outside its frame.
  expect(wording(checkFrames(issueOf([line(left, y, 10, size)]), style, options)[0])).toMatch(/outside the text block/);
});

test('an image wider than the column is an error', () => {
  const image: Box = { kind: 'image', x: left - 10, y: style.textTop + 10, width: style.textWidth, height: 100, file: 'a.jpg', source };
  expect(checkFrames(issueOf([image]), style, options)).toHaveLength(1);
});
