/**
 * Places the items of one line so it fills its measure exactly (R14): shrinking punctuation
 * blanks in the spec's order, or stretching CJK–Latin gaps and word spaces first and then every
 * other gap equally. Never inside —— or a Latin word, never next to a connector.
 */
import { SENTENCE_STOPS } from './classes';
import type { Paragraph } from './items';
import type { MeasuredLine } from './line';

/**
 * The items of a line as set: the ones from `first` on, one x each (their origins relative to
 * the column's left edge). A space at either edge of the line is not set, so they are the
 * line's items, or all but its first or last.
 */
export interface PlacedLine {
  /** Index of the first item set. */
  readonly first: number;
  /** x of items first, first + 1, …: one number per item, not an object per item. */
  readonly xs: Float64Array;
  /** Extra space added per justifiable gap in the last stretching stage, in ems (0 when shrunk). */
  readonly extraPerGap: number;
  /** Total shrink applied (push-in), in ems. */
  readonly shrink: number;
  /** Right edge of the last drawn item's box, relative to the column's left edge. */
  readonly right: number;
}

/**
 * The line's slot values while its adjustment is spent, one entry per item of the line, in arrays
 * kept from line to line (placeLine is not re-entered): four arrays and a closure per adjustable
 * blank per line were the third largest allocation of a build (77 MB on 600 pages, a sampling
 * heap profile that keeps collected objects).
 */
let cutLeft = new Float64Array(64);
let cutRight = new Float64Array(64);
let width = new Float64Array(64);
let gapBefore = new Float64Array(64);
/** The members of the group being spent: which slot of which array, and how much it can take. */
let memberSlot = new Int32Array(128);
let memberArray = new Uint8Array(128);
let memberCapacity = new Float64Array(128);
let members = 0;

const WIDTH = 0;
const CUT_LEFT = 1;
const CUT_RIGHT = 2;
const GAP = 3;

function ensureRoom(length: number): void {
  if (cutLeft.length < length) {
    const size = Math.max(length, 2 * cutLeft.length);
    cutLeft = new Float64Array(size);
    cutRight = new Float64Array(size);
    width = new Float64Array(size);
    gapBefore = new Float64Array(size);
  }
  // A slot is in a group at most twice (a bracket's left and right blank).
  if (memberSlot.length < 2 * length) {
    const size = Math.max(2 * length, 2 * memberSlot.length);
    memberSlot = new Int32Array(size);
    memberArray = new Uint8Array(size);
    memberCapacity = new Float64Array(size);
  }
}

function addMember(array: number, slot: number, capacity: number): void {
  memberSlot[members] = slot;
  memberArray[members] = array;
  memberCapacity[members] = capacity;
  members++;
}

/**
 * Spends up to `amount` over the group's members in proportion to each one's capacity, adding
 * `sign` × its share to its slot; returns what is left and empties the group.
 */
function spendGroup(amount: number, sign: 1 | -1): number {
  const count = members;
  members = 0;
  let capacity = 0;
  for (let m = 0; m < count; m++) capacity += memberCapacity[m] as number;
  if (capacity <= 0 || amount <= 0) return amount;
  const used = Math.min(amount, capacity);
  for (let m = 0; m < count; m++) {
    const share = ((memberCapacity[m] as number) / capacity) * used;
    const slot = memberSlot[m] as number;
    const array = memberArray[m] === WIDTH ? width : memberArray[m] === CUT_LEFT ? cutLeft : memberArray[m] === CUT_RIGHT ? cutRight : gapBefore;
    array[slot] = sign > 0 ? (array[slot] as number) + share : (array[slot] as number) - share;
  }
  return amount - used;
}

/**
 * Positions the items of a measured line (line.ts), spending its adjustment; the line's edges
 * (trimmed marks, dropped spaces, indent) are taken as measured, never re-derived. A last line
 * is set at natural width (flush left).
 */
