import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BulletinError, formatDiagnostic } from '../../src/errors';
import { loadIssue } from '../../src/document/load';

const MINI = path.join(__dirname, '..', 'fixtures', 'mini');

async function failure(root: string, id: string): Promise<BulletinError> {
  try {
    await loadIssue(root, id);
  } catch (err) {
    if (err instanceof BulletinError) return err;
    throw err;
  }
  throw new Error('expected a BulletinError');
}

describe('loadIssue', () => {
  it('loads the mini issue', async () => {
    const { document, warnings, sources } = await loadIssue(MINI, '2024-03');
    expect(warnings).toEqual([]);
    expect(document.outputName).toBe('测试资讯-2024年第3期');
    expect(document.sections.map((s) => `${s.number}${s.title}`)).toEqual(['一、行业动态', '二、法律法规']);
    const first = document.sections[0]?.articles[0];
    expect(first?.file).toBe('issues/2024-03/articles/01-first.md');
    expect(first?.byline).toBe('测试来源 2024年3月1日');
    expect(first?.titleSource).toEqual({ file: 'issues/2024-03/articles/01-first.md', line: 2, column: 8 });
    expect(first?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'figure', 'heading', 'paragraph']);
    const figure = first?.blocks[1];
    expect(figure?.kind === 'figure' && figure.image).toBe(path.join(MINI, 'issues', '2024-03', 'images', 'fig.png'));
    expect(document.sections[1]?.articles[0]?.documentNumber).toBe('测发〔2024〕1号');
    expect([...sources.keys()]).toEqual([
      'issues/2024-03/issue.yaml',
      'issues/series.yaml',
      'issues/2024-03/articles/01-first.md',
      'issues/2024-03/articles/02-second.md',
      'issues/2024-03/articles/03-third.md',
    ]);
  });

  it('lists the existing issues when the issue does not exist', async () => {
    const err = await failure(MINI, '2099-01');
    const existing = { code: 'document.no-such-issue.hint', params: { existing: expect.arrayContaining(['2024-03']) } };
    expect(err.diagnostics[0]?.hint).toMatchObject(existing);
    expect((await failure(MINI, '../mini')).diagnostics[0]?.hint).toMatchObject(existing);
  });

  it('leaves invisible paste characters out of issue.yaml and the series file, each one a warning', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-load-'));
    try {
      fs.cpSync(MINI, root, { recursive: true });
      const issueFile = path.join(root, 'issues', '2024-03', 'issue.yaml');
      fs.writeFileSync(issueFile, fs.readFileSync(issueFile, 'utf8').replace('editor: 赵六', 'editor: 赵\u200B六'));
      const seriesFile = path.join(root, 'issues', 'series.yaml');
      fs.writeFileSync(seriesFile, fs.readFileSync(seriesFile, 'utf8').replace('publisher: 测试委员会', 'publisher: 测试\u00AD委员会'));
      const { document, warnings } = await loadIssue(root, '2024-03');
      expect(document.masthead.editor).toBe('赵六');
      expect(document.masthead.publisher).toBe('测试委员会');
      expect(warnings.map((w) => `${w.location.file}:${w.location.line}:${w.location.column}`)).toEqual(['issues/2024-03/issue.yaml:5:10', 'issues/series.yaml:4:14']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  describe('with mistakes in several files', () => {
    let root: string;
    beforeAll(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-load-'));
      fs.cpSync(MINI, root, { recursive: true });
      const issueDir = path.join(root, 'issues', '2024-03');
      const edit = (file: string, from: string, to: string) => {
        const p = path.join(issueDir, file);
        fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(from, to));
      };
      edit('issue.yaml', 'editor: 赵六', 'editr: 赵六');
      edit('issue.yaml', '- file: articles/03-third.md', '- file: ../../../outside.md');
      edit('../series.yaml', 'width: 210mm', 'width: 210');
      edit('articles/01-first.md', 'source: 测试来源', 'source: 测试来源\nsource: 重复');
      edit('articles/02-second.md', '只有一段。', '> 引用');
      fs.writeFileSync(path.join(issueDir, 'articles', '04-forgotten.md'), '---\ntitle: x\n---\n');
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('reports all problems from all files, sorted by file and line', async () => {
      const err = await failure(root, '2024-03');
      expect(err.diagnostics.map(formatDiagnostic).map((s) => s.split('\n')[0])).toEqual([
        'issues/2024-03/articles/01-first.md:4:1: duplicate key "source": each key may appear only once in a mapping',
        'issues/2024-03/articles/02-second.md:7: block quotes (> …) are not supported',
        'issues/2024-03/articles/03-third.md: warning: issues/2024-03/articles/03-third.md is not listed in issues/2024-03/issue.yaml',
        'issues/2024-03/articles/04-forgotten.md: warning: issues/2024-03/articles/04-forgotten.md is not listed in issues/2024-03/issue.yaml',
        'issues/2024-03/issue.yaml:5:1: unknown property "editr"',
        'issues/2024-03/issue.yaml:13:15: "../../../outside.md" points outside 2024-03/',
        'issues/series.yaml:14:10: page.width: must be a string',
      ]);
    });
  });
});
