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
import { message, say } from '../messages';
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
    throw inputError({ file: 'issues/' }, message('new.no-issue-to-copy'), message('new.no-issue-to-copy.hint'));
  }
  if (requestedId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(requestedId)) {
    throw inputError({ file: `issues/${requestedId}` }, message('new.bad-folder-name', { requestedId }), message('new.bad-folder-name.hint'));
  }
  const next = nextIssue(previous, requestedId);
  const dir = path.join(issuesDir, next.id);
  if (fs.existsSync(dir)) {
    throw inputError({ file: displayPath(root, dir) }, message('new.issue-exists', { id: next.id }), message('new.issue-exists.hint'));
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
    say('new.summary.created', { id: r.id, from: r.from }),
    ...r.created.map((f) => `  ${f}`),
    say('new.summary.fields', { number: r.number, date: r.date, editor: r.editor ?? '—' }),
    say('new.summary.sections', { sections: r.sections }),
    say('new.summary.next', { id: r.id }),
  ];
  return `${lines.join('\n')}\n`;
}
