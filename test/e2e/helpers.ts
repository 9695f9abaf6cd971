/**
 * Shared pieces of the end-to-end tests: build issue 2024-02 into a throw-away project, read the
 * articles back from their Markdown (the source of truth for the text), and classify the glyphs
 * pdf.js reads back from the PDF (the character classes of TYPOGRAPHY.md §0.1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildIssue, type BuildResult } from '../../src/build';
import { shareInto } from '../helpers/project';
import { linesOf, type PdfGlyph, type PdfLine, type PdfPage, type PdfReport } from '../helpers/pdf';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const ISSUE_ID = '2024-02';

export interface BuiltIssue {
  /** The temporary project root (issues/ copied, fonts/ schemas/ profiles/ package.json linked). */
  readonly root: string;
  readonly result: BuildResult;
  /** The e-mail copy: the output whose file name does not end in -print.pdf. */
  readonly pdfFile: string;
}

/**
 * Makes a temporary project that shares the repository's fonts, schemas and profiles; its issues/
 * is a copy of `issuesDir` (default: the repository's issues/). It is made in `parent`
 * (default: the system's temporary folder).
 */
export function makeTempProject(issuesDir: string = path.join(REPO_ROOT, 'issues'), parent: string = os.tmpdir()): string {
  const root = fs.mkdtempSync(path.join(parent, 'bulletin-e2e-'));
  fs.cpSync(issuesDir, path.join(root, 'issues'), { recursive: true });
  for (const entry of ['fonts', 'schemas', 'profiles', 'package.json']) {
    shareInto(path.join(REPO_ROOT, entry), path.join(root, entry));
  }
  return root;
}

/** Builds issue 2024-02 into a fresh temporary project. */
export async function buildSample(): Promise<BuiltIssue> {
  const root = makeTempProject();
  const result = await buildIssue(root, ISSUE_ID);
  const email = result.outputs.filter((o) => !o.file.endsWith('-print.pdf'));
  if (email.length !== 1) throw new Error(`expected one e-mail output, got: ${result.outputs.map((o) => o.file).join(', ')}`);
  return { root, result, pdfFile: (email[0] as { file: string }).file };
}

export function removeTempProject(root: string | undefined): void {
  if (root && root.startsWith(os.tmpdir())) fs.rmSync(root, { recursive: true, force: true });
}

// ── Source text ───────────────────────────────────────────────────────────────

export type BlockKind = 'paragraph' | 'heading' | 'caption';

export interface SourceBlock {
  readonly kind: BlockKind;
  /** Text with Markdown markup stripped (`**`, `*`, `#`, image syntax → caption), spaces kept. */
  readonly text: string;
  /** For headings, the number of '#'. */
  readonly level?: number;
}

export interface SourceArticle {
  readonly file: string;
  readonly section: string;
  /** 0-based index of the section. */
  readonly sectionIndex: number;
  /** 1-based index of the article inside its section (the TOC number). */
  readonly numberInSection: number;
  readonly title: string;
  readonly subtitle?: string;
  readonly tocTitle?: string;
  readonly runningHead?: string;
  readonly blocks: readonly SourceBlock[];
}

export interface SourceIssue {
  readonly sections: readonly { readonly title: string; readonly articles: readonly SourceArticle[] }[];
  readonly articles: readonly SourceArticle[];
  readonly series: {
    readonly fullTitle: string;
    readonly editorialBoard: {
      readonly chiefEditors: readonly string[];
      readonly deputyEditors: readonly string[];
      readonly members: readonly string[];
    };
    readonly page: { readonly charsPerLine: number };
  };
}

/** Strips inline Markdown: images become their caption, emphasis markers go. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\*/g, '');
}

function parseArticle(file: string): Omit<SourceArticle, 'section' | 'sectionIndex' | 'numberInSection' | 'file'> {
  const raw = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!match) throw new Error(`${file}: no front matter`);
  const front = parseYaml(match[1] as string) as { title: string; subtitle?: string; tocTitle?: string; runningHead?: string };
  const blocks: SourceBlock[] = [];
  for (const chunk of (match[2] as string).split(/\n\s*\n/)) {
    const text = chunk.replace(/\n/g, '').trim();
    if (text === '') continue;
    const heading = /^(#+)\s+(.*)$/.exec(text);
    if (heading) {
      blocks.push({ kind: 'heading', level: (heading[1] as string).length, text: stripInline(heading[2] as string) });
    } else if (/^!\[[^\]]*\]\([^)]*\)$/.test(text)) {
      blocks.push({ kind: 'caption', text: stripInline(text) });
    } else {
      blocks.push({ kind: 'paragraph', text: stripInline(text) });
    }
  }
  return {
    title: front.title,
    ...(front.subtitle !== undefined ? { subtitle: front.subtitle } : {}),
    ...(front.tocTitle !== undefined ? { tocTitle: front.tocTitle } : {}),
    ...(front.runningHead !== undefined ? { runningHead: front.runningHead } : {}),
    blocks,
  };
}

