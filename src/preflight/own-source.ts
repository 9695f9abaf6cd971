/**
 * Our own writer's output as a PdfSource, parsed without pdf-lib: pdfkit writes one classic xref
 * table, every object at its offset, direct stream lengths, no object streams, no encryption, no
 * incremental update. Only that structure is read; anything else is refused (the build then fails
 * as a bug of ours and `bulletin preflight` can tell more). Objects are parsed when the model
 * reader asks for them, and the two big compressed payloads are not inflated again: the writer
 * hands over what it compressed (WrittenStreams) — the page contents as they went to zlib, and
 * each font program together with its deflated bytes, which must be exactly the bytes in the file.
 */
import { inflateSync } from 'node:zlib';
import { ENDS_WORD, IS_WHITE, WordCache } from './words';
import { PdfName, PdfRef, PdfStream, PdfText, type PdfDict, type PdfSource, type PdfValue } from './objects';

/** A stream as the writer made it, by object number. */
export interface WrittenStream {
  /** The data before compression. */
  readonly plain: Uint8Array;
  /** When given, the file must hold exactly these bytes as the stream's data. */
  readonly deflated?: Uint8Array;
}
export type WrittenStreams = ReadonlyMap<number, WrittenStream>;

interface StreamHandle {
  readonly num: number;
  readonly start: number;
  readonly length: number;
}

