/**
 * The issue sequence behind `bulletin new` and check's warning, the CLI found from any folder of
 * the project, and `bulletin fonts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nextIssue, sequenceWarnings } from '../../src/document/issue-sequence';
import { editIssueYaml } from '../../src/manifest/parse';
import { makeTempProject, removeTempProject } from '../e2e/helpers';
import { runInProcess } from '../support/in-process-cli';
import { makeProject, runCli, tempDir } from './helpers';
import { render } from '../../src/messages';

describe('the next issue', () => {
  test('number + 1 in the next month, the month-end kept as month-end', () => {
    expect(nextIssue({ id: '2024-02', number: 2, date: '2024-02-29' })).toEqual({ id: '2024-03', number: 3, date: '2024-03-31' });
    expect(nextIssue({ id: '2024-03', number: 3, date: '2024-03-31' })).toEqual({ id: '2024-04', number: 4, date: '2024-04-30' });
    expect(nextIssue({ id: '2024-01', number: 1, date: '2024-01-15' })).toEqual({ id: '2024-02', number: 2, date: '2024-02-15' });
    expect(nextIssue({ id: '2024-01', number: 1, date: '2024-01-30' })).toEqual({ id: '2024-02', number: 2, date: '2024-02-29' });
  });
  test('1 again in January', () => {
    expect(nextIssue({ id: '2024-12', number: 12, date: '2024-12-31' })).toEqual({ id: '2025-01', number: 1, date: '2025-01-31' });
  });
  test('a named month', () => {
    expect(nextIssue({ id: '2024-02', number: 2, date: '2024-02-29' }, '2024-05')).toEqual({ id: '2024-05', number: 3, date: '2024-05-31' });
  });
});

describe('check warns when folder, number and date disagree', () => {
  const at = (key: string) => ({ file: 'issue.yaml', line: key === 'number' ? 1 : 2 });
  const previous = { id: '2024-02', number: 2, date: '2024-02-29' };
  test('a copied issue with the old date and number', () => {
    const warnings = sequenceWarnings({ id: '2024-03', number: 2, date: '2024-02-29' }, [previous], at);
    expect(warnings.map((w) => render(w))).toEqual([expect.stringContaining('date 2024-02-29 is not in 2024-03')]);
    const numbered = sequenceWarnings({ id: '2024-03', number: 2, date: '2024-03-31' }, [previous], at);
    expect(numbered.map((w) => render(w))).toEqual([expect.stringContaining('number 2 does not follow issue 2024-02 (number 2, 2024-02-29): expected 3')]);
  });
  test('a consistent issue is quiet', () => {
    expect(sequenceWarnings({ id: '2024-03', number: 3, date: '2024-03-31' }, [previous], at)).toEqual([]);
    expect(sequenceWarnings({ id: '2025-01', number: 1, date: '2025-01-31' }, [previous], at)).toEqual([]);
  });
});

test('issue.yaml edits keep comments and the $schema line', () => {
  const text = '# yaml-language-server: $schema=../../schemas/issue.schema.json\n# top\nnumber: 2 # the number\ndate: 2024-02-29\nsections:\n  # first\n  - title: 甲\n    articles:\n      - file: articles/a.md\n';
  const next = editIssueYaml(text, { number: 3, date: '2024-03-31', emptyArticles: true });
  expect(next).toBe('# yaml-language-server: $schema=../../schemas/issue.schema.json\n# top\nnumber: 3 # the number\ndate: 2024-03-31\nsections:\n  # first\n  - title: 甲\n    articles: []\n');
  expect(editIssueYaml(next, { addArticles: { section: '甲', files: ['articles/b.md'] } })).toContain('  - title: 甲\n    articles:\n      - file: articles/b.md\n');
});

describe('the CLI inside the project', () => {
  let root: string;
  beforeAll(() => {
    root = makeTempProject();
  });
  afterAll(() => removeTempProject(root));

  test('check from an issue folder, with the issue as tab completion writes it', async () => {
    // The mini fixture's issue: finding it is the point, not typesetting the 22-page sample four times.
    const mini = makeProject(tempDir('locate'));
    const cases = [
      ['issues/2024-03/articles', '2024-03/'],
      ['issues', '2024-03/'],
      ['.', 'issues/2024-03'],
      ['issues/2024-03', '.'],
    ] as const;
    try {
      // In-process, one after the other: the CLI's own code finds the project from the working directory.
      const runs = [];
      for (const [cwd, arg] of cases) runs.push(await runInProcess(path.join(mini, cwd), ['check', arg]));
      runs.forEach((run, i) => {
        const [cwd, arg] = cases[i]!;
        expect({ cwd, arg, code: run.code, out: run.stdout }).toEqual({ cwd, arg, code: 0, out: expect.stringContaining('check passed') });
      });
    } finally {
      fs.rmSync(mini, { recursive: true, force: true });
    }
  }, 240000);

  // A real process: the no-overwrite guarantee and its exit status as the shell sees them.
  test('new refuses to overwrite', async () => {
    const first = await runCli(root, ['new']);
    expect(first.code).toBe(0);
    const before = fs.readFileSync(path.join(root, 'issues', '2024-03', 'issue.yaml'), 'utf8');
    const again = await runCli(root, ['new', '2024-03']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('issues/2024-03 already exists');
    expect(fs.readFileSync(path.join(root, 'issues', '2024-03', 'issue.yaml'), 'utf8')).toBe(before);
  });

  test('fonts lists coverage and the characters no font has', async () => {
    const article = path.join(root, 'issues', '2024-02', 'articles', '01-changbai-xincun.md');
    // U+30000 (Ext. G): beyond the fallback font HanaMinB too (Ext. B–F print from it).
    fs.appendFileSync(article, '\n这里有一个𰀀字，𪚥字有。\n');
    const run = await runInProcess(root, ['fonts', '2024-02']);
    expect(run.stdout).toMatch(/^serif +fonts\/NotoSerifSC-Regular\.ttf/m);
    expect(run.stdout).toMatch(/CJK ideographs: \d+\/20992/);
    expect(run.stdout).toMatch(/issues\/2024-02\/articles\/01-changbai-xincun\.md:\d+:6: “𰀀” U\+30000/);
    expect(run.stdout).not.toContain('U+2A6A5');
    expect(run.stdout).toMatch(/^fallback0 +fonts\/HanaMinB\.ttf/m);
  });
});
