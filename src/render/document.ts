/**
 * The PDF document itself: pdfkit (the only module that imports it) set up for one of the two
 * files — version, PDF/A or PDF/X identification, Info, XMP, the file ID — and the bytes it
 * writes. pdfkit writes the file structure, images, vector shapes, links and outline; text is
 * drawn from our own glyph positions through our own CID fonts (text.ts), so pdfkit never lays
 * out, wraps or measures anything.
 */
import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../document/types';
import type { WrittenStream } from '../preflight/own-source';
import type { PdfRef, PdfRefFactory } from './cid-font';
import { ByteSink, PageContent } from './byte-sink';
import { addPdfxOutputIntent, appendXmp, escapeInfoInXmp, pdfName, setFileId, type StandardsDoc } from './standards';

/** Which of the two files to write from the same layout. */
export type Target = 'email' | 'print';

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

/**
 * The pdfkit document as the render modules use it: its public drawing API plus the internals we
 * rely on, named in one place (page resources and dictionary, raw content, catalog, spot colours).
 */
export type PdfDoc = PDFKit.PDFDocument &
  PdfRefFactory & {
    page: { fonts: Record<string, PdfRef>; height: number; width: number; dictionary: { data: Record<string, unknown> } };
    addContent(operators: string): unknown;
    pageContent(): PageContent;
    addSpotColor(name: string, c: number, m: number, y: number, k: number): unknown;
    _root: { data: Record<string, unknown> };
  };

export interface DocumentOptions {
  readonly target: Target;
  readonly meta: DocumentMeta;
  /** Hash of the laid-out content: seeds the file ID and XMP ids, so they are stable yet change with the content. */
  readonly contentHash: string;
  readonly press?: PressSettings;
}

/**
 * pdfkit writing into a ByteSink rather than through its stream (byte-sink.ts says why), with each
 * page's content collected as strings until the page ends. The stream still ends the document:
 * `push(null)` after the trailer emits 'end'.
 */
class SinkDocument extends PDFDocument {
  // Declared only: pdfkit's constructor writes the header before a field initialiser would run
  // (and an initialised field would then replace the sink holding it).
  private declare sink: ByteSink | undefined;
  private declare pageBytes: PageContent | undefined;

  _write(data: unknown): void {
    this.sink ??= new ByteSink();
    const written = data instanceof Uint8Array ? this.sink.writeBytes(data) : this.sink.writeLine(String(data));
    (this as unknown as { _offset: number })._offset += written;
  }

  override addPage(options?: PDFKit.PDFDocumentOptions): this {
    super.addPage(options);
    // The pages are buffered (pdfkit ends them all at doc.end()), but nothing is drawn on a page
    // once the next one is begun: attach hands the previous page's content to pdfkit now.
    this.pageContent().attach((this as unknown as { page: { content: Parameters<PageContent['attach']>[0] } }).page.content);
    return this;
  }

  /** Ends the document once every page's content stream is compressed (PageContent.flush). */
  override end(): void {
    this.pageContent()
      .finished()
      .then(() => super.end())
      .catch((err: unknown) => this.emit('error', err));
  }

  /** The current page's content, for writing operators into directly (text.ts). */
  pageContent(): PageContent {
    return (this.pageBytes ??= new PageContent());
  }

  writtenBytes(): Buffer {
    return (this.sink ??= new ByteSink()).bytes();
  }
}

/** A new document for `target`, and the promise of its bytes once `doc.end()` is called. */
export function openDocument({ target, meta, contentHash, press }: DocumentOptions): { doc: PdfDoc; bytes: Promise<Buffer> } {
  const pdfkit = new SinkDocument({
    autoFirstPage: false,
    // No default font: pdfkit's Helvetica is never embedded, so it must never appear (PRINT.md).
    font: null as unknown as string,
    bufferPages: true,
    compress: true,
    // PDF/X-4 allows at most 1.6. The e-mail copy is tagged (tags.ts: MarkInfo, StructTreeRoot,
    // pages' /Tabs /S), so it is PDF/A-2a (1.7, sRGB intent added by pdfkit) and PDF/UA-1; our
    // preflight checks the tagging that 2a adds to 2b (ua.* checks, pdfa.id).
    pdfVersion: press ? '1.6' : '1.7',
    ...(press ? {} : { subset: 'PDF/A-2a' as const, tagged: true }),
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
  const doc = pdfkit as unknown as PdfDoc;
  const standards = pdfkit as unknown as StandardsDoc;
  escapeInfoInXmp(standards);
  setFileId(standards, `${contentHash}:${target}`);
  if (press) {
    addPdfxOutputIntent(standards, press.iccProfile, press.outputCondition, press.outputConditionInfo);
    // The registration colour: crop marks print on every separation.
    doc.addSpotColor('All', 100, 100, 100, 100);
  }
  appendXmp(standards, {
    modifyDate: meta.creationDate,
    documentSeed: `bulletin:${meta.title}:${contentHash}`,
    instanceSeed: `bulletin:${meta.title}:${contentHash}:${target}`,
    ...(press ? { pdfx: { version: 'PDF/X-4', trapped: false } } : { pdfuaPart: 1 }),
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    pdfkit.on('end', () => resolve(pdfkit.writtenBytes()));
    pdfkit.on('error', reject);
  });
  // Nothing is pushed into the stream but its end: flowing, it emits 'end' after `doc.end()`.
  pdfkit.resume();
  return { doc, bytes };
}

/** pdfkit's page content stream: the chunks written so far, compressed and written out by finalize(). */
interface ContentStream {
  readonly id: number;
  buffer: Uint8Array[];
  finalize(): void;
}

/**
 * Records each page's content as it goes to zlib, by the stream's object number: when the next
 * page begins (PageContent deflates it then), or at the end, when pdfkit's finalize compresses
 * what it still has (a stream PageContent did not take).
 */
export function keepPageContents(doc: PdfDoc, kept: Map<number, WrittenStream>): void {
  doc.pageContent().onDeflate = (id, plain) => kept.set(id, { plain });
  doc.on('pageAdded', () => {
    const content = (doc.page as unknown as { content: ContentStream }).content;
    const finalize = content.finalize.bind(content);
    content.finalize = () => {
      if (!kept.has(content.id)) {
        const plain = Buffer.concat(content.buffer);
        content.buffer = [plain];
        kept.set(content.id, { plain });
      }
      finalize();
    };
  });
}

/** The same document seen as the standards module sees it. */
export function standardsOf(doc: PdfDoc): StandardsDoc {
  return doc as unknown as StandardsDoc;
}
