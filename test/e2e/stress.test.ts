/**
 * The stress issue (test/fixtures/stress/issues/2099-01): text an editor could paste in, built to
 * hit the corners of TYPOGRAPHY.md — mixed Chinese/Latin, numbers with units and percentages,
 * e-mail addresses and URLs (one wider than the measure), —— and …… placed exactly at line edges,
 * “—— and ：“——, ？！ and ？？？ at a line start, 罗兰·巴特 with · at a line start, 《…〈…〉》, long
 * chains （甲）、（乙）、…, （WHO）, one- and two-character paragraphs, a punctuation-only paragraph,
 * headings ##/###/####/##### with 一、（一）1.（1） that wrap, bold and 着重号 runs, a title longer
 * than two lines and a title with " | " and "——".
 *
 * The e-mail PDF is read back with pdf.js and checked on every body page against I1–I4, I6, I8,
 * R15 (CJK–Latin gaps), R21 (hanging heading lines) and R28 (copy fidelity); the build and
 * `bulletin check` must report nothing for this valid input.
 */
import { render } from '../../src/messages';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { buildIssue, type BuildResult } from '../../src/build';
import { readPdf, type PdfGlyph, type PdfReport } from '../helpers/pdf';
import { runInProcess } from '../support/in-process-cli';
import {
  type BodyLine,
  CLOSE,
  NOT_AT_LINE_END,
  NOT_AT_LINE_START,
  OPEN,
  REPO_ROOT,
  STOP,
  type SourceBlock,
  type SourceIssue,
  collectBodyLines,
  describe1,
  dropHanLatinSpaces,
  isHan,
  isLatinAlnum,
  loadSourceIssue,
  makeTempProject,
  near,
  noSpace,
  removeTempProject,
  viewerText, gapsAfterCjkPunctuation, lineStretch } from './helpers';

const FIXTURE_ISSUES = path.join(REPO_ROOT, 'test', 'fixtures', 'stress', 'issues');
const ISSUE = '2099-01';
const BODY = 12;
const EM = BODY;
const TITLE_MIN = 18;
/** Cover (0) and table of contents (1) come first. */
const FIRST_BODY_PAGE = 2;
const EDGE_TOL = 0.05;
// A glyph's advance in the PDF is whole font units (1/1000 em): the embedded program's hmtx can
// state nothing finer and /W must equal it (PDF/A-2 6.2.11.5). Positions are rounded from the run's
// start, so one advance may be off the layout's by up to one unit (0.012 pt at 12 pt), no more.
const ADV_TOL = EM / 1000 + 0.001;

/** R6 in full: CLOSE, STOP, · ～ – ／, POST marks and ……; a single — connector is checked apart. */
const R6_START = new Set([...NOT_AT_LINE_START, ...CLOSE, ...STOP, ...'·～–／%‰℃°′″']);
/** R7 in full: every OPEN and the PRE marks. */
const R7_END = new Set([...NOT_AT_LINE_END, ...OPEN, ...'￥$£€№#']);
/** Characters of a Latin run (word, number, percentage, e-mail address, URL). */
const LATIN_RUN = /^[A-Za-z0-9.,:;%×@/?=&+\-_~#]$/;
/** Where R5 lets an e-mail address or a URL break. */
const ADDRESS_BREAK = /^[/.@-]$/;

interface Paragraph {
  readonly article: number;
  readonly lines: BodyLine[];
  /** The source block the lines spell (paragraphs and headings, in order), when they match one. */
  block?: SourceBlock | undefined;
}

let root: string | undefined;
let result: BuildResult;
let report: PdfReport;
let source: SourceIssue;
let lines: BodyLine[];
let paragraphs: Paragraph[];
let measure: number;
let check: { status: number | null; stdout: string; stderr: string };
let checkJson: { status: number | null; stdout: string; stderr: string };

const glyphsOf = (l: BodyLine): readonly PdfGlyph[] => l.line.glyphs;
const first = (l: BodyLine): PdfGlyph => glyphsOf(l)[0] as PdfGlyph;
const last = (l: BodyLine): PdfGlyph => glyphsOf(l)[glyphsOf(l).length - 1] as PdfGlyph;
const textOf = (p: Paragraph): string => noSpace(p.lines.map((l) => l.line.text).join(''));
const hanCount = (text: string): number => [...text].filter(isHan).length;

/** Groups body lines into paragraphs (a start line opens one) and pairs them with the source blocks. */
function groupParagraphs(all: readonly BodyLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const l of all) {
    const cur = out[out.length - 1];
    if (!cur || l.isStart || cur.article !== l.article) out.push({ article: l.article, lines: [l] });
    else cur.lines.push(l);
  }
  for (let a = 0; a < source.articles.length; a++) {
    const blocks = (source.articles[a]?.blocks ?? []).filter((b) => b.kind !== 'caption');
    let k = 0;
    for (const p of out.filter((x) => x.article === a)) {
      const text = textOf(p);
      const at = blocks.findIndex((b, i) => i >= k && noSpace(dropHanLatinSpaces(b.text)) === text);
      if (at >= 0) {
        p.block = blocks[at];
        k = at + 1;
      }
    }
  }
  return out;
}


