import { readArticleSource, splitFrontMatter } from '../../src/document/front-matter';
import { errorOf } from '../helpers/errors';

describe('front matter', () => {
  it('splits and keeps body line numbers', () => {
    const split = splitFrontMatter('---\r\ntitle: 标题\r\n---\r\n\r\n正文\r\n', 'a.md');
    expect(split.yaml).toBe('title: 标题');
    expect(split.body.split('\n')[4]).toBe('正文');
  });

  it('validates the front matter', () => {
    const source = readArticleSource('\uFEFF---\ntitle: 标题\nsource: 来源\n---\n正文\n', 'a.md');
    expect(source.frontMatter).toEqual({ title: '标题', source: '来源' });
    expect(source.titleSource).toEqual({ file: 'a.md', line: 2, column: 8 });
  });

  it('reports errors at lines of the .md file', () => {
    const err = errorOf(() => readArticleSource('---\ntitle: 标题\ndate: 2024-2-1\nsoruce: x\n---\n', 'a.md'));
    expect(err.diagnostics.map((d) => [d.location.line, d.location.column])).toEqual([
      [3, 7],
      [4, 1],
    ]);
    expect(err.diagnostics[1]).toMatchObject({ code: 'manifest.unknown-property', hint: { code: 'manifest.did-you-mean', params: { guess: 'source' } } });
  });

  it('reports YAML syntax errors at lines of the .md file', () => {
    const err = errorOf(() => readArticleSource('---\ntitle: 标题\ntitle: 又一个\n---\n', 'a.md'));
    expect(err.diagnostics[0]?.location).toEqual({ file: 'a.md', line: 3, column: 1 });
  });

  it('requires the front matter and its closing line', () => {
    expect(errorOf(() => readArticleSource('正文', 'a.md')).message).toMatch(/^a\.md:1:1: /);
    expect(errorOf(() => readArticleSource('---\ntitle: x\n正文', 'a.md')).message).toMatch(/not closed/);
  });
});
