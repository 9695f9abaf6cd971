/**
 * PDF/X-4 and PDF/A-2 furniture that pdfkit has no API for (PRINT.md §3): page boxes, the
 * GTS_PDFX output intent, a Trapped name, XMP additions, escaped XMP values and deterministic ids.
 * It never imports pdfkit; pdf.ts hands in the document through the small interface below.
 */
import { createHash } from 'node:crypto';

/** An indirect object as pdfkit's `doc.ref()` returns it. */
export interface StandardsRef {
  write(chunk: Buffer | Uint8Array): unknown;
  end(): void;
}

/** The parts of a pdfkit document this module touches (some are pdfkit internals). */
export interface StandardsDoc {
  ref(data?: unknown): StandardsRef;
  page: { dictionary: { data: Record<string, unknown> } };
  _root: { data: Record<string, unknown> };
  info: Record<string, unknown>;
  _id: Uint8Array;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

/** A rectangle in PDF user space: [x0, y0, x1, y1], origin bottom-left. */
export type Rect = readonly [number, number, number, number];

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/**
 * A PDF name for an Info value: pdfkit writes every JS string in `info` as a PDF string, but
 * PDF/X wants `Trapped` as the name /False. PDFObject.convert falls through to String(value).
 */
export function pdfName(name: string): object {
  return { [Symbol.toStringTag]: 'PDFName', toString: () => `/${name}`, valueOf: () => `/${name}` };
}

/** Sets TrimBox and BleedBox on the current page (pdfkit writes the dictionary when it flushes). */
export function setPageBoxes(doc: StandardsDoc, trim: Rect, bleed: Rect): void {
  doc.page.dictionary.data.TrimBox = [...trim];
  doc.page.dictionary.data.BleedBox = [...bleed];
}

/** Embeds the press's CMYK profile as the one GTS_PDFX output intent. */
export function addPdfxOutputIntent(doc: StandardsDoc, icc: Buffer, condition: string, info: string): void {
  const profile = doc.ref({ N: 4, Length: icc.length });
  profile.write(icc);
  profile.end();
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(condition),
    OutputCondition: new String(info),
    RegistryName: new String('http://www.color.org'),
    Info: new String(info),
    DestOutputProfile: profile,
  });
  intent.end();
  doc._root.data.OutputIntents = [intent];
}

/**
 * pdfkit pastes Title, Author, Subject, Keywords, Creator and Producer into the XMP unescaped, so
 * a `&` in a title makes the packet malformed; hand its XMP writer escaped copies while the Info
 * dictionary (already written by then) keeps the real values.
 */
export function escapeInfoInXmp(doc: StandardsDoc): void {
  const original = doc._addInfo.bind(doc);
  doc._addInfo = () => {
    const saved = doc.info;
    doc.info = Object.fromEntries(Object.entries(saved).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
    try {
      original();
    } finally {
      doc.info = saved;
    }
  };
}

export interface XmpAdditions {
  /** Same as Info ModDate; PDF/A wants Info and XMP to agree. */
  readonly modifyDate: Date;
  /** Seed for the document and instance ids (hash of the content and the target). */
  readonly documentSeed: string;
  readonly instanceSeed: string;
  /** PDF/X: identification and Trapped. */
  readonly pdfx?: { readonly version: string; readonly trapped: boolean };
  /** PDF/UA: the part of ISO 14289 the file claims (the tagged e-mail copy). */
  readonly pdfuaPart?: number;
}

/** Appends ModifyDate/MetadataDate, xmpMM ids, (PDF/UA) pdfuaid and (PDF/X) pdfxid and pdf:Trapped to the XMP. */
export function appendXmp(doc: StandardsDoc, add: XmpAdditions): void {
  const date = xmpDate(add.modifyDate);
  doc.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate></rdf:Description>`);
  doc.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><xmpMM:DocumentID>${uuidFrom(add.documentSeed)}</xmpMM:DocumentID><xmpMM:InstanceID>${uuidFrom(add.instanceSeed)}</xmpMM:InstanceID><xmpMM:VersionID>1</xmpMM:VersionID><xmpMM:RenditionClass>default</xmpMM:RenditionClass></rdf:Description>`,
  );
  if (add.pdfuaPart !== undefined) {
    doc.appendXML(`<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>${add.pdfuaPart}</pdfuaid:part></rdf:Description>`);
  }
  if (add.pdfx) {
    doc.appendXML(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Trapped>${add.pdfx.trapped ? 'True' : 'False'}</pdf:Trapped></rdf:Description>`);
    doc.appendXML(`<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"><pdfxid:GTS_PDFXVersion>${escapeXml(add.pdfx.version)}</pdfxid:GTS_PDFXVersion></rdf:Description>`);
  }
}

/** Replaces pdfkit's trailer /ID (an MD5 of the Info values) by one derived from the content. */
export function setFileId(doc: StandardsDoc, seed: string): void {
  doc._id = new Uint8Array(createHash('sha256').update(seed).digest().subarray(0, 16));
}

/** A stable `uuid:` URN from a seed (name-based, like UUID v5 but with SHA-256). */
export function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The XMP date form pdfkit uses for CreateDate (UTC, seconds). */
function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}
