/**
 * Chooses where a paragraph's lines break: a total-fit search (Knuth–Plass style) over the
 * allowed breaks, so adjustments spread over the paragraph instead of piling up on one line.
 * Push-in (compressing punctuation) costs less than push-out (spacing characters apart), a line
 * is never left short (R9, R14), and the last line keeps at least two ideographs (R18).
 */
import type { Item, Junction, Paragraph } from './items';

export interface BreakOptions {
  /** Width of every line, in points. */
  readonly width: number;
  /** First-line indent (R17), in points. */
  readonly firstIndent: number;
  /** Indent of every other line: wrapped headings hang under their text after the number (R21). */
  readonly restIndent?: number;
  /** Space the last line must leave free at its end (TOC leaders and page number). */
  readonly lastLineReserve: number;
  /** Trim the left blank of an opening mark at line start (R12); default true. */
  readonly trimLineStartOpen?: boolean;
  /** Hang 、，。． outside the measure at line end (R13). */
  readonly hang: 'none' | 'stops';
  /** Fewest ideographs the last line may hold (R18: 2; TOC entries and titles: 3); 0 = no rule. */
  readonly minLastHan: number;
}

/** A line: items [start, end) and how much its natural width must change to fill the measure. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
  readonly isLast: boolean;
  /** The measure this line fills (width minus indent). */
  readonly measure: number;
  /** measure − natural width: > 0 stretch, < 0 shrink (0 for a last line). */
  readonly adjustment: number;
  /** The last item hangs outside the measure. */
  readonly hanging: boolean;
}

const EPS = 1e-6;
const RUNT_COST = 5000;
const OVERFULL_COST = 1e7;
const HANGABLE = new Set(['、', '，', '。', '．']);

/** Prefix sums over a paragraph so each candidate line is measured in constant time. */
interface Sums {
  width: Float64Array; // Σ mid-line item widths
  gap: Float64Array; // Σ junction gaps (junction k counted at k+1)
  shrink: Float64Array; // Σ shrink capacity of items and junctions
  stretchFirst: Float64Array; // Σ first-stage stretch (CJK–Latin gaps, word spaces)
  justifiable: Float64Array; // count of justifiable junctions
  han: Float64Array; // count of ideographs
}

function midWidth(item: Item): number {
  return item.width - item.cutLeft - item.cutRight;
}

function itemShrink(item: Item): number {
  return item.leftBlank - item.cutLeft + (item.rightBlank - item.cutRight) + item.spaceShrink;
}

function buildSums(items: readonly Item[], junctions: readonly Junction[]): Sums {
  const n = items.length;
  const s: Sums = {
    width: new Float64Array(n + 1),
    gap: new Float64Array(n + 1),
    shrink: new Float64Array(n + 1),
    stretchFirst: new Float64Array(n + 1),
    justifiable: new Float64Array(n + 1),
    han: new Float64Array(n + 1),
  };
  for (let k = 0; k < n; k++) {
    const item = items[k] as Item;
    const j = junctions[k] as Junction;
    const inner = k > 0; // junction k lies inside any line that contains items k-1 and k
    s.width[k + 1] = (s.width[k] as number) + midWidth(item);
    s.gap[k + 1] = (s.gap[k] as number) + (inner ? j.gap : 0);
    s.shrink[k + 1] = (s.shrink[k] as number) + itemShrink(item) + (inner ? j.gapShrink : 0);
    s.stretchFirst[k + 1] = (s.stretchFirst[k] as number) + item.spaceStretch + (inner ? j.gapStretch : 0);
    s.justifiable[k + 1] = (s.justifiable[k] as number) + (inner && j.justifiable ? 1 : 0);
    s.han[k + 1] = (s.han[k] as number) + (item.cls === 'han' ? 1 : 0);
  }
  return s;
}

/** What a line of items [i, j) measures, with its line-edge trims applied (R11, R12, R15). */
export interface LineMeasure {
  natural: number;
  shrink: number;
  stretchFirst: number;
  justifiable: number;
}

function measureLine(paragraph: Paragraph, sums: Sums, i: number, j: number, trimStart = true): LineMeasure {
  return measureInto({ natural: 0, shrink: 0, stretchFirst: 0, justifiable: 0 }, paragraph, sums, i, j, trimStart);
}

/** measureLine without allocating: the breaker calls it O(n · line length) times. */
function measureInto(out: LineMeasure, paragraph: Paragraph, sums: Sums, i: number, j: number, trimStart = true): LineMeasure {
  const { items, junctions } = paragraph;
  const before = junctions[i] as Junction; // the junction in front of the line is not part of it
  const first = items[i] as Item;
  const last = items[j - 1] as Item;
  const range = (a: Float64Array) => (a[j] as number) - (a[i] as number);
  // Junction i (before the line) is not part of it; junctions i+1 … j-1 are.
  const gapRange = (a: Float64Array) => (a[j] as number) - (a[i + 1] as number);
  let natural = range(sums.width) + gapRange(sums.gap);
  let shrink = range(sums.shrink) - (i > 0 ? before.gapShrink : 0) - (first.leftBlank - first.cutLeft) - (last.rightBlank - last.cutRight);
  let stretchFirst = range(sums.stretchFirst) - (i > 0 ? before.gapStretch : 0);
  // Line start: an opening mark loses its whole left blank (R12, unless switched off); compression
  // with the previous line's item is undone either way.
  natural += first.cutLeft - (trimStart ? first.leftBlank : 0);
  // Line end: a closing mark or stop loses its whole right blank (set half width).
  natural += last.cutRight - last.rightBlank;
  if (first.cls === 'space') {
    natural -= midWidth(first);
    shrink -= first.spaceShrink;
    stretchFirst -= first.spaceStretch;
  }
  if (last.cls === 'space' && j - 1 > i) {
    natural -= midWidth(last);
    shrink -= last.spaceShrink;
    stretchFirst -= last.spaceStretch;
  }
  out.natural = natural;
  out.shrink = Math.max(0, shrink);
  out.stretchFirst = Math.max(0, stretchFirst);
  out.justifiable = gapRange(sums.justifiable);
  return out;
}

