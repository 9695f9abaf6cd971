/**
 * The table of contents, generated from the sections: numbered entries whose wrapped lines hang
 * under their text, dot leaders on the last line only, folios right-aligned in equal-width cells
 * (R16, R25, TYPOGRAPHY §2.5). The folio column has a fixed width, so the TOC's height never
 * depends on the numbers printed in it.
 */
import type { PageTexts, Section, TextRun } from '../document/types';
import type { Typography } from '../settings';
import type { FontSet } from '../text/fonts';
import { lineBoxes } from './blocks';
import type { FlowItem } from './flow';
import type { PageStyle } from './page-style';
import { moveLine, setParagraph, setSingleLine } from './paragraph';
import { type LayoutProblems, lastResortBreak } from './problems';
import type { Box, PageMap, StructureTag } from './types';

export interface TocContext {
  readonly style: PageStyle;
  readonly fonts: FontSet;
  readonly texts: PageTexts;
  readonly typography: Typography;
  readonly problems?: LayoutProblems;
}

/** Width of one folio digit cell: the widest Noto SC digit (0.56 em), so digits line up. */
const DIGIT_CELL = 0.56;

/** Builds the TOC galley; entries show the folios in `pages` (blank while they are unknown). */
export function layoutToc(sections: readonly Section[], pages: PageMap, ctx: TocContext): FlowItem[] {
  const { style, fonts, texts } = ctx;
  const em = style.em;
  const galley: FlowItem[] = [tocTitle(ctx)];
  const numberColumn = 2 * em;
  const folioColumn = 3 * DIGIT_CELL * em;
  const textWidth = style.textWidth - numberColumn - folioColumn - 0.5 * em;
  for (const section of sections) {
    // A section title wider than the column wraps (it never runs past the edge: #8).
    const size = style.sizes.tocSection;
    const headRuns: TextRun[] = [
      { text: section.number, style: 'regular', source: { file: '(template)' } },
      { text: section.title, style: 'regular', source: section.source },
    ];
    const headLines = setParagraph(
      headRuns,
      {
        size,
        fonts: { regular: 'sansBold', bold: 'sansBold', emphasis: 'sansBold' },
        firstIndent: 0,
        align: 'justify',
        minLastHan: 0,
        lastLineReserve: 0,
        typography: { ...ctx.typography, hang: 'none' },
        onLastResort: (text, source) => ctx.problems?.add(lastResortBreak(text, source)),
        onMissingGlyph: (missing) => ctx.problems?.missingGlyph(missing),
      },
      style.textWidth,
      fonts,
    );
    galley.push({
      height: style.pitch * (1 + Math.max(1, headLines.length)),
      boxes: headLines.flatMap((line, k) => lineBoxes(line, style.pitch * (1 + k) + em * 0.88, size, 'text', { role: 'TOCI', id: `toc/${section.anchor}`, group: 'toc' })),
      keepWithNext: true,
      breakBefore: false,
      discardAtTop: false,
      where: `TOC ${section.title}`,
      source: section.source,
    });
    section.articles.forEach((article, index) => {
      const number = setSingleLine(texts.tocNumber(index + 1), 'serif', em, fonts, ctx.typography);
      const runs: TextRun[] = [{ text: article.tocTitle, style: 'regular', source: article.titleSource }];
      const lines = setParagraph(
        runs,
        {
          size: em,
          fonts: { regular: 'serif', bold: 'serif', emphasis: 'serif' },
          firstIndent: 0,
          align: 'justify',
          minLastHan: 3,
          // Room for at least two ems of leader before the folio column.
          lastLineReserve: 2.5 * em,
          // Nothing hangs into the leader column.
          typography: { ...ctx.typography, hang: 'none' },
          // A space between phrases of a title is part of it (努力实现良好开局起步 推进…), as in the title itself.
          keepSpaces: true,
          onLastResort: (text, source) => ctx.problems?.add(lastResortBreak(text, source)),
          onMissingGlyph: (missing) => ctx.problems?.missingGlyph(missing),
          // An entry wraps at a word boundary, not inside 中华人民共和国 (R31).
          words: true,
        },
        textWidth,
        fonts,
      );
      const baseline = em * 0.88;
      const folio = pages.get(article.anchor)?.folio;
      // The entry is one TOCI of the TOC: number, title, folio (the leaders are artifacts).
      const tag: StructureTag = { role: 'TOCI', id: `toc/${article.anchor}`, group: 'toc' };
      lines.forEach((line, k) => {
        // The number first, so copying the TOC gives "1、杨浦区…" in reading order.
        const boxes: Box[] = k === 0 ? lineBoxes(number, baseline, em, 'text', tag) : [];
        boxes.push(...lineBoxes(moveLine(line, numberColumn), baseline, em, 'text', tag));
        if (k === lines.length - 1) {
          boxes.push(...leaders(numberColumn + line.right + 0.5 * em, style.textWidth - folioColumn - 0.5 * em, baseline, em));
          if (folio !== null && folio !== undefined) boxes.push(...folioDigits(String(folio), style.textWidth, baseline, ctx, tag));
        }
        // The whole entry is one link to its article (e-mail copy).
        boxes.push({ kind: 'link', x: 0, y: 0, width: style.textWidth, height: style.pitch, target: article.anchor, tag });
        galley.push({
          height: style.pitch,
          boxes,
          keepWithNext: k < lines.length - 1,
          breakBefore: false,
          where: `TOC entry ${index + 1} of ${section.title}`,
          source: article.titleSource,
        });
      });
    });
  }
  return galley;
}

function tocTitle(ctx: TocContext): FlowItem {
  const { style, fonts } = ctx;
  const size = style.sizes.tocTitle;
  const line = setSingleLine('目录', 'sansBold', size, fonts, ctx.typography);
  // 目　录: the two characters one em apart by position, so copying gives 目录 (R29).
  const spread = line.runs.map((run) => ({ ...run, end: run.end + size, xs: run.xs.map((x, i) => x + i * size) }));
  const x = (style.textWidth - (line.right + size)) / 2;
  const boxes = lineBoxes(moveLine({ ...line, runs: spread, right: line.right + size }, x), size * 1.2, size, 'text', { role: 'H1', id: 'toc/title' });
  return { height: style.pitch * 2, boxes, keepWithNext: true, breakBefore: false, where: 'TOC title' };
}

/** Leader dots every ⅓ em on a grid common to all entries, so they line up down the page. */
function leaders(from: number, to: number, baseline: number, em: number): Box[] {
  const step = em / 3;
  const boxes: Box[] = [];
  for (let x = Math.ceil(from / step) * step; x <= to + 1e-6; x += step) {
    boxes.push({ kind: 'dot', x, y: baseline - em * 0.32, radius: em * 0.045, ink: 'text' });
  }
  return boxes;
}

/** A folio right-aligned at `right`, each digit centred in an equal cell (tabular, R16). */
function folioDigits(digits: string, right: number, baseline: number, ctx: TocContext, tag: StructureTag): Box[] {
  const em = ctx.style.em;
  const cell = DIGIT_CELL * em;
  const line = setSingleLine(digits, 'serif', em, ctx.fonts, ctx.typography);
  let k = 0;
  const count = Array.from(digits).length;
  const runs = line.runs.map((run) => ({
    ...run,
    end: right,
    xs: run.xs.map((x, i) => {
      const next = run.xs[i + 1] ?? line.right;
      const advance = next - x;
      const centred = right - (count - k) * cell + (cell - advance) / 2;
      k++;
      return centred;
    }),
  }));
  return [{ kind: 'text', x: 0, y: baseline, runs, ink: 'text', tag }];
}