/** Reads issues/2024-02 (issue.yaml, series.yaml, articles) from the repository, or `issueId` under `issuesDir`. */
export function loadSourceIssue(issuesDir: string = path.join(REPO_ROOT, 'issues'), issueId: string = ISSUE_ID): SourceIssue {
  const issueDir = path.join(issuesDir, issueId);
  const issue = parseYaml(fs.readFileSync(path.join(issueDir, 'issue.yaml'), 'utf8')) as {
    series: string;
    sections: { title: string; articles: { file: string }[] }[];
  };
  const series = parseYaml(fs.readFileSync(path.resolve(issueDir, issue.series), 'utf8')) as SourceIssue['series'];
  const sections = issue.sections.map((section, sectionIndex) => ({
    title: section.title,
    articles: section.articles.map((entry, i): SourceArticle => ({
      file: entry.file,
      section: section.title,
      sectionIndex,
      numberInSection: i + 1,
      ...parseArticle(path.join(issueDir, entry.file)),
    })),
  }));
  return { sections, articles: sections.flatMap((s) => s.articles), series };
}

/** Removes every kind of white space. */
export function noSpace(text: string): string {
  return text.replace(/[\s\u3000]/g, '');
}

// ── Character classes (TYPOGRAPHY.md §0.1) ────────────────────────────────────

export const OPEN = new Set([...'“‘（《〈【〖〔［｛「『']);
export const CLOSE = new Set([...'”’）》〉】〗〕］｝」』']);
export const STOP = new Set([...'、，。．：；？！']);
/** R6 as the brief lists it: may not start a line. */
export const NOT_AT_LINE_START = new Set([...'，。、：；？！）》”’〉】〕…·']);
/** R7: may not end a line. */
export const NOT_AT_LINE_END = new Set([...'（《“‘〈【〔']);

export function isHan(ch: string): boolean {
  return /^[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3007]$/u.test(ch) || /^[\u{20000}-\u{3134f}]$/u.test(ch);
}

export function isLatinAlnum(ch: string): boolean {
  return /^[A-Za-z0-9]$/.test(ch);
}

/** Source spaces at a Han–Latin boundary are replaced by the engine's CJK–Latin gap (R15): drop them. */
export function dropHanLatinSpaces(text: string): string {
  const han = '[\\u4e00-\\u9fff\\u3400-\\u4dbf\\u3007]';
  const latin = '[A-Za-z0-9]';
  return text
    .replace(new RegExp(`(${han})[ \\u00a0]+(?=${latin})`, 'gu'), '$1')
    .replace(new RegExp(`(${latin})[ \\u00a0]+(?=${han})`, 'gu'), '$1');
}

// ── Reading pages ────────────────────────────────────────────────────────────

export const near = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol;

/** The running-head line: the top line of a page when it is set smaller than body text. */
export function headerLine(page: PdfPage, bodySize: number): PdfLine | undefined {
  const top = linesOf(page)[0];
  return top && top.glyphs.every((g) => g.size < bodySize - 1) ? top : undefined;
}

const FOLIO = /^—(\d+)—$/;

/** The footer folio line ("— N —"): the bottom line of the page when it reads like a folio. */
export function footerLine(page: PdfPage): { line: PdfLine; folio: number } | undefined {
  const lines = linesOf(page);
  const bottom = lines[lines.length - 1];
  if (!bottom) return undefined;
  const m = FOLIO.exec(noSpace(bottom.text));
  return m ? { line: bottom, folio: Number(m[1]) } : undefined;
}

/** A copy of the page without its running head and folio lines (and their text items). */
export function bodyRegion(page: PdfPage, bodySize: number): PdfPage {
  const header = headerLine(page, bodySize);
  const footer = footerLine(page);
  const skip = (y: number): boolean => (header !== undefined && near(y, header.y, 0.5)) || (footer !== undefined && near(y, footer.line.y, 0.5));
  return {
    ...page,
    glyphs: page.glyphs.filter((g) => !skip(g.y)),
    items: page.items.filter((item) => !skip(item.y)),
  };
}

/** The viewer text (pdf.js items + EOLs, as page.text is built) of the page's body region. */
export function viewerText(page: PdfPage, bodySize: number): string {
  return bodyRegion(page, bodySize)
    .items.map((item) => item.str + (item.hasEOL ? '\n' : ''))
    .join('');
}

/** Lines made only of body-size glyphs (headers, folios, titles, captions dropped). */
export function bodyLines(page: PdfPage, bodySize: number): PdfLine[] {
  return linesOf({ ...page, glyphs: page.glyphs.filter((g) => near(g.size, bodySize, 0.01)) });
}

