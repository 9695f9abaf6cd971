/**
 * The preflight checks: PDF/X-4 press file (`print`) and PDF/A-2a + PDF/UA-1 e-mail copy (`email`) rules
 * from PRINT.md, each reported with its figures. Works on any PDF, ours or another tool's.
 */
import { type Message, message } from '../messages';
import { type ContentScan, newScan, scanContent } from './content';
import type { InfoValue, PdfModel, Rect } from './reader';
import { uaChecks } from './ua';
import { unescapeXml, xmlProblem } from './xml';

export type Profile = 'print' | 'email' | 'general';
export type Status = 'PASS' | 'FAIL' | 'WARN' | 'INFO';

/** One line of the report. */
export interface Check {
  readonly status: Status;
  readonly id: string;
  /** What was found, with its figures (worded when the report is printed). */
  readonly message: Message;
  /** The Matterhorn Protocol failure conditions a PDF/UA check covers. */
  readonly matterhorn?: string;
}

export interface CheckOptions {
  /** Smallest bleed on any side, in mm (print). */
  readonly minBleedMm?: number;
  /** Smallest effective image resolution before a warning (print). */
  readonly minPpi?: number;
  /** E-mail size above which a warning is given, in MB. */
  readonly maxMb?: number;
}

const MM = 72 / 25.4;

/** Runs the checks of `profile` ('general' when the file claims neither PDF/X nor PDF/A) on a parsed PDF. */
export function runChecks(pdf: PdfModel, profile: Profile, options: CheckOptions = {}): Check[] {
  const checks: Check[] = [];
  const add = (status: Status, id: string, message: Message) => checks.push({ status, id, message });
  const need = profile !== 'general';
  const xmp = pdf.xmp;
  const scans = pdf.pages.map((page) => scanContent(page.content, page.resources));
  const total = scans.reduce(mergeScan, newScan());

  // Structure.
  add('INFO', 'structure.version', message('preflight.structure.version', { version: pdf.version, pagesCount: pdf.pages.length, bytes: (pdf.bytes / 1024).toFixed(0) }));
  if (pdf.encrypted) add(need ? 'FAIL' : 'WARN', 'structure.encryption', message('preflight.structure.encryption'));
  add(pdf.hasId ? 'PASS' : need ? 'FAIL' : 'WARN', 'structure.id', pdf.hasId ? message('preflight.structure.id') : message('preflight.structure.id.missing'));
  const broken = pdf.pages.flatMap((p, i) => (p.contentError === undefined ? [] : [`p${i + 1}: ${p.contentError}`]));
  if (broken.length > 0) add('FAIL', 'structure.content', message('preflight.structure.content', { broken: broken.slice(0, 3).join('; ') }));

  // Metadata: Info, XMP well-formed and in step with Info.
  const title = pdf.info.get('Title')?.text;
  add(title ? 'PASS' : need ? 'FAIL' : 'WARN', 'meta.title', title ? message('preflight.meta.title', { title }) : message('preflight.meta.title.missing'));
  const created = pdf.info.get('CreationDate');
  const modified = pdf.info.get('ModDate');
  if (profile === 'print') add(created?.date && modified?.date ? 'PASS' : 'FAIL', 'meta.dates', message('preflight.meta.dates', { created: dateText(created), modified: dateText(modified) }));
  if (xmp === undefined) {
    add(need ? 'FAIL' : 'INFO', 'xmp.present', message('preflight.xmp.present'));
  } else {
    const problem = xmlProblem(xmp);
    add(problem ? 'FAIL' : 'PASS', 'xmp.wellformed', problem ? message('preflight.xmp.wellformed', { problem }) : message('preflight.xmp.wellformed.ok', { xmpCount: xmp.length }));
    if (!problem) checks.push(...xmpAgreement(pdf, xmp, need));
  }

  // Fonts.
  const notEmbedded = pdf.fonts.filter((f) => !f.embedded).map((f) => f.name);
  add(notEmbedded.length === 0 ? 'PASS' : 'FAIL', 'fonts.embedded', notEmbedded.length === 0 ? message('preflight.fonts.embedded', { fontsCount: pdf.fonts.length }) : message('preflight.fonts.embedded.missing', { notEmbedded: notEmbedded.join(', ') }));
  const noUnicode = pdf.fonts.filter((f) => !f.toUnicode && f.subtype !== 'Type3').map((f) => f.name);
  add(noUnicode.length === 0 ? 'PASS' : need ? 'FAIL' : 'WARN', 'fonts.tounicode', noUnicode.length === 0 ? message('preflight.fonts.tounicode') : message('preflight.fonts.tounicode.missing', { noUnicode: noUnicode.join(', ') }));

  checks.push(widthsCheck(pdf, need));

  const spaces = [...total.spaces.entries()].map(([s, n]) => `${s} ×${n}`).join(', ');
  add('INFO', 'colour.spaces', spaces ? message('preflight.colour.spaces', { spaces }) : message('preflight.colour.spaces.none'));
  const textColours = [...total.textColours.entries()].map(([s, n]) => `${s} ×${n}`).join(', ');
  if (textColours) add('INFO', 'colour.text', message('preflight.colour.text', { textColours }));

  if (profile === 'print') checks.push(...printChecks(pdf, total, options));
  if (profile === 'email') checks.push(...emailChecks(pdf, total, options));
  // The e-mail copy is tagged (PDF/UA-1); any other file that claims PDF/UA is held to it too.
  const claimsUa = xmp !== undefined && xmpValue(xmp, 'pdfuaid:part') !== undefined;
  if (profile === 'email' || claimsUa) checks.push(...uaChecks(pdf, scans, (property) => (xmp === undefined ? undefined : xmpValue(xmp, property))));
  return checks;
}

