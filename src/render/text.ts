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
import { type Colour, colourOperator, fmt } from './operators';

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
    const out = this.doc.pageContent();
    out.text(`BT\n${colourOperator(ink, 'fill')}`);
    for (const run of runs) {
      if (run.glyphs.length === 0) continue;
      const writer = this.writerFor(run.font);
      let resource = '';
      let open = false;
      const start = run.glyphs[0]?.x ?? 0;
      out.text(`\n1 0 0 -1 ${fmt(x + start)} ${fmt(y)} Tm`);
      // Advances are whole font units (the program's hmtx holds nothing finer); rounding each
      // glyph's position from the run's start, not each advance, keeps every glyph within half a
      // unit of where the layout put it — a justified line's rounding errors do not add up.
      const unitsAt = (at: number) => Math.round(((at - start) / run.size) * writer.unitsPerEm);
      const { glyphs } = run;
      let here = unitsAt(glyphs[0]!.x);
      for (let i = 0; i < glyphs.length; i++) {
        const glyph = glyphs[i]!;
        const next = i + 1 < glyphs.length ? unitsAt(glyphs[i + 1]!.x) : unitsAt(run.end);
        const encoded = writer.encode(glyph.id, next - here, glyph.text);
        here = next;
        if (encoded.resource !== resource) {
          if (open) out.text('> Tj');
          resource = encoded.resource;
          this.doc.page.fonts[resource] = encoded.ref;
          out.text(`\n/${resource} ${fmt(run.size)} Tf\n<`);
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
