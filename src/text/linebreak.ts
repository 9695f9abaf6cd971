/**
 * Chooses where a paragraph's lines break: a total-fit search (Knuth–Plass style) over the
 * allowed breaks, so adjustments spread over the paragraph instead of piling up on one line.
 * Push-in (compressing punctuation) costs less than push-out (spacing characters apart), a line
 * is never left short (R9, R14), and the last line keeps at least two ideographs (R18).
 */
import type { Paragraph } from './items';
import { buildSums, emptyLine, type LineConfig, lineConfig, measureLine, type MeasuredLine, type Sums } from './line';

export interface BreakOptions extends LineConfig {
  /** Fewest ideographs the last line may hold (R18: 2; TOC entries and titles: 3); 0 = no rule. */
  readonly minLastHan: number;
  /** Measure every candidate line, skipping none (see SKIP_MARGIN): the reference the tests compare with. */
  readonly exhaustive?: boolean;
}

/** A chosen line: a measured line (line.ts) with its adjustment. */
export type LineSpan = Readonly<MeasuredLine>;

const EPS = 1e-6;
const RUNT_COST = 5000;
const OVERFULL_COST = 1e7;

/**
 * Skipping the short candidate lines. For each break j the candidates i are tried from j - 1
 * down, and one replaces the best so far when it is cheaper by more than EPS; the short lines
 * near j come first and win in turn until the good ones arrive, so all of them were measured:
 * three quarters of the 17 million candidates of a 600-page build fall short of the measure by
 * more than a fifth. Leaving out candidates whose totals all exceed the cheapest total M by at
 * least SKIP_MARGIN gives the same choice: while the two runs disagree, both bests stay above
 * M + SKIP_MARGIN less EPS for each candidate seen, so the cheapest candidate replaces the
 * best in both, and from then on every skipped one loses in both. That needs SKIP_MARGIN >
 * (candidates + 1) · EPS: breakLines skips only in paragraphs of fewer than 100 000 items.
 * Lines at most SHORT of the measure are skipped when a lower bound of their totals clears the
 * margin, which a line stretched to ~0.7 em per gap always does.
 */
const SKIP_MARGIN = 1;
const SHORT = 0.6;

/** True when no term of the prefix sums [0, n] is negative (a longer line is never narrower). */
function nonDecreasing(prefix: Float64Array, n: number): boolean {
  for (let k = 1; k <= n; k++) if ((prefix[k] as number) < (prefix[k - 1] as number)) return false;
  return true;
}

/**
 * The search's arrays, kept for the next paragraph (see line.ts sumsPool): each break's best
 * total, the break it came from, and whether it is allowed. Only [0, n] of them is used.
 */
let bestPool = new Float64Array(257);
let fromPool = new Int32Array(257);
let breakablePool = new Uint8Array(257);

function searchArrays(n: number): void {
  if (bestPool.length > n) return;
  const length = Math.max(n + 1, 2 * bestPool.length);
  bestPool = new Float64Array(length);
  fromPool = new Int32Array(length);
  breakablePool = new Uint8Array(length);
}

