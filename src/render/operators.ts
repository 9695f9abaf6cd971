/** Content-stream operators we write ourselves: numbers, colours, circles. */

export type Colour = readonly [number, number, number] | readonly [number, number, number, number];

/** A number for a content stream: at most four decimals, no trailing zeros. */
export function fmt(value: number): string {
  // Whole numbers skip toFixed → Number → toString (the same text; fmt runs for every coordinate).
  if (Number.isInteger(value)) return String(value);
  const tenThousandths = roundedTenThousandths(value);
  if (tenThousandths !== undefined) return String(tenThousandths / 10000);
  return Number(value.toFixed(4)).toString();
}

/**
 * `value` × 10000 rounded to an integer n, when n / 10000 is what toFixed(4) picks; undefined for
 * ties and huge values, which go the long way. Below 1e6 the product's rounding error is under
 * 2e-6, so when it lies within 0.4999 of an integer n, n is the one toFixed(4) picks (the
 * nearest to the exact value); and n / 10000, a correctly rounded division of exact operands, is
 * the double that parsing toFixed's decimal gives. Its shortest text (String) is then n's digits
 * with the point four places in and trailing zeros dropped: no other decimal of at most 15
 * significant digits parses to that double. PageContent.number writes those digits as bytes.
 */
export function roundedTenThousandths(value: number): number | undefined {
  const scaled = value * 10000;
  const nearest = Math.round(scaled);
  return Math.abs(scaled - nearest) < 0.4999 && Math.abs(value) < 1e6 ? nearest : undefined;
}

/** Where operators are written: the page's content bytes (byte-sink.ts PageContent). */
export interface OperatorSink {
  text(value: string): void;
  byte(code: number): void;
  /** Appends fmt(value). */
  number(value: number): void;
}

/** Operators already made, per colour (the inks are a few constant arrays) and use. */
const madeOperators = new WeakMap<Colour, { fill?: string; stroke?: string }>();

/** DeviceCMYK (k/K) for the press file, DeviceRGB (rg/RG) for the e-mail copy. */
export function colourOperator(colour: Colour, use: 'fill' | 'stroke'): string {
  let made = madeOperators.get(colour);
  if (!made) madeOperators.set(colour, (made = {}));
  return (made[use] ??= makeColourOperator(colour, use));
}

function makeColourOperator(colour: Colour, use: 'fill' | 'stroke'): string {
  const cmyk = colour.length === 4;
  const values = colour.map((v) => fmt(v / (cmyk ? 100 : 255))).join(' ');
  const operator = cmyk ? 'k' : 'rg';
  return `${values} ${use === 'fill' ? operator : operator.toUpperCase()}`;
}

/**
 * A circle as four Bézier arcs, written into `out` (a TOC's leader dots and the emphasis dots are
 * thousands of circles: their coordinates go straight in as bytes, without a string each).
 */
export function writeCircle(out: OperatorSink, x: number, y: number, r: number): void {
  const k = 0.5523 * r;
  CIRCLE_XS[0] = x - r;
  CIRCLE_XS[1] = x - k;
  CIRCLE_XS[2] = x;
  CIRCLE_XS[3] = x + k;
  CIRCLE_XS[4] = x + r;
  CIRCLE_YS[0] = y - r;
  CIRCLE_YS[1] = y - k;
  CIRCLE_YS[2] = y;
  CIRCLE_YS[3] = y + k;
  CIRCLE_YS[4] = y + r;
  for (let i = 0; i < CIRCLE_PATH.length; i++) {
    const point = CIRCLE_PATH[i]!;
    out.number(CIRCLE_XS[point[0]]!);
    out.byte(0x20);
    out.number(CIRCLE_YS[point[1]]!);
    // A moveto, then four curves of three points each.
    out.text(i === 0 ? ' m ' : i === CIRCLE_PATH.length - 1 ? ' c' : i % 3 === 0 ? ' c ' : ' ');
  }
}

/** The circle's x and y coordinates, centre ± radius and ± the Bézier handle (one dot at a time). */
const CIRCLE_XS = new Float64Array(5);
const CIRCLE_YS = new Float64Array(5);
/** The path's points as indices into those: from the right, counter-clockwise. */
const CIRCLE_PATH: readonly (readonly [number, number])[] = [
  [4, 2],
  [4, 3],
  [3, 4],
  [2, 4],
  [1, 4],
  [0, 3],
  [0, 2],
  [0, 1],
  [1, 0],
  [2, 0],
  [3, 0],
  [4, 1],
  [4, 2],
];
