import { PageContent } from '../../src/render/byte-sink';
import { colourOperator, fmt, writeCircle } from '../../src/render/operators';

/** What fmt wrote before its fast path: the reference its output must equal byte for byte. */
const reference = (value: number): string => (Number.isInteger(value) ? String(value) : Number(value.toFixed(4)).toString());

/** What a PageContent was given, as text: it hands its bytes to the page's stream when flushed. */
function written(draw: (out: PageContent) => void): string {
  const chunks: Buffer[] = [];
  const stream = { id: 1, buffer: [] as Uint8Array[], compress: false, write: (chunk: unknown) => chunks.push(chunk as Buffer), end: () => undefined };
  const out = new PageContent();
  out.attach(stream);
  draw(out);
  out.flush();
  return Buffer.concat(chunks).toString('latin1');
}

describe('fmt', () => {
  // A fixed pseudo-random sequence (no Math.random: a failure must be reproducible).
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const values: number[] = [0, -0, 1, -1, 10, 1e6, -1e6, 0.00005, -0.00005, 1.00005, 2.00015, -3.00025, 0.12345, 595.27559, -0.00001, 1e-7, 123456.78905, 999999.99995, -999999.99996, 1e6 + 0.5, 1e12 + 0.123, 841.8898, NaN, Infinity];
  for (let i = 0; i < 200_000; i++) {
    const magnitude = 10 ** Math.floor(next() * 7 - 2);
    values.push((next() - 0.3) * magnitude);
    // Values on and next to a tie of the fourth decimal.
    const tie = (Math.floor(next() * 1e7) + 0.5) / 1e4;
    values.push(tie, -tie, tie + Number.EPSILON * tie, tie - Number.EPSILON * tie);
  }

  it('writes exactly what toFixed(4) would, near ties, signs and large values included', () => {
    const wrong = values.filter((v) => fmt(v) !== reference(v));
    expect(wrong.map((v) => [v, fmt(v), reference(v)])).toEqual([]);
  });

  it('is what PageContent.number writes as bytes', () => {
    const text = written((out) => {
      for (const v of values) {
        out.number(v);
        out.byte(0x0a);
      }
    });
    const lines = text.split('\n').slice(0, -1);
    const wrong = values.flatMap((v, i) => (lines[i] === fmt(v) ? [] : [[v, lines[i], fmt(v)]]));
    expect(lines).toHaveLength(values.length);
    expect(wrong).toEqual([]);
  });
});

describe('writeCircle and colourOperator', () => {
  it('write the same operators as before', () => {
    expect(written((out) => writeCircle(out, 10.25, 20.5, 0.54))).toBe(
      '10.79 20.5 m 10.79 20.7982 10.5482 21.04 10.25 21.04 c 9.9518 21.04 9.71 20.7982 9.71 20.5 c 9.71 20.2018 9.9518 19.96 10.25 19.96 c 10.5482 19.96 10.79 20.2018 10.79 20.5 c',
    );
    const red = [190, 20, 30] as const;
    expect(colourOperator(red, 'fill')).toBe('0.7451 0.0784 0.1176 rg');
    expect(colourOperator(red, 'stroke')).toBe('0.7451 0.0784 0.1176 RG');
    expect(colourOperator([0, 100, 90, 10], 'fill')).toBe('0 1 0.9 0.1 k');
  });
});