/** Breaks a paragraph into lines; every non-last line fills the measure exactly. */
export function breakLines(paragraph: Paragraph, options: BreakOptions): LineSpan[] {
  const { em } = paragraph;
  const n = paragraph.length;
  if (n === 0) return [];
  const sums = buildSums(paragraph);
  const totalHan = sums.han[n] as number;
  searchArrays(n);
  const best = bestPool;
  const from = fromPool;
  const breakable = breakablePool;
  best.fill(Infinity, 0, n + 1);
  from.fill(-1, 0, n + 1);
  best[0] = 0;
  for (let k = 0; k <= n; k++) breakable[k] = k === 0 || k === n || sums.breakable[k] === 1 ? 1 : 0;
  const scratch = emptyLine();
  const config = lineConfig(options);
  // The bounds of the skipped lines (above) hold when widths, gaps and stretch are never negative.
  const prunable = options.exhaustive !== true && n < 100_000 && nonDecreasing(sums.width, n) && nonDecreasing(sums.gap, n) && nonDecreasing(sums.stretchFirst, n);

  for (let j = 1; j <= n; j++) {
    if (breakable[j] === 0) continue;
    const isLast = j === n;
    // Short lines are skipped where that provably changes nothing (see SKIP_MARGIN): lines [i, j)
    // for i in (first, j) are at most SHORT of the measure, and all their totals at least `floor`.
    let first = j - 1;
    let floor = Infinity;
    if (prunable && !isLast) {
      const measure = config.width - config.restIndent;
      let lo = j - 1;
      let cheapestStart = Infinity;
      // An upper bound of a line's natural width: its items and gaps, plus at most an em of edges
      // (an opening mark's untrimmed blank; cut blanks and dropped spaces only make it narrower).
      while (lo >= 1 && (sums.width[j] as number) - (sums.width[lo] as number) + ((sums.gap[j] as number) - (sums.gap[lo + 1] as number)) + em <= SHORT * measure) {
        if (breakable[lo] === 1 && (best[lo] as number) < cheapestStart) cheapestStart = best[lo] as number;
        lo--;
      }
      if (lo < j - 1 && cheapestStart < Infinity) {
        // The longest skipped line, [lo + 1, j), bounds them all: the least it can fall short by,
        // less all it can stretch first, over the most justifiable gaps any of them has.
        const widest = (sums.width[j] as number) - (sums.width[lo + 1] as number) + ((sums.gap[j] as number) - (sums.gap[lo + 2] as number)) + em;
        const rest = Math.max(0, measure - widest - ((sums.stretchFirst[j] as number) - (sums.stretchFirst[lo + 1] as number)));
        const perGap = rest / Math.max(1, (sums.justifiable[j] as number) - (sums.justifiable[lo + 2] as number)) / em;
        floor = cheapestStart + 100 * perGap * perGap + (sums.penalty[j] as number) + 0.1;
        first = lo;
      }
    }
    for (;;) {
      let fallback = -1;
      let cheapest = Infinity;
      for (let i = first; i >= 0; i--) {
        if (breakable[i] === 0 || best[i] === Infinity) continue;
        const m = measureLine(sums, i, j, config, scratch);
        if (m.natural - m.shrink > m.measure + EPS) {
          // Wider still as i moves back: stop, but keep the narrowest overfull line as a last resort.
          if (fallback < 0 && (from[j] as number) < 0) fallback = i;
          break;
        }
        // The line's cost, written out here rather than called: the loop outgrows V8's inlining
        // budget (measureLine is inlined first), and a called function returns its double boxed: one
        // heap number per candidate line, 17 million candidates and ~190 MB of garbage on 600 pages
        // (a sampling heap profile that keeps collected objects).
        let cost = 0;
        const d = m.measure - m.natural;
        if (isLast) {
          // Set at natural width: a last line costs only when it must shrink.
          if (m.natural > m.measure + EPS) cost = 10 * ((m.natural - m.measure) / em) ** 2;
        } else if (d < 0 && Math.abs(d) >= EPS) {
          // Push-in: cheap, preferred (R9); ∞ when the line cannot shrink enough.
          cost = -d > m.shrink + EPS ? Infinity : 10 * (d / em) ** 2;
        } else if (Math.abs(d) >= EPS) {
          const rest = Math.max(0, d - m.stretchFirst);
          const firstStage = Math.min(d, m.stretchFirst);
          if (rest > EPS && m.justifiable === 0) cost = 1e5 + 100 * (rest / em) ** 2;
          else {
            const perGap = m.justifiable === 0 ? 0 : rest / m.justifiable / em;
            const stretched = 100 * perGap ** 2 + 5 * (firstStage / em) ** 2;
            cost = perGap > 0.5 ? stretched + 1000 * perGap ** 2 : stretched;
          }
        }
        if (isLast && totalHan >= options.minLastHan && (sums.han[j] as number) - (sums.han[i] as number) < options.minLastHan) cost += RUNT_COST;
        // Junction n (after the last item) does not exist: no penalty there.
        cost += (isLast ? 0 : (sums.penalty[j] as number)) + 0.1;
        const total = (best[i] as number) + cost;
        if (total < cheapest) cheapest = total;
        // Ties go to the longer earlier lines (the larger i), as a greedy setter would choose.
        if (total < (best[j] as number) - EPS) {
          best[j] = total;
          from[j] = i;
        }
      }
      if ((from[j] as number) < 0 && fallback >= 0) {
        best[j] = (best[fallback] as number) + OVERFULL_COST;
        from[j] = fallback;
      }
      // Skipping was exact if every skipped line costs SKIP_MARGIN more than the cheapest one
      // measured; else (practically never) the candidates are measured again, all of them.
      if (first === j - 1 || floor >= cheapest + SKIP_MARGIN) break;
      best[j] = Infinity;
      from[j] = -1;
      first = j - 1;
    }
  }
  return collectLines(paragraph, sums, config);
}

function collectLines(paragraph: Paragraph, sums: Sums, config: LineConfig): LineSpan[] {
  const spans: LineSpan[] = [];
  for (let j = paragraph.length; j > 0; ) {
    const i = fromPool[j] as number;
    if (i < 0) throw new Error(`line breaking found no path to item ${j}`);
    // The same measurement the breaker chose it by (line.ts), kept as the line's data.
    spans.push(measureLine(sums, i, j, config));
    j = i;
  }
  return spans.reverse();
}
