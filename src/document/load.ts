/**
 * Reads and checks a whole issue: issue.yaml, the series file, every article. Problems in all
 * files are collected and reported together, sorted by file and line.
 */
import * as path from 'node:path';
import { BulletinError, inputError, type Diagnostic, type SourceLocation } from '../errors';
import { isPlainObject, parseYamlFile, type ParsedYaml } from '../manifest/parse';
import { sortByPosition, validateIssue, validateSeries } from '../manifest/validate';
import { message } from '../messages';
import { dirExists, displayPath, fileExists, listDir, resolveInside } from '../workspace';
import { World } from '../world';
import { composeIssue, type ArticleInput } from './compose';
import { bodyTextProblems } from './body-checks';
import { sequenceWarnings } from './issue-sequence';
import { readIssueStamps } from './issue-stamps';
import { readArticleSource } from './front-matter';
import { markdownToBlocks } from './markdown';
import { INVISIBLE, invisibleCodePoint, removeInvisible } from './paste';
import type { SeriesManifest } from '../manifest/types';
import type { IssueDocument } from './types';

/** The issue could not be loaded; `sources` holds the files that were read, so they can still be linted. */
export class IssueLoadError extends BulletinError {
  constructor(
    diagnostics: readonly Diagnostic[],
    readonly sources: ReadonlyMap<string, string>,
  ) {
    super(diagnostics);
  }
}

/** A loaded issue, its non-fatal warnings and the text of every file read (by relative path). */
export interface LoadedIssue {
  readonly document: IssueDocument;
  readonly warnings: Diagnostic[];
  readonly sources: Map<string, string>;
  /** The validated series file, for the settings layout and rendering need (page, fonts, print). */
  readonly series: SeriesManifest;
  /** Where a key of the series file is, for messages about fonts or profiles. */
  readonly locateInSeries: (path: readonly (string | number)[]) => SourceLocation;
}

