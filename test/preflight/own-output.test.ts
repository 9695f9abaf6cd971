/**
 * The build's check of its own output (checkOwnOutput: our parser, the writer's uncompressed
 * streams, every preflight check): it reads the build's files as pdf-lib does, and each defect
 * `bulletin preflight` catches in one of our files, put into the writer's output, fails it — the
 * build then refuses, writing nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../src/build';
import type { Rendered } from '../../src/outputs';
import { checkOwnOutput, formatReport, preflightPdf } from '../../src/preflight/preflight';
import type { WrittenStream } from '../../src/preflight/own-source';
import { makeTempProject, REPO_ROOT } from '../e2e/helpers';

type Target = 'print' | 'email';
const rendered = new Map<Target, Rendered>();
let root: string;

beforeAll(async () => {
  root = makeTempProject(path.join(REPO_ROOT, 'test', 'fixtures', 'mini', 'issues'));
  await buildIssue(root, '2024-03', {
    dryRun: true,
    beforeCheck: (target, file) => {
      rendered.set(target, file);
      return file;
    },
  });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The bytes with `from` replaced by `to` inside object `num` only (`to` as long as `from`: the xref stays right). */
function inObject(text: string, num: number | 'trailer' | 'metadata', from: string | RegExp, to: string | ((match: string, ...groups: string[]) => string)): string {
  const start = num === 'trailer' ? text.lastIndexOf('trailer') : num === 'metadata' ? text.indexOf('<?xpacket begin') : text.search(new RegExp(`(^|\\n)${num} 0 obj\\n`));
  if (start < 0) throw new Error(`no object ${num}`);
  const end = num === 'trailer' ? text.length : num === 'metadata' ? text.indexOf('<?xpacket end', start) : text.indexOf('endobj', start);
  const body = text.slice(start, end);
  const changed = typeof to === 'string' ? body.replace(from, to) : body.replace(from, to);
  if (changed === body) throw new Error(`${String(from)} is not in object ${num}`);
  if (num !== 'trailer' && changed.length !== body.length) throw new Error('a change of length would move the objects after it');
  return text.slice(0, start) + changed + text.slice(end);
}

/** The number of the first object whose dictionary matches `pattern`. */
function objectWith(text: string, pattern: RegExp): number {
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)endobj/g)) if (pattern.test(m[2]!)) return Number(m[1]);
  throw new Error(`no object matches ${pattern}`);
}

