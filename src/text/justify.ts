/**
 * Places the items of one line so it fills its measure exactly (R14): shrinking punctuation
 * blanks in the spec's order, or stretching CJK–Latin gaps and word spaces first and then every
 * other gap equally. Never inside —— or a Latin word, never next to a connector.
 */
import { SENTENCE_STOPS } from './classes';
import type { Item, Junction, Paragraph } from './items';
import type { MeasuredLine } from './line';

/** An item's origin on the line, relative to the left edge of the column. */
export interface PlacedItem {
  readonly index: number;
  readonly x: number;
}

export interface PlacedLine {
  readonly items: readonly PlacedItem[];
  /** Extra space added per justifiable gap in the last stretching stage, in ems (0 when shrunk). */
  readonly extraPerGap: number;
  /** Total shrink applied (push-in), in ems. */
  readonly shrink: number;
  /** Right edge of the last drawn item's box, relative to the column's left edge. */
  readonly right: number;
}

interface Adjustable {
  capacity: number;
  apply(amount: number): void;
}

/**
 * Positions the items of a measured line (line.ts), spending its adjustment; the line's edges
 * (trimmed marks, dropped spaces, indent) are taken as measured, never re-derived. A last line
 * is set at natural width (flush left).
 */
export function placeLine(paragraph: Paragraph, span: Readonly<MeasuredLine>): PlacedLine {
  const { items, junctions, em } = paragraph;
  const { start, end } = span;
  const cutLeft: number[] = [];
  const cutRight: number[] = [];
  const width: number[] = [];
  const gapBefore: number[] = [];
  const dropped = (k: number) => (k === start && span.dropFirst) || (k === end - 1 && span.dropLast);
  for (let k = start; k < end; k++) {
    const item = items[k] as Item;
    cutLeft.push(k === start ? span.startCut : item.cutLeft);
    cutRight.push(k === end - 1 ? span.endCut : item.cutRight);
    width.push(dropped(k) ? 0 : item.width);
    gapBefore.push(k === start ? 0 : (junctions[k] as Junction).gap);
  }
  const at = (k: number) => k - start;
  const inner = (k: number) => k > start && k < end - 1;

  let shrinkUsed = 0;
  let extraPerGap = 0;
  if (span.adjustment < -1e-9) {
    shrinkUsed = -span.adjustment;
    let remaining = -span.adjustment;
    for (const group of shrinkGroups()) remaining = spend(group, remaining);
  } else if (span.adjustment > 1e-9) {
    let remaining = span.adjustment;
    const firstStage: Adjustable[] = [];
    for (let k = start; k < end; k++) {
      const item = items[k] as Item;
      if (inner(k) && item.spaceStretch > 0) firstStage.push({ capacity: item.spaceStretch, apply: (a) => (width[at(k)] = (width[at(k)] as number) + a) });
      const j = junctions[k] as Junction;
      if (k > start && j.gapStretch > 0) firstStage.push({ capacity: j.gapStretch, apply: (a) => (gapBefore[at(k)] = (gapBefore[at(k)] as number) + a) });
    }
    remaining = spend(firstStage, remaining);
    const gaps: number[] = [];
    for (let k = start + 1; k < end; k++) if ((junctions[k] as Junction).justifiable) gaps.push(k);
    if (remaining > 1e-9 && gaps.length > 0) {
      const each = remaining / gaps.length;
      for (const k of gaps) gapBefore[at(k)] = (gapBefore[at(k)] as number) + each;
      extraPerGap = each / em;
    }
  }

  const placed: PlacedItem[] = [];
  let cursor = span.indent;
  let right = cursor;
  for (let k = start; k < end; k++) {
    const a = at(k);
    cursor += gapBefore[a] as number;
    const boxWidth = (width[a] as number) - (cutLeft[a] as number) - (cutRight[a] as number);
    if (!dropped(k)) {
      placed.push({ index: k, x: cursor - (cutLeft[a] as number) });
      right = cursor + boxWidth;
    }
    cursor += boxWidth;
  }
  return { items: placed, extraPerGap, shrink: shrinkUsed / em, right };

  /** Shrink order of R14: word spaces, brackets, 、，；：, CJK–Latin gaps, 。？！. */
  function shrinkGroups(): Adjustable[][] {
    const spaces: Adjustable[] = [];
    const brackets: Adjustable[] = [];
    const pauses: Adjustable[] = [];
    const cjkLatin: Adjustable[] = [];
    const sentenceStops: Adjustable[] = [];
    for (let k = start; k < end; k++) {
      const item = items[k] as Item;
      const a = at(k);
      if (inner(k) && item.spaceShrink > 0) spaces.push({ capacity: item.spaceShrink, apply: (v) => (width[a] = (width[a] as number) - v) });
      // At the line's edges the blank is cut or kept whole, as measured: nothing to push in there.
      const leftRoom = k === start ? 0 : item.leftBlank - (cutLeft[a] as number);
      if (leftRoom > 1e-9) brackets.push({ capacity: leftRoom, apply: (v) => (cutLeft[a] = (cutLeft[a] as number) + v) });
      const rightRoom = k === end - 1 ? 0 : item.rightBlank - (cutRight[a] as number);
      if (rightRoom > 1e-9) {
        const target = item.cls === 'close' ? brackets : SENTENCE_STOPS.has(item.text) ? sentenceStops : pauses;
        target.push({ capacity: rightRoom, apply: (v) => (cutRight[a] = (cutRight[a] as number) + v) });
      }
      const j = junctions[k] as Junction;
      if (k > start && j.gapShrink > 0) cjkLatin.push({ capacity: j.gapShrink, apply: (v) => (gapBefore[a] = (gapBefore[a] as number) - v) });
    }
    return [spaces, brackets, pauses, cjkLatin, sentenceStops];
  }
}

/** Spends up to `amount` over a group in proportion to each member's capacity; returns what is left. */
function spend(group: readonly Adjustable[], amount: number): number {
  const capacity = group.reduce((sum, g) => sum + g.capacity, 0);
  if (capacity <= 0 || amount <= 0) return amount;
  const used = Math.min(amount, capacity);
  for (const g of group) g.apply((g.capacity / capacity) * used);
  return amount - used;
}
