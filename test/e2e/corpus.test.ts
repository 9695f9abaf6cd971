/**
 * A corpus of real-world input (#8): text pasted from WeChat posts, Word files and web pages, one
 * folder per case under test/fixtures/corpus/ — `article.md` (the body as the editor pasted it,
 * with front matter) and `expect.json` (what the members must read). Each case is built once,
 * in-process, as a one-article issue of the mini series; both PDFs are read back with pdf.js in
 * one child process for the whole corpus. On the PDF, every case is checked for:
 * - the frame: every glyph inside the page and inside the text block's width (no ink in the margin);
 * - the text layer: the intended text is there as a viewer searches it, the artefacts are not;
 * - lines: where the editor asked for a line break, a printed line starts with that text;
 * - links: every expected link is a URI annotation in the e-mail copy whose rectangles cover the
 *   text given, across line breaks; the press file has no annotation at all;
 * - warnings: exactly the expected ones, each at its file:line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildIssue, type BuildResult } from '../../src/build';
import { BulletinError } from '../../src/errors';
import { pageStyleFrom } from '../../src/layout/page-style';
import { linesOf, readPdfs, type PdfPage, type PdfReport } from '../helpers/pdf';
import { shareInto } from '../helpers/project';
import { REPO_ROOT } from './helpers';
import { parse as parseYaml } from 'yaml';
import { render } from '../../src/messages';
import { World } from '../../src/world';

interface Expectation {
  /** What the case is, in one line. */
  readonly what: string;
  /** Strings a reader must find in the text layer (searchable: line ends ignored). */
  readonly text?: readonly string[];
  /** Strings that must not be in the text layer. */
  readonly absent?: readonly string[];
  /** Printed lines must start with these, in this order (a forced break, a list item). */
  readonly lineStarts?: readonly string[];
  /** A list item's wrapped or broken line starts under its text, after the label: the line starting with `line`, and its label. */
  readonly hangs?: readonly { readonly line: string; readonly label: string }[];
  /** At least this many link annotations (a link that wraps gets one per line). */
  readonly minAnnotations?: number;
  /** Links of the e-mail copy: the address and the text its rectangles cover. */
  readonly links?: readonly { readonly uri: string; readonly covers: string }[];
  /** Warnings, exactly: the line of the article and a pattern of the message. */
  readonly warnings?: readonly { readonly line: number; readonly match: string; readonly file?: string }[];
  /** The build refuses the input: a pattern of the error message and its line. */
  readonly error?: { readonly line: number; readonly match: string };
}

interface Case {
  readonly name: string;
  readonly expect: Expectation;
  readonly result?: BuildResult;
  readonly error?: BulletinError;
  email?: PdfReport | undefined;
  print?: PdfReport | undefined;
}

const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus');
const MINI = path.join(REPO_ROOT, 'test', 'fixtures', 'mini', 'issues');
const ARTICLE = 'issues/c/articles/article.md';
const names = fs.readdirSync(CORPUS).filter((name) => fs.existsSync(path.join(CORPUS, name, 'expect.json'))).sort();

let root = '';
const cases: Case[] = [];
/**
 * One World for the whole corpus, kept between builds as `watch` keeps one: the fonts, the ICC
 * profile and the series are loaded once instead of once per case (the 53 builds took 16 s, 4 s
 * with it). What the corpus is about is each case's article, and that is a new file every time
 * (a new stamp: the World reads, lints and sets it afresh). A build with a fresh World is what the
 * sample, the bad-input and the other end-to-end suites run.
 */
const world = new World(true);

function issueYaml(): string {
  return ['series: ../series.yaml', 'number: 1', 'date: 2024-05-01', 'editor: 赵六', 'sections:', '  - title: 测试', '    articles:', '      - file: articles/article.md', ''].join('\n');
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-corpus-'));
  fs.mkdirSync(path.join(root, 'issues'));
  fs.copyFileSync(path.join(MINI, 'series.yaml'), path.join(root, 'issues', 'series.yaml'));
  // Hard links, not symbolic ones: the build reads fonts and profiles only from inside the project.
  for (const dir of ['fonts', 'schemas', 'profiles']) shareInto(path.join(REPO_ROOT, dir), path.join(root, dir));
  const issueDir = path.join(root, 'issues', 'c');
  for (const name of names) {
    fs.rmSync(issueDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(issueDir, 'articles'), { recursive: true });
    fs.writeFileSync(path.join(issueDir, 'issue.yaml'), issueYaml());
    fs.copyFileSync(path.join(CORPUS, name, 'article.md'), path.join(issueDir, 'articles', 'article.md'));
    const images = path.join(CORPUS, name, 'images');
    if (fs.existsSync(images)) fs.cpSync(images, path.join(issueDir, 'images'), { recursive: true });
    const expect = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'expect.json'), 'utf8')) as Expectation;
    try {
      const result = await buildIssue(root, 'c', { world });
      // Keep the PDFs of this case: the next case's build replaces out/c/.
      for (const output of result.outputs) fs.renameSync(output.file, path.join(root, `${name}-${output.target}.pdf`));
      cases.push({ name, expect, result });
    } catch (err) {
      if (!(err instanceof BulletinError)) throw err;
      cases.push({ name, expect, error: err });
    }
  }
  const built = cases.filter((c) => c.result !== undefined);
  const reports = readPdfs(built.flatMap((c) => [path.join(root, `${c.name}-email.pdf`), path.join(root, `${c.name}-print.pdf`)]));
  built.forEach((c, k) => {
    c.email = reports[2 * k];
    c.print = reports[2 * k + 1];
  });
}, 300_000);

