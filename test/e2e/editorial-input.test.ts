/**
 * Real editorial input never comes out silently wrong (issue #8, items 1, 2, 3, 8, 9), on the
 * fixture test/fixtures/editorial/issues/2099-02: a 200-character URL, a 60-character e-mail
 * address, a 40-digit number and a Windows path; a long title with no runningHead; rare
 * characters of CJK Extension B in issue.yaml (editor, a section title), front matter and body.
 *
 * Checked on the PDF read back with pdf.js: at every measure from 16 to 42 characters every glyph
 * of a body page lies inside the text block and the page's text is the source text; the running
 * head's two parts are at least 1 em apart; the rare characters print (from the fallback font)
 * and copy back. And on what the editor is told: file:line for each problem, in one run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue, loadFonts } from '../../src/build';
import { loadIssue } from '../../src/document/load';
import { BulletinError } from '../../src/errors';
import { layoutDocument } from '../../src/layout/document';
import { checkFrames } from '../../src/layout/frames';
import { type PageStyle, textLeft } from '../../src/layout/page-style';
import { resolveSettings } from '../../src/settings';
import { fitRunningHead } from '../../src/layout/running-head';
import type { LaidOutIssue, Page } from '../../src/layout/types';
import type { DocumentMeta } from '../../src/document/types';
import { renderPdf } from '../../src/render/pdf';
import { addressBreaks } from '../../src/text/items';
import type { FontSet } from '../../src/text/fonts';
import { linesOf, readPdf, type PdfPage } from '../helpers/pdf';
import { runInProcess } from '../support/in-process-cli';
import { editFile } from '../helpers/project';
import { REPO_ROOT, headerLine, makeTempProject, noSpace, removeTempProject } from './helpers';
import { render } from '../../src/messages';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'editorial', 'issues');
const ISSUE = '2099-02';
const ADDRESSES = 'issues/2099-02/articles/01-addresses.md';
const BODY = 12;
const TOLERANCE = 0.05;

/** The four unbreakable strings of 01-addresses.md, read from the fixture itself. */
function tokens(): { url: string; email: string; number: string; path: string } {
  const text = fs.readFileSync(path.join(FIXTURE, '2099-02', 'articles', '01-addresses.md'), 'utf8');
  const find = (re: RegExp) => (re.exec(text) as RegExpExecArray)[0];
  return { url: find(/https:\/\/\S+?(?=，)/u), email: find(/[\w.]+@[\w.]+/u), number: find(/\d{40}/u), path: find(/C:\\[^中]+/u) };
}

/** The paragraphs of the article body, as the PDF must spell them (whitespace removed). */
function bodyParagraphs(file: string): string[] {
  const body = fs.readFileSync(file, 'utf8').split(/^---$/m)[2] as string;
  return body
    .split(/\n\s*\n/)
    .map((p) => noSpace(p))
    .filter((p) => p.length > 0);
}

let root: string | undefined;
let fonts: FontSet;

beforeAll(async () => {
  root = makeTempProject(FIXTURE);
  const loaded = await loadIssue(root, ISSUE);
  fonts = await loadFonts(root, resolveSettings(loaded.series, loaded.locateInSeries).fonts, loaded.locateInSeries);
}, 60_000);

afterAll(() => removeTempProject(root));

describe('the fixture holds what the issue asks for', () => {
  test('a 200-character URL, a 60-character e-mail address, a 40-digit number and a Windows path', () => {
    const t = tokens();
    expect([t.url.length, t.email.length, t.number.length]).toEqual([200, 60, 40]);
    expect(t.path).toMatch(/^C:\\Users\\/);
  });
});

describe('break points of addresses (R5, #8 item 2)', () => {
  const at = (text: string) => {
    const offsets = addressBreaks(text);
    return offsets.map((o, k) => text.slice(offsets[k - 1] ?? 0, o)).concat(text.slice(offsets[offsets.length - 1] ?? 0));
  };
  test('a URL breaks after / ? & = # _ . and never inside ://', () => {
    expect(at('https://a.b/c?d=1&e_f#g')).toEqual(['https://', 'a.', 'b/', 'c?', 'd=', '1&', 'e_', 'f#', 'g']);
  });
  test('an e-mail address breaks before @ and after .', () => {
    expect(at('zhang.san@mail.example.cn')).toEqual(['zhang.', 'san', '@mail.', 'example.', 'cn']);
  });
  test('a Windows path breaks after each backslash', () => {
    expect(at('C:\\Users\\a_b\\c.xlsx')).toEqual(['C:\\', 'Users\\', 'a_', 'b\\', 'c.', 'xlsx']);
  });
  test('numbers, decimals, percentages and words have no break point', () => {
    for (const text of ['1234567890', '1,286,420', '99.2%', '11.6', 'Rechtsschutz', 'e.g.']) expect(addressBreaks(text)).toEqual([]);
  });
});

