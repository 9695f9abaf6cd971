/**
 * Navigation of the e-mail copy: named destinations where articles and sections start, the
 * outline (bookmarks) mirroring the TOC, page labels matching the printed folios, and link
 * annotations — every annotation the renderer writes is made here (PDF/X forbids them inside
 * the trim, so the press file gets none).
 */
import type { Box, LaidOutIssue, OutlineEntry, Page } from '../layout/types';
import type { PdfDoc } from './document';
import type { StructureWriter } from './tags';

/**
 * A link annotation to a named destination (the TOC entries), in layout coordinates. Its
 * /Contents describes it (PDF/UA 7.18.5: the title it leads to); in the tagged copy it is the
 * content of a Link element (an OBJR), next to the entry's text.
 */
export function addLink(doc: PdfDoc, box: Extract<Box, { kind: 'link' }>, description: string, structure: StructureWriter | undefined): void {
  const annotate = (options: Record<string, unknown>) => doc.goTo(box.x, box.y, box.width, box.height, box.target, options as never);
  if (structure && box.tag) structure.link(box.tag, description, annotate);
  else annotate({ Contents: new String(description) });
}

/** What a link to `target` leads to, for its /Contents: the outline's title of that article or section. */
export function linkDescription(issue: LaidOutIssue, target: string): string {
  let titles = outlineTitles.get(issue);
  if (!titles) {
    // Made once per issue (a TOC has a link per entry, and each searched the outline).
    titles = new Map();
    for (const section of issue.outline) {
      if (!titles.has(section.target)) titles.set(section.target, section.title);
      for (const article of section.children) if (!titles.has(article.target)) titles.set(article.target, article.title);
    }
    outlineTitles.set(issue, titles);
  }
  return titles.get(target) ?? target;
}

/** Each issue's outline targets → titles, the first entry's title for a target named twice. */
const outlineTitles = new WeakMap<LaidOutIssue, Map<string, string>>();

/** Of the em above the baseline and below it, what a web link's rectangle covers. */
const LINK_ABOVE_BASELINE = 0.88;
const LINK_BELOW_BASELINE = 0.2;

/**
 * Web and e-mail links of one page (call while it is current): one URI annotation per linked
 * stretch of a text line, covering the text from above the ascenders to below the descenders; a
 * link that wraps gets one per line, all with the same address.
 */
export function addUriLinks(doc: PdfDoc, page: Page, structure: StructureWriter | undefined): void {
  const { boxes } = page;
  for (let b = 0; b < boxes.length; b++) {
    const box = boxes[b]!;
    if (box.kind !== 'text' || box.links === undefined) continue;
    const size = lineSize(box);
    for (const link of box.links) {
      // /Contents: the address, what a screen reader announces (PDF/UA 7.18.5); in the tagged copy
      // a Link element in the text's own element holds the annotation.
      const annotate = (options: Record<string, unknown>) =>
        doc.link(box.x + link.x, box.y - size * LINK_ABOVE_BASELINE, link.width, size * (LINK_ABOVE_BASELINE + LINK_BELOW_BASELINE), link.uri, options as never);
      if (structure && box.tag) structure.annotationIn(box.tag, link.uri, annotate);
      else annotate({ Contents: new String(link.uri) });
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
    visible += addClosed(item, section.children, pageOf);
  }
  // The outline root's /Count is the number of visible items at all levels (PDF 32000-1 12.3.3;
  // PDFBox 1.4.9 wants it when items are open); pdfkit writes /Count on open items only.
  if (visible > 0) (doc.outline as unknown as { outlineData: Record<string, unknown> }).outlineData.Count = visible;
}

type OutlineItem = { addItem(title: string, options: never): OutlineItem };

/**
 * Adds entries under `parent`, each closed (articles under their section, a regulation's 编 and
 * 章 under its article, R31); returns how many were added. A closed item with children carries
 * a negative /Count (PDF 32000-1 12.3.3), which pdfkit writes only for open items.
 */
function addClosed(parent: OutlineItem, entries: readonly OutlineEntry[], pageOf: ReadonlyMap<string, number>): number {
  let added = 0;
  for (const entry of entries) {
    const page = pageOf.get(entry.target);
    if (page === undefined) continue;
    const item = parent.addItem(entry.title, { pageNumber: page, fit: true } as never);
    added++;
    const children = addClosed(item, entry.children, pageOf);
    if (children > 0) (item as unknown as { outlineData: Record<string, unknown> }).outlineData.Count = -children;
  }
  return added;
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