/** Loads issues/<issueId>/ under projectRoot; throws one BulletinError listing every problem. */
export async function loadIssue(projectRoot: string, issueId: string, world: World = new World()): Promise<LoadedIssue> {
  const root = path.resolve(projectRoot);
  const issuesDir = path.join(root, 'issues');
  const issueDir = path.join(issuesDir, issueId);
  if (!/^[^/\\]+$/.test(issueId) || issueId === '.' || issueId === '..' || !fileExists(path.join(issueDir, 'issue.yaml'))) {
    throw missingIssue(issueId, issuesDir);
  }
  // An issue folder that is a symbolic link to a folder elsewhere would be read from outside the project.
  resolveInside(issuesDir, issueId, { file: `issues/${issueId}` });

  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  // Runs one step; a BulletinError becomes diagnostics and the step yields undefined.
  const attempt = async <T>(step: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await step();
    } catch (err) {
      if (!(err instanceof BulletinError)) throw err;
      diagnostics.push(...err.diagnostics);
      return undefined;
    }
  };
  const read = async (file: string, from?: SourceLocation): Promise<{ text: string; display: string } | undefined> => {
    const display = displayPath(root, file);
    const text = await attempt(() => world.readText(file, from === undefined ? { display } : { display, from }));
    if (text === undefined) return undefined;
    sources.set(display, text);
    return { text, display };
  };

  const issueRead = await read(path.join(issueDir, 'issue.yaml'));
  const issueParsed = issueRead && (await attempt(() => parseYamlWithoutInvisible(issueRead.text, issueRead.display)));
  if (issueParsed === undefined) throw new BulletinError(sortByPosition(diagnostics));
  diagnostics.push(...issueParsed.warnings);
  const issue = await attempt(() => validateIssue(issueParsed));

  // Even when issue.yaml has mistakes, check the series and articles it names as far as possible.
  const seriesParsed = await loadSeries(issueParsed, root, issueDir, read, attempt, world);
  const series = seriesParsed && (await attempt(() => validateSeries(seriesParsed)));
  if (seriesParsed !== undefined) diagnostics.push(...seriesParsed.warnings);

  const articles: ArticleInput[][] = [];
  const seen = new Map<string, string>();
  const usedImages = new Set<string>();
  for (const { section, index, file, from } of articleRefs(issueParsed)) {
    const abs = await attempt(() => resolveInside(issueDir, file, from));
    if (abs === undefined) continue;
    const display = displayPath(root, abs);
    const earlier = seen.get(display);
    if (earlier !== undefined) {
      diagnostics.push({
        severity: 'warning',
        location: from,
        ...message('document.article-listed-twice', { file, earlier }),
      });
    }
    seen.set(display, `${from.file}:${from.line ?? 1}`);
    const content = await read(abs, from);
    if (content === undefined) continue;
    const source = await attempt(() => world.fromText('article-source', `${content.display}\0${content.text}`, () => readArticleSource(content.text, content.display)));
    if (source === undefined) continue;
    diagnostics.push(...source.warnings);
    const bodyProblems = bodyTextProblems(source.body, content.display);
    if (bodyProblems.length > 0) {
      diagnostics.push(...bodyProblems);
      continue;
    }
    const blocks = await attempt(() => world.fromText('markdown', `${abs}\0${source.body}`, () => markdownToBlocks(source.body, { file: content.display, absFile: abs, issueDir })));
    if (blocks === undefined) continue;
    if (blocks.length === 0) diagnostics.push(emptyArticle(content.display, source.titleSource));
    for (const block of blocks) if (block.kind === 'figure') usedImages.add(block.image);
    const list = (articles[section] ??= []);
    list[index] = { file: content.display, frontMatter: source.frontMatter, titleSource: source.titleSource, blocks };
  }
  diagnostics.push(...unlistedArticles(root, issueDir, seen, issueParsed.file));
  if (issue !== undefined) {
    const stamp = { id: issueId, number: issue.number, date: issue.date };
    // The sequence compares this issue with the others only.
    diagnostics.push(...sequenceWarnings(stamp, readIssueStamps(root, issueId), (key) => issueParsed.locate([key])));
  }
  // Only when every article was read: an article that failed to parse may be the one that uses it.
  if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...unusedImages(root, issueDir, usedImages));

  let document: IssueDocument | undefined;
  if (!diagnostics.some((d) => d.severity === 'error') && issue !== undefined && series !== undefined && seriesParsed !== undefined) {
    document = await attempt(() =>
      composeIssue({
        series,
        issue,
        articles,
        templateLocation: (key) => seriesParsed.locate(['templates', key]),
        dateLocation: issueParsed.locate(['date']),
        locateInIssue: (p) => issueParsed.locate(p),
        locateInSeries: (p) => seriesParsed.locate(p),
      }),
    );
  }
  if (document === undefined || series === undefined || seriesParsed === undefined || diagnostics.some((d) => d.severity === 'error')) {
    throw new IssueLoadError(sortByPosition(diagnostics), sources);
  }
  return { document, warnings: sortByPosition(diagnostics), sources, series, locateInSeries: (p) => seriesParsed.locate(p) };
}

async function loadSeries(
  issueParsed: ParsedYaml,
  root: string,
  issueDir: string,
  read: (file: string, from?: SourceLocation) => Promise<{ text: string; display: string } | undefined>,
  attempt: <T>(step: () => T | Promise<T>) => Promise<T | undefined>,
  world: World,
): Promise<ParsedYaml | undefined> {
  const value = issueParsed.value;
  const seriesPath = isPlainObject(value) ? value['series'] : undefined;
  if (typeof seriesPath !== 'string' || seriesPath === '') return undefined;
  const from = issueParsed.locate(['series']);
  // The series file is shared by all issues, so it lives outside the issue folder, in the project.
  const abs = await attempt(() => resolveInside(root, seriesPath, from, issueDir));
  if (abs === undefined) return undefined;
  const content = await read(abs, from);
  return content && (await attempt(() => world.fromText('yaml', `${content.display}\0${content.text}`, () => parseYamlWithoutInvisible(content.text, content.display))));
}

