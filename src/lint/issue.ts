/**
 * The lint stage of a build: every article the issue lists, from the text the loader already
 * read. Warnings go on; an error (U+FFFD) stops the build with everything found so far.
 */
import { BulletinError, type Diagnostic } from '../errors';
import type { LoadedIssue } from '../document/load';
import type { IssueDocument } from '../document/types';
import { sortByPosition } from '../manifest/validate';
import { lintArticle } from './lint';

/** The article files of the issue, in reading order, each once. */
export function articleFiles(document: IssueDocument): string[] {
  return [...new Set(document.sections.flatMap((section) => section.articles.map((article) => article.file)))];
}

/**
 * Lints the named article files from their text (those not read are skipped): the diagnostics,
 * and how many of them `check --fix` would correct. The build uses this even when the issue's
 * structure is broken, so typography warnings come in the same run as the errors (#8).
 * `lint` is lintArticle, or one that remembers unchanged articles (`watch`'s World).
 */
export function lintFiles(sources: ReadonlyMap<string, string>, files: readonly string[], lint: typeof lintArticle = lintArticle): { diagnostics: Diagnostic[]; fixable: number } {
  const diagnostics: Diagnostic[] = [];
  let fixable = 0;
  for (const file of files) {
    const source = sources.get(file);
    if (source === undefined) continue;
    const linted = lint(file, source);
    diagnostics.push(...linted.diagnostics);
    fixable += linted.edits.length;
  }
  return { diagnostics, fixable };
}

/** Lints the loaded issue's articles; returns the warnings, throws a BulletinError on an error. */
export function lintIssue(loaded: LoadedIssue, lint: typeof lintArticle = lintArticle): Diagnostic[] {
  const found = lintFiles(loaded.sources, articleFiles(loaded.document), lint).diagnostics;
  if (found.some((d) => d.severity === 'error')) throw new BulletinError(sortByPosition([...loaded.warnings, ...found]));
  return found;
}
