/**
 * Paints laid-out pages with pdfkit — the only module that imports it. pdfkit writes the file
 * structure, images, vector shapes, links and outline; text is drawn from our own glyph positions
 * through our own CID fonts (cid-font.ts), so pdfkit never lays out, wraps or measures anything.
 */
import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../document/types';
import type { FontRole, FontSet } from '../text/fonts';
import type { Box, GlyphRun, Ink, LaidOutIssue, OutlineEntry, Page } from '../layout/types';
import { CidFontWriter, type PdfRef, type PdfRefFactory } from './cid-font';
import { addPdfxOutputIntent, appendXmp, escapeInfoInXmp, pdfName, type Rect, setFileId, setPageBoxes, type StandardsDoc } from './standards';

/** Which of the two files to write from the same layout. */
export type Target = 'email' | 'print';

export interface RenderOptions {
  readonly target: Target;
  readonly meta: DocumentMeta;
  /** Image file → bytes to embed (already converted for the target). */
  readonly images: ReadonlyMap<string, Buffer>;
  /** Hash of the laid-out content: seeds the file ID and XMP ids, so they are stable yet change with the content. */
  readonly contentHash: string;
  /** Press settings; required for the 'print' target. */
  readonly press?: PressSettings;
}

/** What the press file needs beyond the layout: bleed, marks and the output condition. */
export interface PressSettings {
  /** Bleed on each side, in points. */
  readonly bleed: number;
  readonly cropMarks: boolean;
  /** The CMYK output profile (ICC bytes) for the GTS_PDFX output intent. */
  readonly iccProfile: Buffer;
  /** OutputConditionIdentifier, e.g. FOGRA39. */
  readonly outputCondition: string;
  /** Human-readable condition, e.g. Coated FOGRA39 (ISO 12647-2:2004). */
  readonly outputConditionInfo: string;
}

/** Crop marks: length, gap to the bleed edge, and the slug around them (points). */
const MARK_LENGTH = (6 / 25.4) * 72;
const MARK_GAP = 2;
const MARK_SLUG = MARK_LENGTH + MARK_GAP + 4;

type Colour = readonly [number, number, number] | readonly [number, number, number, number];

/** Inks: 100 % K black and a CMYK red for the press; sRGB for the e-mail copy (PRINT.md §2.2). */
const INKS: Readonly<Record<Target, Readonly<Record<Ink, Colour>>>> = {
  print: { text: [0, 0, 0, 100], accent: [0, 100, 90, 10], rule: [0, 0, 0, 100], muted: [0, 0, 0, 60] },
  email: { text: [0, 0, 0], accent: [190, 20, 30], rule: [0, 0, 0], muted: [100, 100, 100] },
};

/** pdfkit internals we rely on, named in one place (page resources, raw content, catalog). */
interface PdfKitInternals {
  page: { fonts: Record<string, PdfRef>; height: number; width: number };
  addContent(operators: string): unknown;
  addSpotColor(name: string, c: number, m: number, y: number, k: number): unknown;
  _root: { data: Record<string, unknown> };
}

