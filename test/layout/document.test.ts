/**
 * Whole-issue layout on the sample, as data (no PDF): TOC folios resolved from where the
 * articles landed, a TOC whose height cannot depend on those folios, decoration only on body pages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadIssue } from '../../src/document/load';
import type { AnchorId } from '../../src/document/types';
import { readImageInfo } from '../../src/images';
import { expectedImageWidths } from '../../src/layout/blocks';
import { collectAnchors, layoutDocument } from '../../src/layout/document';
import { resolveSettings } from '../../src/settings';
import { glyphObjects, pageJson } from '../../src/layout/page-json';
import { layoutToc } from '../../src/layout/toc';
import type { LaidOutIssue, Page } from '../../src/layout/types';
import { FONT_ROLES, type FontRole, type FontSet, type LoadedFont, openFont } from '../../src/text/fonts';

const REPO = path.resolve(__dirname, '..', '..');
let laidOut: LaidOutIssue;
let loaded: Awaited<ReturnType<typeof loadIssue>>;
let fonts: FontSet;
const images = new Map<string, { width: number; height: number }>();

beforeAll(async () => {
  loaded = await loadIssue(REPO, '2024-02');
  fonts = {
    ...(Object.fromEntries(
      FONT_ROLES.map((role): [FontRole, LoadedFont] => [role, openFont(role, loaded.series.fonts[role], fs.readFileSync(path.join(REPO, loaded.series.fonts[role])))]),
    ) as Record<FontRole, LoadedFont>),
    fallbacks: [],
  };
  for (const section of loaded.document.sections)
    for (const article of section.articles)
      for (const block of article.blocks) if (block.kind === 'figure') images.set(block.image, await readImageInfo(block.image, block.image, block.source));
  const settings = resolveSettings(loaded.series, loaded.locateInSeries);
  laidOut = layoutDocument(loaded.document, { style: settings.page, typography: settings.typography, fonts, images });
});

/** Texts of the digit-only text boxes at the right edge of the TOC pages, in drawing order. */
function tocFolios(pages: readonly Page[]): number[] {
  const style = resolveSettings(loaded.series, loaded.locateInSeries).page;
  return pages
    .filter((p) => p.kind === 'toc')
    .flatMap((page, k) =>
      page.boxes.flatMap((box) => {
        if (box.kind !== 'text') return [];
        const text = box.runs.flatMap((r) => glyphObjects(r).map((g) => g.text)).join('');
        const last = box.runs[box.runs.length - 1];
        const right = box.x + (last?.end ?? 0);
        const columnRight = (k % 2 === 0 ? style.outerMargin : style.innerMargin) + style.textWidth;
        return /^\d+$/.test(text) && Math.abs(right - columnRight) < 1 ? [Number(text)] : [];
      }),
    );
}

test("the content hash reads each page as JSON.stringify of its old shape, an object per glyph (the PDFs' /ID)", () => {
  const old = (page: Page) => ({
    ...page,
    boxes: page.boxes.map((box) =>
      box.kind === 'text' ? { ...box, runs: box.runs.map((r) => ({ font: r.font, size: r.size, glyphs: Array.from(r.ids, (id, i) => ({ id, x: r.xs[i], text: r.texts[i] })), end: r.end })) } : box,
    ),
  });
  for (const page of laidOut.pages) expect(pageJson(page)).toBe(JSON.stringify(old(page)));
  // The sample has lines of two fonts, tags, TOC links and pictures (web links in a line: test/layout/page-json.test.ts).
  const boxes = laidOut.pages.flatMap((page) => page.boxes);
  const has = { twoFonts: boxes.some((box) => box.kind === 'text' && box.runs.length > 1), link: boxes.some((box) => box.kind === 'link'), tag: boxes.some((box) => box.kind === 'text' && box.tag !== undefined), picture: boxes.some((box) => box.kind === 'image') };
  expect(has).toEqual({ twoFonts: true, link: true, tag: true, picture: true });
});