/** A body line in reading order across the issue, with what the tests need to know about it. */
export interface BodyLine {
  readonly page: number;
  readonly line: PdfLine;
  /** Column left edge of the page (mirrored margins: odd and even pages differ). */
  readonly columnLeft: number;
  readonly columnRight: number;
  /** Ink left edge: first glyph x, plus half an em when the line starts with an OPEN bracket (R12). */
  readonly inkLeft: number;
  /** First line of a paragraph (2-em indent). */
  readonly isStart: boolean;
  /** Last line of a paragraph (the next body line is a paragraph start, or there is none). */
  isFinal: boolean;
  /** Set in a heading face (## / ###), not the body serif. */
  readonly isHeading: boolean;
  /** Index of the article (0-based, issue order) the line belongs to. */
  article: number;
}

export function inkLeftOf(line: PdfLine): number {
  const first = line.glyphs[0] as PdfGlyph;
  return first.x + (OPEN.has(first.ch) ? first.size / 2 : 0);
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v * 100) / 100;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best = Number.NaN;
  let bestCount = -1;
  for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
  return best;
}

/**
 * Every body-size line of the body pages (index ≥ firstBodyPage), in reading order, with its
 * page's column edges. The column left edge of a page is the most common ink-left of its
 * non-indented lines; pages of the same parity share it (a page without body text borrows it).
 */
export function collectBodyLines(report: PdfReport, firstBodyPage: number, bodySize: number, measure: number, titleMinSize: number): BodyLine[] {
  const perParity = new Map<number, number[]>();
  const pageLines: { page: number; lines: PdfLine[]; hasTitle: boolean }[] = [];
  for (const page of report.pages.slice(firstBodyPage)) {
    const region = bodyRegion(page, bodySize);
    const lines = bodyLines(region, bodySize);
    pageLines.push({ page: page.index, lines, hasTitle: region.glyphs.some((g) => g.size >= titleMinSize) });
    const lefts = perParity.get(page.index % 2) ?? [];
    for (const line of lines) lefts.push(inkLeftOf(line));
    perParity.set(page.index % 2, lefts);
  }
  const leftByParity = new Map([...perParity].map(([parity, lefts]) => [parity, mode(lefts)]));
  const out: BodyLine[] = [];
  let article = -1;
  for (const { page, lines, hasTitle } of pageLines) {
    if (hasTitle) article += 1;
    const columnLeft = leftByParity.get(page % 2) as number;
    for (const line of lines) {
      const inkLeft = inkLeftOf(line);
      out.push({
        page,
        line,
        columnLeft,
        columnRight: columnLeft + measure,
        inkLeft,
        isStart: near(inkLeft, columnLeft + 2 * bodySize, 0.05),
        isFinal: false,
        isHeading: line.glyphs.every((g) => /Sans|Kai/i.test(g.fontName)),
        article: Math.max(article, 0),
      });
    }
  }
  for (let i = 0; i < out.length; i++) {
    const cur = out[i] as BodyLine;
    const next = out[i + 1];
    cur.isFinal = next === undefined || next.isStart || next.article !== cur.article;
  }
  return out;
}

export function describe1(line: BodyLine): string {
  return `page index ${line.page} y=${line.line.y.toFixed(2)} "${line.line.text}"`;
}

/**
 * The extra space the justifier put into every inter-character gap of a line (R14 stretch (3)):
 * the median of (advance − 1 em) over Han glyphs followed by a Han on the same line.
 */
export function lineStretch(l: BodyLine): number {
  const g = l.line.glyphs;
  const extras: number[] = [];
  for (let i = 0; i + 1 < g.length; i++) {
    const a = g[i] as PdfGlyph;
    if (isHan(a.ch) && isHan((g[i + 1] as PdfGlyph).ch)) extras.push(a.advance - a.size);
  }
  extras.sort((x, y) => x - y);
  return extras.length === 0 ? 0 : (extras[Math.floor(extras.length / 2)] as number);
}

/** Lines where a Chinese stop or opening mark is followed by Latin with a gap (R15 forbids one). */
export function gapsAfterCjkPunctuation(lines: readonly BodyLine[], tolerance: number): string[] {
  const bad: string[] = [];
  for (const l of lines) {
    const g = l.line.glyphs;
    for (let i = 0; i + 1 < g.length; i++) {
      const a = g[i] as PdfGlyph;
      const b = g[i + 1] as PdfGlyph;
      // The mark's box (1 em or 0.5 em) must end where the Latin starts.
      if ((STOP.has(a.ch) || OPEN.has(a.ch)) && isLatinAlnum(b.ch)) {
        const natural = OPEN.has(a.ch) ? a.size : a.advance;
        if (!near(b.x, a.x + natural, tolerance + lineStretch(l))) bad.push(`${describe1(l)}: ${a.ch}→${b.ch} gap ${(b.x - a.x - a.size).toFixed(3)} pt`);
      }
    }
  }
  return bad;
}