/** Cost of setting a line of natural width `m.natural` to `measure` (∞ when it cannot shrink enough). */
function lineCost(m: LineMeasure, measure: number, em: number): number {
  const d = measure - m.natural;
  if (Math.abs(d) < EPS) return 0;
  if (d < 0) {
    if (-d > m.shrink + EPS) return Infinity;
    return 10 * (d / em) ** 2; // push-in: cheap, preferred (R9)
  }
  const rest = Math.max(0, d - m.stretchFirst);
  const firstStage = Math.min(d, m.stretchFirst);
  if (rest > EPS && m.justifiable === 0) return 1e5 + 100 * (rest / em) ** 2;
  const perGap = m.justifiable === 0 ? 0 : rest / m.justifiable / em;
  const cost = 100 * perGap ** 2 + 5 * (firstStage / em) ** 2;
  return perGap > 0.5 ? cost + 1000 * perGap ** 2 : cost;
}

/** Breaks a paragraph into lines; every non-last line fills the measure exactly. */
export function breakLines(paragraph: Paragraph, options: BreakOptions): LineSpan[] {
  const { items, junctions, em } = paragraph;
  const n = items.length;
  if (n === 0) return [];
  const sums = buildSums(items, junctions);
  const totalHan = sums.han[n] as number;
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  const hangs = new Uint8Array(n + 1);
  best[0] = 0;
  const breakable = new Uint8Array(n + 1);
  for (let k = 0; k <= n; k++) breakable[k] = k === 0 || k === n || (junctions[k] as Junction).breakable ? 1 : 0;
  const scratch: LineMeasure = { natural: 0, shrink: 0, stretchFirst: 0, justifiable: 0 };

  for (let j = 1; j <= n; j++) {
    if (breakable[j] === 0) continue;
    const isLast = j === n;
    let fallback = -1;
    for (let i = j - 1; i >= 0; i--) {
      if (breakable[i] === 0 || best[i] === Infinity) continue;
      const measure = options.width - (i === 0 ? options.firstIndent : (options.restIndent ?? 0)) - (isLast ? options.lastLineReserve : 0);
      const m = measureInto(scratch, paragraph, sums, i, j, options.trimLineStartOpen !== false);
      let hanging = false;
      if (options.hang === 'stops' && !isLast && m.natural > measure + EPS) {
        const last = items[j - 1] as Item;
        const visible = midWidth(last) + last.cutRight - last.rightBlank;
        if (HANGABLE.has(last.text) && m.natural - visible <= measure + EPS) {
          m.natural -= visible;
          hanging = true;
        }
      }
      if (m.natural - m.shrink > measure + EPS) {
        // Wider still as i moves back: stop, but keep the narrowest overfull line as a last resort.
        if (fallback < 0 && (from[j] as number) < 0) fallback = i;
        break;
      }
      let cost = isLast ? (m.natural > measure + EPS ? 10 * ((m.natural - measure) / em) ** 2 : 0) : lineCost(m, measure, em);
      if (isLast && totalHan >= options.minLastHan && (sums.han[j] as number) - (sums.han[i] as number) < options.minLastHan) cost += RUNT_COST;
      cost += (junctions[j]?.penalty ?? 0) * (isLast ? 0 : 1) + 0.1;
      const total = (best[i] as number) + cost;
      // Ties go to the longer earlier lines (the larger i), as a greedy setter would choose.
      if (total < (best[j] as number) - EPS) {
        best[j] = total;
        from[j] = i;
        hangs[j] = hanging ? 1 : 0;
      }
    }
    if ((from[j] as number) < 0 && fallback >= 0) {
      best[j] = (best[fallback] as number) + OVERFULL_COST;
      from[j] = fallback;
    }
  }
  return collectLines(paragraph, sums, from, hangs, options);
}

function collectLines(paragraph: Paragraph, sums: Sums, from: Int32Array, hangs: Uint8Array, options: BreakOptions): LineSpan[] {
  const n = paragraph.items.length;
  const spans: LineSpan[] = [];
  for (let j = n; j > 0; ) {
    const i = from[j] as number;
    if (i < 0) throw new Error(`line breaking found no path to item ${j}`);
    const isLast = j === n;
    const measure = options.width - (i === 0 ? options.firstIndent : (options.restIndent ?? 0)) - (isLast ? options.lastLineReserve : 0);
    const m = measureLine(paragraph, sums, i, j, options.trimLineStartOpen !== false);
    const hanging = hangs[j] === 1;
    if (hanging) {
      const last = paragraph.items[j - 1] as Item;
      m.natural -= midWidth(last) + last.cutRight - last.rightBlank;
    }
    // A last line only ever shrinks (push-in), when its natural width is over the measure.
    const adjustment = isLast ? Math.min(0, measure - m.natural) : measure - m.natural;
    spans.push({ start: i, end: j, isLast, measure, adjustment, hanging });
    j = i;
  }
  return spans.reverse();
}

export { measureLine, buildSums };
