/**
 * Every design number of the bulletin in one place: page geometry derived from the series file
 * (the text width is a whole number of body characters, R30) and the sizes of each element.
 */
import type { PageSettings } from '../manifest/types';

const MM = 72 / 25.4;
/** 号 sizes in points (ctex's table, TYPOGRAPHY §2.1). */
const HAO: Readonly<Record<string, number>> = {
  初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15,
  四号: 14, 小四: 12, 五号: 10.5, 小五: 9, 六号: 7.5, 小六: 6.5, 七号: 5.5, 八号: 5,
};

/** Converts "210mm", "12pt", "1in", "2cm" or a 号 size to points; undefined when unreadable. */
export function parseLength(text: string): number | undefined {
  const hao = HAO[text.trim()];
  if (hao !== undefined) return hao;
  const m = /^(\d+(?:\.\d+)?)(mm|pt|cm|in)$/.exec(text.trim());
  if (!m) return undefined;
  const value = Number(m[1]);
  switch (m[2]) {
    case 'mm':
      return value * MM;
    case 'cm':
      return value * 10 * MM;
    case 'in':
      return value * 72;
    default:
      return value;
  }
}

export interface PageStyle {
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Body text size (1 em) and baseline pitch. */
  readonly em: number;
  readonly pitch: number;
  readonly linesPerPage: number;
  readonly textWidth: number;
  /** Top of the text area and baseline of its first line. */
  readonly textTop: number;
  readonly firstBaseline: number;
  /** Left edge of the text area on recto (odd) and verso (even) pages. */
  readonly innerMargin: number;
  readonly outerMargin: number;
  readonly sizes: {
    readonly mastheadTitle: number;
    readonly mastheadSub: number;
    readonly title: number;
    readonly subtitle: number;
    readonly byline: number;
    readonly section: number;
    readonly tocTitle: number;
    readonly tocSection: number;
    readonly toc: number;
    readonly caption: number;
    readonly header: number;
    readonly folio: number;
    readonly board: number;
  };
}

/** Derives the page style from the series file's page settings (already schema-valid). */
export function pageStyleFrom(page: PageSettings): PageStyle {
  const need = (text: string, what: string): number => {
    const value = parseLength(text);
    if (value === undefined) throw new Error(`unreadable ${what} "${text}" passed validation`);
    return value;
  };
  const em = need(page.bodySize, 'bodySize');
  const pitch = need(page.linePitch, 'linePitch');
  const pageWidth = need(page.width, 'width');
  const innerMargin = need(page.marginInner, 'marginInner');
  const textWidth = page.charsPerLine * em;
  const textTop = need(page.marginTop, 'marginTop');
  return {
    pageWidth,
    pageHeight: need(page.height, 'height'),
    em,
    pitch,
    linesPerPage: page.linesPerPage,
    textWidth,
    textTop,
    // The ideographic em box sits 0.88 em above the baseline (Noto CJK OS/2 typo ascender 880).
    firstBaseline: textTop + em * 0.88,
    innerMargin,
    outerMargin: pageWidth - innerMargin - textWidth,
    sizes: {
      mastheadTitle: 42, // 初号
      mastheadSub: 16, // 三号
      title: 22, // 二号
      subtitle: 16, // 三号
      byline: 10.5, // 五号
      section: 16, // 三号
      tocTitle: 16,
      tocSection: 14, // 四号
      toc: em,
      caption: 10.5,
      header: 9, // 小五
      folio: 14, // 四号
      board: 10.5,
    },
  };
}

/** Left edge of the text area on a page with this physical index (0 = cover, a recto). */
export function textLeft(style: PageStyle, pageIndex: number): number {
  // Recto pages (even index: cover, p. 3, …) bind on the left.
  return pageIndex % 2 === 0 ? style.innerMargin : style.outerMargin;
}