/** Lays out the fixture at `chars` characters per line. */
async function atMeasure(chars: number): Promise<{ layout: LaidOutIssue; style: PageStyle; meta: DocumentMeta }> {
  const project = root as string;
  editFile(project, 'issues/series.yaml', /charsPerLine: \d+/, `charsPerLine: ${chars}`);
  const loaded = await loadIssue(project, ISSUE);
  const settings = resolveSettings(loaded.series, loaded.locateInSeries);
  const layout = layoutDocument(loaded.document, { style: settings.page, fonts, images: new Map(), typography: settings.typography });
  return { layout, style: settings.page, meta: loaded.document.meta };
}

const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (!pdftotext) console.log('pdftotext (poppler-utils) is not installed: the text-layer check uses pdf.js only here; .ci/run installs poppler');

describe('unbreakable strings at every measure from 16 to 42 characters (#8 item 2)', () => {
  const measures = Array.from({ length: 27 }, (_, k) => 16 + k);
  const results: { chars: number; outside: string[]; textOk: boolean; popplerOk: boolean; warned: string[]; overMeasure: number; frameErrors: number; mastheadTooWide: boolean }[] = [];

  beforeAll(async () => {
    const expected = bodyParagraphs(path.join(root as string, ADDRESSES)).join('');
    // The body pages of all 27 layouts go into one PDF (renderPdf is the real renderer; one
    // file to read back keeps this fast): each page remembers its measure and its own index.
    const laidOut = [];
    for (const chars of measures) laidOut.push({ chars, ...(await atMeasure(chars)) });
    const origin: { chars: number; style: PageStyle; index: number }[] = [];
    const pages: Page[] = [];
    for (const { chars, layout, style } of laidOut) {
      layout.pages.forEach((page, index) => {
        if (page.kind !== 'body') return;
        origin.push({ chars, style, index });
        pages.push({ ...page, folio: pages.length + 1, label: String(pages.length + 1), anchors: [], boxes: page.boxes.filter((b) => b.kind !== 'link') });
      });
    }
    const first = laidOut[0] as (typeof laidOut)[number];
    const combined: LaidOutIssue = { ...first.layout, pages, outline: [] };
    const pdf = path.join(root as string, 'measures.pdf');
    fs.writeFileSync(pdf, await renderPdf(combined, fonts, { target: 'email', meta: first.meta, images: new Map(), contentHash: 'measures' }));
    const report = readPdf(pdf);
    const poppler = pdftotext ? execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f') : [];
    for (const { chars, layout, style } of laidOut) {
      const outside: string[] = [];
      let text = '';
      let popplerText = '';
      report.pages.forEach((page, k) => {
        const from = origin[k] as (typeof origin)[number];
        if (from.chars !== chars) return;
        const left = textLeft(style, from.index);
        const right = left + style.textWidth;
        for (const g of page.glyphs.filter((x) => x.size === BODY)) {
          if (g.x < left - TOLERANCE || g.x + g.advance > right + TOLERANCE) outside.push(`p${from.index} ${g.ch} x=${g.x.toFixed(1)}..${(g.x + g.advance).toFixed(1)} (block ${left.toFixed(1)}..${right.toFixed(1)})`);
        }
        text += bodyText(page);
        popplerText += poppler[k] ?? '';
      });
      const frames = checkFrames(layout, style, { hang: 0, fallbackSource: { file: 'issues/series.yaml' } });
      results.push({
        chars,
        outside,
        textOk: noSpace(text).includes(expected),
        popplerOk: !pdftotext || noSpace(popplerText).includes(expected),
        warned: layout.problems.filter((d) => d.location.file === ADDRESSES).map((d) => render(d)),
        overMeasure: layout.stats.linesOverMeasure,
        frameErrors: frames.filter((d) => d.location.file === ADDRESSES).length,
        mastheadTooWide: frames.some((d) => d.location.file === 'issues/series.yaml' && d.location.line !== undefined && /法律资讯/.test(render(d))),
      });
    }
  }, 240_000);

  test('every glyph of every body line lies inside the text block, at every measure', () => {
    expect(results.map((r) => r.chars)).toEqual(measures);
    expect(results.filter((r) => r.outside.length > 0).map((r) => `${r.chars} chars: ${r.outside.slice(0, 3).join('; ')}`)).toEqual([]);
  });

  test('the summary counts no line wider than the measure, and the frame check finds nothing', () => {
    expect(results.filter((r) => r.overMeasure > 0 || r.frameErrors > 0).map((r) => `${r.chars}: ${r.overMeasure} over, ${r.frameErrors} frame errors`)).toEqual([]);
  });

  test('where the measure is too narrow for the masthead title, the frame check says so at series.yaml (item 1)', () => {
    // 法律资讯 on the cover is set at 1.5 × the masthead size and spread: wider than 16 × 12 pt, not than 42 × 12 pt.
    expect(results.find((r) => r.chars === 16)?.mastheadTooWide).toBe(true);
    expect(results.find((r) => r.chars === 42)?.mastheadTooWide).toBe(false);
  });

  test('the text layer copies the paragraphs back unchanged (pdf.js; pdftotext where installed)', () => {
    expect(results.filter((r) => !r.textOk || !r.popplerOk).map((r) => r.chars)).toEqual([]);
  });

  test('only the 40-digit number, where it is wider than the line, is broken between characters, with a warning', () => {
    // 40 digits of Noto Serif SC are ~22.4 em: wider than lines of 16–22 characters (less the indent).
    for (const r of results) {
      const cut = r.warned.filter((m) => /broken between characters/.test(m));
      if (r.chars <= 22) expect(cut.some((m) => m.includes('1234567890'))).toBe(true);
      if (r.chars >= 26) expect(cut).toEqual([]);
      expect(cut.every((m) => m.includes('1234567890'))).toBe(true);
    }
  });
});

