/**
 * Number and date of every issue under issues/, read from their issue.yaml files, for the issue
 * sequence (issue-sequence.ts). An issue whose file does not parse is left out: its own check
 * reports it, and one broken old issue must not stop work on the next.
 */
import * as path from 'node:path';
import { BulletinError } from '../errors';
import { isPlainObject, parseYamlFile } from '../manifest/parse';
import { listIssues } from '../project';
import { readTextSync } from '../workspace';
import type { IssueStamp } from './issue-sequence';

/** The stamp of issues/<id>/issue.yaml, or undefined when it has no usable number and date. */
export function readIssueStamp(root: string, id: string): IssueStamp | undefined {
  try {
    const file = path.join(root, 'issues', id, 'issue.yaml');
    const { value } = parseYamlFile(readTextSync(file), `issues/${id}/issue.yaml`);
    if (!isPlainObject(value)) return undefined;
    const { number, date } = value;
    return typeof number === 'number' && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { id, number, date } : undefined;
  } catch (err) {
    if (err instanceof BulletinError) return undefined;
    throw err;
  }
}

/**
 * Every issue's stamp, in folder order; without the issue `except`, whose file the caller has
 * read and parsed already (a build compares its issue with the others: reading its issue.yaml a
 * second time was a sixth of bench-600's YAML parsing).
 */
export function readIssueStamps(root: string, except?: string): IssueStamp[] {
  return listIssues(root).flatMap((id) => (id === except ? [] : (readIssueStamp(root, id) ?? [])));
}