/**
 * PDF/A-2 6.2.11.5 (veraPDF 6.2.11.5-1, PDFBox 3.1.6): every width a CIDFontType2 declares agrees
 * with its embedded program's advance within 1/1000 em. MuPDF positions glyphs by the program, so
 * a disagreement also makes it extract spaces that are not in the text. Both our files must hold.
 */
function widthsCheck(pdf: PdfModel, need: boolean): Check {
  const checked = pdf.fonts.filter((f) => f.widths !== undefined);
  const unreadable = checked.filter((f) => f.widths?.unreadable !== undefined);
  const bad = checked.filter((f) => (f.widths?.mismatched ?? 0) > 0);
  const codes = checked.reduce((n, f) => n + (f.widths?.codes ?? 0), 0);
  if (bad.length > 0 || unreadable.length > 0) {
    const mismatched = bad.reduce((n, f) => n + (f.widths?.mismatched ?? 0), 0);
    const details = [...bad.map((f) => `${f.name}: ${f.widths?.mismatched} (${f.widths?.examples.join('; ')})`), ...unreadable.map((f) => `${f.name}: program unreadable (${f.widths?.unreadable})`)];
    return { status: need ? 'FAIL' : 'WARN', id: 'fonts.widths', message: message('preflight.fonts.widths', { mismatched, codes, details: details.slice(0, 4).join('; ') }) };
  }
  return { status: 'PASS', id: 'fonts.widths', message: message('preflight.fonts.widths.ok', { codes, checkedCount: checked.length }) };
}

