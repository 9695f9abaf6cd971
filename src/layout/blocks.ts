/**
 * Lays out the articles into the galley: section heading, title block, paragraphs line by line,
 * headings, figures with captions. One `switch` case per body block kind.
 */
import type { AnchorId, Article, BodyBlock, HeadingLevel, Section, TextRun } from '../document/types';
import { articleLeadIn, type Division, divisionOf } from '../text/legal';
import type { SourceLocation } from '../errors';
import type { Typography } from '../settings';
import { type FontRole, type FontSet, shapeText } from '../text/fonts';
import { assertNever, type FlowItem } from './flow';
import type { PageStyle } from './page-style';
import { moveLine, type ParagraphStyle, type SetLine, setParagraph, setSingleLine } from './paragraph';
import { LayoutProblems, lastResortBreak, longTitle } from './problems';
import type { Box, StructureRole, StructureTag, TypesettingStats } from './types';

/** Pixel size of each image file, read before layout (layout itself does no I/O). */
export type ImageSizes = ReadonlyMap<string, { readonly width: number; readonly height: number }>;

export interface BodyContext {
  readonly style: PageStyle;
  readonly fonts: FontSet;
  readonly images: ImageSizes;
  readonly typography: Typography;
  readonly stats: TypesettingStats;
  readonly problems: LayoutProblems;
  /**
   * Articles already set, by their content (`bulletin watch`): an unchanged article is not set
   * again. Whoever owns the cache empties it when fonts, page or typography settings change.
   */
  readonly articleCache?: ArticleCache | undefined;
}

/** Articles already set, by their content: their galley, figures and what setting them found. */
export type ArticleCache = Map<string, { readonly items: readonly FlowItem[]; readonly stats: TypesettingStats; readonly problems: LayoutProblems }>;

/** Extra space per gap above which a line is reported (I7). */
export const WARN_EXTRA_PER_GAP = 0.5;

/** Builds the galley of all sections and articles, in reading order. */
export function layoutBody(sections: readonly Section[], ctx: BodyContext): FlowItem[] {
  const galley: FlowItem[] = [];
  for (const section of sections) {
    section.articles.forEach((article, index) => {
      const sectionHead = index === 0 ? sectionHeading(section, ctx) : [];
      galley.push(...withBreakBefore(sectionHead.concat(cachedArticleGalley(article, ctx))));
    });
  }
  return galley;
}

/** Block `k` of an article in the structure tree: an element of the article's Sect (role set by the caller). */
function blockTag(article: Article, k: number): BlockPlace {
  const place = { id: `${article.anchor}/${k}`, group: article.anchor };
  const isItem = (i: number) => {
    const block = article.blocks[i];
    return block?.kind === 'paragraph' && block.list !== undefined ? block.list : undefined;
  };
  if (!isItem(k)) return place;
  // Consecutive list paragraphs are one list (L); a paragraph that continues an item joins its LI.
  let first = k;
  while (first > 0 && isItem(first - 1)) first--;
  let item = k;
  while (item > first && isItem(item)?.continues === true) item--;
  return { ...place, listItem: { list: `${article.anchor}/${first}/L`, item: `${article.anchor}/${item}/LI` } };
}

/** Where a body block sits in the structure tree: its element id, its article's Sect, its list item. */
type BlockPlace = Omit<StructureTag, 'role'> & { readonly group: string };

/** Heading levels 1–4 of the body (一、 （一） 1. （1）) under the article title's H1. */
const HEADING_ROLES: readonly StructureRole[] = ['H2', 'H3', 'H4', 'H5'];
function cachedArticleGalley(article: Article, ctx: BodyContext): FlowItem[] {
  const cache = ctx.articleCache;
  if (cache === undefined) return articleGalley(article, ctx);
  // Everything the article's lines depend on besides the shared settings: its text and its pictures' sizes.
  const sizes = article.blocks.flatMap((b) => (b.kind === 'figure' ? [ctx.images.get(b.image) ?? null] : []));
  const key = JSON.stringify([article, sizes]);
  let entry = cache.get(key);
  if (entry === undefined) {
    const stats: TypesettingStats = { lines: 0, pushIns: 0, pushOuts: 0, maxExtraPerGap: 0, linesOverThreshold: 0, linesOverMeasure: 0, worst: [] };
    const problems = new LayoutProblems();
    entry = { items: articleGalley(article, { ...ctx, stats, problems }), stats, problems };
    cache.set(key, entry);
  }
  mergeStats(ctx.stats, entry.stats);
  // What setting the article found is told again each time it is used, cached or not.
  ctx.problems.addAll(entry.problems);
  return [...entry.items];
}

