/**
 * What Markdown means lives in two scanners: markdown-it in the document stage (what prints) and
 * the lint's own scanner (which needs exact columns). Over every fixture article, the lint's
 * visible text must equal what the document stage prints, block by block (REVIEW.md item 5).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError } from '../../src/errors';
import { readArticleSource } from '../../src/document/front-matter';
import { markdownToBlocks } from '../../src/document/markdown';
import { OPAQUE, segmentsOf } from '../../src/lint/segments';

const REPO = path.resolve(__dirname, '..', '..');

function articleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return articleFiles(full);
    return entry.name.endsWith('.md') && (path.basename(dir) === 'articles' || entry.name === 'article.md') ? [full] : [];
  });
}

/** What the document stage prints for each body block, or undefined when it refuses the article. */
function printed(file: string, text: string): string[] | undefined {
  try {
    const { body } = readArticleSource(text, file);
    const issueDir = path.dirname(path.dirname(file));
    return markdownToBlocks(body, { file, absFile: file, issueDir }).map((block) => (block.kind === 'figure' ? block.caption : block.runs).map((run) => run.text).join(''));
  } catch (err) {
    if (err instanceof BulletinError) return undefined;
    throw err;
  }
}

const trimmed = (text: string): string => text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Code spans and URLs are one opaque character to the lint: any non-empty text where it prints. */
function samePrintedText(lintText: string, printedText: string): boolean {
  return new RegExp(`^${trimmed(lintText).split(OPAQUE).map(escape).join('.+?')}$`, 'su').test(trimmed(printedText));
}

const files = [...articleFiles(path.join(REPO, 'issues')), ...articleFiles(path.join(REPO, 'test', 'fixtures'))];

describe('the lint reads what the document prints', () => {
  it('covers the fixture articles', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each([
    ['a sub-item indented under its item text, not by a fixed amount', '1. 甲\n   - 乙\n  * 丙'],
    ['an empty item, then a paragraph', '-\n\n1.\n正文'],
    ['a bare URL right before a link', '见https://x.cn/a[链接](https://y.cn)。'],
    ['spaces before a backslash break', '联系人 \\\n电话'],
    ['names with hard breaks, an unpaired *, a soft hyphen', '张三  \n李四\\\n王\u00AD五*号'],
  ])('agrees on %s', (_, body) => {
    const text = `---\ntitle: 题\n---\n\n${body}\n`;
    const file = path.join(REPO, 'test', 'fixtures', 'mini', 'issues', '2024-03', 'articles', 'x.md');
    const blocks = printed(file, text) ?? [];
    const lint = segmentsOf(text).filter((s) => s.kind !== 'title');
    expect(lint.length).toBe(blocks.length);
    lint.forEach((segment, k) => expect([segment.text, samePrintedText(segment.text, blocks[k] as string)]).toEqual([segment.text, true]));
  });

  it('has the same visible text, block by block, in every article the document stage accepts', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const blocks = printed(file, text);
      if (blocks === undefined) continue;
      const lint = segmentsOf(text).filter((s) => s.kind !== 'title');
      const name = path.relative(REPO, file);
      if (lint.length !== blocks.length) {
        mismatches.push(`${name}: ${lint.length} lint segments, ${blocks.length} blocks`);
        continue;
      }
      lint.forEach((segment, k) => {
        compared++;
        const want = trimmed(blocks[k] as string);
        if (!samePrintedText(segment.text, want)) mismatches.push(`${name} block ${k + 1}:\n  lint     ${JSON.stringify(trimmed(segment.text))}\n  document ${JSON.stringify(want)}`);
      });
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