/** The page's text without its running head and folio (pdf.js items). */
function bodyText(page: PdfPage): string {
  const lines = linesOf(page);
  const header = headerLine(page, BODY);
  return lines
    .filter((l) => l !== header && l.glyphs.every((g) => g.size === BODY))
    .map((l) => l.text)
    .join('');
}

describe('running heads always fit (#8 item 3)', () => {
  test('a title too long for its side of the head is cut at a phrase boundary', () => {
    const width = (text: string) => Array.from(text).length;
    expect(fitRunningHead('努力实现良好开局起步 推进社会工作高质量发展', 12, width)).toBe('努力实现良好开局起步');
    expect(fitRunningHead('“7×24小时”热线接诉即办——全年受理量同比增长', 14, width)).toBe('“7×24小时”热线接诉即办');
    expect(fitRunningHead('短标题', 12, width)).toBe('短标题');
    // No phrase boundary at all but word ones: never mid-word, never a dangling “.
    const cut = fitRunningHead('关于进一步加强和改进新时代信访工作的意见', 12, width) as string;
    expect(width(cut)).toBeLessThanOrEqual(12);
    expect('关于进一步加强和改进新时代信访工作的意见'.startsWith(cut)).toBe(true);
    expect(fitRunningHead('“新时代枫桥经验”在基层', 6, width) ?? '').not.toMatch(/“[^”]*$/);
    expect(fitRunningHead('“新时代枫桥经验”在基层', 10, width)).toBe('“新时代枫桥经验”');
  });
});

describe('the whole build of the fixture', () => {
  let result: Awaited<ReturnType<typeof buildIssue>>;
  let pages: readonly PdfPage[];

  beforeAll(async () => {
    editFile(root as string, 'issues/series.yaml', /charsPerLine: \d+/, 'charsPerLine: 38');
    result = await buildIssue(root as string, ISSUE);
    pages = readPdf((result.outputs.find((o) => o.target === 'email') as { file: string }).file).pages;
  }, 60_000);

  test('the long title without runningHead is shortened, and the build says so at the title', () => {
    const warning = result.warnings.find((w) => /too long for the running head/.test(render(w)));
    expect(warning?.location).toMatchObject({ file: 'issues/2099-02/articles/02-long-title.md', line: 2 });
  });

  test('on every body page the two parts of the running head are at least 1 em apart', () => {
    const gaps: number[] = [];
    for (const page of pages.filter((p) => p.index >= 2)) {
      const head = headerLine(page, BODY);
      if (!head) continue;
      const glyphs = [...head.glyphs].sort((a, b) => a.x - b.x);
      let widest = 0;
      for (let k = 1; k < glyphs.length; k++) {
        const a = glyphs[k - 1] as (typeof glyphs)[number];
        const b = glyphs[k] as (typeof glyphs)[number];
        expect(b.x).toBeGreaterThanOrEqual(a.x + a.advance - TOLERANCE); // nothing overprints
        widest = Math.max(widest, b.x - (a.x + a.advance));
      }
      gaps.push(widest);
    }
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(9 - TOLERANCE); // 1 em of the 9 pt head
  });

  test('characters of Extension B print from the fallback font and copy back (editor, section title, body)', () => {
    const all = pages.map((p) => p.text).join('');
    expect(all).toContain('吉𠮷');
    expect(all).toContain('学习𪚥园地');
    expect(all).toContain('吉𠮷同志介绍了经验，𪚥字也能印出。');
    const fallbackGlyphs = pages.flatMap((p) => p.glyphs).filter((g) => g.ch === '𠮷' || g.ch === '𪚥');
    expect(fallbackGlyphs.length).toBeGreaterThanOrEqual(5);
    expect(new Set(fallbackGlyphs.map((g) => g.fontName)).size).toBe(1);
  });
});

