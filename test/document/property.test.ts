import * as path from 'node:path';
import fc from 'fast-check';
import { BulletinError } from '../../src/errors';
import { readArticleSource } from '../../src/document/front-matter';
import { markdownToBlocks } from '../../src/document/markdown';
import { parseYamlFile } from '../../src/manifest/parse';
import { validateIssue } from '../../src/manifest/validate';

const RUNS = 300;
const issueDir = path.join(__dirname, '..', 'fixtures', 'mini', 'issues', '2024-03');
const ctx = { file: 'issues/2024-03/articles/p.md', absFile: path.join(issueDir, 'articles', 'p.md'), issueDir };

// Building blocks that reach the interesting code paths far more often than uniform strings.
const yamlish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        'series: ../series.yaml\n', 'number: 2\n', 'date: 2024-02-30\n', 'editor: 薛鑫\n', 'sections:\n', '  - title: 栏目\n',
        '    articles:\n', '      - file: a.md\n', '&a [1, 2]\n', 'x: *a\n', ': ', '- ', '"', "'", '{', '[', '\t', '\r\n', '#', '? ',
        '!!str ', '<<: *a\n', '---\n', '...\n', '\uFEFF', 'number: 二\n', '  ', '\n',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
);

const markdownish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        '**', '*', '__', '_', '`', '~~', '# ', '## ', '###### ', '- ', '1. ', '> ', '```\n', '    ', '|a|b|\n|-|-|\n', '![图](../images/fig.png)',
        '![x](../../x.png)', '![x](/abs.png)', '[链接](http://x)', '<b>', '<!-- c -->', '中文', '。', '，', 'abc', '\n', '\n\n', '===\n',
        '---\n', '\\', '&amp;', '\u3000', '🎉', '\uD800',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

function onlyBulletinErrors(run: () => unknown): void {
  const started = Date.now();
  try {
    run();
  } catch (err) {
    if (!(err instanceof BulletinError)) throw err;
    expect(err.diagnostics.length).toBeGreaterThan(0);
  }
  expect(Date.now() - started).toBeLessThan(1000);
}

describe('arbitrary input only ever fails with a BulletinError, quickly', () => {
  it(`parseYamlFile + validateIssue (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(yamlish, (text) => onlyBulletinErrors(() => validateIssue(parseYamlFile(text, 'issue.yaml')))),
      { numRuns: RUNS },
    );
  });

  it(`markdownToBlocks (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(markdownish, (text) => onlyBulletinErrors(() => markdownToBlocks(text, ctx))),
      { numRuns: RUNS },
    );
  });

  it(`article files: front matter + body (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(yamlish, markdownish, (front, body) =>
        onlyBulletinErrors(() => {
          const source = readArticleSource(`---\n${front}\n---\n${body}`, 'p.md');
          markdownToBlocks(source.body, ctx);
        }),
      ),
      { numRuns: RUNS },
    );
  });
});