function printChecks(pdf: PdfModel, scan: ContentScan, options: CheckOptions): Check[] {
  const checks: Check[] = [];
  const add = (status: Status, id: string, message: Message) => checks.push({ status, id, message });
  const xmp = pdf.xmp ?? '';

  // PDF/X identification, version, Trapped.
  const claim = pdf.info.get('GTS_PDFXVersion')?.text ?? xmpValue(xmp, 'pdfxid:GTS_PDFXVersion');
  add(claim ? 'PASS' : 'FAIL', 'pdfx.version', claim ? message('preflight.pdfx.version', { claim }) : message('preflight.pdfx.version.missing'));
  if (claim?.startsWith('PDF/X-4')) {
    add(Number(pdf.version) <= 1.6 ? 'PASS' : 'FAIL', 'pdfx.pdfversion', message('preflight.pdfx.pdfversion', { version: pdf.version }));
    const missing = ['pdfxid:GTS_PDFXVersion', 'xmpMM:DocumentID', 'xmpMM:VersionID', 'xmpMM:RenditionClass', 'pdf:Trapped', 'xmp:ModifyDate', 'xmp:MetadataDate'].filter((k) => xmpValue(xmp, k) === undefined);
    add(missing.length === 0 ? 'PASS' : 'FAIL', 'pdfx.xmp', missing.length === 0 ? message('preflight.pdfx.xmp') : message('preflight.pdfx.xmp.missing', { missing: missing.join(', ') }));
  }
  const trapped = pdf.info.get('Trapped');
  const trappedOk = trapped?.type === 'name' && (trapped.text === 'True' || trapped.text === 'False');
  add(trappedOk ? 'PASS' : 'FAIL', 'pdfx.trapped', trapped ? message('preflight.pdfx.trapped', { value: trapped.type === 'name' ? '/' : '(string) ', text: trapped.text }) : message('preflight.pdfx.trapped.missing'));

  // Output intent: exactly one GTS_PDFX with an embedded CMYK output profile.
  const intents = pdf.outputIntents.filter((oi) => oi.s === 'GTS_PDFX');
  const intent = intents[0];
  if (intents.length !== 1 || !intent) add('FAIL', 'outputintent', message('preflight.outputintent', { intentsCount: intents.length }));
  else if (!intent.profile) add('FAIL', 'outputintent', message('preflight.outputintent.no-profile', { condition: intent.condition ?? '?' }));
  else {
    const header = iccHeader(intent.profile);
    const ok = header.deviceClass === 'prtr' && header.space === 'CMYK';
    add(ok ? 'PASS' : 'FAIL', 'outputintent', message('preflight.outputintent.details', { condition: intent.condition ?? '?', profileCount: (intent.profile.length / 1024).toFixed(0), deviceClass: header.deviceClass, space: header.space, version: header.version }));
  }

  // Page boxes: TrimBox and BleedBox on every page, nested, with enough bleed.
  const minBleed = options.minBleedMm ?? 3;
  const noBoxes = pdf.pages.flatMap((p, i) => (p.trim && p.bleed ? [] : [i + 1]));
  if (noBoxes.length > 0) add('FAIL', 'boxes', message('preflight.boxes', { noBoxes: pageList(noBoxes) }));
  else {
    const bleeds = pdf.pages.map((p) => Math.min(...sides(p.trim!, p.bleed!)) / MM);
    const badNesting = pdf.pages.flatMap((p, i) => (inside(p.trim!, p.bleed!) && inside(p.bleed!, p.media) ? [] : [i + 1]));
    const bleed = Math.min(...bleeds);
    const first = pdf.pages[0]!.trim!;
    const trim = `${((first[2] - first[0]) / MM).toFixed(1)}×${((first[3] - first[1]) / MM).toFixed(1)} mm`;
    if (badNesting.length > 0) add('FAIL', 'boxes', message('preflight.boxes.nesting', { badNesting: pageList(badNesting) }));
    else add(bleed >= minBleed - 0.01 ? 'PASS' : 'FAIL', 'boxes', message('preflight.boxes.bleed', { pagesCount: pdf.pages.length, trim, bleed: bleed.toFixed(2), minBleed: minBleed.toFixed(2) }));
  }

  // No annotations on a press page (printer's marks and trap networks excepted).
  const annots = pdf.pages.flatMap((p, i) => p.annotations.filter((a) => a.subtype !== 'PrinterMark' && a.subtype !== 'TrapNet').map((a) => `p${i + 1} ${a.subtype}`));
  add(annots.length === 0 ? 'PASS' : 'FAIL', 'annotations', annots.length === 0 ? message('preflight.annotations') : message('preflight.annotations.found', { annotsCount: annots.length, annots: annots.slice(0, 5).join(', ') }));

  // Colour: no DeviceRGB anywhere; text in 100 % K.
  const rgbImages = scan.images.filter((i) => /DeviceRGB|CalRGB/.test(i.image.colorSpace)).length;
  add(scan.rgbOperators === 0 && rgbImages === 0 ? 'PASS' : 'FAIL', 'colour.rgb', message('preflight.colour.rgb', { rgbOperators: scan.rgbOperators, rgbImages }));
  const textShows = [...scan.textColours.values()].reduce((a, b) => a + b, 0);
  const kOnly = (scan.textColours.get('100% K') ?? 0) + (scan.textColours.get('K only') ?? 0);
  const rich = scan.textColours.get('rich black') ?? 0;
  if (rich > 0) add('WARN', 'colour.text', message('preflight.colour.text.rich-black', { rich }));
  else add('PASS', 'colour.text', message('preflight.colour.text.k-only', { kOnly, textShows, textColours: scan.textColours.get('100% K') ?? 0 }));

  // Images: effective resolution at placed size.
  checks.push(imageCheck(scan, options.minPpi ?? 300, true));
  return checks;
}

