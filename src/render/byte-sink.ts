/**
 * Where the PDF's bytes go as pdfkit writes them, and how page content reaches pdfkit.
 *
 * pdfkit turns every string it writes (each object header, dictionary, `stream`, `endobj`, …)
 * into a Uint8Array of its own with a JavaScript loop, and pushes each through a Node stream; a
 * 600-page e-mail copy is hundreds of thousands of such chunks, and their allocation was most of
 * the render's garbage collection. The sink copies each string straight into large blocks
 * instead (latin1: each UTF-16 code unit's low byte, exactly what pdfkit's own conversion keeps).
 *
 * Page content is the same story one level down: every operator string pdfkit or we add became
 * a Uint8Array of the page's content stream (PageContent below).
 */
import { constants, createDeflate, type Deflate } from 'node:zlib';
import { fmt, type OperatorSink, roundedTenThousandths } from './operators';

/** A block this size holds many small writes; larger byte chunks are kept as they are. */
const BLOCK_BYTES = 1 << 20;

export class ByteSink {
  private readonly done: Uint8Array[] = [];
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;

  /** Appends `text` + "\n" (how pdfkit writes a string) and returns the number of bytes written. */
  writeLine(text: string): number {
    const length = text.length + 1;
    if (this.used + length > this.block.length) this.newBlock(length);
    copyLatin1(this.block, this.used, text);
    this.block[this.used + text.length] = 0x0a;
    this.used += length;
    return length;
  }

  /** Appends bytes as they are. */
  writeBytes(bytes: Uint8Array): number {
    if (bytes.length >= BLOCK_BYTES / 4) {
      this.seal();
      this.done.push(bytes);
    } else {
      if (this.used + bytes.length > this.block.length) this.newBlock(bytes.length);
      this.block.set(bytes, this.used);
      this.used += bytes.length;
    }
    return bytes.length;
  }

  /** Everything written, as one buffer. */
  bytes(): Buffer {
    this.seal();
    return Buffer.concat(this.done);
  }

  private seal(): void {
    if (this.used > 0) this.done.push(this.block.subarray(0, this.used));
    this.block = this.block.subarray(this.used);
    this.used = 0;
  }

  private newBlock(atLeast: number): void {
    this.seal();
    this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, atLeast));
  }
}

/** The part of a pdfkit indirect object (PDFReference) that writes its stream. */
interface StreamWriter {
  write(chunk: unknown): unknown;
  end(chunk?: unknown): unknown;
  /** pdfkit internals: the object number, the chunks written so far, and whether finalize() will deflate them. */
  readonly id: number;
  buffer: Uint8Array[];
  compress: boolean;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** A sign, seven whole digits (below 1e6, rounded up to it at most), a point and four decimals. */
const MAX_NUMBER_BYTES = 13;
/**
 * Pages deflated at once. With one, drawing outran zlib and a 600-page e-mail render ended
 * waiting ~150–250 ms for the pages still queued; two lanes on libuv's pool halve that wait.
 */
const DEFLATE_LANES = 2;
/** Up to this length text is copied in by a loop rather than Buffer#write. */
const SHORT_TEXT = 32;

/**
 * Copies `text` into `target` at `at` as Latin-1 (each UTF-16 unit's low byte, as Buffer#write
 * and pdfkit keep it) and returns its length. Most pieces are a few bytes (" Tm", "> Tj",
 * "endobj"): a loop costs less than a call into Buffer#write, which was ~100 ms of an e-mail render.
 */
function copyLatin1(target: Buffer, at: number, text: string): number {
  const { length } = text;
  if (length > SHORT_TEXT) return target.write(text, at, 'latin1');
  for (let k = 0; k < length; k++) target[at + k] = text.charCodeAt(k) & 0xff;
  return length;
}

/**
 * The content stream of the page being drawn, built as bytes: pdfkit's operator strings are copied
 * in as they come (each + "\n", as pdfkit writes them), and text.ts writes its lines straight in,
 * glyph codes as hex digits, without a string per line or per glyph. One scratch buffer serves
 * every page of a document; `flush` hands the page's bytes to pdfkit as one chunk of exactly their
 * size — the stream's bytes, and so its deflated bytes, are those pdfkit would have had.
 */
export class PageContent implements OperatorSink {
  private scratch = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private target: StreamWriter | undefined;
  private write: ((chunk: unknown) => unknown) | undefined;
  /** Pages' content streams being deflated on libuv's threads: DEFLATE_LANES chains, pages taken in turn. */
  private readonly deflating: Promise<void>[] = Array.from({ length: DEFLATE_LANES }, () => Promise.resolve());
  /** Each lane's zlib stream, reset after each page (deflateWith). */
  private readonly deflaters: (Deflate | undefined)[] = [];
  private deflated = 0;
  /** Told each stream's bytes as they go to zlib (the build's own check reads them: own-source.ts). */
  onDeflate: ((id: number, plain: Buffer) => void) | undefined;
  /** Streams already deflated: nothing more may be written to them. */
  private readonly sealed = new WeakSet<StreamWriter>();

  /** Makes `ref` (a new page's content stream) send its string writes here; flushes the previous page. */
  attach(ref: StreamWriter): void {
    this.flush();
    const write = ref.write.bind(ref);
    const end = ref.end.bind(ref);
    this.target = ref;
    this.write = write;
    ref.write = (chunk: unknown) => {
      if (this.sealed.has(ref)) throw new Error('a page was drawn on after its content stream was compressed');
      if (this.target !== ref) return write(chunk); // a page drawn on after the next began: as pdfkit would
      if (typeof chunk === 'string') {
        this.text(chunk);
        this.byte(0x0a);
      } else {
        this.flush();
        this.target = ref;
        this.write = write;
        write(chunk);
      }
      return undefined;
    };
    ref.end = (chunk?: unknown) => {
      if (chunk) ref.write(chunk);
      if (this.target === ref) this.flush();
      return end();
    };
  }

