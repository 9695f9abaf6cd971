/**
 * Running heads and folios, added after pagination so they can never move the body (as typst's
 * pages/finalize does): publication and issue on the inner side, the current article on the
 * outer side, a rule beneath; "— 7 —" in the footer on the outer side, one em in (GB 9704 §7.5).
 */
import type { PageTexts } from '../document/types';
import type { Typography } from '../settings';
import type { FontSet } from '../text/fonts';
import { lineBoxes } from './blocks';
import { type PageStyle, textLeft } from './page-style';
import { moveLine, setSingleLine } from './paragraph';
import type { SourceLocation } from '../errors';
import type { LayoutProblems } from './problems';
import type { Box } from './types';

const MM = 72 / 25.4;

/** The article's side of the running head, and where its title is (for the frame check). */
export interface RunningHead {
  readonly text: string;
  readonly source?: SourceLocation;
}

/** Header and footer boxes for a body page at physical index `pageIndex`. */
export function decorateBodyPage(
  pageIndex: number,
  folio: number,
  runningTitle: RunningHead,
  texts: PageTexts,
  style: PageStyle,
  fonts: FontSet,
  typography: Typography,
  report?: { readonly publication: SourceLocation | undefined; readonly problems: LayoutProblems },
): Box[] {
  const at = (source: SourceLocation | undefined) => (source && report ? { source, problems: report.problems } : undefined);
  const left = textLeft(style, pageIndex);
  const right = left + style.textWidth;
  const recto = pageIndex % 2 === 0;
  const size = style.sizes.header;
  const baseline = style.textTop - 7 * MM;
  const publication = setSingleLine(texts.runningHead, 'serif', size, fonts, typography, at(report?.publication));
  const article = setSingleLine(runningTitle.text, 'serif', size, fonts, typography, at(runningTitle.source));
  const [inner, outer] = [publication, article];
  const head: Box[] = [];
  // Recto: inner side left, outer side right; verso mirrored.
  head.push(...lineBoxes(moveLine(inner, recto ? left : right - inner.right), baseline, size, 'text'));
  head.push(...lineBoxes(moveLine(outer, recto ? right - outer.right : left), baseline, size, 'text').map((box) => (runningTitle.source ? { ...box, source: runningTitle.source } : box)));
  head.push({ kind: 'rule', x1: left, y1: baseline + 3 * MM, x2: right, y2: baseline + 3 * MM, thickness: 0.5, ink: 'rule' });

  const folioSize = style.sizes.folio;
  const folioLine = setSingleLine(texts.folio(folio), 'serif', folioSize, fonts, typography);
  const textBottom = style.textTop + (style.linesPerPage - 1) * style.pitch + style.em * 0.12 + style.em * 0.88;
  const folioBaseline = textBottom + 7 * MM + folioSize * 0.6;
  const x = recto ? right - style.em - folioLine.right : left + style.em;
  const foot = lineBoxes(moveLine(folioLine, x), folioBaseline, folioSize, 'text');
  return [...head.map((box) => ({ ...box, band: 'head' as const })), ...foot.map((box) => ({ ...box, band: 'foot' as const }))];
}
