/** Content-stream operators we write ourselves: numbers, colours, circles. */

export type Colour = readonly [number, number, number] | readonly [number, number, number, number];

/** A number for a content stream: at most four decimals, no trailing zeros. */
export function fmt(value: number): string {
  // Whole numbers skip toFixed → Number → toString (the same text; fmt runs for every coordinate).
  if (Number.isInteger(value)) return String(value);
  return Number(value.toFixed(4)).toString();
}

/** DeviceCMYK (k/K) for the press file, DeviceRGB (rg/RG) for the e-mail copy. */
export function colourOperator(colour: Colour, use: 'fill' | 'stroke'): string {
  const cmyk = colour.length === 4;
  const values = colour.map((v) => fmt(v / (cmyk ? 100 : 255))).join(' ');
  const operator = cmyk ? 'k' : 'rg';
  return `${values} ${use === 'fill' ? operator : operator.toUpperCase()}`;
}

/** A circle as four Bézier arcs. */
export function circlePath(x: number, y: number, r: number): string {
  const k = 0.5523 * r;
  return [
    `${fmt(x + r)} ${fmt(y)} m`,
    `${fmt(x + r)} ${fmt(y + k)} ${fmt(x + k)} ${fmt(y + r)} ${fmt(x)} ${fmt(y + r)} c`,
    `${fmt(x - k)} ${fmt(y + r)} ${fmt(x - r)} ${fmt(y + k)} ${fmt(x - r)} ${fmt(y)} c`,
    `${fmt(x - r)} ${fmt(y - k)} ${fmt(x - k)} ${fmt(y - r)} ${fmt(x)} ${fmt(y - r)} c`,
    `${fmt(x + k)} ${fmt(y - r)} ${fmt(x + r)} ${fmt(y - k)} ${fmt(x + r)} ${fmt(y)} c`,
  ].join(' ');
}
