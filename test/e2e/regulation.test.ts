/**
 * A regulation set as a legal publisher sets it (R4 as corrected, R31), checked on the PDF at
 * measures of 30, 36 and 42 characters: test/fixtures/regulation/issues/2099-05 is a judicial
 * interpretation of 55 articles in 编/章/节 with a three-event 题注 and a title over two lines
 * containing 中华人民共和国, and a notice by joint issuers with a 题注 typed as one text. Its
 * separators are typed as ASCII spaces, no-break spaces and U+3000 in turn.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../src/build';
import { linesOf, type PdfLine, type PdfReport, readPdfs } from '../helpers/pdf';
import { REPO_ROOT, isHan, makeTempProject, noSpace, removeTempProject } from './helpers';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'regulation', 'issues');
const ISSUE = '2099-05';
const EM = 12;
const MM = 72 / 25.4;
const MEASURES = [30, 36, 42] as const;
/** Cover and TOC come first. */
const FIRST_BODY_PAGE = 2;
/** Words that must never be split where breaks are chosen freely (titles, TOC, 题注). */
const WORDS = ['中华人民共和国', '人民法院', '常务委员会', '人民代表大会', '办公厅', '国务院', '信访'];

interface Built {
  readonly measure: number;
  readonly report: PdfReport;
  readonly root: string;
}

const built: Built[] = [];

beforeAll(async () => {
  const emails: { measure: number; root: string; file: string }[] = [];
  for (const measure of MEASURES) {
    const root = makeTempProject(FIXTURE);
    const seriesFile = path.join(root, 'issues', 'series.yaml');
    fs.writeFileSync(seriesFile, fs.readFileSync(seriesFile, 'utf8').replace(/charsPerLine: \d+/, `charsPerLine: ${measure}`));
    const result = await buildIssue(root, ISSUE);
    const email = result.outputs.find((o) => !o.file.endsWith('-print.pdf'));
    if (!email) throw new Error('no e-mail copy');
    emails.push({ measure, root, file: email.file });
  }
  // Every measure's PDF read by one pdf.js process (its start-up is paid once).
  const reports = readPdfs(emails.map((e) => e.file));
  emails.forEach(({ measure, root }, k) => built.push({ measure, report: reports[k] as PdfReport, root }));
}, 180_000);

afterAll(() => {
  for (const b of built) removeTempProject(b.root);
});

const bodyPages = (b: Built) => b.report.pages.slice(FIRST_BODY_PAGE);
/** Lines of the text area (no running head, no folio). */
const textLines = (b: Built, pageIndex: number): PdfLine[] => {
  const page = b.report.pages[pageIndex];
  if (!page) return [];
  const top = page.height - 32 * MM + 1;
  const bottom = page.height - 32 * MM - 34 * 20;
  return linesOf(page).filter((l) => l.y < top && l.y > bottom);
};
const columnCentre = (b: Built, pageIndex: number): number => {
  const width = b.measure * EM;
  const page = b.report.pages[pageIndex] as { width: number };
  const left = pageIndex % 2 === 0 ? 26 * MM : page.width - 26 * MM - width;
  return left + width / 2;
};
const isBold = (fontName: string) => /Bold/.test(fontName);