function emailChecks(pdf: PdfModel, scan: ContentScan, options: CheckOptions): Check[] {
  const checks: Check[] = [];
  const add = (status: Status, id: string, message: Message) => checks.push({ status, id, message });
  const xmp = pdf.xmp ?? '';

  // PDF/A identification and its sRGB intent; CMYK under an RGB intent is invalid.
  const part = xmpValue(xmp, 'pdfaid:part');
  const conformance = xmpValue(xmp, 'pdfaid:conformance');
  add(part ? 'PASS' : 'FAIL', 'pdfa.id', part ? message('preflight.pdfa.id', { part, conformance: (conformance ?? '').toLowerCase() }) : message('preflight.pdfa.id.missing'));
  // Level A is level B plus the logical structure: a tagged file, Unicode for every glyph (the
  // ua.* and fonts.tounicode checks hold the rest).
  if (conformance?.toUpperCase() === 'A') {
    const tagged = pdf.structure.marked && pdf.structure.hasTree;
    add(tagged ? 'PASS' : 'FAIL', 'pdfa.level', tagged ? message('preflight.pdfa.level') : message('preflight.pdfa.level.not-tagged'));
  }
  const intent = pdf.outputIntents.find((oi) => oi.s === 'GTS_PDFA1');
  const header = intent?.profile ? iccHeader(intent.profile) : undefined;
  add(header ? 'PASS' : 'FAIL', 'pdfa.outputintent', header ? message('preflight.pdfa.outputintent', { condition: intent?.condition ?? '?', space: header.space }) : message('preflight.pdfa.outputintent.missing'));
  const cmyk = [...scan.spaces.keys()].some((s) => /DeviceCMYK/.test(s));
  const rgb = [...scan.spaces.keys()].some((s) => /DeviceRGB/.test(s));
  if (header) {
    const clash = (header.space === 'RGB' && cmyk) || (header.space === 'CMYK' && rgb);
    add(clash ? 'FAIL' : 'PASS', 'pdfa.colour', clash ? message('preflight.pdfa.colour', { space: header.space }) : message('preflight.pdfa.colour.ok', { space: header.space }));
  }

  // Reader experience: language, title bar, bookmarks, links, labels, size.
  add(pdf.lang ? 'PASS' : 'FAIL', 'nav.lang', pdf.lang ? message('preflight.nav.lang', { lang: pdf.lang }) : message('preflight.nav.lang.missing'));
  add(pdf.displayDocTitle ? 'PASS' : 'FAIL', 'nav.displaytitle', pdf.displayDocTitle ? message('preflight.nav.displaytitle') : message('preflight.nav.displaytitle.missing'));
  for (const key of ['Author', 'Subject', 'Keywords']) if (!pdf.info.get(key)?.text) add('WARN', `meta.${key.toLowerCase()}`, message('preflight.meta.missing', { key }));
  add(pdf.outline.length > 0 ? 'PASS' : 'FAIL', 'nav.outline', pdf.outline.length > 0 ? message('preflight.nav.outline', { outlineCount: pdf.outline.length, outline: String(pdf.outline[0]) }) : message('preflight.nav.outline.missing'));
  // The root's /Count: the items visible at all levels (PDF 32000-1 12.3.3; PDFBox 1.4.9).
  if (pdf.outline.length > 0) {
    const countOk = pdf.outlineCount === pdf.outlineVisible;
    add(countOk ? 'PASS' : 'FAIL', 'nav.outline.count', countOk ? message('preflight.nav.outline.count', { outlineCount: pdf.outlineCount }) : message('preflight.nav.outline.count.wrong', { outlineCount: String(pdf.outlineCount ?? 'missing'), outlineVisible: pdf.outlineVisible }));
  }
  const links = pdf.pages.flatMap((p, i) => p.annotations.filter((a) => a.subtype === 'Link').map((a) => ({ ...a, page: i + 1 })));
  const internal = links.filter((l) => l.uri === undefined);
  const dead = internal.filter((l) => l.destPage === null || l.destPage === undefined || (l.destName !== undefined && !pdf.namedDests.has(l.destName)));
  if (internal.length === 0) add('FAIL', 'nav.links', message('preflight.nav.links'));
  else add(dead.length === 0 ? 'PASS' : 'FAIL', 'nav.links', dead.length === 0 ? message('preflight.nav.links.ok', { internalCount: internal.length, size: pdf.namedDests.size }) : message('preflight.nav.links.dead', { deadCount: dead.length, dead: dead.slice(0, 5).map((l) => `p${l.page}→${l.destName ?? '?'}`).join(', ') }));
  const labels = pdf.pageLabels;
  add(labels && labels.length > 0 ? 'PASS' : 'FAIL', 'nav.pagelabels', labels && labels.length > 0 ? message('preflight.nav.pagelabels', { labelsCount: labels.length, labels: labels.slice(0, 4).map(describeLabel).join(', ') }) : message('preflight.nav.pagelabels.missing'));
  const maxMb = options.maxMb ?? 10;
  const mb = pdf.bytes / 1024 / 1024;
  add(mb <= maxMb ? 'PASS' : 'WARN', 'email.size', message('preflight.email.size', { mb: mb.toFixed(2), maxMb }));
  const bleedy = pdf.pages.flatMap((p, i) => (p.trim && !same(p.trim, p.media) ? [i + 1] : []));
  const first = pdf.pages[0]?.media;
  add(bleedy.length === 0 ? 'PASS' : 'WARN', 'email.page', first ? message('preflight.email.page', { first: ((first[2] - first[0]) / MM).toFixed(1), first2: ((first[3] - first[1]) / MM).toFixed(1), bleedy: pageList(bleedy) }) : message('preflight.email.page.none'));
  checks.push(imageCheck(scan, 0, false));
  return checks;
}

