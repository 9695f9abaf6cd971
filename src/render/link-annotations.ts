/**
 * Web and e-mail links in the e-mail copy: one URI link annotation per linked stretch of a line,
 * its rectangle covering the text from above the ascenders to below the descenders. A link that
 * wraps gets one annotation per line, all with the same address. The press file never gets any
 * (PDF/X: no annotations inside the trim); its reader finds the address printed in the text.
 */
import type { Box, Page } from '../layout/types';

/** What this needs from the PDF writer: pdfkit's `link(x, y, w, h, url)`, y from the top. */
export interface LinkWriter {
  link(x: number, y: number, width: number, height: number, uri: string): unknown;
}

/** Of the em above the baseline and below it, what a link's rectangle covers. */
const ABOVE_BASELINE = 0.88;
const BELOW_BASELINE = 0.2;

/** Emits the link annotations of one page (call while that page is current). */
export function emitLinkAnnotations(writer: LinkWriter, page: Page): void {
  for (const box of page.boxes) {
    if (box.kind !== 'text' || box.links === undefined) continue;
    const size = lineSize(box);
    for (const link of box.links) {
      writer.link(box.x + link.x, box.y - size * ABOVE_BASELINE, link.width, size * (ABOVE_BASELINE + BELOW_BASELINE), link.uri);
    }
  }
}

function lineSize(box: Extract<Box, { kind: 'text' }>): number {
  return box.runs.reduce((size, run) => Math.max(size, run.size), 0);
}
