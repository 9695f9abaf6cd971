/**
 * Typography of the sample issue read back from the PDF (issue 3 item 4 and item 5): glyph positions
 * from pdf.js on the body pages, body-size (12 pt) glyphs only, against TYPOGRAPHY.md R6–R18 and
 * I1–I8, and the viewer's copy text against the Markdown sources (R15, R28).
 */
import { type PdfGlyph, type PdfReport } from '../helpers/pdf';
import { sharedReport, sharedSample } from '../support/shared';
import {
  type BodyLine,
  CLOSE,
  NOT_AT_LINE_END,
  NOT_AT_LINE_START,
  OPEN,
  STOP,
  type SourceIssue,
  collectBodyLines,
  describe1,
  dropHanLatinSpaces,
  isHan,
  isLatinAlnum,
  loadSourceIssue,
  near,
  viewerText, gapsAfterCjkPunctuation, lineStretch } from './helpers';

const BODY = 12;
const EM = BODY;
const TITLE_MIN = 18;
const FIRST_BODY_PAGE = 2;
const EDGE_TOL = 0.05;
// A glyph's advance in the PDF is whole font units (1/1000 em): the embedded program's hmtx can
// state nothing finer and /W must equal it (PDF/A-2 6.2.11.5). Positions are rounded from the run's
// start, so one advance may be off the layout's by up to one unit (0.012 pt at 12 pt), no more.
const ADV_TOL = EM / 1000 + 0.001;

let report: PdfReport;
let source: SourceIssue;
let lines: BodyLine[];
let measure: number;

beforeAll(async () => {
  source = loadSourceIssue();
  report = await sharedReport((await sharedSample()).pdfFile);
  measure = source.series.page.charsPerLine * BODY;
  lines = collectBodyLines(report, FIRST_BODY_PAGE, BODY, measure, TITLE_MIN);
});

const glyphsOf = (l: BodyLine): readonly PdfGlyph[] => l.line.glyphs;
const first = (l: BodyLine): PdfGlyph => glyphsOf(l)[0] as PdfGlyph;
const last = (l: BodyLine): PdfGlyph => glyphsOf(l)[glyphsOf(l).length - 1] as PdfGlyph;
/** Consecutive lines of one paragraph (across page breaks too). */
function linePairs(): [BodyLine, BodyLine][] {
  const pairs: [BodyLine, BodyLine][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i] as BodyLine;
    const b = lines[i + 1] as BodyLine;
    if (!a.isFinal) pairs.push([a, b]);
  }
  return pairs;
}


test('the sample has enough body lines to judge (sanity)', () => {
  expect(lines.length).toBeGreaterThan(300);
  expect(lines.filter((l) => !l.isFinal).length).toBeGreaterThan(200);
});

describe('line-edge prohibitions (R6, R7, I1, I2)', () => {
  test('no line starts with a character of the R6 set', () => {
    const bad = lines.filter((l) => NOT_AT_LINE_START.has(first(l).ch)).map(describe1);
    expect(bad).toEqual([]);
  });

  test('no line ends with an opening bracket or quote (R7)', () => {
    const bad = lines.filter((l) => NOT_AT_LINE_END.has(last(l).ch)).map(describe1);
    expect(bad).toEqual([]);
  });
});

