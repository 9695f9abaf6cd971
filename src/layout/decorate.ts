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
import type { Box } from './types';

const MM = 72 / 25.4;

/** Header and footer boxes for a body page at physical index `pageIndex`. */
export function decorateBodyPage(
  pageIndex: number,
  folio: number,
  runningTitle: string,
  texts: PageTexts,
  style: PageStyle,
  fonts: FontSet,
  typography: Typography,
): Box[] {
  const left = textLeft(style, pageIndex);
  const right = left + style.textWidth;
  const recto = pageIndex % 2 === 0;
  const size = style.sizes.header;
  const baseline = style.textTop - 7 * MM;
  const publication = setSingleLine(texts.runningHead, 'serif', size, fonts, typography);
  const article = setSingleLine(runningTitle, 'serif', size, fonts, typography);
  const [inner, outer] = [publication, article];
  const boxes: Box[] = [];
  // Recto: inner side left, outer side right; verso mirrored.
  boxes.push(...lineBoxes(moveLine(inner, recto ? left : right - inner.right), baseline, size, 'text'));
  boxes.push(...lineBoxes(moveLine(outer, recto ? right - outer.right : left), baseline, size, 'text'));
  boxes.push({ kind: 'rule', x1: left, y1: baseline + 3 * MM, x2: right, y2: baseline + 3 * MM, thickness: 0.5, ink: 'rule' });

  const folioSize = style.sizes.folio;
  const folioLine = setSingleLine(texts.folio(folio), 'serif', folioSize, fonts, typography);
  const textBottom = style.textTop + (style.linesPerPage - 1) * style.pitch + style.em * 0.12 + style.em * 0.88;
  const folioBaseline = textBottom + 7 * MM + folioSize * 0.6;
  const x = recto ? right - style.em - folioLine.right : left + style.em;
  boxes.push(...lineBoxes(moveLine(folioLine, x), folioBaseline, folioSize, 'text'));
  return boxes;
}
