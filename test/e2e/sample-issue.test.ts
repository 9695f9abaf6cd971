/**
 * End to end on the sample issue (issue 2): build issues/2024-02 into a temporary project, read the
 * e-mail PDF back with pdf.js and check structure, completeness, TOC, outline, links, running heads,
 * folios and page breaking against the Markdown sources and TYPOGRAPHY.md (§2.4, §2.5, R19, R20).
 */
import { linesOf, pageText, type PdfLine, type PdfPage, type PdfReport } from '../helpers/pdf';
import { type SharedBuild, sharedReport, sharedSample } from '../support/shared';
import {
  type SourceArticle,
  type SourceIssue,
  bodyRegion,
  collectBodyLines,
  describe1,
  footerLine,
  headerLine,
  isLatinAlnum,
  loadSourceIssue,
  noSpace,
  type BodyLine,
} from './helpers';

const BODY = 12; // 小四
const TITLE_MIN = 18; // article titles are 二号 (22 pt); nothing else on a body page is this big
const FIRST_BODY_PAGE = 2; // cover, TOC, then the articles
const FULL_TITLE = '社会矛盾化解法律资讯';

let built: SharedBuild | undefined;
let report: PdfReport;
let source: SourceIssue;
let lines: BodyLine[];
/** Article index (issue order) → 0-based index of the page where its title starts. */
let titlePage: number[];

/** Article pages: after cover and TOC, without the blank pages that pad the issue to a multiple of 4. */
function bodyPages(): PdfPage[] {
  return report.pages.slice(FIRST_BODY_PAGE).filter((p) => /^\d+$/.test(report.pageLabels?.[p.index] ?? ''));
}

/** Text of a page's body region (no running head, no folio), lines joined, whitespace removed. */
function regionText(page: PdfPage): string {
  return noSpace(pageText(bodyRegion(page, BODY)));
}

beforeAll(async () => {
  source = loadSourceIssue();
  built = await sharedSample();
  report = await sharedReport(built.pdfFile);
  lines = collectBodyLines(report, FIRST_BODY_PAGE, BODY, source.series.page.charsPerLine * BODY, TITLE_MIN);
  titlePage = source.articles.map((article) => {
    const want = noSpace(article.title);
    const page = bodyPages().find((p) => regionText(p).includes(want));
    return page ? page.index : -1;
  });
});


describe('document structure', () => {
  test('page count is at least 20 and equals what buildIssue reports', () => {
    expect(report.pageCount).toBeGreaterThanOrEqual(20);
    expect(report.pageCount).toBe(built?.result.pageCount);
    expect(report.pages).toHaveLength(report.pageCount);
  });

  test('page labels: 封面, 目录, then 1, 2, …; no saddle-stitch padding: the last page has content', () => {
    const body = bodyPages().length;
    expect(report.pageLabels).toEqual(report.pages.map((_, i) => (i === 0 ? '封面' : i === 1 ? '目录' : String(i - 1))));
    expect(report.pages).toHaveLength(FIRST_BODY_PAGE + body);
    // Every page has text (the press file's blank padding pages are the press file's only).
    for (const page of report.pages) expect(page.glyphs.length).toBeGreaterThan(0);
  });

  test('every font is embedded with a ToUnicode map, and none is a standard-14 font', () => {
    expect(report.fonts.length).toBeGreaterThan(0);
    for (const font of report.fonts) {
      expect({ font: font.name, embedded: font.embedded, toUnicode: font.hasToUnicode }).toEqual({ font: font.name, embedded: true, toUnicode: true });
      expect(font.name).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/i);
    }
  });
});

