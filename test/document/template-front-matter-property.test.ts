/**
 * Property tests for the template and front-matter stages (issue #13, point 6): whatever the
 * editor writes, a template either fills in to at most MAX_TEMPLATE_OUTPUT_CHARS characters or
 * fails with a BulletinError at its series-file line; front matter either validates or fails with
 * located BulletinErrors — never another exception, never a control character let through, and
 * quickly.
 */
import { wording } from '../helpers/errors';
import fc from 'fast-check';
import { forbiddenReason } from '../../src/characters';
import { MAX_TEMPLATE_OUTPUT_CHARS, compileTemplate } from '../../src/document/templates';
import { readArticleSource } from '../../src/document/front-matter';
import { BulletinError } from '../../src/errors';

const RUNS = 300;
const at = { file: 'issues/series.yaml', line: 29, column: 16 };
const fields = { fullTitle: '测试委员会测试资讯', year: 2024, number: 3, folio: 12, title: '测'.repeat(200) };

// Pieces a template is made of, well-formed or not: text, fields known and unknown, helpers, brackets.
const piece = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('{{fullTitle}}', '{{year}}', '{{title}}', '{{titel}}', '{{#if folio}}', '{{#if folo}}', '{{else}}', '{{/if}}', '{{#with year}}', '{{/with}}', '{{lookup this "year"}}', '{{> p}}', '{{../year}}', '{{', '}}', '{{#each title}}', '{{/each}}', '{{!-- note --}}', '{{{title}}}'),
);

it(`templates: any source fills in to a bounded text or a located BulletinError (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const source = pieces.join('');
      const started = Date.now();
      try {
        const text = compileTemplate('runningHead', source, at)(fields);
        expect(text.length).toBeLessThanOrEqual(MAX_TEMPLATE_OUTPUT_CHARS);
        // Nothing but the allowed constructs got through: no helper name is left in the output as if it were text.
        // (A Handlebars comment prints nothing, whatever it holds.)
        const withoutComments = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '');
        expect(withoutComments).not.toMatch(/\{\{\s*(#with|#each|lookup|>|\.\.\/)/);
      } catch (err) {
        if (!(err instanceof BulletinError)) throw err;
        expect(err.diagnostics[0]?.location).toEqual(at);
        expect(wording(err.diagnostics[0])).toMatch(/^templates\.runningHead: /);
      }
      expect(Date.now() - started).toBeLessThan(5000);
    }),
    { numRuns: RUNS },
  );
});

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('"   "', '""', "'\\u0007'", '"\\0"', '"\\uD800"', '2024-02-30', '2024-02-29', '[a, b]', '{x: 1}', '*a', '&a x', '|\n  块'),
);
const key = fc.oneof(fc.constantFrom('title', 'subtitle', 'source', 'date', 'runningHead', 'tocTitle', 'documentNumber', 'titel'), fc.string({ minLength: 1, maxLength: 10 }));

it(`front matter: any keys and values validate or fail with located BulletinErrors (${RUNS} runs)`, () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (pairs) => {
      const yaml = pairs.map(([k, v]) => `${k}: ${v}`).join('\n');
      const text = `---\n${yaml}\n---\n\n正文。\n`;
      const started = Date.now();
      try {
        const { frontMatter } = readArticleSource(text, 'a.md');
        // What validated is printable: no control character, no blank title.
        for (const v of Object.values(frontMatter)) {
          if (typeof v !== 'string') continue;
          for (const ch of v) expect(forbiddenReason(ch.codePointAt(0) ?? 0)).toBeUndefined();
        }
        expect(frontMatter.title.trim()).not.toBe('');
      } catch (err) {
        if (!(err instanceof BulletinError)) throw err;
        for (const d of err.diagnostics) {
          expect(d.location.file).toBe('a.md');
          expect(d.location.line).toBeGreaterThanOrEqual(1);
        }
      }
      expect(Date.now() - started).toBeLessThan(5000);
    }),
    { numRuns: RUNS },
  );
});