export function placeLine(paragraph: Paragraph, span: Readonly<MeasuredLine>): PlacedLine {
  const { em, cls, width: itemWidth, leftBlank, rightBlank, cutLeft: itemCutLeft, cutRight: itemCutRight, spaceShrink, spaceStretch, gap, gapShrink, gapStretch, justifiable } = paragraph;
  const { start, end } = span;
  const count = end - start;
  ensureRoom(count);
  const firstSet = span.dropFirst ? start + 1 : start;
  const endSet = span.dropLast ? end - 1 : end;
  for (let k = start; k < end; k++) {
    const a = k - start;
    cutLeft[a] = k === start ? span.startCut : (itemCutLeft[k] as number);
    cutRight[a] = k === end - 1 ? span.endCut : (itemCutRight[k] as number);
    width[a] = k < firstSet || k >= endSet ? 0 : (itemWidth[k] as number);
    gapBefore[a] = k === start ? 0 : (gap[k] as number);
  }

  let shrinkUsed = 0;
  let extraPerGap = 0;
  if (span.adjustment < -1e-9) {
    shrinkUsed = -span.adjustment;
    // Shrink order of R14: word spaces, brackets, 、，；：, CJK–Latin gaps, 。？！. Each group's
    // capacities are read before it is spent, from slots no earlier group changes.
    let remaining = -span.adjustment;
    for (let k = start + 1; k < end - 1; k++) {
      if ((spaceShrink[k] as number) > 0) addMember(WIDTH, k - start, spaceShrink[k] as number);
    }
    remaining = spendGroup(remaining, -1);
    // At the line's edges the blank is cut or kept whole, as measured: nothing to push in there.
    for (let k = start; k < end; k++) {
      const a = k - start;
      const leftRoom = k === start ? 0 : (leftBlank[k] as number) - (cutLeft[a] as number);
      if (leftRoom > 1e-9) addMember(CUT_LEFT, a, leftRoom);
      if (cls[k] === 'close') {
        const rightRoom = k === end - 1 ? 0 : (rightBlank[k] as number) - (cutRight[a] as number);
        if (rightRoom > 1e-9) addMember(CUT_RIGHT, a, rightRoom);
      }
    }
    remaining = spendGroup(remaining, 1);
    remaining = spendRightBlanks(paragraph, start, end, false, remaining);
    for (let k = start + 1; k < end; k++) {
      if ((gapShrink[k] as number) > 0) addMember(GAP, k - start, gapShrink[k] as number);
    }
    remaining = spendGroup(remaining, -1);
    spendRightBlanks(paragraph, start, end, true, remaining);
  } else if (span.adjustment > 1e-9) {
    let remaining = span.adjustment;
    for (let k = start; k < end; k++) {
      if (k > start && k < end - 1 && (spaceStretch[k] as number) > 0) addMember(WIDTH, k - start, spaceStretch[k] as number);
      if (k > start && (gapStretch[k] as number) > 0) addMember(GAP, k - start, gapStretch[k] as number);
    }
    remaining = spendGroup(remaining, 1);
    let gaps = 0;
    for (let k = start + 1; k < end; k++) if (justifiable[k] === 1) gaps++;
    if (remaining > 1e-9 && gaps > 0) {
      const each = remaining / gaps;
      for (let k = start + 1; k < end; k++) if (justifiable[k] === 1) gapBefore[k - start] = (gapBefore[k - start] as number) + each;
      extraPerGap = each / em;
    }
  }

  const xs = new Float64Array(endSet - firstSet);
  let cursor = span.indent;
  let right = cursor;
  for (let k = start; k < end; k++) {
    const a = k - start;
    cursor += gapBefore[a] as number;
    const boxWidth = (width[a] as number) - (cutLeft[a] as number) - (cutRight[a] as number);
    if (k >= firstSet && k < endSet) {
      xs[k - firstSet] = cursor - (cutLeft[a] as number);
      right = cursor + boxWidth;
    }
    cursor += boxWidth;
  }
  return { first: firstSet, xs, extraPerGap, shrink: shrinkUsed / em, right };
}

/** Pushes in the right blanks of the line's stops: the sentence stops (。？！) or the others (、，；：). */
function spendRightBlanks(paragraph: Paragraph, start: number, end: number, sentenceStops: boolean, amount: number): number {
  for (let k = start; k < end - 1; k++) {
    if (paragraph.cls[k] === 'close' || SENTENCE_STOPS.has(paragraph.texts[k] as string) !== sentenceStops) continue;
    const a = k - start;
    const rightRoom = (paragraph.rightBlank[k] as number) - (cutRight[a] as number);
    if (rightRoom > 1e-9) addMember(CUT_RIGHT, a, rightRoom);
  }
  return spendGroup(amount, 1);
}
