/**
 * One line of a paragraph, items [start, end), measured once with every line-edge decision made
 * here and nowhere else: the opening mark at line start loses its left blank (R12, switchable),
 * the closing mark or stop at line end is set half width (R11), spaces at either edge are not
 * set, a stop may hang outside the measure (R13), and the indent of first and other lines
 * (R17, R21). The breaker measures candidate lines into one scratch object; `placeLine` takes
 * the chosen line and only distributes its adjustment (typst: one `line()` for both).
 */
import type { Paragraph } from './items';

/** How a paragraph's lines are measured: the same for the breaker and the placer. */
export interface LineConfig {
  /** Width of every line, in points. */
  readonly width: number;
  /** First-line indent (R17), in points. */
  readonly firstIndent: number;
  /** Indent of every other line: wrapped headings hang under their text after the number (R21). */
  readonly restIndent: number;
  /** Space the last line must leave free at its end (TOC leaders and page number). */
  readonly lastLineReserve: number;
  /** Trim the left blank of an opening mark at line start (R12). */
  readonly trimLineStartOpen: boolean;
  /** Hang 、，。． outside the measure at line end (R13). */
  readonly hang: 'none' | 'stops';
}

/** A measured line and its edge decisions, as data. */
export interface MeasuredLine {
  start: number;
  end: number;
  isLast: boolean;
  /** x where the line's first item starts (the indent). */
  indent: number;
  /** The measure this line fills (width minus indent, minus the last line's reserve). */
  measure: number;
  /** Natural width with the edges applied (a hanging stop not counted). */
  natural: number;
  /** Shrink capacity (push-in) and first-stage stretch (CJK–Latin gaps, word spaces). */
  shrink: number;
  stretchFirst: number;
  /** Junctions inside the line that take the even extra of the last stretching stage. */
  justifiable: number;
  /** Blank removed at the line's left edge from the first item, and at its right edge from the last. */
  startCut: number;
  endCut: number;
  /** A space at the line's start / end is not set. */
  dropFirst: boolean;
  dropLast: boolean;
  /** The last item hangs outside the measure. */
  hanging: boolean;
  /** measure − natural: > 0 stretch, < 0 shrink; a last line only ever shrinks. */
  adjustment: number;
}

/**
 * A paragraph's numbers for measuring lines, all in typed arrays: prefix sums, so each candidate
 * line is measured in constant time, and the per-item and per-junction values a line's edges
 * read. The breaker measures O(items × line length) candidates; read from objects, items of
 * several shapes (spread copies, Smi or double widths) made every read polymorphic and
 * deoptimised measureLine and breakLines again and again ("wrong map"), boxing the numbers.
 */
export interface Sums {
  /** Number of items. */
  readonly n: number;
  readonly width: Float64Array; // Σ mid-line item widths
  readonly gap: Float64Array; // Σ junction gaps (junction k counted at k+1)
  readonly shrink: Float64Array; // Σ shrink capacity of items and junctions
  readonly stretchFirst: Float64Array; // Σ first-stage stretch (CJK–Latin gaps, word spaces)
  readonly justifiable: Float64Array; // count of justifiable junctions
  readonly han: Float64Array; // count of ideographs
  /** Per item: its blanks, the parts of them compression removes mid-line, its mid-line width. */
  readonly leftBlank: Float64Array;
  readonly rightBlank: Float64Array;
  readonly cutLeft: Float64Array;
  readonly cutRight: Float64Array;
  readonly mid: Float64Array;
  readonly spaceShrink: Float64Array;
  readonly spaceStretch: Float64Array;
  /** Per item, 1 or 0: a word space; a stop that may hang (R13). */
  readonly isSpace: Uint8Array;
  readonly hangable: Uint8Array;
  /** Per junction k (before item k): its shrink and first-stage stretch, its penalty, 1 if breakable. */
  readonly gapShrink: Float64Array;
  readonly gapStretch: Float64Array;
  readonly penalty: Float64Array;
  readonly breakable: Uint8Array;
}

const EPS = 1e-6;
/** Stops that may hang at line end when hanging is on (R13). */
const HANGABLE = new Set(['、', '，', '。', '．']);