function mergeStats(into: TypesettingStats, from: TypesettingStats): void {
  into.lines += from.lines;
  into.pushIns += from.pushIns;
  into.pushOuts += from.pushOuts;
  into.maxExtraPerGap = Math.max(into.maxExtraPerGap, from.maxExtraPerGap);
  into.linesOverThreshold += from.linesOverThreshold;
  into.linesOverMeasure += from.linesOverMeasure;
  into.worst.push(...from.worst);
  into.worst.sort((a, b) => b.extraPerGap - a.extraPerGap);
  if (into.worst.length > 5) into.worst.length = 5;
}

/** An article's title block and body, in reading order. */
function articleGalley(article: Article, ctx: BodyContext): FlowItem[] {
  const galley: FlowItem[] = [...titleBlock(article, ctx)];
  const blocks = article.blocks;
  const divisions = new Map(articleDivisions(article).map((d) => [d.block, d]));
  const roles = headingRoles(article, divisions);
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k] as BodyBlock;
    const next = blocks[k + 1];
    const division = divisions.get(k);
    if (division) {
      galley.push(divisionHeading(division, ctx, `${article.file}:${block.source.line ?? 1}`, { ...blockTag(article, k), role: roles.get(k) ?? 'H2' }));
      continue;
    }
    if (block.kind === 'figure' && pairsWithNext(block, next)) {
      galley.push(figureRow([block, next], ctx, `${article.file}:${block.source.line ?? 1}`, [blockTag(article, k), blockTag(article, k + 1)]));
      k++;
    } else galley.push(...layoutBodyBlock(block, article, ctx, blockTag(article, k), roles.get(k)));
  }
  return galley;
}

/**
 * The structure role of each heading of an article, under its title's H1: the kinds of heading the
 * article uses, outermost first (编, 章, 节, then Markdown's ##, ###, …), take H2, H3, … in turn,
 * so no level is skipped (Matterhorn 14-003) whichever of them the article has — an article whose
 * first heading is ### is H2 there, as a reader of its pages sees it.
 */
function headingRoles(article: Article, divisions: ReadonlyMap<number, ArticleDivision>): Map<number, StructureRole> {
  const DIVISION_DEPTH = { part: 0, chapter: 1, section: 2 } as const;
  const depths = new Map<number, number>();
  article.blocks.forEach((block, k) => {
    const division = divisions.get(k);
    if (division) depths.set(k, DIVISION_DEPTH[division.kind]);
    else if (block.kind === 'heading') depths.set(k, 3 + block.level);
  });
  const ranks = [...new Set(depths.values())].sort((a, b) => a - b);
  // In reading order a heading is never more than one level below the heading before it (the
  // title is H1): an article whose ### comes before its ## still reads H2, H2 (Matterhorn 14-003).
  let last = -1;
  return new Map(
    [...depths].map(([k, depth]) => {
      last = Math.min(ranks.indexOf(depth), last + 1, HEADING_ROLES.length - 1);
      return [k, HEADING_ROLES[last] as StructureRole];
    }),
  );
}

function withBreakBefore(items: FlowItem[]): FlowItem[] {
  return items.map((item, k) => (k === 0 ? { ...item, breakBefore: true } : item));
}

function paragraphStyle(ctx: BodyContext, size: number, fonts: Record<'regular' | 'bold' | 'emphasis', FontRole>, extra: Partial<ParagraphStyle> = {}): ParagraphStyle {
  return {
    size,
    fonts,
    firstIndent: 0,
    align: 'justify',
    minLastHan: 2,
    lastLineReserve: 0,
    typography: ctx.typography,
    onLastResort: (text, source) => ctx.problems.add(lastResortBreak(text, source)),
    onMissingGlyph: (missing) => ctx.problems.missingGlyph(missing),
    ...extra,
  };
}

/** The number of a 公文 heading: 一、 （一） 1. （1） (R21). */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）|\d+[.．]|（\d+）)/u;

