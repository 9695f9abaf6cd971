/**
 * Where the project is and which issue the editor means. The CLI may be run from any folder
 * inside the project (an editor often has a terminal open in issues/2024-03/), and the issue may
 * be written as tab completion leaves it: `2024-03`, `2024-03/`, `issues/2024-03`, `.`.
 */
import * as path from 'node:path';
import { dirExists, fileExists, listDir } from './workspace';

/**
 * The project root: the nearest folder at or above `start` that has an issues/ folder next to a
 * package.json or an issues/series.yaml. Falls back to `start` itself, so the messages about a
 * missing issue name the folder the editor is in.
 */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (isProjectRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

function isProjectRoot(dir: string): boolean {
  return dirExists(path.join(dir, 'issues')) && (fileExists(path.join(dir, 'package.json')) || fileExists(path.join(dir, 'issues', 'series.yaml')));
}

/**
 * The issue id (the folder name under issues/) that `argument` names, seen from `cwd`: a bare
 * name is an issue id; anything with a slash, or `.`/`..`, is a path from `cwd` to an issue
 * folder or to a file inside one. Without an argument, the issue whose folder `cwd` is in.
 * Returns the argument unchanged (trailing slashes dropped) when it names no issue folder, so
 * the loader can say which issues exist.
 */
export function resolveIssueId(root: string, cwd: string, argument: string | undefined): string | undefined {
  const issuesDir = path.join(root, 'issues');
  if (argument === undefined) return issueContaining(issuesDir, path.resolve(cwd));
  const trimmed = argument.replace(/[\\/]+$/, '');
  if (trimmed === '') return argument;
  const isBareName = !/[\\/]/.test(trimmed) && trimmed !== '.' && trimmed !== '..';
  if (isBareName && dirExists(path.join(issuesDir, trimmed))) return trimmed;
  // A path written from where the editor stands, or from the project root (`issues/2024-03`).
  for (const base of [cwd, root]) {
    const id = issueContaining(issuesDir, path.resolve(base, trimmed));
    if (id !== undefined) return id;
  }
  return isBareName ? trimmed : path.basename(trimmed);
}

function issueContaining(issuesDir: string, target: string): string | undefined {
  const rel = path.relative(issuesDir, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const id = rel.split(path.sep)[0];
  return id !== undefined && fileExists(path.join(issuesDir, id, 'issue.yaml')) ? id : undefined;
}

/** The issue folders under issues/ (those with an issue.yaml), sorted by name. */
export function listIssues(root: string): string[] {
  const issuesDir = path.join(root, 'issues');
  return listDir(issuesDir).filter((name) => fileExists(path.join(issuesDir, name, 'issue.yaml')));
}
