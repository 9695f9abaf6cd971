/**
 * PDF objects as plain values, whoever parsed them: the model reader (reader.ts) works on these,
 * so the same reading of a file serves `bulletin preflight` (any PDF, parsed by pdf-lib in
 * pdf-lib-source.ts) and the build's check of its own output (parsed by own-source.ts, which knows
 * the simple structure our writer produces and is many times faster).
 */

export class PdfName {
  constructor(readonly name: string) {}
}

/** A string object, already decoded to text (UTF-16BE with a byte-order mark, else PDFDocEncoding). */
export class PdfText {
  constructor(readonly text: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}

  toString(): string {
    return `${this.num} ${this.gen} R`;
  }
}

export type PdfDict = ReadonlyMap<string, PdfValue>;

/** A stream: its dictionary, and whatever its source needs to decode its data. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly handle: unknown,
  ) {}
}

export type PdfValue = number | boolean | null | PdfName | PdfText | PdfRef | readonly PdfValue[] | PdfDict | PdfStream;

/** A parsed PDF: the trailer's entries (Root, Info, ID, Encrypt), indirect objects, decoded streams. */
export interface PdfSource {
  readonly trailer: PdfDict;
  lookup(ref: PdfRef): PdfValue | undefined;
  /** The stream's data with its filters undone; throws when it cannot be decoded. */
  decode(stream: PdfStream): Uint8Array;
}

export function isDict(value: PdfValue | undefined): value is PdfDict {
  return value instanceof Map;
}

export function isArray(value: PdfValue | undefined): value is readonly PdfValue[] {
  return Array.isArray(value);
}

/**
 * A PDF date string (D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional) as pdf-lib reads
 * it; undefined when it is not one.
 */
export function parsePdfDate(text: string): Date | undefined {
  const match = /^D:(\d\d\d\d)(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([+\-Z])?(\d\d)?'?(\d\d)?'?$/.exec(text);
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hours = '00', mins = '00', secs = '00', sign = 'Z', offsetHours = '00', offsetMins = '00'] = match;
  const zone = sign === 'Z' ? 'Z' : `${sign}${offsetHours}:${offsetMins}`;
  return new Date(`${year}-${month}-${day}T${hours}:${mins}:${secs}${zone}`);
}
