/**
 * Text: each line drawn from the layout's glyph positions through our own CID fonts, one font
 * writer per role (cid-font.ts). A glyph's advance is the distance to the next glyph, in whole
 * font units.
 */
import type { GlyphRun } from '../layout/types';
import { type FontKey, type FontSet, fontOf } from '../text/fonts';
import type { WrittenStream } from '../preflight/own-source';
import { CidFontWriter } from './cid-font';
import type { PdfDoc } from './document';
import { type Colour, colourOperator } from './operators';

export class TextPainter {
  private readonly writers = new Map<FontKey, CidFontWriter>();

  constructor(
    private readonly doc: PdfDoc,
    private readonly fonts: FontSet,
    /** Where the font writers record the programs they embed (for the build's own check). */
    private readonly kept?: Map<number, WrittenStream>,
  ) {}

  /**
   * Writes the operators of one line (BT … ET, one per line of the content stream) at baseline
   * (x, y) into the current page's content; runs' glyph x are relative to x.
   */
  drawLine(runs: readonly GlyphRun[], x: number, y: number, ink: Colour): void {
    // Every piece goes straight into the page's bytes: no string per line, number or glyph.
    const out = this.doc.pageContent();
    out.text('BT\n');
    out.text(colourOperator(ink, 'fill'));
    // Indexed loops: an iterator object per run and line was garbage while this code warmed up.
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const { ids, xs, texts, size } = run;
      const count = ids.length;
      if (count === 0) continue;
      const writer = this.writerFor(run.font);
      const { unitsPerEm } = writer;
      let resource = '';
      let open = false;
      const start = xs[0]!;
      out.text('\n1 0 0 -1 ');
      out.number(x + start);
      out.byte(0x20);
      out.number(y);
      out.text(' Tm');
      // Advances are whole font units (the program's hmtx holds nothing finer); rounding each
      // glyph's position from the run's start, not each advance, keeps every glyph within half a
      // unit of where the layout put it — a justified line's rounding errors do not add up.
      let here = 0; // font units from the run's start, where its first glyph is
      for (let i = 0; i < count; i++) {
        const nextAt = i + 1 < count ? xs[i + 1]! : run.end;
        const next = Math.round(((nextAt - start) / size) * unitsPerEm);
        const encoded = writer.encode(ids[i]!, next - here, texts[i]!);
        here = next;
        if (encoded.resource !== resource) {
          if (open) out.text('> Tj');
          resource = encoded.resource;
          this.doc.page.fonts[resource] = encoded.ref;
          out.text('\n/');
          out.text(resource);
          out.byte(0x20);
          out.number(size);
          out.text(' Tf\n<');
          open = true;
        }
        out.hex4(encoded.cid);
      }
      if (open) out.text('> Tj');
    }
    out.text('\nET\n');
  }

  /** Writes every font the pages used (programs, widths, ToUnicode). */
  finish(): void {
    for (const writer of this.writers.values()) writer.finish();
  }

  private writerFor(role: FontKey): CidFontWriter {
    let writer = this.writers.get(role);
    if (!writer) {
      writer = new CidFontWriter(this.doc, fontOf(this.fonts, role), `B${role}`, this.kept);
      this.writers.set(role, writer);
    }
    return writer;
  }
}