/**
 * The arrays of the last Sums built, kept for the next paragraph: twenty typed arrays per
 * paragraph (each with its own backing store, zeroed) were ~30 MB of bench-600's typeset
 * allocations and most of buildSums' time. They only grow; a Sums reads indices up to its n.
 * The per-item and per-junction values a Sums reads are the paragraph's own columns (items.ts).
 */
type Pooled = 'width' | 'gap' | 'shrink' | 'stretchFirst' | 'justifiable' | 'han' | 'mid' | 'isSpace' | 'hangable';
let pool: Pick<Sums, Pooled> | undefined;
let poolItems = -1;

function sumsPool(n: number): Pick<Sums, Pooled> {
  if (pool !== undefined && n <= poolItems) return pool;
  const items = Math.max(n, 2 * poolItems, 256);
  poolItems = items;
  pool = {
    width: new Float64Array(items + 1),
    gap: new Float64Array(items + 1),
    shrink: new Float64Array(items + 1),
    stretchFirst: new Float64Array(items + 1),
    justifiable: new Float64Array(items + 1),
    han: new Float64Array(items + 1),
    mid: new Float64Array(items),
    isSpace: new Uint8Array(items),
    hangable: new Uint8Array(items),
  };
  return pool;
}

/**
 * A paragraph's sums, in arrays shared with every other paragraph's: valid until the next call
 * (each caller measures its lines before it sets another paragraph).
 */
export function buildSums(paragraph: Paragraph): Sums {
  const n = paragraph.length;
  const { cls, texts, width, leftBlank, rightBlank, cutLeft, cutRight, spaceShrink, spaceStretch, gap, gapShrink, gapStretch, penalty, breakable, justifiable } = paragraph;
  // The per-item and per-junction values are the paragraph's own arrays, read where they are.
  const s: Sums = { n, ...sumsPool(n), leftBlank, rightBlank, cutLeft, cutRight, spaceShrink, spaceStretch, gapShrink, gapStretch, penalty, breakable };
  s.width[0] = 0;
  s.gap[0] = 0;
  s.shrink[0] = 0;
  s.stretchFirst[0] = 0;
  s.justifiable[0] = 0;
  s.han[0] = 0;
  for (let k = 0; k < n; k++) {
    const inner = k > 0; // junction k lies inside any line that contains items k-1 and k
    // An item's width mid-line, after compression against its neighbours.
    const mid = (width[k] as number) - (cutLeft[k] as number) - (cutRight[k] as number);
    const itemShrink = (leftBlank[k] as number) - (cutLeft[k] as number) + ((rightBlank[k] as number) - (cutRight[k] as number)) + (spaceShrink[k] as number);
    s.width[k + 1] = (s.width[k] as number) + mid;
    s.gap[k + 1] = (s.gap[k] as number) + (inner ? (gap[k] as number) : 0);
    s.shrink[k + 1] = (s.shrink[k] as number) + itemShrink + (inner ? (gapShrink[k] as number) : 0);
    s.stretchFirst[k + 1] = (s.stretchFirst[k] as number) + (spaceStretch[k] as number) + (inner ? (gapStretch[k] as number) : 0);
    s.justifiable[k + 1] = (s.justifiable[k] as number) + (inner && justifiable[k] === 1 ? 1 : 0);
    s.han[k + 1] = (s.han[k] as number) + (cls[k] === 'han' ? 1 : 0);
    s.mid[k] = mid;
    s.isSpace[k] = cls[k] === 'space' ? 1 : 0;
    s.hangable[k] = HANGABLE.has(texts[k] as string) ? 1 : 0;
  }
  return s;
}

/**
 * A LineConfig in one object shape. measureLine runs millions of times a build, for configs made
 * by several callers (spreads, literals with more fields in other orders): each shape seen made
 * its property reads polymorphic, deoptimised it ("wrong map") and boxed the numbers it read.
 */
export function lineConfig(config: LineConfig): LineConfig {
  return {
    width: config.width,
    firstIndent: config.firstIndent,
    restIndent: config.restIndent,
    lastLineReserve: config.lastLineReserve,
    trimLineStartOpen: config.trimLineStartOpen,
    hang: config.hang,
  };
}

