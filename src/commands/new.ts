/**
 * `bulletin new [<issue>]`: starts the next issue from the latest one — number + 1 (1 again in
 * January), the date in the new month, the same editor and sections with empty article lists,
 * articles/ and images/ — keeping issue.yaml's `$schema` line and comments. Never overwrites.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inputError } from '../errors';
import { latestIssue, nextIssue } from '../document/issue-sequence';
import { readIssueStamps } from '../document/issue-stamps';
import { editIssueYaml, isPlainObject, parseYamlFile, sectionTitles } from '../manifest/parse';
import { t } from '../messages';
import { displayPath, readTextSync } from '../workspace';

export interface NewIssueResult {
  readonly id: string;
  readonly from: string;
  readonly number: number;
  readonly date: string;
  readonly editor: string | undefined;
  readonly sections: readonly string[];
  /** Project-relative paths of what was created. */
  readonly created: readonly string[];
}

/** Creates issues/<id>/ (default: the month after the latest issue) under `root`. */
export function createNextIssue(root: string, requestedId?: string): NewIssueResult {
  const issuesDir = path.join(root, 'issues');
  const previous = latestIssue(readIssueStamps(root));
  if (previous === undefined) {
    throw inputError({ file: 'issues/' }, t('there is no issue to start from (no issues/<id>/issue.yaml with a number and a date)', '没有可作为起点的一期（issues/ 下没有带期号和日期的 issue.yaml）'), t('copy an existing issue folder by hand once; after that `bulletin new` continues the sequence', '请先手工复制一期文件夹；之后 `bulletin new` 会接着编号'));
  }
  if (requestedId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(requestedId)) {
    throw inputError({ file: `issues/${requestedId}` }, t(`"${requestedId}" is not a usable folder name`, `"${requestedId}" 不能用作文件夹名`), t('use the year and month, e.g. 2024-03', '请用年月，例如 2024-03'));
  }
  const next = nextIssue(previous, requestedId);
  const dir = path.join(issuesDir, next.id);
  if (fs.existsSync(dir)) {
    throw inputError({ file: displayPath(root, dir) }, t(`issues/${next.id} already exists; nothing was changed`, `issues/${next.id} 已存在；未做任何修改`), t('give another name: bulletin new <issue>, e.g. bulletin new 2024-04', '请换一个名称：bulletin new <期号>，例如 bulletin new 2024-04'));
  }

  const fromFile = path.join(issuesDir, previous.id, 'issue.yaml');
  const text = readTextSync(fromFile, { display: displayPath(root, fromFile) });
  const { value } = parseYamlFile(text, displayPath(root, fromFile));
  const yaml = editIssueYaml(text, { number: next.number, date: next.date, emptyArticles: true });

  // Written into a temporary folder first and renamed: a half-made issue never appears.
  const staging = fs.mkdtempSync(path.join(issuesDir, `.${next.id}-`));
  try {
    fs.mkdirSync(path.join(staging, 'articles'));
    fs.mkdirSync(path.join(staging, 'images'));
    fs.writeFileSync(path.join(staging, 'issue.yaml'), yaml);
    fs.renameSync(staging, dir);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  const editor = isPlainObject(value) && typeof value['editor'] === 'string' ? value['editor'] : undefined;
  const rel = (p: string) => `${displayPath(root, path.join(dir, p))}${p.includes('.') ? '' : '/'}`;
  return { id: next.id, from: previous.id, number: next.number, date: next.date, editor, sections: sectionTitles(value), created: [rel('issue.yaml'), rel('articles'), rel('images')] };
}

/** What `bulletin new` prints. */
export function formatNewIssue(r: NewIssueResult): string {
  const lines = [
    t(`created issues/${r.id}/ from issues/${r.from}/`, `已根据 issues/${r.from}/ 新建 issues/${r.id}/`),
    ...r.created.map((f) => `  ${f}`),
    t(`  number ${r.number}, date ${r.date}, editor ${r.editor ?? '—'}`, `  第${r.number}期，日期 ${r.date}，编辑 ${r.editor ?? '—'}`),
    t(`  sections (no articles yet): ${r.sections.join(', ')}`, `  栏目（尚无文章）：${r.sections.join('、')}`),
    t(`next: bulletin import <file>… --issue ${r.id}`, `下一步：bulletin import <文件>… --issue ${r.id}`),
  ];
  return `${lines.join('\n')}\n`;
}