/** Info values mirrored in the XMP must agree (PDF/A 6.6.3; PRINT.md). */
function xmpAgreement(pdf: PdfModel, xmp: string, strict: boolean): Check[] {
  const pairs: [string, string, (info: InfoValue, x: string) => boolean][] = [
    ['Title', 'dc:title', (i, x) => i.text === x],
    ['Author', 'dc:creator', (i, x) => i.text === x],
    ['Subject', 'dc:description', (i, x) => i.text === x],
    ['Keywords', 'pdf:Keywords', (i, x) => i.text === x],
    ['Producer', 'pdf:Producer', (i, x) => i.text === x],
    ['Creator', 'xmp:CreatorTool', (i, x) => i.text === x],
    ['CreationDate', 'xmp:CreateDate', (i, x) => sameSecond(i.date, x)],
    ['ModDate', 'xmp:ModifyDate', (i, x) => sameSecond(i.date, x)],
  ];
  const missing: string[] = [];
  const differing: string[] = [];
  let compared = 0;
  for (const [key, property, agree] of pairs) {
    const info = pdf.info.get(key);
    if (!info) continue;
    compared++;
    const value = xmpValue(xmp, property);
    if (value === undefined) missing.push(`${key} (${property})`);
    else if (!agree(info, value)) differing.push(`${key} "${info.text}" ≠ ${property} "${value}"`);
  }
  const agreeing = missing.length === 0 && differing.length === 0;
  return [{ status: agreeing ? 'PASS' : strict ? 'FAIL' : 'WARN', id: 'xmp.info', message: agreeing ? message('preflight.xmp.info', { compared }) : message('preflight.xmp.info.differs', { missing, differing }) }];
}

