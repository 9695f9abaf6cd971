/**
 * Where the PDF's bytes go as pdfkit writes them, and how page content reaches pdfkit.
 *
 * pdfkit turns every string it writes (each object header, dictionary, `stream`, `endobj`, …)
 * into a Uint8Array of its own with a JavaScript loop, and pushes each through a Node stream; a
 * 600-page e-mail copy is hundreds of thousands of such chunks, and their allocation was most of
 * the render's garbage collection. The sink copies each string straight into large blocks
 * instead (latin1: each UTF-16 code unit's low byte, exactly what pdfkit's own conversion keeps).
 *
 * Page content is the same story one level down: every operator string pdfkit or we add becomes
 * a Uint8Array of the page's content stream. `bufferStringWrites` keeps a page's strings as
 * strings and hands them to pdfkit as one chunk when the page ends: the stream's bytes, and so
 * its deflated bytes, are the same.
 */

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
    this.block.write(text, this.used, 'latin1');
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
}

/**
 * Makes `ref` (a page's content stream) collect the strings written to it and pass them on as one
 * chunk, the strings joined as pdfkit would have written them one by one (each + "\n"), before
 * any other chunk and when it ends.
 */
export function bufferStringWrites(ref: StreamWriter): void {
  const write = ref.write.bind(ref);
  const end = ref.end.bind(ref);
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    write(Buffer.from(text, 'latin1'));
  };
  ref.write = (chunk: unknown) => {
    if (typeof chunk === 'string') pending.push(chunk);
    else {
      flush();
      write(chunk);
    }
  };
  ref.end = (chunk?: unknown) => {
    if (chunk) ref.write(chunk);
    flush();
    return end();
  };
}
