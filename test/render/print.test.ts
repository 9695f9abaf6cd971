/**
 * The press file and the e-mail copy from one layout (issue #4): same pages and text, byte-identical
 * rebuilds, no DeviceRGB in the press file, the low-resolution warning, crop marks in the slug.
 */
import { wording } from '../helpers/errors';
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { buildIssue, type BuildResult } from '../../src/build';
import { padPages } from '../../src/layout/document';
import type { LaidOutIssue } from '../../src/layout/types';
import { readPdfModel } from '../../src/preflight/reader';
import { preflightPdf } from '../../src/preflight/preflight';
import { pageText, type PdfReport } from '../helpers/pdf';
import { editFile, tempProject } from '../helpers/project';
import { makeTempProject, REPO_ROOT } from '../e2e/helpers';
import { type SharedResult, sharedRebuild, sharedReport, sharedSample } from '../support/shared';
import { render } from '../../src/messages';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const fileOf = (result: BuildResult, target: string) => result.outputs.find((o) => o.target === target)!.file;

// The unchanged sample and what pdf.js reads from it are the run's shared ones (test/support/shared.ts).
describe('the sample issue as press file and e-mail copy', () => {
  let result: SharedResult;
  let printFile: string;
  let emailFile: string;
  const reports = new Map<string, PdfReport>();
  const read = (file: string) => reports.get(file)!;

  beforeAll(async () => {
    const sample = await sharedSample();
    result = sample.result;
    printFile = sample.printFile;
    emailFile = sample.pdfFile;
    for (const file of [printFile, emailFile]) reports.set(file, await sharedReport(file));
  });

  test('writes both files, the press file named …-print.pdf', () => {
    expect(path.basename(printFile)).toBe('法律资讯-2024年第2期-print.pdf');
    expect(path.basename(emailFile)).toBe('法律资讯-2024年第2期.pdf');
    expect(fs.statSync(emailFile).size).toBeLessThan(fs.statSync(printFile).size);
  });

  test('the same text on every page; only the press file is padded to 4n pages with blank pages', () => {
    const print = read(printFile);
    const email = read(emailFile);
    expect(print.pageCount % 4).toBe(0);
    // The sample has 22 pages of content: the press file adds two blank pages, the e-mail copy none.
    expect(email.pageCount).toBe(result.pageCount);
    expect(print.pageCount).toBe(Math.ceil(email.pageCount / 4) * 4);
    expect(print.pageCount).toBeGreaterThan(email.pageCount);
    email.pages.forEach((page, i) => expect(pageText(print.pages[i]!)).toBe(pageText(page)));
    for (const page of print.pages.slice(email.pageCount)) expect(page.glyphs).toHaveLength(0);
    expect(pageText(print.pages[0]!)).toContain('法律资讯');
    // The same labels on the pages both have: folios are unchanged by the padding.
    expect(print.pageLabels?.slice(0, email.pageCount)).toEqual(email.pageLabels);
    expect(result.outputs.map((o) => [o.target, o.pages])).toEqual([
      ['email', email.pageCount],
      ['print', print.pageCount],
    ]);
  });

  test('a saddle-stitched press file above print.bindingLimit is a warning naming its pages', async () => {
    const limited = tempProject((r) => editFile(r, 'issues/series.yaml', '  binding: saddle-stitch\n', '  binding: saddle-stitch\n  bindingLimit: 20\n'));
    try {
      const over = await buildIssue(limited, '2024-02', { dryRun: true });
      const warning = over.warnings.find((w) => w.code === 'build.too-many-pages-for-saddle-stitch');
      expect(warning).toMatchObject({ severity: 'warning', params: { pages: over.layout.pages.length, bindingLimit: 20 } });
      expect(wording(warning)).toContain(`${over.layout.pages.length} pages`);
      expect(wording(warning?.hint)).toContain('binding: perfect');
      expect(warning?.location.file).toMatch(/series\.yaml$/);
      // The sample's own 24 pages are inside the default limit of 64.
      expect(result.warnings.some((w) => w.code === 'build.too-many-pages-for-saddle-stitch')).toBe(false);
    } finally {
      fs.rmSync(limited, { recursive: true, force: true });
    }
  });

  test('the press page is trim plus 3 mm bleed; the e-mail page is the trim', () => {
    const bleed = (3 / 25.4) * 72;
    const print = read(printFile).pages[0]!;
    const email = read(emailFile).pages[0]!;
    expect(print.width).toBeCloseTo(email.width + 2 * bleed, 2);
    expect(print.height).toBeCloseTo(email.height + 2 * bleed, 2);
  });

  test('rebuilding gives byte-identical files', async () => {
    // The rebuild ran over a copy of this build's out/ (so over its own earlier files) and replaced them.
    const rebuilt = await sharedRebuild();
    expect(rebuilt.wroteAnew).toBe(true);
    expect([sha256(rebuilt.printFile), sha256(rebuilt.pdfFile)]).toEqual([sha256(printFile), sha256(emailFile)]);
  });

  test('the press file has no DeviceRGB operator or colour space anywhere', async () => {
    const model = await readPdfModel(fs.readFileSync(printFile));
    for (const page of model.pages) {
      const content = Buffer.from(page.content).toString('latin1');
      expect(content).not.toMatch(/(^|\s)(rg|RG)(\s|$)/);
      expect(content).not.toContain('/DeviceRGB');
      for (const x of page.resources.xobjects.values()) if (x.kind === 'image') expect(x.colorSpace).toBe('DeviceCMYK');
    }
    // And in the whole file, every Flate stream inflated with zlib (independent of our reader;
    // qpdf and preflight.sh check the same in .ci/run, which installs them).
    const { whole, contents } = inflateAll(fs.readFileSync(printFile));
    expect(whole).not.toContain('/DeviceRGB');
    expect(contents.length).toBeGreaterThan(0);
    for (const content of contents) expect(content).not.toMatch(/(^|\s)(rg|RG)(\s|$)/m);
    expect(contents.some((c) => c.includes('0 0 0 1 k'))).toBe(true);
  });

  test('our preflight passes both files', async () => {
    expect((await preflightPdf(fs.readFileSync(printFile), 'print')).passed).toBe(true);
    expect((await preflightPdf(fs.readFileSync(emailFile), 'email')).passed).toBe(true);
  });

  test('the sample images are good enough for print: no ppi warning', () => {
    expect(result.warnings.filter((w) => /ppi/.test(render(w)))).toEqual([]);
  });
});

