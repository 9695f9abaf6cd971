/**
 * Lays out the whole issue: the body galley is paginated once (folios start at 1 on the first
 * article page, so they do not depend on how long the TOC is), then the TOC is set with the
 * folios the articles landed on, then pages are assembled and decorated.
 */
import type { Article, IssueDocument } from '../document/types';
import type { Typography } from '../settings';
import type { FontSet } from '../text/fonts';
import { articleDivisions, type BodyContext, type ImageSizes, layoutBody } from './blocks';
import { layoutCover } from './cover';
import { decorateBodyPage, type RunningHead } from './decorate';
import { offsetBox } from './flow';
import { type PaginatedPage, type PaginationProblem, paginate } from './paginate';
import { keepChainTooTall, LayoutProblems, runningHeadTooLong, shortenedRunningHead, tallerThanPage } from './problems';
import { fitRunningHead } from './running-head';
import { setSingleLine } from './paragraph';
import type { Diagnostic } from '../errors';
import { type PageStyle, textLeft } from './page-style';
import { layoutToc } from './toc';
import type { Box, LaidOutIssue, OutlineEntry, Page, PageMap, TypesettingStats } from './types';

export interface LayoutOptions {
  readonly style: PageStyle;
  readonly fonts: FontSet;
  readonly images: ImageSizes;
  readonly typography: Typography;
  /** Articles already set, for a rebuild that sets only what changed (BodyContext.articleCache). */
  readonly articleCache?: BodyContext['articleCache'];
}

/** Lays out cover, TOC and body; every TOC folio is where its article's title is. */
export function layoutDocument(doc: IssueDocument, options: LayoutOptions): LaidOutIssue {
  const { style, fonts, typography } = options;
  const stats: TypesettingStats = { lines: 0, pushIns: 0, pushOuts: 0, maxExtraPerGap: 0, linesOverThreshold: 0, linesOverMeasure: 0, worst: [] };
  const problems = new LayoutProblems();
  const capacity = style.linesPerPage * style.pitch;

  // Body first: where each article lands decides the folios the TOC prints.
  const body = paginate(layoutBody(doc.sections, { ...options, stats, problems }), capacity);
  const bodyFolios: PageMap = anchorFolios(body.pages, 1);

  // The TOC, with those folios; its height never depends on them (fixed folio column).
  const toc = paginate(layoutToc(doc.sections, bodyFolios, { style, fonts, texts: doc.texts, typography, problems }), capacity);
  // A block taller than a page is the error; the keep chains it broke in the same file follow from it.
  const paginated = [...body.problems, ...toc.problems];
  const tooTall = new Set(paginated.filter((p) => p.kind === 'taller-than-page').map((p) => p.item.source?.file));
  for (const problem of paginated) if (problem.kind === 'taller-than-page' || !tooTall.has(problem.item.source?.file)) problems.add(paginationDiagnostic(problem));
  const runningHeads = fitRunningHeads(doc, style, fonts, typography, problems);

  const pages: Page[] = [{ kind: 'cover', folio: null, label: '封面', boxes: layoutCover(doc.masthead, style, fonts, typography, problems), anchors: [] }];
  toc.pages.forEach((page, k) => {
    const index = pages.length;
    pages.push({ kind: 'toc', folio: null, label: k === 0 ? '目录' : `目录${k + 1}`, boxes: placeItems(page, style, index), anchors: [] });
  });
  let runningTitle = '';
  body.pages.forEach((page, k) => {
    const index = pages.length;
    const folio = k + 1;
    // First-mark semantics: an article that starts on this page names it (articles start pages).
    const marks = page.items.flatMap(({ item }) => (item.runningTitle === undefined ? [] : [item.runningTitle]));
    const pageTitle = marks[0] ?? runningTitle;
    runningTitle = marks[marks.length - 1] ?? runningTitle;
    const anchors = page.items.flatMap(({ item, top }) => (item.anchors ?? []).map((id) => ({ id, y: style.textTop + top })));
    const boxes = placeItems(page, style, index).concat(decorateBodyPage(index, folio, runningHeads.get(pageTitle) ?? { text: pageTitle }, doc.texts, style, fonts, typography, { publication: doc.masthead.sources?.runningHead, problems }));
    pages.push({ kind: 'body', folio, label: String(folio), boxes, anchors, runningTitle: pageTitle });
  });

  // The same structure as the TOC becomes the PDF outline.
  const outline: OutlineEntry[] = doc.sections.map((section) => ({
    title: `${section.number}${section.title}`,
    target: section.anchor,
    children: section.articles.map((article) => ({ title: article.tocTitle, target: article.anchor, children: divisionOutline(article) })),
  }));
  return { pages, outline, pageWidth: style.pageWidth, pageHeight: style.pageHeight, stats, problems: problems.list, missingGlyphs: problems.missing };
}