export const BODY_FONTS = { regular: 'serif', bold: 'serifBold', emphasis: 'serif' } as const;
export const HEADING_FONTS: Readonly<Record<HeadingLevel, FontRole>> = { 1: 'sansBold', 2: 'kai', 3: 'serifBold', 4: 'serif' };

/**
 * Turns set lines into text (and emphasis-dot) boxes relative to a slot top at baseline
 * `baseline`; `tag` says which element of the e-mail copy's structure the text belongs to (none:
 * an artifact). The dots are decoration of the tagged text: artifacts.
 */
export function lineBoxes(line: SetLine, baseline: number, size: number, ink: 'text' | 'accent' = 'text', tag?: StructureTag): Box[] {
  const boxes: Box[] = [{ kind: 'text', x: line.x, y: baseline, runs: line.runs, ink, ...(line.links.length > 0 ? { links: line.links } : {}), ...(tag ? { tag } : {}) }];
  // 着重号: a dot centred under each ideograph, below the em box (R22).
  for (const x of line.dots) boxes.push({ kind: 'dot', x, y: baseline + size * 0.3, radius: size * 0.06, ink });
  return boxes;
}

function record(ctx: BodyContext, lines: readonly SetLine[], where: string): void {
  lines.forEach((line, index) => {
    ctx.stats.lines++;
    if (line.shrink > 0) ctx.stats.pushIns++;
    if (line.extraPerGap > 0) ctx.stats.pushOuts++;
    ctx.stats.maxExtraPerGap = Math.max(ctx.stats.maxExtraPerGap, line.extraPerGap);
    if (line.extraPerGap > WARN_EXTRA_PER_GAP) {
      ctx.stats.linesOverThreshold++;
    }
    // Wider than the measure (beyond what hanging punctuation may take): counted, never hidden.
    if (line.right > ctx.style.textWidth + (ctx.typography.hang === 'stops' ? ctx.style.em / 2 : 0) + 0.01) ctx.stats.linesOverMeasure++;
    // Keep the five most spaced-out lines, so the editor knows where rewording would help.
    const worst = ctx.stats.worst;
    if (line.extraPerGap > 0 && (worst.length < 5 || line.extraPerGap > (worst[worst.length - 1]?.extraPerGap ?? 0))) {
      worst.push({ extraPerGap: line.extraPerGap, where: `${where} line ${index + 1}`, text: line.text.slice(0, 12) });
      worst.sort((a, b) => b.extraPerGap - a.extraPerGap);
      if (worst.length > 5) worst.length = 5;
    }
  });
}

/** One slot per line; the first two and last two lines of a paragraph hold together (R19). */
function linesToFlow(lines: readonly SetLine[], ctx: BodyContext, size: number, where: string, keepAll: boolean, tag: StructureTag, source: SourceLocation): FlowItem[] {
  const { pitch, em } = ctx.style;
  const count = lines.length;
  return lines.map((line, k) => ({
    height: pitch,
    boxes: lineBoxes(line, em * 0.88, size, 'text', tag),
    keepWithNext: keepAll || (k === 0 && count > 1) || (k === count - 2 && count > 1),
    breakBefore: false,
    where: `${where} line ${k + 1}`,
    source,
  }));
}

function layoutBodyBlock(block: BodyBlock, article: Article, ctx: BodyContext, place: BlockPlace, headingRole: StructureRole = 'H2'): FlowItem[] {
  const { style, fonts } = ctx;
  const where = `${article.file}:${block.source.line ?? 1}`;
  switch (block.kind) {
    case 'paragraph': {
      // A list item starts two ems in per level; its wrapped lines hang under the text, after the label.
      const firstIndent = 2 * style.em * (block.list?.level ?? 1);
      const restIndent = block.list === undefined ? 0 : hangingIndent(block.list.label, BODY_FONTS.regular, firstIndent, ctx);
      const indents = block.list?.continues === true ? { firstIndent: restIndent, restIndent } : { firstIndent, restIndent };
      const runs = ctx.typography.boldArticleNumbers && block.list === undefined ? withBoldLeadIn(block.runs) : block.runs;
      const lines = setParagraph(runs, paragraphStyle(ctx, style.em, BODY_FONTS, indents), style.textWidth, fonts);
      record(ctx, lines, where);
      return linesToFlow(lines, ctx, style.em, where, false, { ...place, role: 'P' }, block.source);
    }
    case 'heading': {
      const font = HEADING_FONTS[block.level];
      // Wrapped heading lines hang under the heading's text, after its number (R21).
      const number = HEADING_NUMBER.exec(block.runs.map((r) => r.text).join(''))?.[0];
      // Unnumbered headings (news sub-heads) wrap like paragraphs, back to the column edge.
      const restIndent = number ? hangingIndent(number, font, 2 * style.em, ctx) : 0;
      const headingStyle = paragraphStyle(ctx, style.em, { regular: font, bold: font, emphasis: font }, { firstIndent: 2 * style.em, restIndent });
      const lines = setParagraph(block.runs, headingStyle, style.textWidth, fonts);
      record(ctx, lines, where);
      // A heading keeps with the first two lines of what follows (R20).
      return linesToFlow(lines, ctx, style.em, where, true, { ...place, role: headingRole }, block.source);
    }
    case 'figure':
      return [figure(block, ctx, where, place)];
    default:
      return assertNever(block);
  }
}