describe('what the editor is told', () => {
  let project: string | undefined;
  afterEach(() => removeTempProject(project));

  test('a character no font has is reported at each occurrence, in issue.yaml and in the article, not merged, with the warnings of the same run', async () => {
    project = makeTempProject(FIXTURE);
    editFile(project, 'issues/2099-02/issue.yaml', 'editor: 吉𠮷', 'editor: 吉𰀀𰀀');
    editFile(project, 'issues/2099-02/articles/02-long-title.md', '𪚥字也能印出', '𰀀字也能印出𰀀');
    editFile(project, 'issues/2099-02/articles/01-addresses.md', '群众也可以', '群众(也)可以');
    const err = await buildIssue(project, ISSUE).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BulletinError);
    const missing = (err as BulletinError).diagnostics.filter((d) => render(d).includes('U+30000')).map((d) => `${d.location.file}:${d.location.line}:${d.location.column}`);
    expect(missing.sort()).toEqual([
      'issues/2099-02/articles/02-long-title.md:7:20',
      'issues/2099-02/articles/02-long-title.md:7:26',
      'issues/2099-02/issue.yaml:8:10',
      'issues/2099-02/issue.yaml:8:11',
    ]);
    // In the same run: the typography warning of another article, after the errors.
    const all = (err as BulletinError).diagnostics;
    const warning = all.findIndex((d) => d.severity === 'warning' && d.location.file === ADDRESSES && d.location.line === 8);
    expect(warning).toBeGreaterThan(all.findIndex((d) => render(d).includes('U+30000')));
    expect(all.slice(warning).every((d) => d.severity === 'warning')).toBe(true);
    expect((err as BulletinError).fixable).toBeGreaterThan(0);
  }, 60_000);

  test('a title at the schema\'s 200-character limit stays on its page, with a warning at the title', async () => {
    // (A 600-character title is refused by the schema now; the longest allowed one must still fit.)
    project = makeTempProject(FIXTURE);
    editFile(project, 'issues/2099-02/articles/02-long-title.md', /^title: .*$/m, `title: ${'关于进一步加强和改进新时代信访工作推动社会矛盾纠纷源头化解'.repeat(8).slice(0, 200)}`);
    const result = await buildIssue(project, ISSUE, { dryRun: true });
    const warning = result.warnings.find((w) => /the title is set on \d+ lines/.test(render(w)));
    expect(warning?.location).toMatchObject({ file: 'issues/2099-02/articles/02-long-title.md', line: 2 });
    // The build passed the frame check: nothing of the title lies outside the text block.
    const style = resolveSettings((await loadIssue(project, ISSUE)).series, () => ({ file: 'issues/series.yaml' })).page;
    expect(checkFrames(result.layout, style, { hang: 0, fallbackSource: { file: 'issues/series.yaml' } })).toEqual([]);
  }, 60_000);

  test('`check` reports a structure error and typography warnings in one run, errors first, and names check --fix', async () => {
    project = makeTempProject(FIXTURE);
    editFile(project, 'issues/2099-02/issue.yaml', 'number: 2', 'number: 2\neditr: 薛鑫');
    editFile(project, 'issues/2099-02/articles/02-long-title.md', '本文谈谈学习体会。', '本文谈谈学习体会(初稿)，');
    // The CLI's own code, in-process (test/support/in-process-cli.ts; jest's LANG is C).
    const run = await runInProcess(project, ['check', ISSUE]);
    expect(run.code).toBe(1);
    const located = run.stderr.split('\n').filter((l) => /^issues\/\S+:\d+/.test(l));
    const firstWarning = located.findIndex((l) => l.includes('warning:'));
    expect(located.some((l) => l.includes('unknown property') || l.includes('editr'))).toBe(true);
    expect(firstWarning).toBeGreaterThan(0);
    expect(located.slice(firstWarning).every((l) => l.includes('warning:'))).toBe(true);
    expect(located.some((l) => l.startsWith('issues/2099-02/articles/02-long-title.md:7') && l.includes('warning:'))).toBe(true);
    const last = run.stderr.trim().split('\n').pop() as string;
    expect(last).toMatch(/^\d+ error\(s\), [1-9]\d* warning\(s\); nothing was written; `bulletin check --fix` corrects \d+ of them$/);
  }, 60_000);
});