/** Parses our own output; throws (naming what it found) on a structure our writer does not produce. */
export function ownSource(bytes: Uint8Array, written: WrittenStreams = new Map()): PdfSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buffer.length;
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`not the structure our writer produces: ${what} at byte ${pos}`);
  };

  const skipWhite = (): void => {
    for (;;) {
      while (pos < n && IS_WHITE[buffer[pos]!] === 1) pos++;
      if (buffer[pos] !== 0x25) return;
      while (pos < n && buffer[pos] !== 0x0a && buffer[pos] !== 0x0d) pos++;
    }
  };
  const words = new WordCache();
  const word = (): string => {
    const start = pos;
    while (pos < n && ENDS_WORD[buffer[pos]!] === 0) pos++;
    return words.word(buffer, start, pos);
  };
  const expectWord = (expected: string): void => {
    skipWhite();
    if (word() !== expected) fail(`no "${expected}"`);
  };
  const integerAt = (): number | undefined => {
    let k = pos;
    let value = 0;
    while (k < n && buffer[k]! >= 0x30 && buffer[k]! <= 0x39) value = value * 10 + buffer[k++]! - 0x30;
    if (k === pos || (k < n && ENDS_WORD[buffer[k]!] === 0)) return undefined;
    pos = k;
    return value;
  };

  // An escaped string's bytes are gathered here (one buffer for the file, grown as needed), not
  // pushed one by one into an array of numbers: UTF-16 titles and descriptions are most strings.
  let stringBytes = new Uint8Array(1024);
  let stringLength = 0;
  const put = (b: number): void => {
    if (stringLength === stringBytes.length) {
      const grown = new Uint8Array(2 * stringBytes.length);
      grown.set(stringBytes);
      stringBytes = grown;
    }
    stringBytes[stringLength++] = b;
  };
  const literalString = (): Uint8Array => {
    pos++;
    // Most strings (destination names, UTF-16 titles pdfkit escapes only where it must) have no
    // backslash and no nested parenthesis: their bytes are used as they stand.
    const close = buffer.indexOf(0x29, pos);
    if (close >= 0) {
      let plain = true;
      for (let k = pos; k < close && plain; k++) plain = buffer[k] !== 0x5c && buffer[k] !== 0x28;
      if (plain) {
        const bytes = buffer.subarray(pos, close);
        pos = close + 1;
        return bytes;
      }
    }
    stringLength = 0;
    let depth = 1;
    while (pos < n) {
      const c = buffer[pos++]!;
      if (c === 0x5c) {
        const e = buffer[pos++]!;
        if (e >= 0x30 && e <= 0x37) {
          let octal = e - 0x30;
          for (let k = 0; k < 2 && buffer[pos]! >= 0x30 && buffer[pos]! <= 0x37; k++) octal = octal * 8 + buffer[pos++]! - 0x30;
          put(octal & 0xff);
        } else if (e === 0x0d || e === 0x0a) {
          if (e === 0x0d && buffer[pos] === 0x0a) pos++;
        } else put(ESCAPED[e] ?? e);
      } else if (c === 0x28) {
        depth++;
        put(c);
      } else if (c === 0x29) {
        if (--depth === 0) return stringBytes.slice(0, stringLength);
        put(c);
      } else put(c);
    }
    return fail('an unterminated string');
  };
  const hexString = (): Uint8Array => {
    const end = buffer.indexOf(0x3e, pos);
    if (end < 0) fail('an unterminated hex string');
    let digits = buffer.toString('latin1', pos + 1, end).replace(/\s+/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(digits)) fail('a malformed hex string');
    if (digits.length % 2 === 1) digits += '0';
    pos = end + 1;
    return Buffer.from(digits, 'hex');
  };
  const name = (): PdfName => {
    pos++;
    const raw = word();
    return new PdfName(raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw);
  };

  const value = (): PdfValue => {
    skipWhite();
    const c = buffer[pos];
    if (c === undefined) return fail('the end of the file');
    if (c === 0x2f) return name();
    if (c === 0x28) return new PdfText(decodeText(literalString()));
    if (c === 0x3c && buffer[pos + 1] === 0x3c) {
      pos += 2;
      const dict = new Map<string, PdfValue>();
      for (;;) {
        skipWhite();
        if (buffer[pos] === 0x3e && buffer[pos + 1] === 0x3e) {
          pos += 2;
          return dict;
        }
        if (buffer[pos] !== 0x2f) fail('a dictionary key that is not a name');
        const key = name().name;
        dict.set(key, value());
      }
    }
    if (c === 0x3c) return new PdfText(decodeText(hexString()));
    if (c === 0x5b) {
      pos++;
      const items: PdfValue[] = [];
      for (;;) {
        skipWhite();
        if (buffer[pos] === 0x5d) {
          pos++;
          return items;
        }
        items.push(value());
      }
    }
    // An object number and generation followed by R, or a number.
    const integer = integerAt();
    if (integer !== undefined) {
      const after = pos;
      skipWhite();
      const generation = integerAt();
      if (generation !== undefined) {
        skipWhite();
        if (buffer[pos] === 0x52 && (pos + 1 >= n || ENDS_WORD[buffer[pos + 1]!] === 1)) {
          pos++;
          return new PdfRef(integer, generation);
        }
      }
      pos = after;
      return integer;
    }
    const token = word();
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) return Number(token);
    return fail(`an unexpected token "${token.slice(0, 20)}"`);
  };

  // The trailer: startxref → one xref table → trailer dictionary.
  pos = buffer.lastIndexOf('startxref', n - 1, 'latin1');
  if (pos < 0 || n - pos > 1024) fail('no startxref');
  expectWord('startxref');
  skipWhite();
  const xrefAt = integerAt();
  if (xrefAt === undefined || xrefAt >= n) return fail('no xref offset');
  pos = xrefAt;
  expectWord('xref');
  const offsets: number[] = [];
  for (;;) {
    skipWhite();
    const first = integerAt();
    if (first === undefined) break;
    skipWhite();
    const count = integerAt();
    if (count === undefined) fail('an xref subsection without a count');
    skipWhite();
    // Entries of 20 bytes: 10-digit offset, space, 5-digit generation, space, n or f, end of line.
    for (let k = 0; k < count!; k++, pos += 20) {
      let offset = 0;
      for (let d = 0; d < 10; d++) {
        const digit = buffer[pos + d]! - 0x30;
        if (digit < 0 || digit > 9) fail('a malformed xref entry');
        offset = offset * 10 + digit;
      }
      const kind = buffer[pos + 17];
      if (buffer[pos + 10] !== 0x20 || buffer[pos + 16] !== 0x20 || (kind !== 0x6e && kind !== 0x66) || IS_WHITE[buffer[pos + 18]!] !== 1 || IS_WHITE[buffer[pos + 19]!] !== 1) fail('a malformed xref entry');
      if (kind === 0x6e) offsets[first + k] = offset;
    }
  }
  expectWord('trailer');
  const trailer = value();
  if (!(trailer instanceof Map)) return fail('no trailer dictionary');
  if (trailer.has('Prev') || trailer.has('Encrypt')) fail('an incremental update or encryption');

  const objects = new Map<number, PdfValue>();
  const lookup = (ref: PdfRef): PdfValue | undefined => {
    if (objects.has(ref.num)) return objects.get(ref.num);
    const offset = offsets[ref.num];
    if (offset === undefined || ref.gen !== 0) return undefined;
    pos = offset;
    skipWhite();
    if (integerAt() !== ref.num) fail(`object ${ref.num} is not at its xref offset`);
    expectWord('0');
    expectWord('obj');
    let object = value();
    skipWhite();
    if (buffer.toString('latin1', pos, pos + 6) === 'stream') {
      pos += 6;
      if (buffer[pos] === 0x0d) pos++;
      if (buffer[pos] === 0x0a) pos++;
      const length = object instanceof Map ? object.get('Length') : undefined;
      if (typeof length !== 'number' || pos + length > n) fail(`stream ${ref.num} without a direct /Length`);
      const start = pos;
      pos += length as number;
      expectWord('endstream');
      object = new PdfStream(object as PdfDict, { num: ref.num, start, length } satisfies StreamHandle);
    }
    expectWord('endobj');
    objects.set(ref.num, object);
    return object;
  };

  return {
    trailer,
    lookup,
    decode(stream) {
      const { num, start, length } = stream.handle as StreamHandle;
      const data = buffer.subarray(start, start + length);
      const known = written.get(num);
      if (known) {
        if (known.deflated !== undefined && !Buffer.from(known.deflated.buffer, known.deflated.byteOffset, known.deflated.byteLength).equals(data)) {
          throw new Error(`stream ${num} is not the data the writer compressed`);
        }
        return known.plain;
      }
      const filter = stream.dict.get('Filter');
      if (filter === undefined) return data;
      if ((filter instanceof PdfName && filter.name === 'FlateDecode' && !stream.dict.has('DecodeParms')) || (Array.isArray(filter) && filter.length === 1 && filter[0] instanceof PdfName && filter[0].name === 'FlateDecode')) return inflateSync(data);
      throw new Error(`stream ${num} has a filter the check does not decode`);
    },
  };
}