interface ArticleRefAt {
  readonly section: number;
  readonly index: number;
  readonly file: string;
  readonly from: SourceLocation;
}

// Reads the article list from the raw value, so a mistake elsewhere in issue.yaml does not hide
// the problems in the articles.
function articleRefs(parsed: ParsedYaml): ArticleRefAt[] {
  const value = parsed.value;
  const sections = isPlainObject(value) ? value['sections'] : undefined;
  if (!Array.isArray(sections)) return [];
  const refs: ArticleRefAt[] = [];
  sections.forEach((section: unknown, i) => {
    const list = isPlainObject(section) ? section['articles'] : undefined;
    if (!Array.isArray(list)) return;
    list.forEach((ref: unknown, j) => {
      const file = isPlainObject(ref) ? ref['file'] : undefined;
      if (typeof file === 'string' && file !== '') {
        refs.push({ section: i, index: j, file, from: parsed.locate(['sections', i, 'articles', j, 'file']) });
      }
    });
  });
  return refs;
}

// An article written but not listed in issue.yaml is probably forgotten.
function unlistedArticles(root: string, issueDir: string, listed: Map<string, string>, issueFile: string): Diagnostic[] {
  const dir = path.join(issueDir, 'articles');
  return listDir(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => displayPath(root, path.join(dir, name)))
    .filter((display) => !listed.has(display))
    .map((display) => ({
      severity: 'warning' as const,
      location: { file: display },
      ...message('document.article-not-listed', { display, issueFile }),
    }));
}

// A picture in images/ that no article shows was probably meant to be in one (or is left over).
function unusedImages(root: string, issueDir: string, used: ReadonlySet<string>): Diagnostic[] {
  const dir = path.join(issueDir, 'images');
  return listDir(dir)
    .filter((name) => /\.(jpe?g|png)$/i.test(name) && !used.has(path.join(dir, name)))
    .map((name) => {
      const display = displayPath(root, path.join(dir, name));
      return {
        severity: 'warning' as const,
        location: { file: display },
        ...message('document.image-not-used', { display }),
        hint: message('document.image-not-used.hint', { name }),
      };
    });
}

// An article with front matter and no text prints a title over nothing.
function emptyArticle(file: string, title: SourceLocation): Diagnostic {
  return {
    severity: 'warning',
    location: title,
    ...message('document.article-empty', { file }),
    hint: message('document.article-empty.hint'),
  };
}

/**
 * Parses issue.yaml or the series file without the invisible characters pasted into it (they
 * would print as nothing, or fail as a missing glyph), each one a warning at its place (R4).
 */
function parseYamlWithoutInvisible(text: string, file: string): ParsedYaml {
  const parsed = parseYamlFile(removeInvisible(text), file);
  const found: Diagnostic[] = [];
  for (const m of text.matchAll(INVISIBLE)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const line = text.slice(0, lineStart).split('\n').length;
    const column = Array.from(text.slice(lineStart, m.index)).length + 1;
    found.push({
      severity: 'warning',
      location: { file, line, column },
      ...message('document.invisible-character', { codePoint: invisibleCodePoint(m[0]) }),
      hint: message('document.invisible-character.hint'),
    });
  }
  return found.length === 0 ? parsed : { ...parsed, warnings: [...parsed.warnings, ...found] };
}

function missingIssue(issueId: string, issuesDir: string): BulletinError {
  const existing = listDir(issuesDir).filter((name) => dirExists(path.join(issuesDir, name)) && fileExists(path.join(issuesDir, name, 'issue.yaml')));
  return inputError(
    { file: `issues/${issueId}` },
    message('document.no-such-issue', { issueId }),
    message('document.no-such-issue.hint', { existing }),
  );
}