test('the widths pictures are converted at before layout are the widths layout places them at', () => {
  const settings = resolveSettings(loaded.series, loaded.locateInSeries);
  // The sample has two rows of two pictures; without its last picture, the third stands alone.
  const sections = loaded.document.sections;
  const figures = sections.flatMap((s) => s.articles).flatMap((a) => a.blocks.filter((b) => b.kind === 'figure'));
  expect(figures.length).toBe(4);
  const dropped = figures[3];
  const alone = { ...loaded.document, sections: sections.map((s) => ({ ...s, articles: s.articles.map((a) => ({ ...a, blocks: a.blocks.filter((b) => b !== dropped) })) })) };
  for (const document of [loaded.document, alone]) {
    const placed = new Map<string, number>();
    const pages = layoutDocument(document, { style: settings.page, typography: settings.typography, fonts, images }).pages;
    for (const box of pages.flatMap((p) => p.boxes)) if (box.kind === 'image') placed.set(box.file, Math.max(placed.get(box.file) ?? 0, box.width));
    expect(placed.size).toBe(document === alone ? 3 : 4);
    expect(expectedImageWidths(document.sections, settings.page, images)).toEqual(placed);
  }
  // Alone, a picture is set wider than in a pair: the case above tested both kinds of row.
  const third = figures[2]!;
  const lone = third.kind === 'figure' ? third.image : '';
  expect(expectedImageWidths(alone.sections, settings.page, images).get(lone)).toBeGreaterThan(expectedImageWidths(sections, settings.page, images).get(lone)!);
});

test('every TOC folio is the folio of the page its article starts on', () => {
  const anchors = collectAnchors(laidOut.pages);
  const expected = loaded.document.sections.flatMap((s) => s.articles.map((a) => anchors.get(a.anchor)?.folio));
  expect(expected.every((f) => typeof f === 'number')).toBe(true);
  expect(tocFolios(laidOut.pages)).toEqual(expected);
});

test('the TOC is as tall with unknown folios as with the real ones (fixed folio column)', () => {
  const { page, typography } = resolveSettings(loaded.series, loaded.locateInSeries);
  const ctx = { style: page, fonts, texts: loaded.document.texts, typography };
  const unknown = layoutToc(loaded.document.sections, new Map(), ctx);
  const known = layoutToc(loaded.document.sections, collectAnchors(laidOut.pages) as ReadonlyMap<AnchorId, { folio: number | null; pageIndex: number }>, ctx);
  expect(unknown.map((item) => item.height)).toEqual(known.map((item) => item.height));
});

test('folios start at 1 on the first article page and only body pages carry them', () => {
  const kinds = laidOut.pages.map((p) => p.kind);
  expect(kinds.slice(0, 2)).toEqual(['cover', 'toc']);
  const body = laidOut.pages.filter((p) => p.kind === 'body');
  expect(body.map((p) => p.folio)).toEqual(body.map((_, k) => k + 1));
  for (const page of laidOut.pages.filter((p) => p.kind !== 'body')) expect(page.folio).toBeNull();
});

test('each article starts a page and names the running head of that page', () => {
  const anchors = collectAnchors(laidOut.pages);
  for (const article of loaded.document.sections.flatMap((s) => s.articles)) {
    const at = anchors.get(article.anchor);
    expect(at).toBeDefined();
    const page = laidOut.pages[at?.pageIndex ?? -1];
    expect(page?.runningTitle).toBe(article.runningHead);
  }
});

describe('structure tags of headings (tagged e-mail copy)', () => {
  test('a heading never sits more than one level below the one before it (Matterhorn 14-003)', () => {
    const settings = resolveSettings(loaded.series, loaded.locateInSeries);
    const [section, ...otherSections] = loaded.document.sections;
    const [article, ...otherArticles] = section!.articles;
    const source = article!.titleSource;
    const heading = (level: 1 | 2 | 3, text: string) => ({ kind: 'heading' as const, level, runs: [{ text, style: 'regular' as const, source }], source });
    // An article that opens with a （一） heading, then 一、, then a 1. heading.
    const blocks = [heading(2, '（一）开篇即二级标题'), heading(1, '一、一级标题'), heading(3, '1.三级标题')];
    const document = { ...loaded.document, sections: [{ ...section!, articles: [{ ...article!, blocks }, ...otherArticles] }, ...otherSections] };
    const issue = layoutDocument(document, { style: settings.page, typography: settings.typography, fonts, images: new Map() });
    const roles = new Map<string, string>();
    for (const page of issue.pages) {
      for (const box of page.boxes) if (box.kind === 'text' && box.tag?.group === article!.anchor && /^H\d$/.test(box.tag.role)) roles.set(box.tag.id, box.tag.role);
    }
    expect([...roles.values()]).toEqual(['H1', 'H2', 'H2', 'H3']);
  });
});