/**
 * Where the wrapped lines of a numbered heading or list item start: under its text, after the
 * label at its mid-line width (its 、 or ） keeps its blank), less the blank an opening （ loses
 * at the start of the first line (R12).
 */
function hangingIndent(label: string, font: FontRole, firstIndent: number, ctx: BodyContext): number {
  const em = ctx.style.em;
  const labelWidth = shapeText(ctx.fonts[font], label, em).reduce((sum, g) => sum + g.advance, 0);
  const trimmedOpen = ctx.typography.trimLineStartOpen && /^[（(]/.test(label) ? em / 2 : 0;
  return firstIndent + labelWidth - trimmedOpen;
}

type Figure = Extract<BodyBlock, { kind: 'figure' }>;

/** A picture alone: 3/5 of the column wide (at most half a page high), caption in 楷体 below. */
function figure(block: Figure, ctx: BodyContext, where: string, place: BlockPlace): FlowItem {
  return figureRow([block], ctx, where, [place]);
}

function figureGap(style: PageStyle): number {
  return 2 * style.em;
}

/** A picture in a row of `inRow` (1 or 2): its cell, and its size, the cell's width unless that is taller than half a page. */
function figureSize(pixels: { readonly width: number; readonly height: number }, inRow: number, style: PageStyle): { cell: number; width: number; height: number } {
  const cell = inRow === 1 ? style.textWidth * 0.6 : (style.textWidth - figureGap(style)) / 2;
  const maxHeight = style.pitch * (style.linesPerPage / 2);
  let width = cell;
  let height = (width * pixels.height) / pixels.width;
  if (height > maxHeight) {
    width = (width * maxHeight) / height;
    height = maxHeight;
  }
  return { cell, width, height };
}

/** Two pictures in a row are set side by side, as a photo spread, instead of one per page. */
function pairsWithNext(block: BodyBlock, next: BodyBlock | undefined): next is Figure {
  return block.kind === 'figure' && next?.kind === 'figure';
}

/**
 * The widest width each picture will be placed at, known before layout from the articles and
 * the pixel sizes (the rows articleGalley makes, figureSize): the image conversions can start
 * while the text is set. Only a head start: what the layout really places is what is converted,
 * so a width this misses costs time, never a different picture.
 */
export function expectedImageWidths(sections: readonly Section[], style: PageStyle, images: ImageSizes): Map<string, number> {
  const widest = new Map<string, number>();
  const place = (block: Figure, inRow: number) => {
    const pixels = images.get(block.image);
    if (pixels) widest.set(block.image, Math.max(widest.get(block.image) ?? 0, figureSize(pixels, inRow, style).width));
  };
  for (const article of sections.flatMap((section) => section.articles)) {
    const blocks = article.blocks;
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k] as BodyBlock;
      if (block.kind !== 'figure') continue;
      const next = blocks[k + 1];
      if (pairsWithNext(block, next)) {
        place(block, 2);
        place(next, 2);
        k++;
      } else place(block, 1);
    }
  }
  return widest;
}

/**
 * One or two pictures side by side, each with its caption centred under it; the row never
 * splits across pages.
 */