const root0 = (text: string) => Number(/\/Root (\d+) 0 R/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
const info = (text: string) => Number(/\/Info (\d+) 0 R/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
/** The object a key of object `num` refers to (`/Key n 0 R`). */
const target = (text: string, num: number, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(inside(text, num))![1]);
const inside = (text: string, num: number) => text.slice(text.search(new RegExp(`(^|\\n)${num} 0 obj\\n`)), text.indexOf('endobj', text.search(new RegExp(`(^|\\n)${num} 0 obj\\n`))));

/** A defect in the file's bytes (same length), or in the page contents as the writer handed them to zlib. */
interface Defect {
  readonly check: string;
  readonly bytes?: (text: string) => string;
  readonly contents?: (plain: string) => string;
}

const both: Defect[] = [
  { check: 'structure.read', bytes: (t) => t.replace(/startxref\n\d/, (m) => m.slice(0, -1) + (m.endsWith('9') ? '8' : '9')) },
  { check: 'structure.read', bytes: (t) => inObject(t, 'trailer', /\/Info (\d+) 0 R/, '/Encrypt $1 0 R /Info $1 0 R') },
  { check: 'structure.id', bytes: (t) => inObject(t, 'trailer', '/ID [', '/IX [') },
  { check: 'meta.title', bytes: (t) => inObject(t, info(t), '/Title', '/Titlx') },
  { check: 'xmp.present', bytes: (t) => inObject(t, root0(t), '/Metadata', '/Metadatx') },
  { check: 'xmp.wellformed', bytes: (t) => inObject(t, 'metadata', '</rdf:RDF>', '</rdf:RDX>') },
  { check: 'xmp.info', bytes: (t) => inObject(t, 'metadata', 'bulletin (pdfkit)', 'bulletin (pdfkiT)') },
  { check: 'fonts.embedded', bytes: (t) => inObject(t, objectWith(t, /\/FontFile2/), '/FontFile2', '/FontFileX') },
  { check: 'fonts.tounicode', bytes: (t) => inObject(t, objectWith(t, /\/ToUnicode/), '/ToUnicode', '/ToUnicodx') },
  { check: 'fonts.widths', bytes: (t) => inObject(t, objectWith(t, /\/W \[1 \[/), /(\/W \[1 \[)(\d)/, '$1' + '2') },
];

const print: Defect[] = [
  { check: 'meta.dates', bytes: (t) => inObject(t, info(t), '/ModDate', '/ModDatx') },
  { check: 'pdfx.version', bytes: (t) => inObject(inObject(inObject(t, info(t), '/GTS_PDFXVersion', '/GTS_PDFXVersioX'), 'metadata', 'pdfxid:GTS_PDFXVersion>', 'pdfxid:GTS_PDFXVersioX>'), 'metadata', 'pdfxid:GTS_PDFXVersion>', 'pdfxid:GTS_PDFXVersioX>') },
  { check: 'pdfx.pdfversion', bytes: (t) => t.replace('%PDF-1.6', '%PDF-1.7') },
  { check: 'pdfx.xmp', bytes: (t) => inObject(inObject(t, 'metadata', 'xmpMM:VersionID>', 'xmpMM:VersionIX>'), 'metadata', 'xmpMM:VersionID>', 'xmpMM:VersionIX>') },
  { check: 'pdfx.trapped', bytes: (t) => inObject(t, target(t, info(t), 'Trapped'), '/False', '/Falsx') },
  { check: 'outputintent', bytes: (t) => inObject(t, objectWith(t, /\/S \/GTS_PDFX\b/), '/S /GTS_PDFX', '/S /GTS_PDFY') },
  { check: 'boxes', bytes: (t) => inObject(t, objectWith(t, /\/TrimBox/), '/TrimBox', '/TrimBoy') },
  { check: 'annotations', bytes: (t) => inObject(t, objectWith(t, /\/TrimBox/), /\/BleedBox (\[[^\]]*\])/, (m: string) => `/Annots [<</Subtype /Link>>]`.padEnd(m.length, ' ')) },
  { check: 'colour.rgb', contents: (c) => `${c}\n1 0 0 rg\n` },
];

const email: Defect[] = [
  { check: 'structure.content', bytes: (t) => inObject(t, target(t, objectWith(t, /\/Type \/Page\n/), 'Contents'), /stream\n../, 'stream\n\u00ff\u00ff') },
  { check: 'pdfa.id', bytes: (t) => inObject(inObject(t, 'metadata', 'pdfaid:part', 'pdfaid:parx'), 'metadata', 'pdfaid:part', 'pdfaid:parx') },
  { check: 'pdfa.level', bytes: (t) => inObject(t, objectWith(t, /\/Marked true/), '/Marked true', '/Markex true') },
  { check: 'pdfa.outputintent', bytes: (t) => inObject(t, objectWith(t, /\/S \/GTS_PDFA1/), '/S /GTS_PDFA1', '/S /GTS_PDFA9') },
  { check: 'pdfa.colour', contents: (c) => `${c}\n/Artifact BMC 0 0 0 1 k EMC\n` },
  { check: 'nav.lang', bytes: (t) => inObject(t, root0(t), '/Lang', '/Lanx') },
  { check: 'ua.lang', bytes: (t) => inObject(t, root0(t), '/Lang', '/Lanx') },
  { check: 'nav.displaytitle', bytes: (t) => inObject(t, objectWith(t, /\/DisplayDocTitle true/), '/DisplayDocTitle', '/DisplayDocTitlx') },
  { check: 'nav.outline', bytes: (t) => inObject(t, root0(t), '/Outlines', '/Outlinex') },
  { check: 'nav.outline.count', bytes: (t) => inObject(t, target(t, root0(t), 'Outlines'), /\/Count (\d)/, (_m: string, d: string) => `/Count ${d === '9' ? '8' : Number(d) + 1}`) },
  { check: 'nav.links', bytes: (t) => inObject(t, objectWith(t, /\/S \/GoTo/), /\/D \((.)/, '/D (\u0001') },
  { check: 'nav.pagelabels', bytes: (t) => inObject(t, root0(t), '/PageLabels', '/PageLabelx') },
  { check: 'ua.id', bytes: (t) => inObject(t, 'metadata', '<pdfuaid:part>1<', '<pdfuaid:part>2<') },
  { check: 'ua.title', bytes: (t) => inObject(t, 'metadata', /<dc:title>([\s\S]*?)<\/dc:title>/, (m: string) => m.replace(/dc:title/g, 'dc:titlx')) },
  { check: 'ua.tagged', bytes: (t) => inObject(t, root0(t), '/StructTreeRoot', '/StructTreeRoox') },
  { check: 'ua.content', contents: (c) => `${c}\n0 0 m 1 1 l S\n` },
  { check: 'ua.nesting', contents: (c) => `${c}\n/Artifact BMC\n` },
  { check: 'ua.types', bytes: (t) => inObject(t, objectWith(t, /\/S \/P\n/), '/S /P\n', '/S /X\n') },
  { check: 'ua.headings', bytes: (t) => inObject(t, objectWith(t, /\/S \/H1\n/), '/S /H1\n', '/S /H3\n') },
  { check: 'ua.figures', bytes: (t) => inObject(t, objectWith(t, /\/S \/Figure/), '/Alt', '/Alx') },
  { check: 'ua.toc', bytes: (t) => inObject(t, objectWith(t, /\/S \/TOCI\n/), '/S /TOCI\n', '/S /Span\n') },
  { check: 'ua.lists', bytes: (t) => inObject(t, objectWith(t, /\/S \/Sect\n/), '/S /Sect\n', '/S /L\n   ') },
  { check: 'ua.tabs', bytes: (t) => inObject(t, objectWith(t, /\/Annots[^]*\/Tabs \/S/), '/Tabs /S', '/Tabs /R') },
  { check: 'ua.links', bytes: (t) => inObject(t, objectWith(t, /\/Subtype \/Link/), '/Contents', '/Contentx') },
];

/** The defect applied to a copy of the rendered file. */
function inject(file: Rendered, defect: Defect): Rendered {
  let bytes = file.bytes;
  if (defect.bytes) {
    const changed = defect.bytes(latin1(file.bytes));
    expect(changed).not.toBe(latin1(file.bytes));
    bytes = Buffer.from(changed, 'latin1');
  }
  const written = new Map<number, WrittenStream>(file.written);
  if (defect.check === 'structure.content') {
    // The writer's copy is what the check reads: a damaged stream in the file shows only without it.
    for (const [num, stream] of file.written) if (stream.deflated === undefined) written.delete(num);
  }
  if (defect.contents) {
    const [num, page] = [...file.written].find(([, stream]) => stream.deflated === undefined)!;
    written.set(num, { plain: Buffer.from(defect.contents(latin1(page.plain)), 'latin1') });
  }
  return { bytes, written };
}

describe('the build reads its own files as pdf-lib does', () => {
  test.each<Target>(['print', 'email'])('%s: the same report, with and without the writer\'s streams', async (target) => {
    const file = rendered.get(target)!;
    const full = formatReport(await preflightPdf(file.bytes, target));
    expect(full).toMatch(/^RESULT: PASS/m);
    expect(formatReport(checkOwnOutput(file.bytes, target, file.written))).toBe(full);
    expect(formatReport(checkOwnOutput(file.bytes, target, new Map()))).toBe(full);
    // The page contents and every font program came from the writer, not from inflating the file.
    expect([...file.written.values()].filter((s) => s.deflated !== undefined).length).toBeGreaterThan(0);
    expect([...file.written.values()].filter((s) => s.deflated === undefined).length).toBe(target === 'print' ? 8 : 5);
  });

  test('a font program in the file that is not the one the writer compressed fails the file', () => {
    const file = rendered.get('email')!;
    const written = new Map([...file.written].map(([num, s]): [number, WrittenStream] => [num, s.deflated ? { plain: s.plain, deflated: Buffer.concat([s.deflated.subarray(1), Buffer.from([0])]) } : s]));
    const report = checkOwnOutput(file.bytes, 'email', written);
    expect(report.checks.find((c) => c.id === 'fonts.widths')?.status).toBe('FAIL');
    expect(report.passed).toBe(false);
  });
});

/** Checks that only ever warn or inform (never refuse a file): no defect of theirs fails a build. */
const NEVER_FAIL = new Set(['colour.text', 'images.ppi', 'email.size', 'email.page']);

test.each<[Target, Defect[]]>([
  ['print', [...both, ...print]],
  ['email', [...both, ...email]],
])('%s: every check that can fail a file has its defect below', async (target, defects) => {
  const file = rendered.get(target)!;
  const passing = (await preflightPdf(file.bytes, target)).checks.filter((c) => c.status === 'PASS' && !NEVER_FAIL.has(c.id)).map((c) => c.id);
  expect(passing.length).toBeGreaterThan(15);
  expect(passing.filter((id) => !defects.some((d) => d.check === id))).toEqual([]);
});

describe.each<[Target, Defect[]]>([
  ['print', [...both, ...print]],
  ['email', [...both, ...email]],
])('%s: each defect our preflight catches fails the build\'s check', (target, defects) => {
  test.each(defects.map((d, i) => [`${d.check} #${i}`, d] as const))('%s', async (_, defect) => {
    const file = inject(rendered.get(target)!, defect);
    const own = checkOwnOutput(file.bytes, target, file.written);
    expect({ check: defect.check, status: own.checks.find((c) => c.id === defect.check)?.status }).toEqual({ check: defect.check, status: 'FAIL' });
    expect(own.passed).toBe(false);
    // A byte defect is one `bulletin preflight` (pdf-lib) fails on the same check.
    if (defect.bytes && defect.check !== 'structure.read' && defect.check !== 'structure.content') {
      expect((await preflightPdf(file.bytes, target)).checks.find((c) => c.id === defect.check)?.status).toBe('FAIL');
    }
  });
});

test('a defect in what the writer wrote makes the build refuse: a bug of ours, nothing written', async () => {
  const project = makeTempProject(path.join(REPO_ROOT, 'test', 'fixtures', 'mini', 'issues'));
  try {
    const build = buildIssue(project, '2024-03', { beforeCheck: (target, file) => (target === 'print' ? inject(file, print.find((d) => d.check === 'colour.rgb')!) : file) });
    await expect(build).rejects.toThrow(/the print PDF fails our own check of what we wrote[\s\S]*\[FAIL\] colour\.rgb/);
    expect(fs.existsSync(path.join(project, 'out', '2024-03'))).toBe(false);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});
