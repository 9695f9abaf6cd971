/**
 * A page's JSON text for the content hash (build.ts hashContent), whose digest is the PDFs'
 * /ID and XMP ids. The text is exactly what JSON.stringify gave when a run held an object per
 * glyph — `"glyphs":[{"id":…,"x":…,"text":"…"},…]` — so the ids of a build stay what they
 * were; test/layout/page-json.test.ts pins it.
 *
 * How: JSON.stringify of the page with its runs in that shape again, made for the moment (young
 * objects, collected at the next scavenge). A writer of the text straight from the flat arrays,
 * piece by piece in JavaScript, was slower: hashing bench-600's pages took 611 ms CPU that way,
 * 340 ms this way and 457 ms from the old objects kept (medians of 5 rounds on one layout):
 * JSON.stringify writes each number and string into its text without making a string of it.
 */
import type { Box, GlyphRun, Page } from './types';

/** One glyph as the hash (and the tests) see it. */
export interface GlyphObject {
  readonly id: number;
  readonly x: number;
  readonly text: string;
}

export function pageJson(page: Page): string {
  return JSON.stringify({ ...page, boxes: page.boxes.map(withGlyphObjects) });
}

/** A text box with its runs as they were (the spreads keep each object's key order). */
function withGlyphObjects(box: Box): unknown {
  if (box.kind !== 'text') return box;
  return { ...box, runs: box.runs.map((run) => ({ font: run.font, size: run.size, glyphs: glyphObjects(run), end: run.end })) };
}

/** The run's glyphs as one object each: for the hash, and the tests' view of a run. */
export function glyphObjects(run: GlyphRun): GlyphObject[] {
  const { ids, xs, texts } = run;
  const glyphs = new Array<GlyphObject>(ids.length);
  for (let i = 0; i < ids.length; i++) glyphs[i] = { id: ids[i] as number, x: xs[i] as number, text: texts[i] as string };
  return glyphs;
}