export function emptyLine(): MeasuredLine {
  return {
    start: 0,
    end: 0,
    isLast: false,
    indent: 0,
    measure: 0,
    natural: 0,
    shrink: 0,
    stretchFirst: 0,
    justifiable: 0,
    startCut: 0,
    endCut: 0,
    dropFirst: false,
    dropLast: false,
    hanging: false,
    adjustment: 0,
  };
}

/**
 * Measures items [i, j) as a line into `out` (allocation-free: the breaker calls this
 * O(n · line length) times with one scratch line). Reads only the typed arrays of `sums`.
 */
export function measureLine(sums: Sums, i: number, j: number, config: LineConfig, out: MeasuredLine = emptyLine()): MeasuredLine {
  const last = j - 1;
  const isLast = j === sums.n;
  // Sums over the line are differences of prefix sums, written out rather than through a helper
  // closure: two closures per call were 40 % of all the bytes a build allocated (658 of 1662 MB
  // on 200 pages; measured with a sampling heap profile that keeps collected objects).
  // Junction i (before the line) is not part of it; junctions i+1 … j-1 are.
  const indent = i === 0 ? config.firstIndent : config.restIndent;
  const measure = config.width - indent - (isLast ? config.lastLineReserve : 0);

  // Line start: an opening mark loses its whole left blank (R12) unless switched off, and then
  // keeps all of it (no compression with the previous line's item, nothing to push in).
  const startCut = config.trimLineStartOpen ? (sums.leftBlank[i] as number) : 0;
  // Line end: a closing mark or stop loses its whole right blank (set half width, R11).
  const endCut = sums.rightBlank[last] as number;
  let natural = (sums.width[j] as number) - (sums.width[i] as number) + ((sums.gap[j] as number) - (sums.gap[i + 1] as number)) + (sums.cutLeft[i] as number) - startCut + (sums.cutRight[last] as number) - endCut;
  let shrink =
    (sums.shrink[j] as number) -
    (sums.shrink[i] as number) -
    (i > 0 ? (sums.gapShrink[i] as number) : 0) -
    ((sums.leftBlank[i] as number) - (sums.cutLeft[i] as number)) -
    ((sums.rightBlank[last] as number) - (sums.cutRight[last] as number));
  let stretchFirst = (sums.stretchFirst[j] as number) - (sums.stretchFirst[i] as number) - (i > 0 ? (sums.gapStretch[i] as number) : 0);
  const dropFirst = sums.isSpace[i] === 1;
  const dropLast = sums.isSpace[last] === 1 && last > i;
  if (dropFirst) {
    natural -= sums.mid[i] as number;
    shrink -= sums.spaceShrink[i] as number;
    stretchFirst -= sums.spaceStretch[i] as number;
  }
  if (dropLast) {
    natural -= sums.mid[last] as number;
    shrink -= sums.spaceShrink[last] as number;
    stretchFirst -= sums.spaceStretch[last] as number;
  }
  let hanging = false;
  if (config.hang === 'stops' && !isLast && natural > measure + EPS && sums.hangable[last] === 1) {
    const visible = (sums.mid[last] as number) + (sums.cutRight[last] as number) - endCut;
    if (natural - visible <= measure + EPS) {
      natural -= visible;
      hanging = true;
    }
  }
  out.start = i;
  out.end = j;
  out.isLast = isLast;
  out.indent = indent;
  out.measure = measure;
  out.natural = natural;
  out.shrink = Math.max(0, shrink);
  out.stretchFirst = Math.max(0, stretchFirst);
  out.justifiable = (sums.justifiable[j] as number) - (sums.justifiable[i + 1] as number);
  out.startCut = startCut;
  out.endCut = endCut;
  out.dropFirst = dropFirst;
  out.dropLast = dropLast;
  out.hanging = hanging;
  out.adjustment = isLast ? Math.min(0, measure - natural) : measure - natural;
  return out;
}

/** The whole paragraph as one line at natural width (single-line texts, centred title lines). */
export function naturalLine(paragraph: Paragraph, config: LineConfig, start = 0, end = paragraph.length): MeasuredLine {
  const line = measureLine(buildSums(paragraph), start, end, lineConfig({ ...config, width: 1e6, lastLineReserve: 0, hang: 'none' }));
  return { ...line, isLast: true, adjustment: 0 };
}