describe('completeness against the Markdown sources', () => {
  test('every paragraph, heading and caption of every article is on the body pages', () => {
    const text = bodyPages().map(regionText).join('');
    // Two pictures side by side put their captions in two columns; a reader that groups glyphs by
    // baseline interleaves them, so captions are looked up in content order (what pdf.js copies).
    const contentOrder = bodyPages().map((p) => noSpace(p.text)).join('');
    const missing: string[] = [];
    for (const article of source.articles) {
      for (const block of article.blocks) {
        const haystack = block.kind === 'caption' ? contentOrder : text;
        if (!haystack.includes(noSpace(block.text))) missing.push(`${article.file} [${block.kind}] ${block.text.slice(0, 40)}…`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every article title (and subtitle) is printed, starting on a body page', () => {
    expect(titlePage.filter((p) => p < FIRST_BODY_PAGE)).toEqual([]);
    const text = bodyPages().map(regionText).join('');
    for (const article of source.articles) if (article.subtitle) expect(text).toContain(noSpace(article.subtitle));
  });

  test('the cover carries every editorial-board name unsplit, each within one line', () => {
    const coverLines = linesOf(report.pages[0] as PdfPage);
    const board = source.series.editorialBoard;
    const names = [...board.chiefEditors, ...board.deputyEditors, ...board.members];
    // The names the seed PDF split across lines ("顾晓 / 燕", "王 / 海虹", "章大 / 卫", R29) first.
    for (const name of ['顾晓燕', '顾崑涛', '王海虹', '章大卫', ...names]) {
      const holders = coverLines.filter((l) => noSpace(l.text).includes(name));
      expect({ name, onOneLine: holders.length >= 1 }).toEqual({ name, onOneLine: true });
    }
    expect(noSpace(pageText(report.pages[0] as PdfPage))).toContain(FULL_TITLE);
  });
});

interface TocEntry {
  readonly lines: PdfLine[];
  /** The number as printed at the start, e.g. "1、". */
  readonly number: string;
  /** The page number printed at the right end of the last line. */
  readonly folio: number | null;
  /** Entry text without number and folio, whitespace removed. */
  readonly text: string;
}

/** Reads the TOC entries (body-size lines; an entry starts with "N、"). */
function tocEntries(page: PdfPage): TocEntry[] {
  const entries: PdfLine[][] = [];
  for (const line of linesOf(page).filter((l) => l.glyphs.every((g) => Math.abs(g.size - BODY) < 0.01))) {
    if (/^\d+、/.test(line.text)) entries.push([line]);
    else entries[entries.length - 1]?.push(line);
  }
  return entries.map((entryLines) => {
    const last = entryLines[entryLines.length - 1] as PdfLine;
    // Folio: the run of digits at the right end of the last line.
    let i = last.glyphs.length;
    while (i > 0 && isLatinAlnum(last.glyphs[i - 1]?.ch ?? '') && /\d/.test(last.glyphs[i - 1]?.ch ?? '')) i--;
    const digits = last.glyphs.slice(i).map((g) => g.ch).join('');
    const number = /^\d+、/.exec((entryLines[0] as PdfLine).text)?.[0] ?? '';
    const text = noSpace(entryLines.map((l, k) => (k === entryLines.length - 1 ? l.glyphs.slice(0, i).map((g) => g.ch).join('') : l.text)).join('')).slice(number.length);
    return { lines: entryLines, number, folio: digits === '' ? null : Number(digits), text };
  });
}

describe('table of contents, outline and links', () => {
  let toc: TocEntry[];
  let tocPages: PdfPage[];
  beforeAll(() => {
    tocPages = report.pages.filter((_, i) => report.pageLabels?.[i] === '目录');
    toc = tocPages.flatMap(tocEntries);
  });

  test('there is one TOC entry per article, numbered 1、2、… within each section, in issue order', () => {
    expect(tocPages.length).toBeGreaterThanOrEqual(1);
    expect(toc.map((e) => e.number)).toEqual(source.articles.map((a) => `${a.numberInSection}、`));
    toc.forEach((entry, i) => {
      const article = source.articles[i] as SourceArticle;
      expect(entry.text.startsWith(noSpace(article.tocTitle ?? article.title))).toBe(true);
    });
  });

  test('TOC page numbers equal the footer folio of the page where each article title starts', () => {
    const rows = source.articles.map((article, i) => {
      const page = report.pages[titlePage[i] as number];
      return { article: article.file, toc: toc[i]?.folio ?? null, footer: page ? (footerLine(page)?.folio ?? null) : null };
    });
    for (const row of rows) expect(row.footer).not.toBeNull();
    expect(rows.map((r) => ({ article: r.article, folio: r.toc }))).toEqual(rows.map((r) => ({ article: r.article, folio: r.footer })));
  });

  test('the outline has the two sections with 8 and 1 articles, each opening its article’s page', () => {
    expect(report.outline.map((o) => o.items.length)).toEqual(source.sections.map((s) => s.articles.length));
    expect(report.outline.map((o) => o.items.length)).toEqual([8, 1]);
    report.outline.forEach((section, s) => expect(section.title).toContain(source.sections[s]?.title));
    const opened = report.outline.flatMap((section) => section.items.map((item) => item.pageIndex));
    expect(opened).toEqual(titlePage);
  });

  test('every TOC entry is a link to its article’s page', () => {
    toc.forEach((entry, i) => {
      const tocPage = tocPages.find((p) => linesOf(p).some((l) => l.y === entry.lines[0]?.y)) ?? (tocPages[0] as PdfPage);
      const covering = tocPage.annotations.filter(
        (a) => a.subtype === 'Link' && entry.lines.some((l) => l.y >= Math.min(a.rect[1], a.rect[3]) && l.y <= Math.max(a.rect[1], a.rect[3])),
      );
      expect({ entry: entry.number + entry.text.slice(0, 12), links: covering.length > 0 }).toEqual({ entry: entry.number + entry.text.slice(0, 12), links: true });
      for (const link of covering) expect({ entry: entry.number, dest: link.destPageIndex }).toEqual({ entry: entry.number, dest: titlePage[i] });
    });
  });
});

describe('running heads and folios', () => {
  test('every body page has a small running head above the text that names the publication', () => {
    const bad: string[] = [];
    for (const page of bodyPages()) {
      const head = headerLine(page, BODY);
      const topOfRest = Math.max(...linesOf(page).slice(1).map((l) => l.y));
      if (!head || !noSpace(head.text).includes(FULL_TITLE) || !(head.y > topOfRest)) bad.push(`page index ${page.index}: ${head ? head.text : '(no small top line)'}`);
    }
    expect(bad).toEqual([]);
  });

  test('the running head names the article current at the top of the page (§2.4 first-mark)', () => {
    // The article whose title is on the page, else the one continuing from the previous page.
    const bad: string[] = [];
    for (const page of bodyPages()) {
      let current = -1;
      titlePage.forEach((p, i) => {
        if (p <= page.index) current = i;
      });
      const article = source.articles[current];
      const head = noSpace(headerLine(page, BODY)?.text ?? '');
      if (article?.runningHead && !head.includes(noSpace(article.runningHead))) {
        bad.push(`page index ${page.index} (folio ${report.pageLabels?.[page.index]}): head "${head}" lacks "${article.runningHead}" (${article.file})`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('cover and TOC have no running head and no folio', () => {
    const headerY = Math.min(...bodyPages().map((p) => headerLine(p, BODY)?.y ?? Infinity));
    for (const page of report.pages.slice(0, FIRST_BODY_PAGE)) {
      const top = linesOf(page).filter((l) => l.y >= headerY - 1);
      expect(top.map((l) => l.text)).toEqual([]);
      expect(linesOf(page).filter((l) => l.glyphs.every((g) => g.size < BODY - 1) && noSpace(l.text).includes(FULL_TITLE)).map((l) => l.text)).toEqual([]);
      expect(footerLine(page)).toBeUndefined();
    }
  });

  test('the footer folio "— N —" of every body page equals its page label', () => {
    const folios = bodyPages().map((p) => String(footerLine(p)?.folio ?? '(none)'));
    expect(folios).toEqual(bodyPages().map((p) => report.pageLabels?.[p.index]));
  });
});

describe('page breaking', () => {
  test('each article starts on a new page: nothing of body size above its title', () => {
    const bad: string[] = [];
    source.articles.forEach((article, i) => {
      const page = report.pages[titlePage[i] as number];
      if (!page) {
        bad.push(`${article.file}: title not found`);
        return;
      }
      const region = bodyRegion(page, BODY);
      const titleTop = Math.max(...region.glyphs.filter((g) => g.size >= TITLE_MIN).map((g) => g.y));
      const above = region.glyphs.filter((g) => g.y > titleTop + 0.5 && Math.abs(g.size - BODY) < 0.01);
      if (above.length > 0) bad.push(`${article.file}: "${above.map((g) => g.ch).join('')}" above the title`);
    });
    expect(bad).toEqual([]);
  });

  test('no page ends with a title, subtitle or heading, and a heading keeps ≥ 2 following lines on its page (R20)', () => {
    const bad: string[] = [];
    for (const page of bodyPages()) {
      const region = linesOf(bodyRegion(page, BODY));
      const last = region[region.length - 1];
      if (!last) continue;
      const isTitle = last.glyphs.some((g) => g.size >= TITLE_MIN);
      const isHeading = last.glyphs.every((g) => Math.abs(g.size - BODY) < 0.01 && /Sans|Kai/i.test(g.fontName));
      const isDisplay = last.glyphs.some((g) => g.size > BODY + 1); // subtitle, section head, document number
      if (isTitle || isHeading || isDisplay) bad.push(`page index ${page.index} ends with "${last.text}"`);
    }
    // A heading (or a run of headings) must be followed by two lines of text on the same page.
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as BodyLine;
      if (!l.isHeading || !l.isFinal || lines[i + 1]?.isHeading) continue;
      const after = lines.slice(i + 1, i + 3);
      const samePage = after.filter((a) => a.page === l.page && a.article === l.article).length;
      if (samePage < 2) bad.push(`heading ${describe1(l)} followed on its page by ${samePage} line(s) of text`);
    }
    expect(bad).toEqual([]);
  });

  test('paragraphs split across pages keep ≥ 2 lines on each side (no widows or orphans, R19)', () => {
    // Group body lines into paragraphs by the 2-em indent.
    const paragraphs: BodyLine[][] = [];
    for (const line of lines) {
      const prev = paragraphs[paragraphs.length - 1];
      const prevLast = prev?.[prev.length - 1];
      if (!prev || !prevLast || line.isStart || prevLast.isFinal) paragraphs.push([line]);
      else prev.push(line);
    }
    const bad: string[] = [];
    let split = 0;
    for (const para of paragraphs) {
      const pages = [...new Set(para.map((l) => l.page))];
      if (pages.length < 2) continue;
      const counts = pages.map((p) => para.filter((l) => l.page === p).length);
      split += 1;
      if (counts.some((c) => c < 2)) bad.push(`"${para[0]?.line.text.slice(0, 16)}…" split ${counts.join(' + ')} over page indexes ${pages.join(', ')}`);
    }
    expect(bad).toEqual([]);
    // The sample has paragraphs that run over a page break; if none is found, the grouping is broken.
    expect(split).toBeGreaterThan(3);
  });

  test('the first line of every body paragraph is indented 2 em and other lines are not (R17)', () => {
    // Every body line starts either at the column edge or 2 em in (after R12 bracket trimming).
    const bad = lines
      .filter((l) => !(Math.abs(l.inkLeft - l.columnLeft) <= 0.05 || Math.abs(l.inkLeft - (l.columnLeft + 2 * BODY)) <= 0.05))
      .map((l) => `${describe1(l)} ink-left ${(l.inkLeft - l.columnLeft).toFixed(2)} pt from the column edge`);
    expect(bad).toEqual([]);
    // As many indented text lines as source paragraphs, as many indented heading lines as headings.
    const blocks = source.articles.flatMap((a) => a.blocks);
    expect(lines.filter((l) => l.isStart && !l.isHeading).length).toBe(blocks.filter((b) => b.kind === 'paragraph').length);
    expect(lines.filter((l) => l.isStart && l.isHeading).length).toBe(blocks.filter((b) => b.kind === 'heading').length);
  });
});
