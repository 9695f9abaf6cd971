/**
 * Property tests for the entry of every input file (issue #5, point 3): arbitrary bytes through
 * readTextSync and arbitrary YAML through the series validator fail only with a BulletinError,
 * quickly, and an encoding error points at the first byte that is not UTF-8.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { BulletinError } from '../../src/errors';
import { parseYamlFile } from '../../src/manifest/parse';
import { validateSeries } from '../../src/manifest/validate';
import { readTextSync } from '../../src/workspace';
import { render } from '../../src/messages';

const RUNS = 300;
let dir = '';
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-read-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Mostly text with a few stray bytes: the realistic shape of a mis-encoded file.
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 50 }))
    .map(([a, b, c]) => Buffer.concat([Buffer.from(a), b, Buffer.from(c)])),
);

it(`readTextSync: any bytes give text or a located BulletinError (${RUNS} runs)`, () => {
  const file = path.join(dir, 'x.md');
  fc.assert(
    fc.property(bytes, (data) => {
      fs.writeFileSync(file, data);
      const started = Date.now();
      try {
        const text = readTextSync(file, { display: 'x.md' });
        // Valid UTF-8 comes back as written, minus a byte-order mark (TextDecoder drops it too).
        expect(text).toBe(new TextDecoder('utf-8').decode(data));
      } catch (err) {
        if (!(err instanceof BulletinError)) throw err;
        const d = err.diagnostics[0];
        if (d?.location.line !== undefined) {
          // Everything before the reported position decodes; the file as a whole does not.
          const byte = Number(/\(byte (\d+)\)/.exec(render(d))?.[1]) - 1;
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(data).subarray(0, byte))).not.toThrow();
          expect(d.location.line).toBe(Buffer.from(data).subarray(0, byte).toString('latin1').split('\n').length);
        }
      }
      expect(Date.now() - started).toBeLessThan(1000);
    }),
    { numRuns: RUNS },
  );
});

const seriesish = fc
  .array(
    fc.constantFrom(
      'title: 资讯\n', 'fullTitle: 委员会资讯\n', 'publisher: 委员会\n', 'page:\n', '  width: 210mm\n', '  width: 210 mm\n', '  charsPerLine: 三十八\n',
      'fonts:\n', '  serif: fonts/a.ttf\n', 'templates:\n', '  folio: "{{folio}}"\n', '  runningHead: "{{#if}}"\n', 'publsher: x\n', '&a [1]\n',
      'k: *a\n', '- ', ': ', '"', '[', '{', '\t', '\r\n', '\uFEFF', '  ', '\n',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

it(`parseYamlFile + validateSeries: only BulletinErrors, in bounded time (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(seriesish, (text) => {
      const started = Date.now();
      try {
        validateSeries(parseYamlFile(text, 'series.yaml'));
      } catch (err) {
        if (!(err instanceof BulletinError)) throw err;
        expect(err.diagnostics.length).toBeGreaterThan(0);
      }
      expect(Date.now() - started).toBeLessThan(1000);
    }),
    { numRuns: RUNS },
  );
});