  /** Appends `value` (code units below 256, as pdfkit keeps them). */
  text(value: string): void {
    this.reserve(value.length);
    this.used += copyLatin1(this.scratch, this.used, value);
  }

  byte(code: number): void {
    this.reserve(1);
    this.scratch[this.used++] = code;
  }

  /** Appends fmt(value) (operators.ts), its digits written as bytes instead of made a string. */
  number(value: number): void {
    const tenThousandths = roundedTenThousandths(value);
    if (tenThousandths === undefined) return this.text(fmt(value));
    // Sign, whole part, and the four decimals without their trailing zeros: String(n / 10000).
    this.reserve(MAX_NUMBER_BYTES);
    const { scratch } = this;
    if (tenThousandths < 0) scratch[this.used++] = 0x2d;
    const magnitude = Math.abs(tenThousandths);
    let whole = Math.floor(magnitude / 10000);
    let fraction = magnitude - whole * 10000;
    let digits = 1;
    for (let rest = whole; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let at = this.used + digits - 1; at >= this.used; at--) {
      const rest = Math.floor(whole / 10);
      scratch[at] = 0x30 + whole - rest * 10;
      whole = rest;
    }
    this.used += digits;
    if (fraction === 0) return;
    scratch[this.used++] = 0x2e;
    for (let unit = 1000; fraction > 0; unit /= 10) {
      const digit = Math.floor(fraction / unit);
      scratch[this.used++] = 0x30 + digit;
      fraction -= digit * unit;
    }
  }

  /** Appends `n` (0 … 0xffff) as four lowercase hex digits. */
  hex4(n: number): void {
    this.reserve(4);
    const at = this.used;
    this.scratch[at] = HEX_DIGITS[(n >> 12) & 15]!;
    this.scratch[at + 1] = HEX_DIGITS[(n >> 8) & 15]!;
    this.scratch[at + 2] = HEX_DIGITS[(n >> 4) & 15]!;
    this.scratch[at + 3] = HEX_DIGITS[n & 15]!;
    this.used = at + 4;
  }

  /**
   * Hands what the current page collected to its stream. A page is complete when the next one
   * begins (render/pdf.ts draws pages in order; pdfkit closes no marked content later, as every
   * box's is closed after it), so its stream is deflated now, on libuv's threads while the next
   * pages are drawn, rather than all at doc.end() on this one: the same zlib call with the same
   * defaults pdfkit's finalize makes, so the same bytes; and a page's content is held compressed.
   */
  flush(): void {
    const ref = this.target;
    if (ref && this.used > 0 && this.write) {
      // The stream's data in one piece, copied once: what pdfkit already holds (the operator it
      // writes as it begins a page, before attach) and then the scratch. pdfkit's write keeps
      // its count of the scratch's bytes; its chunks become the one they are copied into.
      // (Buffer.from's zero-filled copy and a Buffer.concat of it and pdfkit's chunk were ~70 ms.)
      const held = ref.buffer;
      let size = this.used;
      for (const chunk of held) size += chunk.length;
      const data = Buffer.allocUnsafe(size);
      let at = 0;
      for (const chunk of held) {
        data.set(chunk, at);
        at += chunk.length;
      }
      this.scratch.copy(data, at, 0, this.used);
      this.write(data.subarray(at));
      ref.buffer = [data];
    }
    this.used = 0;
    this.target = undefined;
    this.write = undefined;
    if (ref && ref.compress && ref.buffer.length > 0) {
      // Nearly always the one chunk just made: it is the stream's data as it stands.
      const only = ref.buffer.length === 1 ? ref.buffer[0] : undefined;
      const raw = only instanceof Buffer ? only : Buffer.concat(ref.buffer);
      ref.buffer = [];
      this.sealed.add(ref);
      this.onDeflate?.(ref.id, raw);
      // A few at a time: each zlib stream holds ~300 KB of state, and hundreds queued at once
      // (one per page) were +70 MB of peak memory on a 600-page volume.
      const lane = this.deflated++ % DEFLATE_LANES;
      this.deflating[lane] = this.deflating[lane]!.then(async () => {
        ref.buffer = [await deflateWith((this.deflaters[lane] ??= createDeflate()), raw)];
        ref.compress = false;
      });
    }
  }

  /** Flushes the current page and waits for every page's stream to be deflated. */
  async finished(): Promise<void> {
    this.flush();
    try {
      await Promise.all(this.deflating);
    } finally {
      for (const deflater of this.deflaters) deflater?.close();
      this.deflaters.length = 0;
    }
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.scratch.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.scratch.length, this.used + bytes));
    this.scratch.copy(grown, 0, 0, this.used);
    this.scratch = grown;
  }
}

/**
 * `raw` deflated by `stream`, which is then reset for the next page: the bytes zlib.deflate gives
 * (the same defaults and the same calls, the data and then Z_FINISH), without a new zlib stream
 * per page. Making and closing one per page (its ~300 KB state, a Transform stream around it)
 * cost the main thread more than the deflating did on the pool: 600 pages of content, 160–180 ms
 * of main-thread CPU that way, 50–60 ms reused (a synthetic test, 2 lanes, MALLOC_ARENA_MAX=2).
 */
function deflateWith(stream: Deflate, raw: Buffer): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const onError = (err: Error) => {
      stream.off('data', onData);
      reject(err);
    };
    stream.on('data', onData);
    stream.once('error', onError);
    stream.write(raw);
    stream.flush(constants.Z_FINISH, () => {
      stream.off('data', onData);
      stream.off('error', onError);
      stream.reset();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
  });
}
