/**
 * Navigation of the e-mail copy: named destinations where articles and sections start, the
 * outline (bookmarks) mirroring the TOC, page labels matching the printed folios, and link
 * annotations — every annotation the renderer writes is made here (PDF/X forbids them inside
 * the trim, so the press file gets none).
 */
import type { Box, LaidOutIssue, Page } from '../layout/types';
import type { PdfDoc } from './document';

/** A link annotation to a named destination (the TOC entries); `rect` in layout coordinates. */
export function addLink(doc: PdfDoc, box: { x: number; y: number; width: number; height: number; target: string }): void {
  doc.goTo(box.x, box.y, box.width, box.height, box.target);
}

/** Of the em above the baseline and below it, what a web link's rectangle covers. */
const LINK_ABOVE_BASELINE = 0.88;
const LINK_BELOW_BASELINE = 0.2;

/**
 * Web and e-mail links of one page (call while it is current): one URI annotation per linked
 * stretch of a text line, covering the text from above the ascenders to below the descenders; a
 * link that wraps gets one per line, all with the same address.
 */
export function addUriLinks(doc: PdfDoc, page: Page): void {
  for (const box of page.boxes) {
    if (box.kind !== 'text' || box.links === undefined) continue;
    const size = lineSize(box);
    for (const link of box.links) {
      doc.link(box.x + link.x, box.y - size * LINK_ABOVE_BASELINE, link.width, size * (LINK_ABOVE_BASELINE + LINK_BELOW_BASELINE), link.uri);
    }
  }
}

function lineSize(box: Extract<Box, { kind: 'text' }>): number {
  return box.runs.reduce((size, run) => Math.max(size, run.size), 0);
}

/** Named destinations at each anchor (`offset`: the trim's distance from the media edge), then the outline. */
export function addDestinationsAndOutline(doc: PdfDoc, issue: LaidOutIssue, offset: number): void {
  const pageOf = new Map<string, number>();
  issue.pages.forEach((page, index) => {
    if (page.anchors.length === 0) return;
    doc.switchToPage(index);
    for (const anchor of page.anchors) {
      pageOf.set(anchor.id, index);
      doc.addNamedDestination(anchor.id, 'XYZ', 0, Math.max(0, anchor.y - 12) + offset, null);
    }
  });
  // Sections open, articles under them: every item is visible.
  let visible = 0;
  for (const section of issue.outline) {
    const sectionPage = pageOf.get(section.target);
    if (sectionPage === undefined) continue;
    const item = doc.outline.addItem(section.title, { pageNumber: sectionPage, expanded: true, fit: true } as never);
    visible++;
    for (const article of section.children) {
      const articlePage = pageOf.get(article.target);
      if (articlePage === undefined) continue;
      item.addItem(article.title, { pageNumber: articlePage, fit: true } as never);
      visible++;
    }
  }
  // The outline root's /Count is the number of visible items at all levels (PDF 32000-1 12.3.3;
  // PDFBox 1.4.9 wants it when items are open); pdfkit writes /Count on open items only.
  if (visible > 0) (doc.outline as unknown as { outlineData: Record<string, unknown> }).outlineData.Count = visible;
}

/** Page labels so a viewer's page numbers match the printed folios (封面, 目录, 1, 2, …). */
export function setPageLabels(doc: PdfDoc, pages: readonly Page[]): void {
  const nums: unknown[] = [];
  pages.forEach((page, index) => {
    if (page.folio === null) nums.push(index, { P: new String(page.label) });
    else if (index === 0 || pages[index - 1]?.folio === null) nums.push(index, { S: 'D', St: page.folio });
  });
  doc._root.data.PageLabels = { Nums: nums };
}
