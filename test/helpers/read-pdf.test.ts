/**
 * Tests of the PDF reading harness itself: a PDF is written here with pdfkit, with text at
 * positions known independently of pdf.js (Courier's fixed 600-unit advance, the CJK font's 1 em
 * ideographs, fontkit's own layout), and the report must give them back to 0.01 pt.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { linesOf, pageText, readPdf, type PdfGlyph, type PdfPage, type PdfReport } from './pdf';

const ROOT = path.resolve(__dirname, '..', '..');
const CJK_FONT = path.join(ROOT, 'fonts', 'NotoSerifSC-Regular.ttf');
const HAS_CJK_FONT = fs.existsSync(CJK_FONT);
if (!HAS_CJK_FONT) {
  // Visible in the jest output, and the tests below show as skipped rather than passing.
  console.warn(`read-pdf.test: ${CJK_FONT} is missing (run scripts/fetch-fonts.sh); CJK checks are SKIPPED`);
}
const testCjk = HAS_CJK_FONT ? test : test.skip;

const A4_HEIGHT = 841.89;
const COURIER_EM = 0.6; // every Courier glyph is 600/1000 em wide, and Courier has no kerning
const TOLERANCE = 0.01;

let workDir: string;
let pdfFile: string;
let report: PdfReport;

/** Extra pdfkit text options that @types/pdfkit does not list. */
type TextOptions = PDFKit.Mixins.TextOptions & { horizontalScaling?: number };

/** Writes the test PDF: page 1 Latin/operators, page 2 CJK (when the font exists), page 3 a custom size. */
function writeTestPdf(file: string): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: 'zh-CN',
    info: {
      Title: '法律资讯测试',
      Author: '测试作者',
      Subject: 'harness',
      Keywords: 'a, b',
      CreationDate: new Date(Date.UTC(2024, 1, 15, 0, 0, 0)),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => {
    fs.writeFileSync(file, Buffer.concat(chunks));
    resolve();
  }));
  const alphabetic: TextOptions = { lineBreak: false, baseline: 'alphabetic' };

  // Page 1: standard Courier, so expected positions are plain arithmetic.
  doc.outline.addItem('第一页');
  doc.font('Courier').fontSize(12);
  doc.text('ABCDEFGH', 72.5, 100, { ...alphabetic, characterSpacing: 1.25 });
  const scaled: TextOptions = { ...alphabetic, horizontalScaling: 80 };
  doc.text('IJKL', 72, 150, scaled);
  // Two runs on one baseline, written right one first: linesOf must merge and sort them.
  doc.text('XYZ', 300, 200, alphabetic);
  doc.text('UVW', 200, 200, alphabetic);
  // A transformed run: translate and scale in pdfkit's top-down space.
  doc.save().translate(300, 500).scale(2);
  doc.text('MN', 10, 20, alphabetic);
  doc.restore();
  // A run rotated 90° anticlockwise on the page about its own origin.
  doc.save().rotate(-90, { origin: [400, 600] });
  doc.text('RS', 400, 600, alphabetic);
  doc.restore();
  // Raw operators pdfkit never writes: Td TD TL T* Tw Ts ' " and TJ numbers, in user space.
  const fontId = (doc as unknown as { _font: { id: string } })._font.id;
  doc.addContent(
    [
      `q 1 0 0 -1 0 ${A4_HEIGHT} cm BT /${fontId} 10 Tf 14 TL 50 400 Td (A B) Tj T*`,
      '2 Tw (C D) Tj 0 Tw 20 -30 TD (E) Tj T* 5 Ts (F) Tj 0 Ts',
      "(G) ' 3 1 (H I) \" 0 Tw 0 Tc",
      '0 -30 Td [(J) -500 (K)] TJ ET Q',
    ].join('\n'),
  );
  doc.link(72, 700, 100, 20, 'https://example.org/x');
  doc.goTo(72, 730, 100, 20, 'sec2');

  // Page 2: the CJK font, embedded by pdfkit as a CID font with a ToUnicode map.
  doc.addPage();
  doc.addNamedDestination('sec2', 'XYZ', 72, 100, null);
  const chapter = doc.outline.addItem('第二页');
  chapter.addItem('小节');
  if (HAS_CJK_FONT) {
    doc.font(CJK_FONT).fontSize(12);
    doc.text('中文排版，测试。', 100, 100, alphabetic);
    doc.text('ABC def', 100.25, 130, { ...alphabetic, characterSpacing: 1.5 });
  } else {
    doc.font('Helvetica').fontSize(12).text('no CJK font', 100, 100, alphabetic);
  }

  // Page 3: a non-A4 size.
  doc.addPage({ size: [300, 400], margin: 0 });
  doc.font('Courier').fontSize(10).text('end', 10, 20, alphabetic);
  doc.end();
  return done;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-pdf-test-'));
  pdfFile = path.join(workDir, 'harness.pdf');
  await writeTestPdf(pdfFile);
  report = readPdf(pdfFile);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function page(index: number): PdfPage {
  const p = report.pages[index];
  if (!p) throw new Error(`no page ${index}`);
  return p;
}

