import { BulletinError } from '../../src/errors';
import { formatPath, parseYamlFile } from '../../src/manifest/parse';
import { errorOf, wording } from '../helpers/errors';

describe('parseYamlFile', () => {
  const text = ['# comment', 'title: 法律资讯', 'sections:', '  - title: 行业动态', '    articles:', '      - file: a.md', ''].join('\n');

  it('returns the plain value', () => {
    expect(parseYamlFile(text, 'x.yaml').value).toEqual({
      title: '法律资讯',
      sections: [{ title: '行业动态', articles: [{ file: 'a.md' }] }],
    });
  });

  it('locates values, keys, and the parent mapping of a missing key', () => {
    const parsed = parseYamlFile(text, 'x.yaml');
    expect(parsed.locate(['title'])).toEqual({ file: 'x.yaml', line: 2, column: 8 });
    expect(parsed.locate(['sections', 0, 'articles', 0, 'file'])).toEqual({ file: 'x.yaml', line: 6, column: 15 });
    expect(parsed.locate(['sections', 0, 'articles'], 'key')).toEqual({ file: 'x.yaml', line: 5, column: 5 });
    // A missing key points at the mapping that should contain it.
    expect(parsed.locate(['sections', 0, 'articles', 0, 'missing'])).toEqual({ file: 'x.yaml', line: 6, column: 9 });
    expect(parsed.locate(['nothing'])).toEqual({ file: 'x.yaml', line: 2, column: 1 });
  });

  it('points just after the colon of a key without a value', () => {
    const parsed = parseYamlFile('a: 1\nb:\n', 'x.yaml');
    expect(parsed.locate(['b'])).toEqual({ file: 'x.yaml', line: 2, column: 3 });
  });

  it('adds the line offset (front matter)', () => {
    const parsed = parseYamlFile('title: x', 'a.md', { lineOffset: 1 });
    expect(parsed.locate(['title'])).toEqual({ file: 'a.md', line: 2, column: 8 });
  });

  it('strips a BOM and accepts CRLF', () => {
    const parsed = parseYamlFile('\uFEFFa: 1\r\nb: 二\r\n', 'x.yaml');
    expect(parsed.value).toEqual({ a: 1, b: '二' });
    expect(parsed.locate(['b'])).toEqual({ file: 'x.yaml', line: 2, column: 4 });
  });

  it('reports a syntax error with line and column', () => {
    const err = errorOf(() => parseYamlFile('a: 1\nb: [1, 2\nc: 3\n', 'x.yaml'));
    expect(err.diagnostics.length).toBeGreaterThan(0);
    expect(err.diagnostics[0]?.location).toMatchObject({ file: 'x.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(err.message).toMatch(/^x\.yaml:\d+:\d+: /);
  });

  it('reports a tab indentation error at its line and column', () => {
    const err = errorOf(() => parseYamlFile('a:\n  b: 1\n\tc: 2\n', 'x.yaml'));
    expect(err.diagnostics[0]?.location).toEqual({ file: 'x.yaml', line: 3, column: 1 });
  });

  it('rejects duplicate keys at the second key', () => {
    const err = errorOf(() => parseYamlFile('title: a\nnumber: 1\ntitle: b\n', 'x.yaml'));
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]?.location).toEqual({ file: 'x.yaml', line: 3, column: 1 });
    expect(wording(err.diagnostics[0])).toContain('"title"');
  });

  it('rejects a second document', () => {
    expect(() => parseYamlFile('a: 1\n---\nb: 2\n', 'x.yaml')).toThrow(BulletinError);
  });

  it('stops alias bombs', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    const started = Date.now();
    const err = errorOf(() => parseYamlFile(lines.join('\n'), 'bomb.yaml'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(wording(err.diagnostics[0])).toMatch(/alias/i);
  });

  it('refuses a file whose value, aliases written out, has more than MAX_YAML_EXPANDED_VALUES values, at the first alias', () => {
    // 1 (the mapping) + 2 keys + a's list (1 + 1,000) + b's list (1 + 499 × 1,001) = 500,504 values.
    const text = `a: &a [${Array<string>(1000).fill('x').join(', ')}]\nb: [${Array<string>(499).fill('*a').join(', ')}]\n`;
    const err = errorOf(() => parseYamlFile(text, 'x.yaml'));
    expect(err.diagnostics.map((d) => [d.code, d.location.line, d.location.column])).toEqual([['manifest.aliases-expand-too-far', 2, 5]]);
    // One alias fewer is 1,001 values fewer: under the limit, and refused only for its aliases (toJS).
    const fewer = `a: &a [${Array<string>(1000).fill('x').join(', ')}]\nb: [${Array<string>(498).fill('*a').join(', ')}]\n`;
    expect(errorOf(() => parseYamlFile(fewer, 'x.yaml')).diagnostics.map((d) => d.code)).not.toContain('manifest.aliases-expand-too-far');
  });

  it('reports an alias without an anchor', () => {
    const err = errorOf(() => parseYamlFile('a: 1\nb: *nowhere\n', 'x.yaml'));
    expect(err.diagnostics[0]?.location).toMatchObject({ line: 2, column: 4 });
  });

  it('rejects non-scalar keys', () => {
    expect(() => parseYamlFile('? [a, b]\n: 1\n', 'x.yaml')).toThrow(BulletinError);
  });
});

describe('formatPath', () => {
  it('writes JavaScript notation', () => {
    expect(formatPath(['sections', 1, 'articles', 0, 'file'])).toBe('sections[1].articles[0].file');
    expect(formatPath([])).toBe('');
    expect(formatPath(['a b'])).toBe('["a b"]');
  });
});
