/**
 * Any PDF as a PdfSource, parsed by pdf-lib (xref streams, object streams, incremental updates,
 * damaged files): what `bulletin preflight` and the tests read. The only module that imports
 * pdf-lib, and it is required only when a file is read this way: `bulletin build` checks its own
 * output through own-source.ts and never loads pdf-lib (1.2 MB, ~30 ms, its garbage), which the
 * bundle leaves out (scripts/bundle.js): it comes from node_modules on first use.
 */
import { inflateSync } from 'node:zlib';
import type * as PdfLib from 'pdf-lib';
import { PdfName, PdfRef, PdfStream, PdfText, type PdfDict, type PdfSource, type PdfValue } from './objects';

/** Parses PDF bytes; throws with pdf-lib's message when the file is not a readable PDF. */
export async function pdfLibSource(bytes: Uint8Array): Promise<PdfSource> {
  // pdf-lib's own single-file build of the same package and version, not its CommonJS tree: the
  // ~200 files of that tree cost ~80 ms of module resolution and compiling; the bundle ~30 ms.
  const lib = require('pdf-lib/dist/pdf-lib.js') as typeof PdfLib;
  const { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString } = lib;
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const { context } = doc;

  const convert = (obj: PdfLib.PDFObject | undefined): PdfValue | undefined => {
    if (obj === undefined) return undefined;
    if (obj instanceof PDFNumber) return obj.asNumber();
    if (obj instanceof PDFBool) return obj.asBoolean();
    if (obj instanceof PDFName) return new PdfName(obj.decodeText());
    if (obj instanceof PDFString || obj instanceof PDFHexString) return new PdfText(obj.decodeText());
    if (obj instanceof PDFRef) return new PdfRef(obj.objectNumber, obj.generationNumber);
    if (obj instanceof PDFArray) return obj.asArray().map((item) => convert(item) ?? null);
    if (obj instanceof PDFDict) return convertDict(obj);
    if (obj instanceof PDFStream) return new PdfStream(convertDict(obj.dict), obj);
    return null;
  };
  const convertDict = (dict: PdfLib.PDFDict): PdfDict => {
    const entries = new Map<string, PdfValue>();
    for (const [key, value] of dict.entries()) entries.set(key.decodeText(), convert(value) ?? null);
    return entries;
  };

  const trailer = new Map<string, PdfValue>();
  for (const [key, value] of Object.entries(context.trailerInfo)) {
    const converted = convert(value as PdfLib.PDFObject | undefined);
    if (converted !== undefined) trailer.set(key, converted);
  }
  return {
    trailer,
    lookup: (ref) => convert(context.lookup(PDFRef.of(ref.num, ref.gen))),
    decode(stream) {
      const original = stream.handle as PdfLib.PDFStream;
      if (original instanceof PDFRawStream) return inflateFast(original, lib) ?? lib.decodePDFRawStream(original).decode();
      return original.getContents();
    },
  };
}

/**
 * A stream with just /Filter /FlateDecode (no predictor) decoded by Node's zlib, which is several
 * times faster than pdf-lib's JavaScript inflater on the page contents, fonts and profiles the
 * preflight reads. Anything else, or data zlib refuses (pdf-lib is more lenient with damaged
 * streams), returns undefined and goes through pdf-lib as before.
 */
function inflateFast(stream: PdfLib.PDFRawStream, { PDFArray, PDFName }: typeof PdfLib): Uint8Array | undefined {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (!(only instanceof PDFName) || only.decodeText() !== 'FlateDecode' || stream.dict.has(PDFName.of('DecodeParms'))) return undefined;
  try {
    return inflateSync(stream.contents);
  } catch {
    return undefined;
  }
}
