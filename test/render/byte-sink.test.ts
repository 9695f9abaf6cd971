/**
 * A page's content as PageContent hands it to pdfkit: the stream's data in one piece (what pdfkit
 * wrote before attach, then ours), deflated exactly as zlib.deflateSync deflates it, page after
 * page on the same reused zlib streams.
 */
import { deflateSync } from 'node:zlib';
import { PageContent } from '../../src/render/byte-sink';

/** A stand-in for pdfkit's page content stream (a PDFReference): it keeps what is written. */
function stream(id: number) {
  const ref = {
    id,
    buffer: [] as Uint8Array[],
    compress: true,
    write(chunk: unknown) {
      ref.buffer.push(typeof chunk === 'string' ? Buffer.from(`${chunk}\n`, 'latin1') : (chunk as Uint8Array));
    },
    end: () => undefined,
  };
  return ref;
}

test('each page is deflated as deflateSync deflates its bytes, however many pages share a zlib stream', async () => {
  const out = new PageContent();
  const plain = new Map<number, Buffer>();
  out.onDeflate = (id, bytes) => plain.set(id, Buffer.from(bytes));
  const pages = Array.from({ length: 7 }, (_, k) => stream(k + 1));
  for (const [k, page] of pages.entries()) {
    // pdfkit's own first operator, written before the page's stream is attached.
    page.write('1 0 0 -1 0 842 cm');
    out.attach(page);
    page.write(`q ${k} w`);
    for (let line = 0; line < 200 * (k + 1); line++) {
      out.text('BT\n1 0 0 -1 ');
      out.number(72.5 + line / 3);
      out.byte(0x20);
      out.number(100 + k);
      out.text(' Tm\n<');
      out.hex4(line * 7 + k);
      out.text('> Tj\nET\n');
    }
  }
  await out.finished();
  for (const page of pages) {
    const bytes = plain.get(page.id)!;
    expect(bytes.toString('latin1').startsWith(`1 0 0 -1 0 842 cm\nq ${page.id - 1} w\nBT\n1 0 0 -1 72.5 ${100 + page.id - 1} Tm\n<`)).toBe(true);
    expect(page.compress).toBe(false);
    expect(page.buffer).toHaveLength(1);
    expect(Buffer.from(page.buffer[0]!).equals(deflateSync(bytes))).toBe(true);
  }
});