/** The numbering label of a heading's text (R21): 一、 （一） 1. （1）. */
const HEADING_LABEL = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/u;

/** Continuation lines of a multi-line heading (they hang, R21, instead of starting at the column edge). */
function isHeadingContinuation(l: BodyLine): boolean {
  const p = paragraphs.find((x) => x.lines.includes(l));
  return p !== undefined && p.block?.kind === 'heading' && p.lines[0] !== l;
}

beforeAll(async () => {
  source = loadSourceIssue(FIXTURE_ISSUES, ISSUE);
  root = makeTempProject(FIXTURE_ISSUES);
  result = await buildIssue(root, ISSUE);
  const email = result.outputs.filter((o) => !o.file.endsWith('-print.pdf'));
  if (email.length !== 1) throw new Error(`expected one e-mail output, got: ${result.outputs.map((o) => o.file).join(', ')}`);
  report = readPdf((email[0] as { file: string }).file);
  measure = source.series.page.charsPerLine * BODY;
  lines = collectBodyLines(report, FIRST_BODY_PAGE, BODY, measure, TITLE_MIN);
  paragraphs = groupParagraphs(lines);
  // The CLI's own code, in-process (test/support/in-process-cli.ts; jest's LANG is C).
  const run = async (args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> => {
    const r = await runInProcess(root as string, args);
    return { status: r.code, stdout: r.stdout, stderr: r.stderr };
  };
  check = await run(['check', ISSUE]);
  checkJson = await run(['check', ISSUE, '--json']);
}, 60_000);

afterAll(() => removeTempProject(root));

describe('a valid issue builds quietly', () => {
  test('buildIssue reports no warnings', () => {
    expect(result.warnings.map((w) => `${render(w)}`)).toEqual([]);
  });

  test('`bulletin check 2099-01` exits 0 and reports no diagnostics', () => {
    expect({ status: check.status, stderr: check.stderr.split('\n').filter((s) => /warning|error|problem/i.test(s)) }).toEqual({ status: 0, stderr: [] });
    expect(checkJson.status).toBe(0);
    const json = JSON.parse(checkJson.stdout) as { ok: boolean; diagnostics: unknown[] };
    expect(json.ok).toBe(true);
    expect(json.diagnostics).toEqual([]);
  });
});

describe('the stress text is all there (sanity)', () => {
  test('enough body lines, and every paragraph and heading of the sources is found as a group of lines', () => {
    expect(lines.length).toBeGreaterThan(80);
    const blocks = source.articles.flatMap((a) => a.blocks.filter((b) => b.kind !== 'caption'));
    const matched = new Set(paragraphs.map((p) => p.block).filter((b) => b !== undefined));
    const unmatched = blocks.filter((b) => !matched.has(b)).map((b) => b.text.slice(0, 30));
    expect(unmatched).toEqual([]);
  });

  test('the fixture really puts the hard cases at line edges', () => {
    const starts = lines.map((l) => l.line.text);
    // —— starting a line, and a line broken inside a URL.
    expect(starts.some((t) => t.startsWith('——'))).toBe(true);
    expect(lines.some((l) => /[/.@-]$/.test(last(l).ch) && isLatinAlnum(first(lines[lines.indexOf(l) + 1] as BodyLine).ch) && !l.isFinal)).toBe(true);
    // Multi-line headings with a numbering label.
    expect(paragraphs.filter((p) => p.block?.kind === 'heading' && HEADING_LABEL.test(p.block.text) && p.lines.length > 1).length).toBeGreaterThanOrEqual(3);
  });
});

describe('line-edge prohibitions (R6, R7, I1, I2)', () => {
  test('no line starts with a character of R6 (CLOSE, STOP, ·, POST, ……, a single — connector)', () => {
    const bad = lines
      .filter((l) => R6_START.has(first(l).ch) || (first(l).ch === '—' && glyphsOf(l)[1]?.ch !== '—'))
      .map(describe1);
    expect(bad).toEqual([]);
  });

  test('no line ends with an OPEN or PRE mark (R7)', () => {
    expect(lines.filter((l) => !l.isFinal && R7_END.has(last(l).ch)).map(describe1)).toEqual([]);
  });
});

describe('unbreakable sequences (R5, R8, I3)', () => {
  test('no —— or …… split across lines', () => {
    const bad: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const a = lines[i] as BodyLine;
      const b = lines[i + 1] as BodyLine;
      if (a.isFinal) continue;
      for (const mark of ['—', '…']) {
        let n = 0;
        for (let k = glyphsOf(a).length - 1; k >= 0 && glyphsOf(a)[k]?.ch === mark; k--) n++;
        if (n % 2 === 1 && first(b).ch === mark) bad.push(`${mark}${mark} split: ${describe1(a)} / ${describe1(b)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('no Latin run (word, number, percentage, 7×24, 1,000) split; addresses only at / . @ -', () => {
    const bad: string[] = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const a = lines[i] as BodyLine;
      const b = lines[i + 1] as BodyLine;
      if (a.isFinal || !LATIN_RUN.test(last(a).ch) || !LATIN_RUN.test(first(b).ch)) continue;
      let head = '';
      for (let k = glyphsOf(a).length - 1; k >= 0 && LATIN_RUN.test(glyphsOf(a)[k]?.ch ?? ''); k--) head = (glyphsOf(a)[k] as PdfGlyph).ch + head;
      let tail = '';
      for (let k = 0; k < glyphsOf(b).length && LATIN_RUN.test(glyphsOf(b)[k]?.ch ?? ''); k++) tail += (glyphsOf(b)[k] as PdfGlyph).ch;
      const run = head + tail;
      const address = run.includes('@') || run.includes('://');
      if (!address || !(ADDRESS_BREAK.test(last(a).ch) || ADDRESS_BREAK.test(first(b).ch))) {
        bad.push(`"${head}|${tail}" split: ${describe1(a)} / ${describe1(b)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('the glyphs of each paragraph, line after line, are exactly its source text (no hyphen or character added at a break)', () => {
    const bad = paragraphs
      .filter((p) => p.block === undefined)
      .map((p) => `${describe1(p.lines[0] as BodyLine)}: "${textOf(p).slice(0, 40)}…" matches no source block`);
    expect(bad).toEqual([]);
  });
});

describe('justification and edges (R9, R11, R12, R14, I4, I8)', () => {
  test('every non-final body line is flush on both sides within 0.05 pt', () => {
    const bad: string[] = [];
    for (const l of lines.filter((x) => !x.isFinal)) {
      const wantLeft = l.columnLeft + (l.isStart ? 2 * EM : 0);
      // Heading continuation lines hang under the heading text: checked under R21 below.
      if (!isHeadingContinuation(l) && !near(l.inkLeft, wantLeft, EDGE_TOL)) bad.push(`${describe1(l)}: left ${(l.inkLeft - wantLeft).toFixed(3)} pt off`);
      if (!near(l.line.right, l.columnRight, EDGE_TOL)) bad.push(`${describe1(l)}: right edge ${(l.line.right - l.columnRight).toFixed(3)} pt off`);
    }
    expect(bad).toEqual([]);
  });

  test('final lines start at the column edge or the indent, and no line passes the right edge (I8)', () => {
    const bad: string[] = [];
    for (const l of lines) {
      const wantLeft = l.columnLeft + (l.isStart ? 2 * EM : 0);
      if (l.isFinal && !isHeadingContinuation(l) && !near(l.inkLeft, wantLeft, EDGE_TOL)) bad.push(`${describe1(l)}: left ${(l.inkLeft - wantLeft).toFixed(3)} pt off`);
      if (l.line.right > l.columnRight + EDGE_TOL) bad.push(`${describe1(l)}: ${(l.line.right - l.columnRight).toFixed(3)} pt beyond the measure`);
      for (const g of glyphsOf(l)) if (g.x < l.columnLeft - EM / 2 - EDGE_TOL) bad.push(`${describe1(l)}: ${g.ch} starts ${(l.columnLeft - g.x).toFixed(3)} pt left of the column`);
    }
    expect(bad).toEqual([]);
  });

  test('line-end stops and closing marks are half width with their box at the right edge (R11)', () => {
    const bad: string[] = [];
    for (const l of lines.filter((x) => !x.isFinal)) {
      const g = last(l);
      if (!STOP.has(g.ch) && !CLOSE.has(g.ch)) continue;
      if (!near(g.advance, EM / 2, ADV_TOL)) bad.push(`${describe1(l)}: line-end ${g.ch} advance ${g.advance.toFixed(3)} pt`);
    }
    expect(bad).toEqual([]);
  });

  test('an opening mark at a line start has its box half an em left of the text edge (R12)', () => {
    const bad: string[] = [];
    for (const l of lines.filter((x) => OPEN.has(first(x).ch) && !isHeadingContinuation(x))) {
      const want = l.columnLeft + (l.isStart ? 2 * EM : 0) - EM / 2;
      if (!near(first(l).x, want, EDGE_TOL)) bad.push(`${describe1(l)}: ${first(l).ch} at ${(first(l).x - l.columnLeft).toFixed(3)} pt from the column edge`);
    }
    expect(bad).toEqual([]);
  });
});

describe('headings (R21)', () => {
  test('wrapped heading lines hang under the heading text, after the 一、/（一）/1./（1） label', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const p of paragraphs.filter((x) => x.block?.kind === 'heading' && x.lines.length > 1)) {
      const label = HEADING_LABEL.exec((p.block as SourceBlock).text)?.[0];
      if (label === undefined) continue; // unnumbered headings wrap to the column edge (checked above as ordinary lines)
      const line1 = p.lines[0] as BodyLine;
      const n = [...label].length;
      const textStart = glyphsOf(line1)[n] as PdfGlyph;
      // The label's own gaps may carry line 1's justification stretch (R14): allow that much.
      const slack = n * lineStretch(line1);
      for (const cont of p.lines.slice(1)) {
        seen++;
        const x = first(cont).x;
        if (x < textStart.x - slack - EDGE_TOL || x > textStart.x + EDGE_TOL) {
          bad.push(`${describe1(cont)}: continuation at ${(x - cont.columnLeft).toFixed(3)} pt from the column edge, heading text "${textStart.ch}" after "${label}" at ${(textStart.x - line1.columnLeft).toFixed(3)} pt (off by ${(x - textStart.x).toFixed(3)} pt)`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThanOrEqual(3);
  });
});

describe('last lines (R18, I6)', () => {
  test('no paragraph with two or more Han characters ends with a line holding a single Han', () => {
    const bad: string[] = [];
    for (const p of paragraphs) {
      if (hanCount(textOf(p)) < 2) continue; // "好" and the punctuation-only paragraph cannot have two
      const end = p.lines[p.lines.length - 1] as BodyLine;
      const han = glyphsOf(end).filter((g) => isHan(g.ch)).length;
      const latin = glyphsOf(end).filter((g) => isLatinAlnum(g.ch)).length;
      if (han === 1 || (han === 0 && latin < 2)) bad.push(describe1(end));
    }
    expect(bad).toEqual([]);
  });
});

describe('CJK–Latin spacing (R15)', () => {
  test('Han→Latin gaps are 1.5–6 pt (0.125–0.5 em)', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const l of lines) {
      const g = glyphsOf(l);
      for (let i = 0; i + 1 < g.length; i++) {
        const a = g[i] as PdfGlyph;
        const b = g[i + 1] as PdfGlyph;
        if (!isHan(a.ch) || !isLatinAlnum(b.ch)) continue;
        seen++;
        const gap = b.x - (a.x + a.size);
        if (gap < EM * 0.125 - ADV_TOL || gap > EM * 0.5 + ADV_TOL) bad.push(`${describe1(l)}: ${a.ch}→${b.ch} gap ${gap.toFixed(3)} pt`);
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(20);
  });

  test('Latin→Han gaps are 1.5–6 pt (0.125–0.5 em)', () => {
    // The gap is what the last Latin glyph carries beyond its own advance in the font (kerning inside
    // the run only changes the advance of the first glyph of a pair, never the last one's).
    const fonts = new Map<string, fontkit.Font>();
    const naturalAdvance = (g: PdfGlyph): number | undefined => {
      const face = /NotoSerifSC-(Regular|Bold)/.exec(g.fontName)?.[0];
      if (face === undefined) return undefined;
      if (!fonts.has(face)) fonts.set(face, fontkit.openSync(path.join(REPO_ROOT, 'fonts', `${face}.ttf`)) as fontkit.Font);
      const font = fonts.get(face) as fontkit.Font;
      return (font.glyphForCodePoint(g.ch.codePointAt(0) ?? 0).advanceWidth / font.unitsPerEm) * g.size;
    };
    const bad: string[] = [];
    let seen = 0;
    for (const l of lines) {
      const g = glyphsOf(l);
      for (let i = 0; i + 1 < g.length; i++) {
        const a = g[i] as PdfGlyph;
        const b = g[i + 1] as PdfGlyph;
        const base = naturalAdvance(a);
        if (!isLatinAlnum(a.ch) || !isHan(b.ch) || base === undefined) continue;
        seen++;
        const gap = b.x - (a.x + base);
        if (gap < EM * 0.125 - ADV_TOL || gap > EM * 0.5 + ADV_TOL) bad.push(`${describe1(l)}: ${a.ch}→${b.ch} gap ${gap.toFixed(3)} pt`);
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(20);
  });

  test('no gap between CJK punctuation and Latin: ，2023 / （WHO） (R15)', () => {
    expect(gapsAfterCjkPunctuation(lines, ADV_TOL)).toEqual([]);
  });
});

describe('copy and search fidelity (R15, R28)', () => {
  test('the viewer text of the body pages contains every paragraph and heading with no invented spaces', () => {
    const text = report.pages
      .slice(FIRST_BODY_PAGE)
      .map((p) => viewerText(p, BODY))
      .join('')
      .replace(/\n/g, '');
    const missing: string[] = [];
    for (const article of source.articles) {
      for (const block of article.blocks) {
        const want = dropHanLatinSpaces(block.text);
        if (text.includes(want)) continue;
        let n = 0;
        while (n < want.length && text.includes(want.slice(0, n + 1))) n++;
        const at = text.indexOf(want.slice(0, n));
        missing.push(`${article.file} [${block.kind}] diverges after "${want.slice(Math.max(0, n - 12), n)}": want "${want.slice(n, n + 12)}", viewer has "${text.slice(at + n, at + n + 12)}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('addresses and numbers copy whole: the e-mail addresses, the URLs, 1,000, 11.6%, 7×24, 3.5万, 2023—2027年', () => {
    const text = report.pages.map((p) => p.text.replace(/\n/g, '')).join('');
    for (const s of [
      'xinfang-service@example.gov.cn',
      'feedback.2099@mail.example.org',
      'https://example.org/a/very/long/path/that/wraps?x=1',
      'https://example.org/standards/petition/data-exchange/version-2/specification.html?lang=zh-CN&section=3',
      'appointment@xinfang.example.gov.cn',
      '1,000余万',
      '11.6%',
      '7×24小时',
      '3.5万',
      '2023—2027年',
      '罗兰·巴特',
      'Mental Health Atlas报告',
    ]) {
      expect(text).toContain(s);
    }
  });
});
