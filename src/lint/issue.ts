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
 * Lints the loaded issue's articles; returns the warnings, throws a BulletinError on an error.
 * `lint` is lintArticle, or one that remembers unchanged articles (`watch`'s World).
 */
export function lintIssue(loaded: LoadedIssue, lint: typeof lintArticle = lintArticle): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of articleFiles(loaded.document)) {
    const source = loaded.sources.get(file);
    if (source !== undefined) found.push(...lint(file, source).diagnostics);
  }
  if (found.some((d) => d.severity === 'error')) throw new BulletinError(sortByPosition([...loaded.warnings, ...found]));
  return found;
}