function imageCheck(scan: ContentScan, minPpi: number, print: boolean): Check {
  if (scan.images.length === 0) return { status: 'INFO', id: 'images', message: message('preflight.images') };
  const ppis = scan.images.map((i) => i.ppi);
  const range = `${Math.round(Math.min(...ppis))}–${Math.round(Math.max(...ppis))} ppi`;
  const low = scan.images.filter((i) => i.ppi < (i.image.bitsPerComponent === 1 ? 2 * minPpi : minPpi));
  const spaces = [...new Set(scan.images.map((i) => i.image.colorSpace))].join(', ');
  if (print && low.length > 0) return { status: 'WARN', id: 'images.ppi', message: message('preflight.images.ppi', { lowCount: low.length, imagesCount: scan.images.length, minPpi, low: low.map((i) => `${i.name} ${i.image.width}×${i.image.height} ${Math.round(i.ppi)} ppi`).join(', ') }) };
  return { status: print ? 'PASS' : 'INFO', id: 'images.ppi', message: message('preflight.images.ppi.summary', { imagesCount: scan.images.length, range, spaces }) };
}

/** A property's value from the XMP: element text (first rdf:li for arrays) or attribute form. */
export function xmpValue(xmp: string, property: string): string | undefined {
  const p = property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const element = new RegExp(`<${p}(?:\\s[^>]*)?>([\\s\\S]*?)</${p}>`).exec(xmp);
  if (element) {
    const li = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(element[1] ?? '');
    return unescapeXml((li ? li[1] : element[1])?.trim() ?? '');
  }
  const attribute = new RegExp(`\\s${p}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xmp);
  return attribute ? unescapeXml(attribute[1] ?? attribute[2] ?? '') : undefined;
}

/** ICC header fields: device class (bytes 12–15), colour space (16–19), version (8–9). */
export function iccHeader(profile: Uint8Array): { deviceClass: string; space: string; version: string } {
  const ascii = (a: number, b: number) => Buffer.from(profile.subarray(a, b)).toString('latin1').trim();
  return { deviceClass: ascii(12, 16), space: ascii(16, 20), version: `${profile[8] ?? 0}.${(profile[9] ?? 0) >> 4}` };
}

function mergeScan(into: ContentScan, from: ContentScan): ContentScan {
  for (const [k, v] of from.spaces) into.spaces.set(k, (into.spaces.get(k) ?? 0) + v);
  for (const [k, v] of from.textColours) into.textColours.set(k, (into.textColours.get(k) ?? 0) + v);
  into.rgbOperators += from.rgbOperators;
  into.images.push(...from.images);
  into.marks.unmarkedPaints += from.marks.unmarkedPaints;
  into.marks.artifactInTagged += from.marks.artifactInTagged;
  into.marks.taggedInArtifact += from.marks.taggedInArtifact;
  into.marks.unbalanced += from.marks.unbalanced;
  return into;
}

function describeLabel(range: { start: number; style?: string; prefix?: string; first: number }): string {
  const style = range.style === undefined ? '' : range.style === 'D' ? String(range.first) : `${range.style}${range.first}`;
  return `p${range.start + 1} "${range.prefix ?? ''}${style}"`;
}

function dateText(value: InfoValue | undefined): string {
  return value?.date ? value.date.toISOString().replace('.000', '') : value ? `unreadable "${value.text}"` : 'missing';
}

function sameSecond(date: Date | undefined, xmpDate: string): boolean {
  const parsed = new Date(xmpDate);
  return date !== undefined && !Number.isNaN(parsed.getTime()) && Math.floor(parsed.getTime() / 1000) === Math.floor(date.getTime() / 1000);
}

/** Distances from each trim edge out to the bleed edge, in points. */
function sides(trim: Rect, bleed: Rect): number[] {
  return [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]];
}

function inside(inner: Rect, outer: Rect): boolean {
  const e = 0.01;
  return inner[0] >= outer[0] - e && inner[1] >= outer[1] - e && inner[2] <= outer[2] + e && inner[3] <= outer[3] + e;
}

function same(a: Rect, b: Rect): boolean {
  return a.every((v, i) => Math.abs(v - (b[i] ?? 0)) < 0.01);
}

function pageList(pages: readonly number[]): string {
  return pages.length > 8 ? `${pages.slice(0, 8).join(' ')} … (${pages.length})` : pages.join(' ');
}
