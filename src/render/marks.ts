/**
 * Press furniture around the trimmed page: where the trim sits on the media (bleed, plus a slug
 * when crop marks are drawn), TrimBox/BleedBox, rules run on into the bleed, and the crop marks.
 * The e-mail copy has none of it: its media box is the trim.
 */
import type { Box } from '../layout/types';
import type { PdfDoc, PressSettings } from './document';
import { fmt } from './operators';
import { type Rect, setPageBoxes, type StandardsDoc } from './standards';

/** Crop marks: length, gap to the bleed edge, and the slug around them (points). */
const MARK_LENGTH = (6 / 25.4) * 72;
const MARK_GAP = 2;
const MARK_SLUG = MARK_LENGTH + MARK_GAP + 4;

/** Where the trimmed page lies on the sheet pdfkit writes. */
export interface Sheet {
  readonly bleed: number;
  /** Distance of the trim from the media edge: bleed, plus a slug when marks are drawn. */
  readonly offset: number;
  readonly mediaWidth: number;
  readonly mediaHeight: number;
}

export function sheetFor(pageWidth: number, pageHeight: number, press: PressSettings | undefined): Sheet {
  const bleed = press?.bleed ?? 0;
  const offset = bleed + (press?.cropMarks ? MARK_SLUG : 0);
  return { bleed, offset, mediaWidth: pageWidth + 2 * offset, mediaHeight: pageHeight + 2 * offset };
}

/** TrimBox, BleedBox and crop marks of the current page; then shifts the page so boxes draw from the trim's corner. */
export function pressPage(doc: PdfDoc, standards: StandardsDoc, sheet: Sheet, pageWidth: number, pageHeight: number, press: PressSettings): void {
  const { offset, bleed } = sheet;
  const trim: Rect = [offset, offset, offset + pageWidth, offset + pageHeight];
  setPageBoxes(standards, trim, [trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed]);
  if (press.cropMarks) drawCropMarks(doc, sheet, pageWidth, pageHeight);
  // Every box is laid out from the trim's top-left corner; shift the whole page once.
  doc.addContent(`1 0 0 1 ${fmt(offset)} ${fmt(offset)} cm`);
}

/** Anything that touches the trim edge runs on into the bleed (rules; nothing else reaches the edge). */
export function bleedBox(box: Box, bleed: number, pageWidth: number, pageHeight: number): Box {
  if (box.kind !== 'rule' || bleed === 0) return box;
  const x1 = stretch(box.x1, pageWidth, bleed);
  const x2 = stretch(box.x2, pageWidth, bleed);
  const y1 = stretch(box.y1, pageHeight, bleed);
  const y2 = stretch(box.y2, pageHeight, bleed);
  // Most rules stay inside the trim: those are drawn as they are, not copied.
  if (x1 === box.x1 && x2 === box.x2 && y1 === box.y1 && y2 === box.y2) return box;
  return { ...box, x1, x2, y1, y2 };
}

/** A coordinate at either edge (0 or `edge`) moved out by the bleed; any other as it is. */
function stretch(v: number, edge: number, bleed: number): number {
  return Math.abs(v) < 0.01 ? -bleed : Math.abs(v - edge) < 0.01 ? edge + bleed : v;
}

/** Trim marks at the four corners, in the slug outside the bleed, in the registration colour. */
function drawCropMarks(doc: PdfDoc, { offset, bleed }: Sheet, pageWidth: number, pageHeight: number): void {
  const xs = [offset, offset + pageWidth];
  const ys = [offset, offset + pageHeight];
  doc.save().lineWidth(0.25).strokeColor('All');
  for (const [i, x] of xs.entries()) {
    const outX = i === 0 ? -1 : 1;
    for (const [j, y] of ys.entries()) {
      const outY = j === 0 ? -1 : 1;
      const near = bleed + MARK_GAP;
      doc.moveTo(x + outX * near, y).lineTo(x + outX * (near + MARK_LENGTH), y);
      doc.moveTo(x, y + outY * near).lineTo(x, y + outY * (near + MARK_LENGTH));
    }
  }
  doc.stroke().restore();
}