/** The glyphs of `text` as a contiguous run in the page's glyph list, optionally only glyphs of one size. */
function run(p: PdfPage, text: string, size?: number): PdfGlyph[] {
  const chars = Array.from(text);
  const glyphs = size === undefined ? p.glyphs : p.glyphs.filter((g) => g.size === size);
  for (let i = 0; i + chars.length <= glyphs.length; i++) {
    const slice = glyphs.slice(i, i + chars.length);
    if (slice.every((g, k) => g.ch === chars[k])) return slice;
  }
  throw new Error(`run ${JSON.stringify(text)} not found on page ${p.index}: ${p.glyphs.map((g) => g.ch).join('')}`);
}

function expectClose(actual: number, expected: number, what: string): void {
  if (Math.abs(actual - expected) > TOLERANCE) {
    throw new Error(`${what}: expected ${expected.toFixed(4)}, got ${actual.toFixed(4)}`);
  }
}

describe('document structure', () => {
  test('page count and page sizes come from the MediaBox', () => {
    expect(report.pageCount).toBe(3);
    expect(page(0).width).toBeCloseTo(595.28, 2);
    expect(page(0).height).toBeCloseTo(A4_HEIGHT, 2);
    expect([page(2).width, page(2).height]).toEqual([300, 400]);
  });

  test('info dictionary, creation date and /Lang are read', () => {
    expect(report.info['Title']).toBe('法律资讯测试');
    expect(report.info['Author']).toBe('测试作者');
    expect(report.info['Subject']).toBe('harness');
    expect(report.info['Keywords']).toBe('a, b');
    expect(report.creationDateIso).toBe('2024-02-15T00:00:00Z');
    expect(report.lang).toBe('zh-CN');
    // pdfkit writes XMP only for PDF/A subsets.
    expect(report.metadataXmpPresent).toBe(false);
  });

  test('a file without /PageLabels reports null labels', () => {
    expect(report.pageLabels).toBeNull();
  });

  test('outline items resolve to page indexes, with children', () => {
    expect(report.outline.map((o) => [o.title, o.pageIndex])).toEqual([
      ['第一页', 0],
      ['第二页', 1],
    ]);
    expect(report.outline[1]?.items.map((o) => [o.title, o.pageIndex])).toEqual([['小节', 1]]);
  });

  test('link annotations give their rect, URL, and named destination resolved to page and top', () => {
    const links = page(0).annotations;
    const url = links.find((a) => a.url !== undefined);
    expect(url?.subtype).toBe('Link');
    expect(url?.url).toBe('https://example.org/x');
    const rect = url?.rect ?? [];
    [72, A4_HEIGHT - 720, 172, A4_HEIGHT - 700].forEach((v, i) => expectClose(rect[i] ?? NaN, v, `rect[${i}]`));
    const internal = links.find((a) => a.destName !== undefined);
    expect(internal?.destName).toBe('sec2');
    expect(internal?.destPageIndex).toBe(1);
    expectClose(internal?.destTop ?? NaN, A4_HEIGHT - 100, 'destTop');
  });

  test('fonts: a standard font is reported as not embedded and without ToUnicode', () => {
    const courier = report.fonts.find((f) => f.name === 'Courier');
    expect(courier).toMatchObject({ embedded: false, hasToUnicode: false, subtype: 'Type1', usedInContent: true });
  });

  testCjk('fonts: the pdfkit-embedded TTF is an embedded Type0 font with ToUnicode', () => {
    const noto = report.fonts.find((f) => f.name.endsWith('+NotoSerifSC-Regular'));
    expect(noto).toMatchObject({ embedded: true, hasToUnicode: true, subtype: 'Type0', type: 'CIDFontType2' });
  });

  testCjk('an XMP metadata stream is detected (pdfkit writes one for PDF/A)', async () => {
    const file = path.join(workDir, 'pdfa.pdf');
    const doc = new PDFDocument({ subset: 'PDF/A-2b', pdfVersion: '1.7', info: { Title: 'xmp' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.font(CJK_FONT).text('中', 72, 72);
    doc.end();
    await done;
    fs.writeFileSync(file, Buffer.concat(chunks));
    expect(readPdf(file).metadataXmpPresent).toBe(true);
  });

  test('a file that is not a PDF makes readPdf throw with the reader message', () => {
    const bogus = path.join(workDir, 'not.pdf');
    fs.writeFileSync(bogus, 'hello');
    expect(() => readPdf(bogus)).toThrow(/read-pdf\.mjs failed on .*not\.pdf: read-pdf:/);
  });
});

describe('glyph positions', () => {
  test('Tc: Courier glyphs sit at x0 + i·(7.2 + 1.25) on the alphabetic baseline', () => {
    const glyphs = run(page(0), 'ABCDEFGH');
    glyphs.forEach((g, i) => {
      expectClose(g.x, 72.5 + i * (12 * COURIER_EM + 1.25), `x of ${g.ch}`);
      expectClose(g.y, A4_HEIGHT - 100, `y of ${g.ch}`);
      expectClose(g.advance, 12 * COURIER_EM + 1.25, `advance of ${g.ch}`);
      expect(g.size).toBe(12);
      expect(g.fontName).toBe('Courier');
    });
  });

  test('Tz: horizontal scaling 80% narrows both the pen movement and the advance', () => {
    const glyphs = run(page(0), 'IJKL');
    glyphs.forEach((g, i) => {
      expectClose(g.x, 72 + i * 12 * COURIER_EM * 0.8, `x of ${g.ch}`);
      expectClose(g.advance, 12 * COURIER_EM * 0.8, `advance of ${g.ch}`);
    });
  });

  test('cm: translate(300,500) scale(2) doubles size and advance and moves the origin', () => {
    const [m, n] = run(page(0), 'MN');
    expectClose(m?.x ?? NaN, 320, 'x of M');
    expectClose(m?.y ?? NaN, A4_HEIGHT - 540, 'y of M');
    expectClose(n?.x ?? NaN, 320 + 2 * 12 * COURIER_EM, 'x of N');
    expect(m?.size).toBeCloseTo(24, 4);
    expectClose(m?.advance ?? NaN, 2 * 12 * COURIER_EM, 'advance of M');
  });

  test('rotation: glyphs of a run rotated by 90° advance along y', () => {
    const [r, s] = run(page(0), 'RS');
    expectClose(r?.x ?? NaN, 400, 'x of R');
    expectClose(r?.y ?? NaN, A4_HEIGHT - 600, 'y of R');
    expectClose(s?.x ?? NaN, 400, 'x of S');
    expectClose(s?.y ?? NaN, A4_HEIGHT - 600 + 12 * COURIER_EM, 'y of S');
  });

  test('Td TD TL T* Tw Ts \' " and TJ numbers move the pen as the PDF spec says', () => {
    const w = 10 * COURIER_EM; // 6 pt per glyph at 10 pt
    const at = (text: string): Array<[number, number]> => run(page(0), text, 10).map((g) => [g.x, g.y]);
    const expectRun = (text: string, expected: Array<[number, number]>): void => {
      at(text).forEach(([x, y], i) => {
        expectClose(x, expected[i]?.[0] ?? NaN, `x of ${text}[${i}]`);
        expectClose(y, expected[i]?.[1] ?? NaN, `y of ${text}[${i}]`);
      });
    };
    expectRun('A B', [[50, 400], [56, 400], [62, 400]]);
    // T* with TL 14; then Tw 2 widens the single-byte space only.
    expectRun('C D', [[50, 386], [56, 386], [56 + w + 2, 386]]);
    // TD 20 -30 moves and sets TL to 30.
    expectRun('E', [[70, 356]]);
    expectRun('F', [[70, 331]]); // T* then Ts 5 raises the glyph
    expectRun('G', [[70, 296]]); // ' is T* + Tj
    // " sets Tw 3 and Tc 1, then T* + Tj.
    expectRun('H I', [[70, 266], [70 + w + 1, 266], [70 + 2 * (w + 1) + 3, 266]]);
    // TJ: -500 thousandths of 10 pt move K 5 pt right.
    expectRun('JK', [[70, 236], [70 + w + 5, 236]]);
    const space = run(page(0), 'H I', 10)[1];
    expectClose(space?.advance ?? NaN, w + 1 + 3, 'advance of the space with Tw 3 and Tc 1');
  });

  testCjk('CJK: ideographs and full-width punctuation advance exactly 1 em', () => {
    const text = '中文排版，测试。';
    const glyphs = run(page(1), text);
    glyphs.forEach((g, i) => {
      expectClose(g.x, 100 + 12 * i, `x of ${g.ch}`);
      expectClose(g.y, A4_HEIGHT - 100, `y of ${g.ch}`);
      expectClose(g.advance, 12, `advance of ${g.ch}`);
      expect(g.fontName).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    });
  });

  testCjk('CJK font, Latin with kerning and Tc 1.5: x matches fontkit layout (TJ adjustments)', () => {
    const font = fontkit.openSync(CJK_FONT) as fontkit.Font;
    const text = 'ABC def';
    const layout = font.layout(text);
    const scale = 12 / font.unitsPerEm;
    let x = 100.25;
    const expected = layout.positions.map((pos) => {
      const at = x;
      x += pos.xAdvance * scale + 1.5;
      return at;
    });
    const glyphs = run(page(1), text);
    expect(glyphs).toHaveLength(expected.length);
    glyphs.forEach((g, i) => expectClose(g.x, expected[i] ?? NaN, `x of ${g.ch}`));
  });
});

describe('text helpers', () => {
  test('linesOf merges runs on one baseline, sorts left to right, and orders lines top to bottom', () => {
    const lines = linesOf(page(0));
    const merged = lines.find((l) => l.text === 'UVWXYZ');
    expect(merged).toBeDefined();
    expectClose(merged?.x ?? NaN, 200, 'line x');
    expectClose(merged?.right ?? NaN, 300 + 3 * 12 * COURIER_EM, 'line right');
    const ys = lines.map((l) => l.y);
    expect(ys).toEqual([...ys].sort((a, b) => b - a));
    expect(lines[0]?.text).toBe('ABCDEFGH');
  });

  test('linesOf keeps a raised glyph (Ts 5) out of its line at the default tolerance', () => {
    const lines = linesOf(page(0));
    expect(lines.some((l) => l.text === 'F')).toBe(true);
  });

  test('page.text is pdf.js text content, with a newline at each line end', () => {
    // pdf.js reads the Tc 1.25 gaps in ABCDEFGH as spaces; that is what a viewer copies.
    expect(page(0).text.split('\n').slice(0, 3)).toEqual(['A B C D E F G H', 'IJKL', 'XYZUVW']);
  });

  testCjk('pageText gives the glyph lines, so CJK text reads back unbroken', () => {
    expect(pageText(page(1)).split('\n')).toEqual(['中文排版，测试。', 'ABC def']);
    expect(page(1).text).toContain('中文排版，测试。');
  });
});