describe('unbreakable sequences (R5, R8, I3)', () => {
  test('no —— or …… split across lines, and no Latin/number run split', () => {
    const bad: string[] = [];
    for (const [a, b] of linePairs()) {
      const endRun = (ch: string): number => {
        let n = 0;
        for (let i = glyphsOf(a).length - 1; i >= 0 && glyphsOf(a)[i]?.ch === ch; i--) n++;
        return n;
      };
      const startsWith = first(b).ch;
      for (const mark of ['—', '…']) {
        if (endRun(mark) % 2 === 1 && startsWith === mark) bad.push(`${mark}${mark} split: ${describe1(a)} / ${describe1(b)}`);
      }
      if (isLatinAlnum(last(a).ch) && isLatinAlnum(startsWith)) bad.push(`Latin run split: ${describe1(a)} / ${describe1(b)}`);
      if ((last(a).ch === '×' && isLatinAlnum(startsWith)) || (isLatinAlnum(last(a).ch) && /^[×%‰℃]$/.test(startsWith))) bad.push(`glued run split: ${describe1(a)} / ${describe1(b)}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('justification and edges (R9, R11, R12, R14, R17, I4, I8)', () => {
  test('every non-final body line is flush on both sides within 0.05 pt', () => {
    const bad: string[] = [];
    for (const l of lines.filter((x) => !x.isFinal)) {
      const wantLeft = l.columnLeft + (l.isStart ? 2 * EM : 0);
      if (!near(l.inkLeft, wantLeft, EDGE_TOL)) bad.push(`${describe1(l)}: left ${(l.inkLeft - wantLeft).toFixed(3)} pt off`);
      if (!near(l.line.right, l.columnRight, EDGE_TOL)) bad.push(`${describe1(l)}: right edge ${(l.line.right - l.columnRight).toFixed(3)} pt off`);
    }
    expect(bad).toEqual([]);
  });

  test('all non-final lines of a page share one left edge and one right edge, one measure apart', () => {
    const bad: string[] = [];
    const pages = [...new Set(lines.map((l) => l.page))];
    for (const page of pages) {
      const onPage = lines.filter((l) => l.page === page && !l.isFinal);
      if (onPage.length === 0) continue;
      const lefts = onPage.map((l) => l.inkLeft - (l.isStart ? 2 * EM : 0));
      const rights = onPage.map((l) => l.line.right);
      const spreadL = Math.max(...lefts) - Math.min(...lefts);
      const spreadR = Math.max(...rights) - Math.min(...rights);
      if (spreadL > EDGE_TOL || spreadR > EDGE_TOL) bad.push(`page index ${page}: left edges spread ${spreadL.toFixed(3)} pt, right edges ${spreadR.toFixed(3)} pt`);
      const width = Math.min(...rights) - Math.min(...lefts);
      if (!near(width, measure, EDGE_TOL)) bad.push(`page index ${page}: measure ${width.toFixed(3)} pt, want ${measure}`);
    }
    expect(bad).toEqual([]);
  });

  test('final lines start at the column edge or the indent and never pass the right edge', () => {
    const bad: string[] = [];
    for (const l of lines.filter((x) => x.isFinal)) {
      const wantLeft = l.columnLeft + (l.isStart ? 2 * EM : 0);
      if (!near(l.inkLeft, wantLeft, EDGE_TOL)) bad.push(`${describe1(l)}: left ${(l.inkLeft - wantLeft).toFixed(3)} pt off`);
      if (l.line.right > l.columnRight + EDGE_TOL) bad.push(`${describe1(l)}: ${(l.line.right - l.columnRight).toFixed(3)} pt beyond the measure`);
    }
    expect(bad).toEqual([]);
  });

  test('line-end 。，、；： (and closing marks) are half width with their box at the right edge (R11)', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const l of lines.filter((x) => !x.isFinal)) {
      const g = last(l);
      if (!STOP.has(g.ch) && !CLOSE.has(g.ch)) continue;
      seen++;
      if (!near(g.advance, EM / 2, ADV_TOL)) bad.push(`${describe1(l)}: line-end ${g.ch} advance ${g.advance.toFixed(3)} pt`);
      if (!near(g.x + g.advance, l.columnRight, EDGE_TOL)) bad.push(`${describe1(l)}: line-end ${g.ch} box ends ${(g.x + g.advance - l.columnRight).toFixed(3)} pt from the edge`);
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(20);
  });

  test('an opening bracket at a line start has its box half an em left of the text edge (R12)', () => {
    const bad: string[] = [];
    for (const l of lines.filter((x) => OPEN.has(first(x).ch))) {
      const want = l.columnLeft + (l.isStart ? 2 * EM : 0) - EM / 2;
      if (!near(first(l).x, want, EDGE_TOL)) bad.push(`${describe1(l)}: ${first(l).ch} at ${(first(l).x - l.columnLeft).toFixed(3)} pt from the column edge`);
    }
    expect(bad).toEqual([]);
  });
});

describe('last lines (R18, I6)', () => {
  test('no paragraph ends with a line holding a single Han character', () => {
    const bad = lines
      .filter((l) => l.isFinal)
      .filter((l) => {
        const han = glyphsOf(l).filter((g) => isHan(g.ch)).length;
        const latin = glyphsOf(l).filter((g) => isLatinAlnum(g.ch)).length;
        return han === 1 || (han === 0 && latin < 2);
      })
      .map(describe1);
    expect(bad).toEqual([]);
  });
});

/**
 * A push-in line (R9): some blank was squeezed below its natural width — a Han, or a closing mark or
 * stop, followed by a Han or an opening bracket, set narrower than 1 em. On such lines R14 may also
 * shrink an opening bracket's left blank, and since every glyph's /W is its laid-out advance, that
 * reduction shows up on the glyph before the bracket.
 */
function isPushIn(l: BodyLine): boolean {
  const g = glyphsOf(l);
  for (let i = 0; i + 1 < g.length; i++) {
    const a = g[i] as PdfGlyph;
    const b = g[i + 1] as PdfGlyph;
    const wide = isHan(a.ch) || ((CLOSE.has(a.ch) || STOP.has(a.ch)) && isHan(b.ch));
    if (wide && (isHan(b.ch) || OPEN.has(b.ch)) && a.advance < a.size - ADV_TOL) return true;
  }
  return false;
}

describe('punctuation compression (R10)', () => {
  test('a closing mark or stop followed by another mark is half width mid-line (e.g. ”， → ” is 6 pt)', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const l of lines) {
      const g = glyphsOf(l);
      const stretch = lineStretch(l);
      const pushIn = isPushIn(l);
      for (let i = 0; i + 1 < g.length; i++) {
        const a = g[i] as PdfGlyph;
        const b = g[i + 1] as PdfGlyph;
        if (!(CLOSE.has(a.ch) || STOP.has(a.ch))) continue;
        if (!(CLOSE.has(b.ch) || STOP.has(b.ch) || OPEN.has(b.ch))) continue;
        seen++;
        // Justified lines add the same extra to every inter-character gap (R14 stretch 3).
        const want = EM / 2 + stretch;
        if (!pushIn && !near(a.advance, want, ADV_TOL)) {
          bad.push(`${describe1(l)}: "${a.ch}${b.ch}" → ${a.ch} advance ${a.advance.toFixed(3)} pt (want ${want.toFixed(3)})`);
        }
        // On a push-in line the pair is never wider than 1.5 em and each mark keeps a 0.5 em box.
        const floor = OPEN.has(b.ch) ? 0 : EM / 2;
        if (pushIn && (a.advance > EM / 2 + ADV_TOL || a.advance < floor - ADV_TOL)) {
          bad.push(`${describe1(l)} (push-in): "${a.ch}${b.ch}" → ${a.ch} advance ${a.advance.toFixed(3)} pt (want ${floor}…${EM / 2})`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(20);
  });

  test('every adjacent-mark pair of the sources (”，”、”“》、…) is set and was checked above', () => {
    const pairs = new Set<string>();
    for (const block of source.articles.flatMap((a) => a.blocks)) {
      const chars = [...block.text];
      for (let i = 0; i + 1 < chars.length; i++) {
        const a = chars[i] as string;
        const b = chars[i + 1] as string;
        if ((CLOSE.has(a) || STOP.has(a)) && (CLOSE.has(b) || STOP.has(b) || OPEN.has(b))) pairs.add(a + b);
      }
    }
    expect(pairs.size).toBeGreaterThan(3);
    const text = lines.map((l) => l.line.text).join('');
    expect([...pairs].filter((pair) => !text.includes(pair))).toEqual([]);
  });
});

describe('CJK–Latin spacing (R15)', () => {
  test('a Han followed by a digit or Latin letter on one line leaves a gap of 0.125–0.5 em', () => {
    const bad: string[] = [];
    const gaps: number[] = [];
    for (const l of lines) {
      const g = glyphsOf(l);
      for (let i = 0; i + 1 < g.length; i++) {
        const a = g[i] as PdfGlyph;
        const b = g[i + 1] as PdfGlyph;
        if (!isHan(a.ch) || !isLatinAlnum(b.ch)) continue;
        const gap = b.x - (a.x + a.size);
        gaps.push(gap);
        if (gap < EM * 0.125 - ADV_TOL || gap > EM * 0.5 + ADV_TOL) bad.push(`${describe1(l)}: ${a.ch}→${b.ch} gap ${gap.toFixed(3)} pt`);
      }
    }
    expect(bad).toEqual([]);
    expect(gaps.length).toBeGreaterThan(20);
  });

  test('a digit or Latin letter followed by a Han leaves a gap of 0.125–0.5 em', () => {
    // Natural advance of each Latin character: its advance inside a Latin run (runs are never stretched, R14).
    const natural = new Map<string, number>();
    for (const l of lines) {
      const g = glyphsOf(l);
      for (let i = 0; i + 1 < g.length; i++) {
        const a = g[i] as PdfGlyph;
        if (isLatinAlnum(a.ch) && isLatinAlnum((g[i + 1] as PdfGlyph).ch)) natural.set(a.ch, Math.min(natural.get(a.ch) ?? Infinity, a.advance));
      }
    }
    const bad: string[] = [];
    let seen = 0;
    for (const l of lines) {
      const g = glyphsOf(l);
      for (let i = 0; i + 1 < g.length; i++) {
        const a = g[i] as PdfGlyph;
        const b = g[i + 1] as PdfGlyph;
        const base = natural.get(a.ch);
        if (!isLatinAlnum(a.ch) || !isHan(b.ch) || base === undefined) continue;
        seen++;
        const gap = b.x - (a.x + base);
        if (gap < EM * 0.125 - ADV_TOL || gap > EM * 0.5 + ADV_TOL) bad.push(`${describe1(l)}: ${a.ch}→${b.ch} gap ${gap.toFixed(3)} pt`);
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(20);
  });

  test('no gap at all next to CJK punctuation: ，2023 / 2023。 (R15)', () => {
    expect(gapsAfterCjkPunctuation(lines, ADV_TOL)).toEqual([]);
  });
});

describe('copy and search fidelity (issue 3 item 5, R15, R28)', () => {
  test('the viewer text of the body pages contains every paragraph with no invented spaces', () => {
    const text = report.pages
      .slice(FIRST_BODY_PAGE)
      .map((p) => viewerText(p, BODY))
      .join('')
      .replace(/\n/g, '');
    const missing: string[] = [];
    for (const article of source.articles) {
      for (const block of article.blocks) {
        const want = dropHanLatinSpaces(block.text);
        if (!text.includes(want)) {
          // Show where it diverges: the longest prefix that is present.
          let n = 0;
          while (n < want.length && text.includes(want.slice(0, n + 1))) n++;
          const at = text.indexOf(want.slice(0, n));
          missing.push(`${article.file} [${block.kind}] diverges after "${want.slice(Math.max(0, n - 12), n)}": want "${want.slice(n, n + 12)}", viewer has "${text.slice(at + n, at + n + 12)}"`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('"召开2023年度" copies with no space between 开 and 2', () => {
    const text = report.pages.map((p) => p.text).join('');
    expect(text).toContain('召开2023年度');
    expect(text).not.toMatch(/召开\s+2023/);
  });
});
