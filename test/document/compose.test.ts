import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError } from '../../src/errors';
import { chineseNumeral, composeIssue, formatByline, formatChineseDate, type ArticleInput } from '../../src/document/compose';
import { parseYamlFile } from '../../src/manifest/parse';
import { validateIssue, validateSeries } from '../../src/manifest/validate';
import type { ArticleFrontMatter, SeriesManifest } from '../../src/manifest/types';
import { render } from '../../src/messages';

const MINI = path.join(__dirname, '..', 'fixtures', 'mini', 'issues');
const seriesParsed = parseYamlFile(fs.readFileSync(path.join(MINI, 'series.yaml'), 'utf8'), 'issues/series.yaml');
const series = validateSeries(seriesParsed);
const issue = validateIssue(parseYamlFile(fs.readFileSync(path.join(MINI, '2024-03', 'issue.yaml'), 'utf8'), 'issue.yaml'));

function article(frontMatter: ArticleFrontMatter): ArticleInput {
  return { file: 'a.md', frontMatter, titleSource: { file: 'a.md', line: 2, column: 8 }, blocks: [] };
}

function compose(s: SeriesManifest = series) {
  return composeIssue({
    series: s,
    issue,
    articles: [
      [article({ title: '甲', source: '来源', date: '2024-03-01' }), article({ title: '乙', subtitle: '——副', date: '2024-11-20' })],
      [article({ title: '丙', source: '国家测试局', tocTitle: '目录丙', runningHead: '页眉丙' })],
    ],
    templateLocation: (key) => seriesParsed.locate(['templates', key]),
  });
}

describe('composeIssue', () => {
  it('numbers sections and anchors articles', () => {
    const doc = compose();
    expect(doc.sections.map((s) => [s.anchor, s.number, s.title])).toEqual([
      ['section-1', '一、', '行业动态'],
      ['section-2', '二、', '法律法规'],
    ]);
    expect(doc.sections.flatMap((s) => s.articles.map((a) => a.anchor))).toEqual(['article-1-1', 'article-1-2', 'article-2-1']);
  });

  it('builds bylines, toc titles and running heads', () => {
    const [a, b] = compose().sections[0]?.articles ?? [];
    const c = compose().sections[1]?.articles[0];
    expect([a?.byline, b?.byline, c?.byline]).toEqual(['来源 2024年3月1日', '2024年11月20日', '国家测试局']);
    expect([a?.tocTitle, b?.tocTitle, c?.tocTitle]).toEqual(['甲', '乙——副', '目录丙']);
    expect([a?.runningHead, c?.runningHead]).toEqual(['甲', '页眉丙']);
    expect(b?.subtitle).toBe('——副');
    expect('documentNumber' in (a ?? {})).toBe(false);
  });

  it('fills masthead, meta and page texts', () => {
    const doc = compose();
    const { sources: _sources, ...masthead } = doc.masthead;
    expect({ ...masthead, boardRows: masthead.boardRows.map(({ nameSources: _n, ...row }) => row) }).toEqual({
      title: '测试资讯',
      publisher: '测试委员会',
      issueLine: '2024年3月第3期',
      boardHeading: '《测试资讯》编委会',
      boardRows: [
        { label: '主编', names: ['张三'] },
        { label: '编委', note: '按姓氏拼音', names: ['李四', '王五'] },
      ],
      editorLabel: '本期编辑',
      editor: '赵六',
      contactLabel: '联系邮箱',
      email: 'test@example.com',
    });
    expect(doc.meta).toEqual({
      title: '测试委员会测试资讯 2024年3月第3期',
      author: '测试委员会',
      subject: '行业动态、法律法规（共3篇）',
      keywords: ['测试', '资讯'],
      lang: 'zh-CN',
      creationDate: new Date('2024-03-05T00:00:00Z'),
    });
    expect(doc.texts.runningHead).toBe('测试委员会测试资讯 · 2024年第3期');
    expect(doc.texts.folio(12)).toBe('— 12 —');
    expect(doc.texts.tocNumber(4)).toBe('4、');
    expect(doc.outputName).toBe('测试资讯-2024年第3期');
  });

  it('reports every bad template at its line in series.yaml', () => {
    const bad = { ...series, templates: { ...series.templates, folio: '{{page}}', outputName: '{{titel}}' } };
    let caught: unknown;
    try {
      compose(bad);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(BulletinError);
    expect((caught as BulletinError).diagnostics.map((d) => [d.location.line, render(d)])).toEqual([
      [30, 'templates.folio: unknown field {{page}}'],
      [33, 'templates.outputName: unknown field {{titel}}'],
    ]);
  });

  it('rejects an output name that is not a file name', () => {
    const bad = { ...series, templates: { ...series.templates, outputName: '{{year}}/{{number}}' } };
    expect(() => compose(bad)).toThrow(/outputName/);
  });
});

describe('helpers', () => {
  it('chineseNumeral', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 1001].map(chineseNumeral)).toEqual([
      '一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一千零一',
    ]);
  });

  it('formatChineseDate and formatByline', () => {
    expect(formatChineseDate('2024-02-02')).toBe('2024年2月2日');
    expect(formatByline(undefined, undefined)).toBeUndefined();
    expect(formatByline('来源', undefined)).toBe('来源');
  });
});
