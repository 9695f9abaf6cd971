/**
 * Our preflight (`bulletin preflight`): passes the build's two files, fails a naive pdfkit file and
 * a malformed XMP packet, and the build keeps XMP well-formed when the title has `&` and `<`.
 */
import { wording } from '../helpers/errors';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { buildIssue, type BuildResult } from '../../src/build';
import { formatReport, preflightPdf } from '../../src/preflight/preflight';
import { readPdfModel } from '../../src/preflight/reader';
import { xmlProblem } from '../../src/preflight/xml';
import { escapeXml, uuidFrom } from '../../src/render/standards';
import { editFile, tempProject } from '../helpers/project';

const REPO = path.resolve(__dirname, '..', '..');
const fileOf = (result: BuildResult, target: string) => result.outputs.find((o) => o.target === target)!.file;

/** A plain pdfkit file: standard Helvetica (not embedded), RGB text, no boxes, no intents. */
function naivePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ info: { Title: 'naive' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fillColor('#cc0000').text('Hello, press.', 72, 72);
  doc.link(72, 72, 100, 20, 'https://example.org');
  doc.end();
  return done;
}

describe('preflight on the sample build (title with & and <)', () => {
  let root: string;
  let result: BuildResult;

  beforeAll(async () => {
    root = tempProject((r) => editFile(r, 'issues/series.yaml', 'fullTitle: 社会矛盾化解法律资讯', 'fullTitle: "社会矛盾化解 & <法律> 资讯"'));
    result = await buildIssue(root, '2024-02');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the press file passes --print with the figures we promise', async () => {
    const report = await preflightPdf(fs.readFileSync(fileOf(result, 'print')), 'print');
    const text = formatReport(report);
    expect(report.passed).toBe(true);
    expect(text).toMatch(/\[PASS\] boxes: 24 pages, trim 210\.0×297\.0 mm, bleed 3\.00 mm/);
    expect(text).toMatch(/\[PASS\] outputintent: GTS_PDFX "FOGRA39".*class prtr, space CMYK/);
    expect(text).toMatch(/\[PASS\] pdfx\.trapped: Trapped \/False/);
    expect(text).toMatch(/\[PASS\] colour\.rgb: 0 DeviceRGB operator\(s\), 0 RGB image\(s\)/);
    expect(text).toMatch(/^RESULT: PASS/m);
  });

  test('the e-mail copy passes --email, every PDF/UA (Matterhorn) check included', async () => {
    const report = await preflightPdf(fs.readFileSync(fileOf(result, 'email')), 'email');
    expect(formatReport(report)).toMatch(/^RESULT: PASS/m);
    const ua = report.checks.filter((c) => c.id.startsWith('ua.'));
    expect(ua.map((c) => c.id)).toEqual(['ua.id', 'ua.title', 'ua.lang', 'ua.tagged', 'ua.content', 'ua.nesting', 'ua.types', 'ua.headings', 'ua.figures', 'ua.toc', 'ua.lists', 'ua.tabs', 'ua.links']);
    expect(ua.every((c) => c.status === 'PASS')).toBe(true);
    expect(wording(report.checks.find((c) => c.id === 'pdfa.id')?.message)).toBe('claims PDF/A-2a');
    expect(wording(report.checks.find((c) => c.id === 'nav.lang')?.message)).toBe('/Lang zh-CN');
    // Sections open with their articles: the root's /Count is every item.
    const bookmarks = (await readPdfModel(fs.readFileSync(fileOf(result, 'email')))).outline.length;
    expect(bookmarks).toBeGreaterThan(3);
    expect(report.checks.find((c) => c.id === 'nav.outline.count')).toMatchObject({ status: 'PASS', message: { code: 'preflight.nav.outline.count', params: { outlineCount: bookmarks } } });
  });

  test('in both files every declared width equals the embedded program\'s advance (PDF/A-2 6.2.11.5)', async () => {
    for (const target of ['print', 'email']) {
      const report = await preflightPdf(fs.readFileSync(fileOf(result, target)), target as 'print' | 'email');
      const widths = report.checks.find((c) => c.id === 'fonts.widths');
      expect({ target, status: widths?.status }).toEqual({ target, status: 'PASS' });
      // Every font is checked, and the count is of real codes (thousands in the sample).
      expect(wording(widths?.message)).toMatch(/of all \d{4,} codes in 4 CIDFontType2 fonts/);
    }
  });

  test('a width changed in /W (same bytes otherwise) fails fonts.widths and the file', async () => {
    const original = fs.readFileSync(fileOf(result, 'email')).toString('latin1');
    // The first width of the first /W array, replaced by another number of as many digits (so the
    // xref offsets still hold): 1000 → 2000, 555 → 155.
    const tampered = original.replace(/(\/W \[1 \[)(\d)/, (_, head: string, digit: string) => `${head}${digit === '1' ? '2' : '1'}`);
    expect(tampered).not.toBe(original);
    const report = await preflightPdf(Buffer.from(tampered, 'latin1'), 'email');
    const widths = report.checks.find((c) => c.id === 'fonts.widths');
    expect(widths?.status).toBe('FAIL');
    expect(wording(widths?.message)).toMatch(/^1 of \d+ codes declare a width other than the font program's advance/);
    expect(wording(widths?.message)).toMatch(/cid 1: \/W \d+ vs program \d+/);
    expect(report.passed).toBe(false);
  });

  test('the XMP is escaped while Info keeps the real title', async () => {
    for (const target of ['print', 'email']) {
      const model = await readPdfModel(fs.readFileSync(fileOf(result, target)));
      expect(xmlProblem(model.xmp!)).toBeUndefined();
      expect(model.xmp).toContain('社会矛盾化解 &amp; &lt;法律&gt; 资讯');
      expect(model.info.get('Title')?.text).toContain('社会矛盾化解 & <法律> 资讯');
    }
  });
});

describe('preflight on files that must fail', () => {
  test('a naive pdfkit file fails --print and --email, with the reasons', async () => {
    const bytes = await naivePdf();
    const print = await preflightPdf(bytes, 'print');
    expect(print.passed).toBe(false);
    const failed = print.checks.filter((c) => c.status === 'FAIL').map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(['fonts.embedded', 'colour.rgb', 'boxes', 'outputintent', 'pdfx.version', 'pdfx.trapped', 'annotations']));
    expect(wording(print.checks.find((c) => c.id === 'fonts.embedded')?.message)).toContain('Helvetica');
    const email = await preflightPdf(bytes, 'email');
    expect(email.passed).toBe(false);
    expect(email.checks.filter((c) => c.status === 'FAIL').map((c) => c.id)).toEqual(expect.arrayContaining(['pdfa.id', 'nav.outline', 'nav.lang', 'ua.id', 'ua.tagged', 'ua.content', 'ua.links']));
  });

  test('a tagged file that breaks PDF/UA fails the Matterhorn conditions it breaks, and only those', async () => {
    // pdfkit's own tagging, used wrongly on purpose: H1 then H3, a figure without /Alt, text
    // outside any marked content, a link outside a Link element and without /Contents.
    const doc = new PDFDocument({ tagged: true, subset: 'PDF/UA', lang: 'zh-CN', displayTitle: true, pdfVersion: '1.7', info: { Title: 'ua' } } as unknown as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.font(path.join(REPO, 'fonts', 'NotoSerifSC-Regular.ttf'));
    const root = doc.struct('Document');
    doc.addStructure(root);
    root.add(doc.struct('H1', {}, () => doc.text('一、标题', 72, 72)));
    root.add(doc.struct('H3', {}, () => doc.text('（一）小标题', 72, 100)));
    root.add(doc.struct('Figure', {}, () => doc.rect(72, 130, 50, 50).fill()));
    doc.text('无标记的文字', 72, 200);
    doc.link(72, 220, 100, 20, 'https://example.org');
    root.end();
    doc.end();
    const report = await preflightPdf(await done, 'email');
    const status = (id: string) => report.checks.find((c) => c.id === id)?.status;
    expect({ headings: status('ua.headings'), figures: status('ua.figures'), content: status('ua.content'), links: status('ua.links') }).toEqual({ headings: 'FAIL', figures: 'FAIL', content: 'FAIL', links: 'FAIL' });
    expect(wording(report.checks.find((c) => c.id === 'ua.headings')?.message)).toContain('H1 → H3');
    expect({ id: status('ua.id'), tagged: status('ua.tagged'), lang: status('ua.lang'), nesting: status('ua.nesting'), types: status('ua.types') }).toEqual({ id: 'PASS', tagged: 'PASS', lang: 'PASS', nesting: 'PASS', types: 'PASS' });
  });

  test('without a profile a file that claims nothing gets the general checks only', async () => {
    const report = await preflightPdf(await naivePdf());
    expect(report.profile).toBe('general');
    expect(report.checks.find((c) => c.id === 'fonts.embedded')?.status).toBe('FAIL');
  });

  test('a file that is not a PDF fails as unreadable', async () => {
    const report = await preflightPdf(Buffer.from('hello'), 'print');
    expect(report.passed).toBe(false);
    expect(formatReport(report)).toMatch(/\[FAIL\] structure\.read/);
  });
});

describe('XML helpers', () => {
  test('escapeXml escapes the five specials and xmlProblem finds a bare &', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(xmlProblem('<a><b>x &amp; y</b></a>')).toBeUndefined();
    expect(xmlProblem('<a><b>x & y</b></a>')).toMatch(/bare "&"/);
    expect(xmlProblem('<a><b>x</a>')).toMatch(/closes/);
  });

  test('uuidFrom is stable and looks like a UUID', () => {
    expect(uuidFrom('x')).toBe(uuidFrom('x'));
    expect(uuidFrom('x')).not.toBe(uuidFrom('y'));
    expect(uuidFrom('x')).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('bulletin preflight (CLI)', () => {
  const cli = path.join(REPO, 'bin', 'bulletin.js');
  /** `bulletin preflight …args` as a child process (the exit status the shell sees); killed after 20 s. */
  const preflightCli = (args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      execFile(process.execPath, [cli, 'preflight', ...args], { encoding: 'utf8', timeout: 20_000 }, (err, stdout, stderr) => {
        const status = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
        if (err !== null && status === null && !err.killed) reject(err);
        else resolve({ status, stdout, stderr });
      });
    });
  test('exits 1 on a failing file, 2 on a missing one or on --print with --email', async () => {
    if (!fs.existsSync(path.join(REPO, 'dist', 'cli.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-pf-')), 'naive.pdf');
    fs.writeFileSync(file, await naivePdf());
    // The four runs at once: each is a node start-up and little else, so they overlap on the cores.
    const [fail, missing, both, device] = await Promise.all([
      preflightCli(['--print', file]),
      preflightCli([`${file}.missing`]),
      preflightCli(['--print', '--email', file]),
      // A device or FIFO is refused before anything is read (it used to hang the reader).
      preflightCli(['/dev/zero']),
    ]);
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/^RESULT: FAIL/m);
    expect(missing.status).toBe(2);
    expect(both.status).toBe(2);
    expect(device.status).toBe(2);
    expect(device.stderr).toContain('is not a regular file');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