/** Renders the pages to PDF bytes. */
export async function renderPdf(issue: LaidOutIssue, fonts: FontSet, options: RenderOptions): Promise<Buffer> {
  const { meta, target } = options;
  const press = target === 'print' ? options.press : undefined;
  if (target === 'print' && !press) throw new Error('renderPdf: the print target needs press settings');
  // The trimmed page sits `offset` from the media edge: bleed, plus a slug when marks are drawn.
  const bleed = press?.bleed ?? 0;
  const offset = bleed + (press?.cropMarks ? MARK_SLUG : 0);
  const mediaWidth = issue.pageWidth + 2 * offset;
  const mediaHeight = issue.pageHeight + 2 * offset;
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit's Helvetica is never embedded, so it must never appear (PRINT.md).
    font: null as unknown as string,
    bufferPages: true,
    compress: true,
    // PDF/X-4 allows at most 1.6; the e-mail copy is PDF/A-2b (1.7, sRGB intent added by pdfkit).
    pdfVersion: press ? '1.6' : '1.7',
    ...(press ? {} : { subset: 'PDF/A-2b' as const }),
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(', '),
      CreationDate: meta.creationDate,
      ModDate: meta.creationDate,
      Creator: 'bulletin',
      Producer: 'bulletin (pdfkit)',
      ...(press ? { GTS_PDFXVersion: 'PDF/X-4', Trapped: pdfName('False') as unknown as string } : {}),
    },
  });
  const internals = doc as unknown as PdfKitInternals;
  const standards = doc as unknown as StandardsDoc;
  escapeInfoInXmp(standards);
  setFileId(standards, `${options.contentHash}:${target}`);
  if (press) {
    addPdfxOutputIntent(standards, press.iccProfile, press.outputCondition, press.outputConditionInfo);
    // The registration colour: crop marks print on every separation.
    internals.addSpotColor('All', 100, 100, 100, 100);
  }
  appendXmp(standards, {
    modifyDate: meta.creationDate,
    documentSeed: `bulletin:${meta.title}:${options.contentHash}`,
    instanceSeed: `bulletin:${meta.title}:${options.contentHash}:${target}`,
    ...(press ? { pdfx: { version: 'PDF/X-4', trapped: false } } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const writers = new Map<FontRole, CidFontWriter>();
  const writerFor = (role: FontRole) => {
    let writer = writers.get(role);
    if (!writer) {
      writer = new CidFontWriter(doc as unknown as PdfRefFactory, fonts[role], `B${role}`);
      writers.set(role, writer);
    }
    return writer;
  };

  for (const page of issue.pages) {
    doc.addPage({ size: [mediaWidth, mediaHeight], margin: 0 });
    if (press) {
      const trim: Rect = [offset, offset, offset + issue.pageWidth, offset + issue.pageHeight];
      setPageBoxes(standards, trim, [trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed]);
      if (press.cropMarks) drawCropMarks();
      // Every box is laid out from the trim's top-left corner; shift the whole page once.
      internals.addContent(`1 0 0 1 ${fmt(offset)} ${fmt(offset)} cm`);
    }
    for (const box of page.boxes) drawBox(press ? bleedBox(box) : box, page);
  }
  addNavigation(issue.pages);
  for (const writer of writers.values()) writer.finish();
  setPageLabels(issue.pages);
  doc.end();
  return done;

  /** Anything that touches the trim edge runs on into the bleed (rules; nothing else reaches the edge). */
  function bleedBox(box: Box): Box {
    if (box.kind !== 'rule') return box;
    const stretch = (v: number, edge: number) => (Math.abs(v) < 0.01 ? -bleed : Math.abs(v - edge) < 0.01 ? edge + bleed : v);
    return { ...box, x1: stretch(box.x1, issue.pageWidth), x2: stretch(box.x2, issue.pageWidth), y1: stretch(box.y1, issue.pageHeight), y2: stretch(box.y2, issue.pageHeight) };
  }

  /** Trim marks at the four corners, in the slug outside the bleed, in the registration colour. */
  function drawCropMarks(): void {
    const xs = [offset, offset + issue.pageWidth];
    const ys = [offset, offset + issue.pageHeight];
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

  function colour(ink: Ink): Colour {
    return INKS[target][ink];
  }

  function drawBox(box: Box, page: Page): void {
    switch (box.kind) {
      case 'text':
        drawText(box.runs, box.x, box.y, colour(box.ink));
        return;
      case 'rule':
        internals.addContent(`q ${fmt(box.thickness)} w ${colourOperator(colour(box.ink), 'stroke')} ${fmt(box.x1)} ${fmt(box.y1)} m ${fmt(box.x2)} ${fmt(box.y2)} l S Q`);
        return;
      case 'dot':
        internals.addContent(`q ${colourOperator(colour(box.ink), 'fill')} ${circlePath(box.x, box.y, box.radius)} f Q`);
        return;
      case 'image': {
        const bytes = options.images.get(box.file);
        if (!bytes) throw new Error(`image ${box.file} was not prepared for rendering`);
        doc.image(bytes, box.x, box.y, { width: box.width, height: box.height });
        return;
      }
      case 'link':
        // Links only in the e-mail copy: PDF/X forbids annotations inside the trim (PRINT.md).
        if (target === 'email') doc.goTo(box.x, box.y, box.width, box.height, box.target);
        void page;
        return;
    }
  }

  /** One BT…ET per line; each glyph's advance is the distance to the next glyph. */
  function drawText(runs: readonly GlyphRun[], x: number, y: number, ink: Colour): void {
    const ops: string[] = ['BT', colourOperator(ink, 'fill')];
    for (const run of runs) {
      if (run.glyphs.length === 0) continue;
      const writer = writerFor(run.font);
      let resource = '';
      let hex = '';
      const flush = () => {
        if (hex) ops.push(`<${hex}> Tj`);
        hex = '';
      };
      ops.push(`1 0 0 -1 ${fmt(x + (run.glyphs[0]?.x ?? 0))} ${fmt(y)} Tm`);
      run.glyphs.forEach((glyph, i) => {
        const next = run.glyphs[i + 1]?.x ?? run.end;
        const width = ((next - glyph.x) / run.size) * 1000;
        const encoded = writer.encode(glyph.id, width, glyph.text);
        if (encoded.resource !== resource) {
          flush();
          resource = encoded.resource;
          internals.page.fonts[resource] = encoded.ref;
          ops.push(`/${resource} ${fmt(run.size)} Tf`);
        }
        hex += encoded.cid.toString(16).padStart(4, '0');
      });
      flush();
    }
    ops.push('ET');
    internals.addContent(ops.join('\n'));
  }

  function addNavigation(pages: readonly Page[]): void {
    const pageOf = new Map<string, number>();
    pages.forEach((page, index) => {
      if (page.anchors.length === 0) return;
      doc.switchToPage(index);
      for (const anchor of page.anchors) {
        pageOf.set(anchor.id, index);
        doc.addNamedDestination(anchor.id, 'XYZ', 0, Math.max(0, anchor.y - 12) + offset, null);
      }
    });
    for (const section of issue.outline) {
      const sectionPage = pageOf.get(section.target);
      if (sectionPage === undefined) continue;
      const item = doc.outline.addItem(section.title, { pageNumber: sectionPage, expanded: true, fit: true } as never);
      addChildren(item, section.children);
    }
    // Articles under their section; a regulation's 编 and 章 under the article (R31).
    function addChildren(parent: { addItem(title: string, options: never): unknown }, children: readonly OutlineEntry[]): void {
      for (const child of children) {
        const page = pageOf.get(child.target);
        if (page === undefined) continue;
        const item = parent.addItem(child.title, { pageNumber: page, fit: true } as never);
        addChildren(item as typeof parent, child.children);
      }
    }
  }

  /** Page labels so a viewer's page numbers match the printed folios (封面, 目录, 1, 2, …). */
  function setPageLabels(pages: readonly Page[]): void {
    const nums: unknown[] = [];
    pages.forEach((page, index) => {
      if (page.folio === null) nums.push(index, { P: new String(page.label) });
      else if (index === 0 || pages[index - 1]?.folio === null) nums.push(index, { S: 'D', St: page.folio });
    });
    internals._root.data.PageLabels = { Nums: nums };
  }
}

/** DeviceCMYK (k/K) for the press file, DeviceRGB (rg/RG) for the e-mail copy. */
function colourOperator(colour: Colour, use: 'fill' | 'stroke'): string {
  const cmyk = colour.length === 4;
  const values = colour.map((v) => fmt(v / (cmyk ? 100 : 255))).join(' ');
  const operator = cmyk ? 'k' : 'rg';
  return `${values} ${use === 'fill' ? operator : operator.toUpperCase()}`;
}

/** A circle as four Bézier arcs. */
function circlePath(x: number, y: number, r: number): string {
  const k = 0.5523 * r;
  return [
    `${fmt(x + r)} ${fmt(y)} m`,
    `${fmt(x + r)} ${fmt(y + k)} ${fmt(x + k)} ${fmt(y + r)} ${fmt(x)} ${fmt(y + r)} c`,
    `${fmt(x - k)} ${fmt(y + r)} ${fmt(x - r)} ${fmt(y + k)} ${fmt(x - r)} ${fmt(y)} c`,
    `${fmt(x - r)} ${fmt(y - k)} ${fmt(x - k)} ${fmt(y - r)} ${fmt(x)} ${fmt(y - r)} c`,
    `${fmt(x + k)} ${fmt(y - r)} ${fmt(x + r)} ${fmt(y - k)} ${fmt(x + r)} ${fmt(y)} c`,
  ].join(' ');
}

function fmt(value: number): string {
  // Whole numbers skip toFixed → Number → toString (the same text; fmt runs for every coordinate).
  if (Number.isInteger(value)) return String(value);
  return Number(value.toFixed(4)).toString();
}