/** What a backslash and these letters stand for in a literal string (others stand for themselves). */
const ESCAPED: Readonly<Record<number, number>> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

/** PDFDocEncoding (ISO 32000-1 Table D.2) where it differs from Latin-1. */
const PDF_DOC_ENCODING = new Map<number, string>([
  [0x16, '\u0017'],
  ...[...'\u02d8\u02c7\u02c6\u02d9\u02dd\u02db\u02da\u02dc'].map((ch, k): [number, string] => [0x18 + k, ch]),
  [0x7f, '\ufffd'],
  ...[...'\u2022\u2020\u2021\u2026\u2014\u2013\u0192\u2044\u2039\u203a\u2212\u2030\u201e\u201c\u201d\u2018\u2019\u201a\u2122\ufb01\ufb02\u0141\u0152\u0160\u0178\u017d\u0131\u0142\u0153\u0161\u017e\ufffd\u20ac'].map((ch, k): [number, string] => [0x80 + k, ch]),
  [0xad, '\ufffd'],
]);
const DIFFERS_FROM_LATIN1 = new Uint8Array(256);
for (const b of PDF_DOC_ENCODING.keys()) DIFFERS_FROM_LATIN1[b] = 1;

/** A string's bytes as text, as pdf-lib decodes them: UTF-16BE after a byte-order mark, else PDFDocEncoding. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return swapped.swap16().toString('utf16le');
  }
  if (bytes.every((b) => DIFFERS_FROM_LATIN1[b] === 0)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let text = '';
  for (const b of bytes) text += PDF_DOC_ENCODING.get(b) ?? String.fromCharCode(b);
  return text;
}