afterAll(() => {
  if (root.startsWith(os.tmpdir())) fs.rmSync(root, { recursive: true, force: true });
});

const series = parseYaml(fs.readFileSync(path.join(MINI, 'series.yaml'), 'utf8'));
const style = pageStyleFrom(series.page);
/** The text block's horizontal extent on any page (inner and outer margins may swap sides). */
const margin = Math.min(style.innerMargin, style.outerMargin);
const TOLERANCE = 0.5;

function outsideFrame(page: PdfPage): string[] {
  return page.glyphs
    .filter((g) => g.ch.trim() !== '')
    .filter((g) => g.x < margin - TOLERANCE || g.x + g.advance > page.width - margin + TOLERANCE || g.y < 0 || g.y > page.height)
    .map((g) => `p${page.index + 1} "${g.ch}" x ${g.x.toFixed(1)}–${(g.x + g.advance).toFixed(1)} y ${g.y.toFixed(1)}`);
}

/** What a viewer's search sees: the text layer with line ends removed. */
function searchable(report: PdfReport): string {
  return report.pages.map((page) => page.text.replace(/\n/g, '')).join('');
}

/** The characters whose glyph centres lie inside the rectangles of the links to `uri`, in reading order. */
function coveredText(report: PdfReport, uri: string): string {
  let text = '';
  for (const page of report.pages) {
    const rects = page.annotations.filter((a) => a.url === uri).map((a) => a.rect);
    for (const line of linesOf(page)) {
      for (const g of line.glyphs) {
        const cx = g.x + g.advance / 2;
        const cy = g.y + g.size * 0.35;
        if (rects.some(([x1, y1, x2, y2]) => cx >= x1 && cx <= x2 && cy >= y1 && cy <= y2)) text += g.ch;
      }
    }
  }
  return text;
}

describe('corpus of real-world input', () => {
  it('has at least 40 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(names)('%s', (name) => {
    const get = (): Case => cases.find((c) => c.name === name) as Case;

    it('builds, or is refused with the expected error', () => {
      const c = get();
      if (c.expect.error !== undefined) {
        expect(c.error?.diagnostics.map((d) => `${d.location.file}:${d.location.line ?? 0}: ${render(d)}`)).toEqual([expect.stringMatching(new RegExp(`^${ARTICLE}:${c.expect.error.line}: .*${c.expect.error.match}`))]);
      } else {
        expect(c.error?.diagnostics ?? []).toEqual([]);
        expect(c.email).toBeDefined();
      }
    });

    it('keeps every glyph inside the page and the text block', () => {
      const c = get();
      if (c.email === undefined || c.print === undefined) return;
      expect(c.email.pages.flatMap(outsideFrame)).toEqual([]);
    });

    it('has the intended text in the text layer, and not the artefacts', () => {
      const c = get();
      if (c.email === undefined) return;
      const text = searchable(c.email);
      for (const wanted of c.expect.text ?? []) expect(text).toContain(wanted);
      for (const unwanted of c.expect.absent ?? []) expect(text).not.toContain(unwanted);
      if (c.expect.lineStarts !== undefined) {
        const lines = c.email.pages.flatMap((page) => linesOf(page).map((line) => line.text));
        let from = 0;
        for (const start of c.expect.lineStarts) {
          const k = lines.findIndex((line, i) => i >= from && line.startsWith(start));
          expect([start, k >= 0]).toEqual([start, true]);
          from = k + 1;
        }
      }
    });

    it('hangs the wrapped lines of list items under their text', () => {
      const c = get();
      if (c.email === undefined) return;
      const lines = c.email.pages.flatMap((page) => linesOf(page));
      for (const { line, label } of c.expect.hangs ?? []) {
        const k = lines.findIndex((l) => l.text.startsWith(line));
        const text = lines[k]?.glyphs[[...label].length];
        const next = lines[k + 1];
        expect([line, k >= 0, text !== undefined && next !== undefined && Math.abs(next.x - text.x) <= TOLERANCE]).toEqual([line, true, true]);
      }
    });

    it('has links where they belong: in the e-mail copy, over their text; none in the press file', () => {
      const c = get();
      if (c.email === undefined || c.print === undefined) return;
      // pdf.js reports a URI as the URL parser normalises it (https://x.cn → https://x.cn/).
      const uris = c.email.pages.flatMap((page) => page.annotations.filter((a) => a.url !== undefined).map((a) => a.url as string));
      expect([...new Set(uris)].sort()).toEqual([...new Set((c.expect.links ?? []).map((l) => new URL(l.uri).href))].sort());
      for (const link of c.expect.links ?? []) expect([link.uri, coveredText(c.email, new URL(link.uri).href)]).toEqual([link.uri, link.covers]);
      // A link that wraps is one annotation per line.
      expect(uris.length).toBeGreaterThanOrEqual(c.expect.minAnnotations ?? 0);
      expect(c.print.pages.flatMap((page) => page.annotations)).toEqual([]);
    });

    it('warns exactly where the editor should look', () => {
      const c = get();
      if (c.result === undefined) return;
      const got = c.result.warnings.map((w) => `${w.location.file}:${w.location.line ?? 0}: ${render(w)}`);
      const wanted = (c.expect.warnings ?? []).map((w) => expect.stringMatching(new RegExp(`^${w.file ?? ARTICLE}:${w.line}: .*${w.match}`)));
      expect(got).toEqual(wanted);
    });
  });
});