describe('a low-resolution image', () => {
  let root: string;
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('gives a warning naming the image, its ppi and the Markdown line', async () => {
    root = tempProject();
    const image = path.join(root, 'issues/2024-02/images/01-exhibition-hall.jpg');
    await sharp({ create: { width: 200, height: 150, channels: 3, background: { r: 90, g: 120, b: 160 } } }).jpeg().toFile(`${image}.tmp`);
    fs.renameSync(`${image}.tmp`, image);
    const result = await buildIssue(root, '2024-02', { dryRun: true });
    const warnings = result.warnings.filter((w) => /ppi/.test(render(w)));
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning!.severity).toBe('warning');
    expect(render(warning!)).toMatch(/issues\/2024-02\/images\/01-exhibition-hall\.jpg is \d+ ppi/);
    const ppi = Number(/is (\d+) ppi/.exec(render(warning!))![1]);
    expect(ppi).toBeGreaterThan(10);
    expect(ppi).toBeLessThan(100);
    expect(warning!.location.file).toMatch(/01-changbai-xincun\.md$/);
    expect(warning!.location.line).toBe(16);
  });
});

describe('crop marks', () => {
  let root: string;
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('sit outside the bleed in the registration colour; the MediaBox grows, the BleedBox does not', async () => {
    // The mini fixture (its first page is what is read): a press file with marks, not a third sample build.
    root = makeTempProject(path.join(REPO_ROOT, 'test', 'fixtures', 'mini', 'issues'));
    fs.appendFileSync(path.join(root, 'issues', 'series.yaml'), 'print:\n  bleed: 3mm\n  cropMarks: true\n');
    const result = await buildIssue(root, '2024-03');
    const bytes = fs.readFileSync(fileOf(result, 'print'));
    const page = (await readPdfModel(bytes)).pages[0]!;
    const bleed = page.bleed!;
    expect(page.media[2] - page.media[0]).toBeGreaterThan(bleed[2] - bleed[0] + 20);
    expect(bleed[2] - bleed[0] - (page.trim![2] - page.trim![0])).toBeCloseTo((6 / 25.4) * 72, 2);
    expect([...page.resources.colorSpaces.values()]).toContain('Separation/All/DeviceCMYK');
    expect((await preflightPdf(bytes, 'print')).passed).toBe(true);
  });
});

describe('padPages (saddle stitch)', () => {
  const issue = (n: number): LaidOutIssue => ({
    pages: Array.from({ length: n }, (_, i) => ({ kind: 'body' as const, folio: i + 1, label: String(i + 1), boxes: [], anchors: [] })),
    outline: [],
    pageWidth: 595,
    pageHeight: 842,
    stats: { lines: 0, pushIns: 0, pushOuts: 0, maxExtraPerGap: 0, linesOverThreshold: 0, linesOverMeasure: 0, worst: [] },
    problems: [],
    missingGlyphs: [],
  });

  test('pads with blank pages at the end to a multiple of 4', () => {
    const padded = padPages(issue(22), 4);
    expect(padded.pages).toHaveLength(24);
    expect(padded.pages.slice(22).map((p) => [p.kind, p.folio, p.boxes.length])).toEqual([
      ['blank', null, 0],
      ['blank', null, 0],
    ]);
    expect(padded.pages[21]!.folio).toBe(22);
  });

  test('leaves a multiple of 4 alone', () => {
    const unpadded = issue(24);
    expect(padPages(unpadded, 4)).toBe(unpadded);
  });
});

/** The file's text with every Flate stream inflated; content streams (text operators) separately. */
function inflateAll(bytes: Buffer): { whole: string; contents: string[] } {
  const text = bytes.toString('latin1');
  const parts: string[] = [];
  const contents: string[] = [];
  const start = /stream\r?\n/g;
  let last = 0;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const to = text.indexOf('endstream', from);
    parts.push(text.slice(last, m.index));
    try {
      const inflated = zlib.inflateSync(bytes.subarray(from, to)).toString('latin1');
      parts.push(inflated);
      if (/\bBT\b[\s\S]*\bET\b/.test(inflated) && inflated.includes(' Tf')) contents.push(inflated);
    } catch {
      // Not Flate (a DCT image): its bytes are not PDF syntax.
    }
    last = to + 'endstream'.length;
    start.lastIndex = last;
  }
  parts.push(text.slice(last));
  return { whole: parts.join('\n'), contents };
}