function figureRow(blocks: readonly Figure[], ctx: BodyContext, where: string, places: readonly BlockPlace[]): FlowItem {
  const { style, fonts } = ctx;
  const gap = figureGap(style);
  const captionSize = style.sizes.caption;
  const top = style.pitch * 0.5;
  const boxes: Box[] = [];
  let bottom = 0;
  blocks.forEach((block, k) => {
    const pixels = ctx.images.get(block.image);
    if (!pixels) throw new Error(`image size of ${block.image} was not read before layout`);
    const { cell, width, height } = figureSize(pixels, blocks.length, style);
    const cellLeft = blocks.length === 1 ? (style.textWidth - cell) / 2 : k * (cell + gap);
    // The picture's alternate text is its caption (the Markdown alt text), as a screen reader reads it.
    const place = places[k];
    if (!place) throw new Error(`figure ${k + 1} of ${where} has no place in the structure`);
    const alt = block.caption.map((run) => run.text).join('');
    boxes.push({ kind: 'image', x: cellLeft + (cell - width) / 2, y: top, width, height, file: block.image, source: block.source, tag: { ...place, role: 'Figure', alt } });
    const captionTag: StructureTag = { id: `${place.id}/caption`, group: place.group, role: 'Caption' };
    const captionStyle = paragraphStyle(ctx, captionSize, { regular: 'kai', bold: 'kai', emphasis: 'kai' }, { align: 'center', minLastHan: 3, words: true });
    let baseline = top + height + captionSize * 1.6;
    for (const line of setParagraph(block.caption, captionStyle, cell, fonts)) {
      boxes.push(...lineBoxes(moveLine(line, cellLeft), baseline, captionSize, 'text', captionTag));
      baseline += captionSize * 1.5;
    }
    bottom = Math.max(bottom, baseline);
  });
  return { height: roundUp(bottom + style.pitch * 0.3, style.pitch), boxes, keepWithNext: false, breakBefore: false, where, source: (blocks[0] as Figure).source };
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step - 1e-6) * step;
}

/** "一、行业动态" above the first article of a section, with a rule under it. */
function sectionHeading(section: Section, ctx: BodyContext): FlowItem[] {
  const { style, fonts } = ctx;
  const size = style.sizes.section;
  // The number comes from a template; the title's characters are where the title is written.
  const runs: TextRun[] = [
    { text: section.number, style: 'regular', source: { file: '(template)' } },
    { text: section.title, style: 'regular', source: section.source },
  ];
  const [line] = setParagraph(runs, paragraphStyle(ctx, size, { regular: 'sansBold', bold: 'sansBold', emphasis: 'sansBold' }, { minLastHan: 0 }), style.textWidth, fonts);
  const baseline = size * 1.1;
  const boxes: Box[] = line ? lineBoxes(line, baseline, size, 'accent', { role: 'H1', id: `${section.anchor}/heading` }) : [];
  boxes.push({ kind: 'rule', x1: 0, y1: baseline + size * 0.45, x2: style.textWidth, y2: baseline + size * 0.45, thickness: 0.75, ink: 'accent' });
  return [
    {
      height: roundUp(baseline + size, style.pitch),
      boxes,
      keepWithNext: true,
      breakBefore: false,
      anchors: [section.anchor],
      where: `section ${section.title}`,
      source: section.source,
    },
  ];
}

/** More title lines than this is a warning: a title is a line or two, the rest is a subtitle. */
const MAX_TITLE_LINES = 4;