/**
 * A regulation's 编 and 章 as outline entries under its article (章 under their 编), so a long
 * regulation can be navigated (R31); 节 are too fine for the outline. A text with one chapter is
 * not a regulation worth it.
 */
function divisionOutline(article: Article): OutlineEntry[] {
  const divisions = articleDivisions(article).filter((d) => d.kind !== 'section');
  if (divisions.filter((d) => d.kind === 'chapter').length < 2) return [];
  const entries: { title: string; target: OutlineEntry['target']; children: OutlineEntry[] }[] = [];
  let part: (typeof entries)[number] | undefined;
  for (const d of divisions) {
    const entry = { title: `${d.number}\u3000${d.title}`, target: d.anchor, children: [] };
    if (d.kind === 'part') {
      part = entry;
      entries.push(entry);
    } else (part ? part.children : entries).push(entry);
  }
  return entries;
}

/** Boxes placed on the page, each carrying its item's source location (for the frame check). */
function placeItems(page: PaginatedPage, style: PageStyle, pageIndex: number): Box[] {
  const left = textLeft(style, pageIndex);
  const boxes: Box[] = [];
  // A link is no ink: the frame check never reports it, so it carries no source.
  for (const { item, top } of page.items) for (const box of item.boxes) boxes.push(offsetBox(box, left, style.textTop + top, box.kind === 'link' || box.source !== undefined ? undefined : item.source));
  return boxes;
}

function paginationDiagnostic({ kind, item }: PaginationProblem): Diagnostic {
  const source = item.source ?? { file: item.where };
  return kind === 'taller-than-page' ? tallerThanPage(source) : keepChainTooTall(source);
}

/**
 * Each article's side of the running head, shortened at a phrase boundary where it would not
 * fit beside the publication's side with 1 em between them (and the build says so).
 */
function fitRunningHeads(doc: IssueDocument, style: PageStyle, fonts: FontSet, typography: Typography, problems: LayoutProblems): Map<string, RunningHead> {
  const size = style.sizes.header;
  const width = (text: string) => setSingleLine(text, 'serif', size, fonts, typography).right;
  const room = style.textWidth - width(doc.texts.runningHead) - size;
  const fitted = new Map<string, RunningHead>();
  for (const article of doc.sections.flatMap((s) => s.articles)) {
    if (fitted.has(article.runningHead)) continue;
    const head = fitRunningHead(article.runningHead, room, width);
    if (head === undefined) problems.add(runningHeadTooLong(article.titleSource, article.runningHead));
    else if (head !== article.runningHead) problems.add(shortenedRunningHead(article.titleSource, article.runningHead, head));
    fitted.set(article.runningHead, { text: head ?? article.runningHead, source: article.titleSource });
  }
  return fitted;
}

function anchorFolios(pages: readonly PaginatedPage[], firstFolio: number): PageMap {
  const map = new Map<Parameters<PageMap['get']>[0], { folio: number | null; pageIndex: number }>();
  pages.forEach((page, k) => {
    for (const { item } of page.items) for (const id of item.anchors ?? []) map.set(id, { folio: firstFolio + k, pageIndex: k });
  });
  return map;
}

/** Map from anchor to physical page index and folio, read off the assembled pages. */
export function collectAnchors(pages: readonly Page[]): PageMap {
  const map = new Map<Parameters<PageMap['get']>[0], { folio: number | null; pageIndex: number }>();
  pages.forEach((page, index) => {
    for (const anchor of page.anchors) if (!map.has(anchor.id)) map.set(anchor.id, { folio: page.folio, pageIndex: index });
  });
  return map;
}

/**
 * Pads the issue with blank pages at the end to a multiple of `multiple` (4 for a saddle-stitched
 * booklet: each sheet folds into four pages). Blank pages carry no folio, header or text.
 */
export function padPages(issue: LaidOutIssue, multiple: number): LaidOutIssue {
  const missing = (multiple - (issue.pages.length % multiple)) % multiple;
  if (missing === 0) return issue;
  const blanks: Page[] = Array.from({ length: missing }, (_, k) => ({ kind: 'blank', folio: null, label: missing === 1 ? '空白页' : `空白页${k + 1}`, boxes: [], anchors: [] }));
  return { ...issue, pages: [...issue.pages, ...blanks] };
}
