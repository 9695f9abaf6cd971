import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError, formatDiagnostic } from '../../src/errors';
import { parseYamlFile } from '../../src/manifest/parse';
import { didYouMean, isCalendarDate, validateFrontMatter, validateIssue, validateSeries } from '../../src/manifest/validate';
import { render } from '../../src/messages';
import { errorOf, wording } from '../helpers/errors';

const MINI = path.join(__dirname, '..', 'fixtures', 'mini', 'issues');

const ISSUE = `series: ../series.yaml
number: 2
date: 2024-02-29
editor: 薛鑫
sections:
  - title: 行业动态
    articles:
      - file: articles/01.md
  - title: 法律法规
    articles:
      - file: articles/02.md
`;

describe('validateIssue', () => {
  const file = 'issues/2024-02/issue.yaml';

  it('accepts a valid issue', () => {
    expect(validateIssue(parseYamlFile(ISSUE, file)).sections[1]?.articles[0]?.file).toBe('articles/02.md');
  });

  it('reports a missing required property at the parent mapping', () => {
    const text = ISSUE.replace('      - file: articles/02.md', '      - fiel: articles/02.md\n        note: x');
    const err = errorOf(() => validateIssue(parseYamlFile(text, file)));
    const lines = err.diagnostics.map(formatDiagnostic);
    expect(lines).toContain('issues/2024-02/issue.yaml:11:9: sections[1].articles[0]: unknown property "fiel"\n  hint: did you mean "file"?');
    expect(lines).toContain('issues/2024-02/issue.yaml:12:9: sections[1].articles[0]: unknown property "note"\n  hint: allowed here: file');
  });

  it('reports a missing property without a misspelling', () => {
    const text = ISSUE.replace('      - file: articles/02.md', '      - {}');
    const err = errorOf(() => validateIssue(parseYamlFile(text, file)));
    expect(err.message).toBe('issues/2024-02/issue.yaml:11:9: sections[1].articles[0]: missing required property "file"');
  });

  it('reports a wrong type at the value', () => {
    const err = errorOf(() => validateIssue(parseYamlFile(ISSUE.replace('number: 2', 'number: "二"'), file)));
    expect(err.diagnostics[0]?.location).toEqual({ file, line: 2, column: 9, path: 'number' });
    expect(err.diagnostics[0]).toMatchObject({ code: 'manifest.wrong-type', params: { types: ['integer'] } });
    expect(formatDiagnostic(err.diagnostics[0]!).split('\n')[0]).toBe(`${file}:2:9: number: must be an integer`);
  });

  it('suggests the closest property name for an unknown key', () => {
    const err = errorOf(() => validateIssue(parseYamlFile(ISSUE.replace('editor:', 'editr:'), file)));
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({
      location: { line: 4, column: 1 },
      code: 'manifest.unknown-property',
      params: { name: 'editr' },
      hint: { code: 'manifest.did-you-mean', params: { guess: 'editor' } },
    });
  });

  it('lists all violations, sorted by line', () => {
    const text = ISSUE.replace('number: 2', 'number: 0').replace('date: 2024-02-29', 'date: 29.2.2024').replace("  - title: 法律法规\n", '  - title: ""\n');
    const err = errorOf(() => validateIssue(parseYamlFile(text, file)));
    expect(err.diagnostics.map((d) => d.location.line)).toEqual([2, 3, 9]);
    expect(err.diagnostics[1]).toMatchObject({ code: 'manifest.pattern-mismatch', location: { path: 'date' } });
    expect(err.diagnostics[2]).toMatchObject({ code: 'manifest.empty', location: { path: 'sections[1].title' } });
  });

  it('rejects a date that is not in the calendar', () => {
    const err = errorOf(() => validateIssue(parseYamlFile(ISSUE.replace('2024-02-29', '2023-02-29'), file)));
    expect(err.diagnostics[0]).toMatchObject({ location: { line: 3, column: 7 } });
  });

  it('reports a non-mapping document', () => {
    const err = errorOf(() => validateIssue(parseYamlFile('- a\n- b\n', file)));
    expect(err.diagnostics[0]).toMatchObject({ code: 'manifest.wrong-type', params: { types: ['object'] } });
  });
});

describe('validateSeries', () => {
  const text = fs.readFileSync(path.join(MINI, 'series.yaml'), 'utf8');

  it('accepts the mini series', () => {
    expect(validateSeries(parseYamlFile(text, 'issues/series.yaml')).fullTitle).toBe('测试委员会测试资讯');
  });

  it('explains a bad length once, with examples', () => {
    const err = errorOf(() => validateSeries(parseYamlFile(text.replace('width: 210mm', 'width: 210 mm'), 'issues/series.yaml')));
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]?.location).toMatchObject({ line: 14, column: 10 });
    expect(err.diagnostics[0]).toMatchObject({ code: 'manifest.invalid-value-detail', location: { path: 'page.width' }, hint: { code: 'manifest.for-example' } });
    expect(render(err.diagnostics[0]!.hint!)).toContain('"210mm"');
  });

  it('lists enum values', () => {
    const err = errorOf(() => validateSeries(parseYamlFile(`${text}typography:\n  punctuation: full\n`, 'issues/series.yaml')));
    expect(err.diagnostics[0]).toMatchObject({ code: 'manifest.not-one-of', params: { allowed: ['quanjiao', 'kaiming', 'banjiao'] }, location: { path: 'typography.punctuation' } });
  });
});

describe('validateFrontMatter', () => {
  it('accepts a title and checks unknown keys', () => {
    expect(validateFrontMatter(parseYamlFile('title: 标题', 'a.md', { lineOffset: 1 })).title).toBe('标题');
    const err = errorOf(() => validateFrontMatter(parseYamlFile('titel: 标题', 'a.md', { lineOffset: 1 })));
    expect(err.message).toBe('a.md:2:1: unknown property "titel"\n  hint: did you mean "title"?');
  });
});

describe('messages in Chinese', () => {
  it('uses Chinese when LANG starts with zh', () => {
    const saved = process.env['LANG'];
    process.env['LANG'] = 'zh_CN.UTF-8';
    try {
      jest.isolateModules(() => {
        const parse = require('../../src/manifest/parse') as typeof import('../../src/manifest/parse');
        const validate = require('../../src/manifest/validate') as typeof import('../../src/manifest/validate');
        // The isolated modules have their own BulletinError class, so check by name.
        let caught: unknown;
        try {
          validate.validateIssue(parse.parseYamlFile(ISSUE.replace('editor: 薛鑫\n', ''), 'issue.yaml'));
        } catch (err) {
          caught = err;
        }
        expect((caught as BulletinError).name).toBe('BulletinError');
        expect(wording((caught as BulletinError).diagnostics[0])).toBe('缺少必填项 "editor"');
      });
    } finally {
      if (saved === undefined) delete process.env['LANG'];
      else process.env['LANG'] = saved;
    }
  });
});

describe('helpers', () => {
  it('didYouMean finds typos and ignores unrelated names', () => {
    expect(didYouMean('titel', ['title', 'subtitle'])).toBe('title');
    expect(didYouMean('full_title', ['title', 'fullTitle'])).toBe('fullTitle');
    expect(didYouMean('colour', ['title', 'date'])).toBeUndefined();
  });

  it('isCalendarDate', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
  });
});