/** Title (balanced, centred), subtitle, document number and byline: one slot that keeps with the text. */
function titleBlock(article: Article, ctx: BodyContext): FlowItem[] {
  const { style, fonts } = ctx;
  const boxes: Box[] = [];
  let y = style.pitch * 0.5;
  const addCentred = (text: string, size: number, font: FontRole, leading: number, minLastHan: number, part: string): number => {
    // The title is the article's H1; subtitle, document number and byline are paragraphs of its Sect.
    const tag: StructureTag = { role: part === 'title' ? 'H1' : 'P', id: `${article.anchor}/${part}`, group: article.anchor };
    const runs: TextRun[] = [{ text, style: 'regular', source: article.titleSource }];
    const lines = setParagraph(runs, paragraphStyle(ctx, size, { regular: font, bold: font, emphasis: font }, { align: 'center', minLastHan, words: true }), style.textWidth, fonts);
    for (const line of lines) {
      y += size * leading * (boxes.length === 0 ? 0.9 : 1);
      boxes.push(...lineBoxes(line, y, size, 'text', tag));
    }
    return lines.length;
  };
  const titleLines = addCentred(article.title, style.sizes.title, 'sansBold', 1.45, 3, 'title');
  if (titleLines > MAX_TITLE_LINES) ctx.problems.add(longTitle(article.titleSource, titleLines, MAX_TITLE_LINES));
  if (article.subtitle) addCentred(article.subtitle, style.sizes.subtitle, 'kai', 1.6, 3, 'subtitle');
  if (article.documentNumber) addCentred(article.documentNumber, style.sizes.subtitle, 'kai', 1.8, 0, 'number');
  if (article.byline) addCentred(article.byline, style.sizes.byline, 'kai', 2.2, 0, 'byline');
  // 题注: one parenthesised block in 楷体, each event on its own lines, its date never parted
  // from it (R31); a line of its own above, like the byline's. One paragraph of the Sect per event.
  const history = article.history ?? [];
  history.forEach((event, k) => {
    const text = `${k === 0 ? '（' : ''}${event}${k === history.length - 1 ? '）' : ''}`;
    addCentred(text, style.sizes.byline, 'kai', k === 0 ? 2.2 : 1.6, 0, `history${k}`);
  });
  return [
    {
      height: roundUp(y + style.pitch, style.pitch),
      boxes,
      keepWithNext: true,
      breakBefore: false,
      anchors: [article.anchor],
      runningTitle: article.runningHead,
      where: `${article.file}: title`,
      source: article.titleSource,
    },
  ];
}

/** A division heading of a regulation, the block it replaces and its outline anchor. */
export interface ArticleDivision extends Division {
  readonly block: number;
  readonly anchor: AnchorId;
}

/**
 * The 编/章/节 headings of an article (R31): a heading or a paragraph that is only "第一章　总则".
 * Layout sets them; the outline lists the 编 and 章 of a regulation that has them.
 */
export function articleDivisions(article: Article): ArticleDivision[] {
  const found: ArticleDivision[] = [];
  article.blocks.forEach((block, k) => {
    if (block.kind === 'figure') return;
    const division = divisionOf(block.runs.map((r) => r.text).join(''));
    if (division) found.push({ ...division, block: k, anchor: `${article.anchor}-d${k}` as AnchorId });
  });
  return found;
}

/**
 * 第…编 and 第…章 centred in bold sans (三号 and 四号), 第…节 centred in bold serif at body size, a
 * step below; the number and the title one em apart however they were typed (第一章　总则). Each
 * keeps with what follows and sits on the baseline grid (its slot is whole lines).
 */
function divisionHeading(division: ArticleDivision, ctx: BodyContext, where: string, tag: StructureTag): FlowItem {
  const { style, fonts } = ctx;
  const look = {
    part: { size: style.sizes.section, font: 'sansBold', lines: 3 },
    chapter: { size: style.sizes.tocSection, font: 'sansBold', lines: 2 },
    section: { size: style.em, font: 'serifBold', lines: 2 },
  } as const;
  const { size, font, lines: slot } = look[division.kind];
  const runs: TextRun[] = [{ text: `${division.number}\u3000${division.title}`, style: 'regular', source: { file: where } }];
  const set = setParagraph(runs, paragraphStyle(ctx, size, { regular: font, bold: font, emphasis: font }, { align: 'center', minLastHan: 0, words: true }), style.textWidth, fonts);
  // The lines' em boxes centred in the slot, one pitch apart.
  const height = Math.max(slot, set.length + 1) * style.pitch;
  const top = (height - ((set.length - 1) * style.pitch + size)) / 2;
  const boxes: Box[] = [];
  set.forEach((line, k) => boxes.push(...lineBoxes(line, top + size * 0.88 + k * style.pitch, size, 'text', tag)));
  return {
    height,
    boxes,
    keepWithNext: true,
    breakBefore: false,
    anchors: [division.anchor],
    where,
  };
}

/** The 第…条 of an article's first paragraph in bold (R31); the separator after it stays one em. */
function withBoldLeadIn(runs: readonly TextRun[]): readonly TextRun[] {
  const first = runs[0];
  if (!first || first.style !== 'regular') return runs;
  const length = articleLeadIn(first.text);
  if (length === 0) return runs;
  return [{ ...first, text: first.text.slice(0, length), style: 'bold' }, { ...first, text: first.text.slice(length) }, ...runs.slice(1)];
}
