/**
 * Paints laid-out pages into one of the two PDFs. The concerns live in their own modules: the
 * document and its identification (document.ts, the only pdfkit import), text through our own
 * CID fonts (text.ts), navigation and every annotation (navigation.ts), press furniture (marks.ts).
 * This module walks the pages and turns each box into painting.
 */
import type { Box, Ink, LaidOutIssue, StructureTag } from '../layout/types';
import type { DocumentMeta } from '../document/types';
import type { WrittenStream } from '../preflight/own-source';
import type { FontSet } from '../text/fonts';
import { keepPageContents, openDocument, type PressSettings, standardsOf, type Target } from './document';
import { bleedBox, pressPage, sheetFor } from './marks';
import { addDestinationsAndOutline, addLink, addUriLinks, linkDescription, setPageLabels } from './navigation';
import { type Colour, colourOperator, writeCircle } from './operators';
import { StructureWriter } from './tags';
import { TextPainter } from './text';

export type { PressSettings, Target } from './document';

export interface RenderOptions {
  readonly target: Target;
  readonly meta: DocumentMeta;
  /** Image file → bytes to embed (already converted for the target). */
  readonly images: ReadonlyMap<string, Buffer>;
  /** Hash of the laid-out content: seeds the file ID and XMP ids, so they are stable yet change with the content. */
  readonly contentHash: string;
  /** Press settings; required for the 'print' target. */
  readonly press?: PressSettings;
  /**
   * Filled with the big streams as they were before compression, by object number (page
   * contents, font programs): the build's own check reads them from here instead of inflating
   * them back out of the file.
   */
  readonly kept?: Map<number, WrittenStream>;
}

/** Inks: 100 % K black and a CMYK red for the press; sRGB for the e-mail copy (PRINT.md §2.2). */
const INKS: Readonly<Record<Target, Readonly<Record<Ink, Colour>>>> = {
  print: { text: [0, 0, 0, 100], accent: [0, 100, 90, 10], rule: [0, 0, 0, 100], muted: [0, 0, 0, 60] },
  email: { text: [0, 0, 0], accent: [190, 20, 30], rule: [0, 0, 0], muted: [100, 100, 100] },
};

/** A box's element in the structure tree, if it has one (else it is an artifact). */
function tagOf(box: Exclude<Box, { kind: 'link' }>): StructureTag | undefined {
  return box.kind === 'text' || box.kind === 'image' ? box.tag : undefined;
}

/** Renders the pages to PDF bytes. */
export async function renderPdf(issue: LaidOutIssue, fonts: FontSet, options: RenderOptions): Promise<Buffer> {
  const { target } = options;
  const press = target === 'print' ? options.press : undefined;
  if (target === 'print' && !press) throw new Error('renderPdf: the print target needs press settings');
  const { doc, bytes } = openDocument({ target, meta: options.meta, contentHash: options.contentHash, ...(press ? { press } : {}) });
  const sheet = sheetFor(issue.pageWidth, issue.pageHeight, press);
  if (options.kept) keepPageContents(doc, options.kept);
  const text = new TextPainter(doc, fonts, options.kept);
  const colour = (ink: Ink) => INKS[target][ink];
  // The e-mail copy is tagged (PDF/UA-1): every box is marked content of its element or an artifact.
  const structure = target === 'email' ? new StructureWriter(doc, issue.pages) : undefined;

  const drawBox = (box: Box): void => {
    switch (box.kind) {
      case 'text':
        text.drawLine(box.runs, box.x, box.y, colour(box.ink));
        return;
      case 'rule': {
        // Straight into the page's bytes, as pdfkit's addContent would put them (a line, then "\n").
        const out = doc.pageContent();
        out.text('q ');
        out.number(box.thickness);
        out.text(' w ');
        out.text(colourOperator(colour(box.ink), 'stroke'));
        out.byte(0x20);
        out.number(box.x1);
        out.byte(0x20);
        out.number(box.y1);
        out.text(' m ');
        out.number(box.x2);
        out.byte(0x20);
        out.number(box.y2);
        out.text(' l S Q\n');
        return;
      }
      case 'dot': {
        const out = doc.pageContent();
        out.text('q ');
        out.text(colourOperator(colour(box.ink), 'fill'));
        out.byte(0x20);
        writeCircle(out, box.x, box.y, box.radius);
        out.text(' f Q\n');
        return;
      }
      case 'image': {
        const image = options.images.get(box.file);
        if (!image) throw new Error(`image ${box.file} was not prepared for rendering`);
        doc.image(image, box.x, box.y, { width: box.width, height: box.height });
        return;
      }
      case 'link':
        // Links only in the e-mail copy: PDF/X forbids annotations inside the trim (PRINT.md).
        if (target === 'email') addLink(doc, box, linkDescription(issue, box.target), structure);
        return;
    }
  };

  for (const page of issue.pages) {
    // Drawing is synchronous; before each page (~1–4 ms of drawing) the event loop gets a turn, so
    // that work queued on libuv's threads is handed its next piece meanwhile: the previous pages'
    // deflating (one at a time, byte-sink.ts) and the next output's image conversions (one at a
    // time, outputs.ts), which otherwise waited for the whole render and then were waited for.
    // The bytes are the same.
    await new Promise<void>((resolve) => setImmediate(resolve));
    doc.addPage({ size: [sheet.mediaWidth, sheet.mediaHeight], margin: 0 });
    if (press) pressPage(doc, standardsOf(doc), sheet, issue.pageWidth, issue.pageHeight, press);
    const { boxes } = page;
    for (let b = 0; b < boxes.length; b++) {
      const box = boxes[b]!;
      const placed = bleedBox(box, sheet.bleed, issue.pageWidth, issue.pageHeight);
      if (!structure || placed.kind === 'link') drawBox(placed);
      else {
        // Untagged text is a running head or folio.
        structure.open(tagOf(placed), placed.kind === 'text' ? 'Pagination' : 'Layout');
        drawBox(placed);
        structure.close();
      }
    }
    // Web and e-mail links only in the e-mail copy, like the TOC links.
    if (target === 'email') addUriLinks(doc, page, structure);
  }
  structure?.finish();
  addDestinationsAndOutline(doc, issue, sheet.offset);
  text.finish();
  setPageLabels(doc, issue.pages);
  doc.end();
  return bytes;
}
