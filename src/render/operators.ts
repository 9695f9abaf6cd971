/** Content-stream operators we write ourselves: numbers, colours, circles. */

export type Colour = readonly [number, number, number] | readonly [number, number, number, number];

/** A number for a content stream: at most four decimals, no trailing zeros. */
export function fmt(value: number): string {
  // Whole numbers skip toFixed → Number → toString (the same text; fmt runs for every coordinate).
  if (Number.isInteger(value)) return String(value);
  // So does any page coordinate not close to a tie: below 1e6 the product's rounding error is
  // under 2e-6, so when it lies within 0.4999 of an integer n, n is the one toFixed(4) picks
  // (the nearest to the exact value); and n / 10000, a correctly rounded division of exact
  // operands, is the double that parsing toFixed's decimal gives. Ties and huge values go the
  // long way.
  const scaled = value * 10000;
  const nearest = Math.round(scaled);
  if (Math.abs(scaled - nearest) < 0.4999 && Math.abs(value) < 1e6) return String(nearest / 10000);
  return Number(value.toFixed(4)).toString();
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
 * A circle as four Bézier arcs. Each of its ten coordinates is formatted once and the operators
 * joined in one step (a TOC's leader dots are thousands of circles; 26 fmt calls and a chain of
 * concatenations per dot were a fifth of a render's allocations).
 */
export function circlePath(x: number, y: number, r: number): string {
  const k = 0.5523 * r;
  const xr = fmt(x + r);
  const xk = fmt(x + k);
  const x0 = fmt(x);
  const xmk = fmt(x - k);
  const xmr = fmt(x - r);
  const yr = fmt(y + r);
  const yk = fmt(y + k);
  const y0 = fmt(y);
  const ymk = fmt(y - k);
  const ymr = fmt(y - r);
  return [xr, y0, 'm', xr, yk, xk, yr, x0, yr, 'c', xmk, yr, xmr, yk, xmr, y0, 'c', xmr, ymk, xmk, ymr, x0, ymr, 'c', xk, ymr, xr, ymk, xr, y0, 'c'].join(' ');
}