describe.each(MEASURES)('regulation at %i characters per line', (measure) => {
  const get = () => built.find((b) => b.measure === measure) as Built;

  test('r31-lead-in: every 第…条 is bold and followed by exactly one em, however the separator was typed', () => {
    const b = get();
    let articles = 0;
    bodyPages(b).forEach((_, k) => {
      for (const line of textLines(b, k + FIRST_BODY_PAGE)) {
        const m = /^第[一二三四五六七八九十百]+条/.exec(line.text);
        if (!m || line.glyphs[0]?.size !== EM) continue;
        articles++;
        const lead = line.glyphs.slice(0, m[0].length);
        expect(lead.every((g) => isBold(g.fontName))).toBe(true);
        const tiao = lead[lead.length - 1] as (typeof lead)[number];
        const next = line.glyphs.slice(m[0].length).find((g) => isHan(g.ch) || /[《（“]/.test(g.ch));
        expect(next).toBeDefined();
        expect(isBold(next?.fontName ?? '')).toBe(false);
        // 条 is one em wide; the separator one more: the text starts two ems after 条's origin.
        expect(Math.abs((next?.x ?? 0) - tiao.x - 2 * EM)).toBeLessThan(0.01 * EM);
      }
    });
    expect(articles).toBe(55);
  });

  test('r31-divisions: 编/章 centred in bold sans, 节 centred in bold serif at body size, a step below', () => {
    const b = get();
    const found: string[] = [];
    bodyPages(b).forEach((_, k) => {
      const pageIndex = k + FIRST_BODY_PAGE;
      for (const line of textLines(b, pageIndex)) {
        const m = /^第[一二三四五六七八九十]+([编章节])/.exec(noSpace(line.text));
        if (!m || !line.glyphs.every((g) => isBold(g.fontName))) continue;
        const size = line.glyphs[0]?.size ?? 0;
        const kind = m[1] as string;
        found.push(kind);
        expect(Math.abs((line.x + line.right) / 2 - columnCentre(b, pageIndex))).toBeLessThan(0.5);
        if (kind === '节') {
          expect(line.glyphs.every((g) => /Serif.*Bold/.test(g.fontName))).toBe(true);
          expect(size).toBe(EM);
        } else {
          expect(line.glyphs.every((g) => /Sans.*Bold/.test(g.fontName))).toBe(true);
          expect(size).toBeGreaterThan(EM);
        }
        // Number and title one em apart: 第一章　总则.
        const last = line.glyphs.findIndex((g) => g.ch === kind);
        const afterGap = line.glyphs.slice(last + 1).find((g) => isHan(g.ch));
        expect(Math.abs((afterGap?.x ?? 0) - (line.glyphs[last]?.x ?? 0) - 2 * size)).toBeLessThan(0.01 * size);
      }
    });
    expect(found.filter((k) => k === '编')).toHaveLength(2);
    expect(found.filter((k) => k === '章')).toHaveLength(6);
    expect(found.filter((k) => k === '节')).toHaveLength(4);
  });

  test('r31-numbers: no line ends in a number whose unit starts the next line', () => {
    const b = get();
    const splits: string[] = [];
    b.report.pages.forEach((_, pageIndex) => {
      const lines = textLines(b, pageIndex);
      for (let k = 1; k < lines.length; k++) {
        const a = (lines[k - 1] as PdfLine).text;
        const c = (lines[k] as PdfLine).text;
        if (/\d$/.test(a) && isHan(Array.from(c)[0] ?? '')) splits.push(`${a.slice(-6)} | ${c.slice(0, 4)}`);
      }
    });
    expect(splits).toEqual([]);
  });

  test('r31-words: title, TOC and 题注 lines never split 中华人民共和国 and the other listed names', () => {
    const b = get();
    const broken: string[] = [];
    b.report.pages.forEach((page, pageIndex) => {
      // Freely broken text: everything not set at body size in the body face (titles, 题注), and the TOC page.
      const lines = (pageIndex === 1 ? linesOf(page) : textLines(b, pageIndex).filter((l) => l.glyphs[0]?.size !== EM || /WenKai/.test(l.glyphs[0]?.fontName ?? ''))).map((l) => noSpace(l.text));
      for (let k = 1; k < lines.length; k++) {
        for (const word of WORDS) {
          for (let s = 1; s < word.length; s++) {
            if ((lines[k - 1] as string).endsWith(word.slice(0, s)) && (lines[k] as string).startsWith(word.slice(s))) broken.push(`${lines[k - 1]} | ${lines[k]}`);
          }
        }
      }
    });
    expect(broken).toEqual([]);
  });

  test('r31-title: the title takes two centred lines (three at 30, where two would split 中华人民共和国)', () => {
    const b = get();
    const title = textLines(b, FIRST_BODY_PAGE).filter((l) => (l.glyphs[0]?.size ?? 0) >= 20);
    expect(title).toHaveLength(measure === 30 ? 3 : 2);
    expect(noSpace(title.map((l) => l.text).join(''))).toBe('最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释');
    for (const line of title) expect(Math.abs((line.x + line.right) / 2 - columnCentre(b, FIRST_BODY_PAGE))).toBeLessThan(0.6 * 22);
  });

  test('r31-history: each 题注 event starts its own line in 楷体, no line ends with its date', () => {
    const b = get();
    const kai = (pageIndex: number) => textLines(b, pageIndex).filter((l) => /WenKai/.test(l.glyphs[0]?.fontName ?? '') && (l.glyphs[0]?.size ?? 0) < EM);
    const starts = (lines: PdfLine[]) => lines.map((l) => noSpace(l.text)).filter((t) => /^[（(]?(?:根据|自)?\d{4}年/.test(t));
    const first = kai(FIRST_BODY_PAGE);
    expect(starts(first)).toHaveLength(3);
    expect(noSpace(first[0]?.text ?? '')).toMatch(/^（2020年12月7日/);
    expect(noSpace(first[first.length - 1]?.text ?? '')).toMatch(/施行）$/);
    const notice = b.report.pages.findIndex((p, i) => i >= FIRST_BODY_PAGE && linesOf(p).some((l) => noSpace(l.text).startsWith('中共中央办公厅')));
    expect(starts(kai(notice))).toHaveLength(3);
    for (const line of [...first, ...kai(notice)]) expect(noSpace(line.text)).not.toMatch(/\d+[年月日]$/);
  });

  test('r4-joint-issuers: "中共中央办公厅 国务院办公厅" keeps its one-em separator in the title and in the text', () => {
    const b = get();
    let seen = 0;
    for (const page of b.report.pages) {
      for (const line of linesOf(page)) {
        const glyphs = line.glyphs.filter((g) => g.ch.trim() !== '');
        for (let k = 0; k + 1 < glyphs.length; k++) {
          const a = glyphs[k] as (typeof glyphs)[number];
          const c = glyphs[k + 1] as (typeof glyphs)[number];
          if (a.ch !== '厅' || c.ch !== '国' || glyphs[k - 1]?.ch !== '公') continue;
          seen++;
          expect(Math.abs(c.x - a.x - 2 * a.size)).toBeLessThan(0.01 * a.size);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(3);
  });

  test('r31-outline: the regulation\'s 编 and 章 are bookmarks under its article', () => {
    const b = get();
    const article = b.report.outline[0]?.items[0];
    expect(article?.items.map((i) => i.title)).toEqual(['第一编\u3000总则', '第二编\u3000审判程序']);
    expect(article?.items[0]?.items.map((i) => i.title)).toEqual(['第一章\u3000任务和基本原则', '第二章\u3000管辖', '第三章\u3000回避']);
    expect(article?.items.flatMap((i) => i.items).every((i) => i.pageIndex !== null)).toBe(true);
  });
});
