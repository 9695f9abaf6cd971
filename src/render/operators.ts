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
  const xr = x + r;
  const xk = x + k;
  const xmk = x - k;
  const xmr = x - r;
  const yr = y + r;
  const yk = y + k;
  const ymk = y - k;
  const ymr = y - r;
  point(out, xr, y, ' m ');
  point(out, xr, yk, ' ');
  point(out, xk, yr, ' ');
  point(out, x, yr, ' c ');
  point(out, xmk, yr, ' ');
  point(out, xmr, yk, ' ');
  point(out, xmr, y, ' c ');
  point(out, xmr, ymk, ' ');
  point(out, xmk, ymr, ' ');
  point(out, x, ymr, ' c ');
  point(out, xk, ymr, ' ');
  point(out, xr, ymk, ' ');
  point(out, xr, y, ' c');
}

function point(out: OperatorSink, x: number, y: number, after: string): void {
  out.number(x);
  out.byte(0x20);
  out.number(y);
  out.text(after);
}
