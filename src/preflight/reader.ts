/**
 * Reads a PDF's object graph into plain data for the preflight checks: pages and their boxes,
 * decoded content streams and resources, fonts, annotations, Info, XMP, output intents, outline,
 * labels and named destinations. The only module that imports pdf-lib (it parses any PDF:
 * xref streams, object streams, incremental updates).
 */
import { inflateSync } from 'node:zlib';
import type * as PdfLib from 'pdf-lib';
import { horizontalAdvances, readTables } from '../render/truetype';

// pdf-lib's own single-file build of the same package and version, not its CommonJS tree: the
// ~200 files of that tree cost ~80 ms of module resolution and compiling on every `bulletin
// build` (the build preflights its two outputs); the bundle loads in ~30 ms.
const { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString } =
  require('pdf-lib/dist/pdf-lib.js') as typeof PdfLib;
type PDFArray = PdfLib.PDFArray;
type PDFBool = PdfLib.PDFBool;
type PDFDict = PdfLib.PDFDict;
type PDFObject = PdfLib.PDFObject;
type PDFRawStream = PdfLib.PDFRawStream;

/** [x0, y0, x1, y1] in default user space. */
export type Rect = readonly [number, number, number, number];

/** An Info value with the PDF type it had (Trapped must be a name, dates strings). */
export interface InfoValue {
  readonly type: 'string' | 'name' | 'other';
  readonly text: string;
  readonly date?: Date;
}

export interface ImageXObject {
  readonly kind: 'image';
  readonly width: number;
  readonly height: number;
  /** Colour space family, e.g. DeviceRGB, DeviceCMYK, ICCBased(3), Indexed/DeviceRGB, mask. */
  readonly colorSpace: string;
  readonly bitsPerComponent: number;
  readonly filters: readonly string[];
}

export interface FormXObject {
  readonly kind: 'form';
  readonly content: Uint8Array;
  readonly resources: Resources;
}

export interface Resources {
  /** Resource name → colour space family. */
  readonly colorSpaces: ReadonlyMap<string, string>;
  readonly xobjects: ReadonlyMap<string, ImageXObject | FormXObject>;
}

export interface Annotation {
  readonly subtype: string;
  readonly rect: Rect;
  /** /Contents: the annotation's description for assistive technology. */
  readonly contents?: string;
  /** The type of the structure element its /StructParent names in the ParentTree (Link, Annot, …). */
  readonly structElement?: string;
  /** Internal link: the named destination, or the page index it resolves to (null when dangling). */
  readonly destName?: string;
  readonly destPage?: number | null;
  readonly uri?: string;
}

export interface PageModel {
  readonly media: Rect;
  /** /Tabs (annotation tab order; S = structure order). */
  readonly tabs?: string;
  /** MCIDs of this page that the ParentTree maps to a structure element. */
  readonly taggedMcids: ReadonlySet<number>;
  readonly trim?: Rect;
  readonly bleed?: Rect;
  readonly annotations: readonly Annotation[];
  readonly content: Uint8Array;
  readonly contentError?: string;
  readonly resources: Resources;
}

export interface FontModel {
  readonly name: string;
  readonly subtype: string;
  readonly embedded: boolean;
  readonly toUnicode: boolean;
  /** CIDFontType2 with an embedded program: declared widths against the program's advances. */
  readonly widths?: WidthAgreement;
}

/** PDF/A-2 6.2.11.5: each code's /W (or /DW) width against its glyph's hmtx advance, in 1/1000 em. */
export interface WidthAgreement {
  /** Codes checked: every CID the CIDToGIDMap covers (all of /W's for an Identity map). */
  readonly codes: number;
  /** Codes whose declared width differs from the program by more than 1/1000 em. */
  readonly mismatched: number;
  /** The first few, as "cid 12: /W 520 vs program 1000". */
  readonly examples: readonly string[];
  /** Set when the program could not be read as TrueType. */
  readonly unreadable?: string;
}

export interface OutputIntent {
  readonly s: string;
  readonly condition?: string;
  readonly profile?: Uint8Array;
}

export interface PageLabelRange {
  readonly start: number;
  readonly style?: string;
  readonly prefix?: string;
  readonly first: number;
}

/** The logical structure (tagged PDF): what the PDF/UA checks read. */
export interface StructureModel {
  /** MarkInfo /Marked and /Suspects. */
  readonly marked: boolean;
  readonly suspects: boolean;
  /** A StructTreeRoot is present. */
  readonly hasTree: boolean;
  /** RoleMap: custom type → type. */
  readonly roleMap: ReadonlyMap<string, string>;
  /** Elements depth first (reading order): type, Alt/ActualText, parent type. */
  readonly elements: readonly { readonly type: string; readonly parent: string; readonly alt?: string; readonly actualText?: string }[];
}

export interface PdfModel {
  readonly version: string;
  readonly bytes: number;
  readonly hasId: boolean;
  readonly encrypted: boolean;
  readonly info: ReadonlyMap<string, InfoValue>;
  readonly xmp?: string;
  readonly lang?: string;
  readonly displayDocTitle: boolean;
  readonly outline: readonly string[];
  /** The outline root's /Count, and the number of items visible with the open/closed states given. */
  readonly outlineCount?: number;
  readonly outlineVisible: number;
  readonly pageLabels?: readonly PageLabelRange[];
  readonly namedDests: ReadonlySet<string>;
  readonly outputIntents: readonly OutputIntent[];
  readonly pages: readonly PageModel[];
  readonly fonts: readonly FontModel[];
  readonly structure: StructureModel;
}

/**
 * A stream with just /Filter /FlateDecode (no predictor) decoded by Node's zlib, which is several
 * times faster than pdf-lib's JavaScript inflater on the page contents, fonts and profiles the
 * preflight reads. Anything else, or data zlib refuses (pdf-lib is more lenient with damaged
 * streams), returns undefined and goes through pdf-lib as before.
 */
function inflateFast(stream: PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (!(only instanceof PDFName) || only.decodeText() !== 'FlateDecode' || stream.dict.has(PDFName.of('DecodeParms'))) return undefined;
  try {
    return inflateSync(stream.contents);
  } catch {
    return undefined;
  }
}

/** Parses PDF bytes; throws with pdf-lib's message when the file is not a readable PDF. */
export async function readPdfModel(bytes: Uint8Array): Promise<PdfModel> {
  const header = /^%PDF-(\d\.\d)/.exec(Buffer.from(bytes.subarray(0, 16)).toString('latin1'));
  if (!header?.[1]) throw new Error('no %PDF- header');
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const { context } = doc;
  const catalog = doc.catalog;
  const lookup = (obj: PDFObject | undefined): PDFObject | undefined => (obj instanceof PDFRef ? context.lookup(obj) : obj);
  const get = (dict: PDFDict | undefined, key: string): PDFObject | undefined => lookup(dict?.get(PDFName.of(key)));
  const dictOf = (obj: PDFObject | undefined): PDFDict | undefined => {
    const v = lookup(obj);
    if (v instanceof PDFDict) return v;
    if (v instanceof PDFStream) return v.dict;
    return undefined;
  };
  const text = (obj: PDFObject | undefined): string | undefined => {
    const v = lookup(obj);
    if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
    if (v instanceof PDFName) return v.decodeText();
    return undefined;
  };
  const num = (obj: PDFObject | undefined): number | undefined => {
    const v = lookup(obj);
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  };
  const rect = (obj: PDFObject | undefined): Rect | undefined => {
    const v = lookup(obj);
    if (!(v instanceof PDFArray) || v.size() !== 4) return undefined;
    const n = v.asArray().map((x) => num(x) ?? 0);
    return [Math.min(n[0]!, n[2]!), Math.min(n[1]!, n[3]!), Math.max(n[0]!, n[2]!), Math.max(n[1]!, n[3]!)];
  };
  const streamBytes = (obj: PDFObject | undefined): Uint8Array => {
    const v = lookup(obj);
    if (v instanceof PDFRawStream) return inflateFast(v) ?? decodePDFRawStream(v).decode();
    if (v instanceof PDFStream) return v.getContents();
    return new Uint8Array();
  };

  // Info: keep each value's type, since PDF/X cares whether Trapped is a name or a string.
  const info = new Map<string, InfoValue>();
  const infoDict = dictOf(context.trailerInfo.Info);
  for (const [key, raw] of infoDict?.entries() ?? []) {
    const v = lookup(raw);
    const name = key.decodeText();
    if (v instanceof PDFName) info.set(name, { type: 'name', text: v.decodeText() });
    else if (v instanceof PDFString || v instanceof PDFHexString) {
      let date: Date | undefined;
      try {
        if (/^D:/.test(v.decodeText())) date = v.decodeDate();
      } catch {
        date = undefined;
      }
      info.set(name, date ? { type: 'string', text: v.decodeText(), date } : { type: 'string', text: v.decodeText() });
    } else info.set(name, { type: 'other', text: String(v) });
  }

  const metadata = get(catalog, 'Metadata');
  const xmp = metadata ? Buffer.from(streamBytes(metadata)).toString('utf8') : undefined;
  const viewer = dictOf(get(catalog, 'ViewerPreferences'));
  const displayDocTitle = get(viewer, 'DisplayDocTitle');

  // Pages, and a map from page object to index for destinations.
  const pdfPages = doc.getPages();
  const pageIndex = new Map<string, number>();
  pdfPages.forEach((page, i) => pageIndex.set(page.ref.toString(), i));
  const destPage = (dest: PDFObject | undefined): number | null => {
    const v = lookup(dest);
    const arr = v instanceof PDFArray ? v : dictOf(v) ? lookup(dictOf(v)?.get(PDFName.of('D'))) : undefined;
    if (!(arr instanceof PDFArray)) return null;
    const target = arr.get(0);
    if (target instanceof PDFRef) return pageIndex.get(target.toString()) ?? null;
    if (target instanceof PDFNumber) return target.asNumber() < pdfPages.length ? target.asNumber() : null;
    return null;
  };

  // Named destinations: the Names/Dests tree (PDF 1.2) and the old catalog Dests dictionary.
  const namedDests = new Set<string>();
  const namedDestPages = new Map<string, number | null>();
  const walkNameTree = (node: PDFDict | undefined, depth = 0): void => {
    if (!node || depth > 32) return;
    const names = get(node, 'Names');
    if (names instanceof PDFArray) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = text(names.get(i));
        if (key === undefined) continue;
        namedDests.add(key);
        namedDestPages.set(key, destPage(names.get(i + 1)));
      }
    }
    const kids = get(node, 'Kids');
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walkNameTree(dictOf(kid), depth + 1);
  };
  walkNameTree(dictOf(get(dictOf(get(catalog, 'Names')), 'Dests')));
  for (const [key, value] of dictOf(get(catalog, 'Dests'))?.entries() ?? []) {
    namedDests.add(key.decodeText());
    namedDestPages.set(key.decodeText(), destPage(value));
  }

  // Logical structure: MarkInfo, the tree depth first, the ParentTree (page MCIDs and annotations).
  const markInfo = dictOf(get(catalog, 'MarkInfo'));
  const flag = (obj: PDFObject | undefined) => obj instanceof PDFBool && obj.asBoolean();
  const treeRoot = dictOf(get(catalog, 'StructTreeRoot'));
  const roleMap = new Map<string, string>();
  for (const [key, value] of dictOf(get(treeRoot, 'RoleMap'))?.entries() ?? []) roleMap.set(key.decodeText(), text(value) ?? '');
  const elements: { type: string; parent: string; alt?: string; actualText?: string }[] = [];
  const walkTree = (obj: PDFObject | undefined, parent: string, depth: number): void => {
    const v = lookup(obj);
    if (depth > 64 || elements.length > 200_000) return;
    if (v instanceof PDFArray) {
      for (const kid of v.asArray()) walkTree(kid, parent, depth);
      return;
    }
    const d = dictOf(v);
    const type = d ? text(get(d, 'S')) : undefined;
    if (!d || type === undefined) return; // an MCID, an MCR or an OBJR
    const alt = text(get(d, 'Alt'));
    const actualText = text(get(d, 'ActualText'));
    elements.push({ type, parent, ...(alt === undefined ? {} : { alt }), ...(actualText === undefined ? {} : { actualText }) });
    walkTree(d.get(PDFName.of('K')), type, depth + 1);
  };
  if (treeRoot) walkTree(treeRoot.get(PDFName.of('K')), 'StructTreeRoot', 0);
  // ParentTree: key → an array of elements by MCID (a page) or one element (an annotation).
  const parentTree = new Map<number, PDFObject | undefined>();
  const walkNumberTree = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > 32) return;
    const nums = get(node, 'Nums');
    if (nums instanceof PDFArray) for (let i = 0; i + 1 < nums.size(); i += 2) parentTree.set(num(nums.get(i)) ?? -1, lookup(nums.get(i + 1)));
    const kids = get(node, 'Kids');
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walkNumberTree(dictOf(kid), depth + 1);
  };
  walkNumberTree(dictOf(get(treeRoot, 'ParentTree')), 0);
  const structure: StructureModel = { marked: flag(get(markInfo, 'Marked')), suspects: flag(get(markInfo, 'Suspects')), hasTree: treeRoot !== undefined, roleMap, elements };

  const colourFamily = (obj: PDFObject | undefined, depth = 0): string => {
    const v = lookup(obj);
    if (v instanceof PDFName) return v.decodeText();
    if (v instanceof PDFArray && depth < 4) {
      const family = text(v.get(0)) ?? '?';
      if (family === 'ICCBased') return `ICCBased(${num(dictOf(v.get(1))?.get(PDFName.of('N'))) ?? '?'})`;
      if (family === 'Indexed') return `Indexed/${colourFamily(v.get(1), depth + 1)}`;
      if (family === 'Separation') return `Separation/${text(v.get(1)) ?? '?'}/${colourFamily(v.get(2), depth + 1)}`;
      if (family === 'DeviceN') return `DeviceN/${colourFamily(v.get(2), depth + 1)}`;
      return family;
    }
    return '?';
  };

  const fonts = new Map<string, FontModel>();
  const readFont = (key: string, fontObj: PDFObject | undefined): void => {
    if (fonts.has(key)) return;
    const font = dictOf(fontObj);
    if (!font) return;
    const subtype = text(get(font, 'Subtype')) ?? '?';
    const name = text(get(font, 'BaseFont')) ?? '(unnamed)';
    let descriptor = dictOf(get(font, 'FontDescriptor'));
    const descendants = get(font, 'DescendantFonts');
    if (descendants instanceof PDFArray) descriptor = dictOf(get(dictOf(descendants.get(0)), 'FontDescriptor'));
    const embedded = subtype === 'Type3' || ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)));
    const descendant = descendants instanceof PDFArray ? dictOf(descendants.get(0)) : undefined;
    const program = get(descriptor, 'FontFile2');
    const widths = descendant && program && text(get(descendant, 'Subtype')) === 'CIDFontType2' ? cidWidthAgreement(descendant, program) : undefined;
    fonts.set(key, { name, subtype, embedded, toUnicode: font.has(PDFName.of('ToUnicode')), ...(widths ? { widths } : {}) });
  };

  /** Declared widths (/W, /DW) of a CIDFontType2 against its FontFile2's hmtx, through CIDToGIDMap. */
  const cidWidthAgreement = (cidFont: PDFDict, program: PDFObject): WidthAgreement => {
    let advances: Uint16Array;
    let unitsPerEm: number;
    try {
      ({ advances, unitsPerEm } = horizontalAdvances(readTables(streamBytes(program))));
    } catch (err) {
      return { codes: 0, mismatched: 0, examples: [], unreadable: (err as Error).message };
    }
    const declared = new Map<number, number>();
    const w = get(cidFont, 'W');
    const items = w instanceof PDFArray ? w.asArray().map(lookup) : [];
    for (let i = 0; i < items.length; ) {
      const first = num(items[i]);
      const next = items[i + 1];
      if (first === undefined) break;
      if (next instanceof PDFArray) {
        next.asArray().forEach((x, k) => declared.set(first + k, num(x) ?? 0));
        i += 2;
      } else {
        const last = num(next) ?? first;
        const width = num(items[i + 2]) ?? 0;
        for (let c = first; c <= last && c - first < 0x10000; c++) declared.set(c, width);
        i += 3;
      }
    }
    const defaultWidth = num(get(cidFont, 'DW')) ?? 1000;
    const map = get(cidFont, 'CIDToGIDMap');
    const mapBytes = map instanceof PDFStream ? Buffer.from(streamBytes(map)) : undefined;
    const cids = mapBytes ? Array.from({ length: Math.floor(mapBytes.length / 2) - 1 }, (_, k) => k + 1) : [...declared.keys()];
    const examples: string[] = [];
    let mismatched = 0;
    for (const cid of cids) {
      const gid = mapBytes ? mapBytes.readUInt16BE(2 * cid) : cid;
      const width = declared.get(cid) ?? defaultWidth;
      const actual = ((advances[gid] ?? advances[0] ?? 0) * 1000) / unitsPerEm;
      if (Math.abs(width - actual) <= 1) continue;
      mismatched++;
      if (examples.length < 3) examples.push(`cid ${cid}: /W ${width} vs program ${Number(actual.toFixed(2))}`);
    }
    return { codes: cids.length, mismatched, examples };
  };

  const seenForms = new Set<string>();
  const readResources = (obj: PDFObject | undefined, depth = 0): Resources => {
    const res = dictOf(obj);
    const colorSpaces = new Map<string, string>();
    for (const [key, value] of dictOf(get(res, 'ColorSpace'))?.entries() ?? []) colorSpaces.set(key.decodeText(), colourFamily(value));
    for (const [key, value] of dictOf(get(res, 'Font'))?.entries() ?? []) readFont(value instanceof PDFRef ? value.toString() : `${key.decodeText()}@${fonts.size}`, value);
    const xobjects = new Map<string, ImageXObject | FormXObject>();
    for (const [key, value] of dictOf(get(res, 'XObject'))?.entries() ?? []) {
      const stream = lookup(value);
      if (!(stream instanceof PDFStream)) continue;
      const d = stream.dict;
      const subtype = text(get(d, 'Subtype'));
      if (subtype === 'Image') {
        const filter = get(d, 'Filter');
        const filters = filter instanceof PDFArray ? filter.asArray().map((f) => text(f) ?? '?') : filter ? [text(filter) ?? '?'] : [];
        const isMask = get(d, 'ImageMask') instanceof PDFBool && (get(d, 'ImageMask') as PDFBool).asBoolean();
        xobjects.set(key.decodeText(), {
          kind: 'image',
          width: num(get(d, 'Width')) ?? 0,
          height: num(get(d, 'Height')) ?? 0,
          colorSpace: isMask ? 'mask' : filters.includes('JPXDecode') && !d.has(PDFName.of('ColorSpace')) ? 'JPX' : colourFamily(get(d, 'ColorSpace')),
          bitsPerComponent: isMask ? 1 : (num(get(d, 'BitsPerComponent')) ?? 8),
          filters,
        });
      } else if (subtype === 'Form' && depth < 8) {
        // Guard against forms that (directly or not) contain themselves.
        const id = value instanceof PDFRef ? value.toString() : `${key.decodeText()}#${depth}`;
        if (seenForms.has(id)) continue;
        seenForms.add(id);
        let content: Uint8Array = new Uint8Array();
        try {
          content = streamBytes(stream);
        } catch {
          content = new Uint8Array();
        }
        xobjects.set(key.decodeText(), { kind: 'form', content, resources: readResources(get(d, 'Resources'), depth + 1) });
        seenForms.delete(id);
      }
    }
    return { colorSpaces, xobjects };
  };

  const pages: PageModel[] = pdfPages.map((page) => {
    const node = page.node;
    const annotations: Annotation[] = [];
    const annots = get(node, 'Annots');
    for (const a of annots instanceof PDFArray ? annots.asArray() : []) {
      const ad = dictOf(a);
      if (!ad) continue;
      const subtype = text(get(ad, 'Subtype')) ?? '?';
      const r = rect(get(ad, 'Rect')) ?? [0, 0, 0, 0];
      const action = dictOf(get(ad, 'A'));
      const dest = get(ad, 'Dest') ?? (text(get(action, 'S')) === 'GoTo' ? get(action, 'D') : undefined);
      const uri = text(get(action, 'URI'));
      const contents = text(get(ad, 'Contents'));
      const parentKey = num(get(ad, 'StructParent'));
      const element = parentKey === undefined ? undefined : dictOf(parentTree.get(parentKey));
      const structElement = element ? text(get(element, 'S')) : undefined;
      const tagging = { ...(contents === undefined ? {} : { contents }), ...(structElement === undefined ? {} : { structElement }) };
      if (dest instanceof PDFString || dest instanceof PDFHexString || dest instanceof PDFName) {
        const name = dest.decodeText();
        annotations.push({ subtype, rect: r, ...tagging, destName: name, destPage: namedDestPages.get(name) ?? null });
      } else if (dest) annotations.push({ subtype, rect: r, ...tagging, destPage: destPage(dest) });
      else annotations.push(uri === undefined ? { subtype, rect: r, ...tagging } : { subtype, rect: r, ...tagging, uri });
    }
    let content: Uint8Array = new Uint8Array();
    let contentError: string | undefined;
    try {
      const contents = lookup(node.get(PDFName.of('Contents')));
      const parts = contents instanceof PDFArray ? contents.asArray().map(streamBytes) : [streamBytes(contents)];
      content = Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.from('\n')]));
    } catch (err) {
      contentError = (err as Error).message;
    }
    const trim = rect(get(node, 'TrimBox'));
    const bleed = rect(get(node, 'BleedBox'));
    const tabs = text(get(node, 'Tabs'));
    const pageKey = num(get(node, 'StructParents'));
    const byMcid = pageKey === undefined ? undefined : parentTree.get(pageKey);
    const taggedMcids = new Set<number>();
    if (byMcid instanceof PDFArray) byMcid.asArray().forEach((element, mcid) => dictOf(element) && taggedMcids.add(mcid));
    const { x, y, width, height } = page.getMediaBox();
    return {
      media: [x, y, x + width, y + height] as Rect,
      ...(tabs === undefined ? {} : { tabs }),
      taggedMcids,
      ...(trim ? { trim } : {}),
      ...(bleed ? { bleed } : {}),
      annotations,
      content,
      ...(contentError === undefined ? {} : { contentError }),
      resources: readResources(node.Resources()),
    };
  });

  const outputIntents: OutputIntent[] = [];
  const intents = get(catalog, 'OutputIntents');
  for (const oi of intents instanceof PDFArray ? intents.asArray() : []) {
    const d = dictOf(oi);
    const profileObj = get(d, 'DestOutputProfile');
    let profile: Uint8Array | undefined;
    try {
      profile = profileObj ? streamBytes(profileObj) : undefined;
    } catch {
      profile = undefined;
    }
    const condition = text(get(d, 'OutputConditionIdentifier'));
    outputIntents.push({ s: text(get(d, 'S')) ?? '?', ...(condition === undefined ? {} : { condition }), ...(profile ? { profile } : {}) });
  }

  // Outline titles, depth first, bounded against cycles; and how many items a viewer shows at
  // first (those whose parents are all open, /Count > 0), which the root's /Count must state.
  const outline: string[] = [];
  let visibleItems = 0;
  const walkOutline = (first: PDFDict | undefined, shown: boolean, depth: number): void => {
    for (let item = first; item && outline.length < 10_000 && depth < 32; item = dictOf(get(item, 'Next'))) {
      outline.push(text(get(item, 'Title')) ?? '');
      if (shown) visibleItems++;
      walkOutline(dictOf(get(item, 'First')), shown && (num(get(item, 'Count')) ?? 0) > 0, depth + 1);
    }
  };
  const outlineRoot = dictOf(get(catalog, 'Outlines'));
  walkOutline(dictOf(get(outlineRoot, 'First')), true, 0);
  const outlineCount = num(get(outlineRoot, 'Count'));

  let pageLabels: PageLabelRange[] | undefined;
  const nums = get(dictOf(get(catalog, 'PageLabels')), 'Nums');
  if (nums instanceof PDFArray) {
    pageLabels = [];
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const d = dictOf(nums.get(i + 1));
      const style = text(get(d, 'S'));
      const prefix = text(get(d, 'P'));
      pageLabels.push({ start: num(nums.get(i)) ?? 0, first: num(get(d, 'St')) ?? 1, ...(style === undefined ? {} : { style }), ...(prefix === undefined ? {} : { prefix }) });
    }
  }

  const lang = text(get(catalog, 'Lang'));
  return {
    version: header[1],
    bytes: bytes.length,
    hasId: context.trailerInfo.ID !== undefined,
    encrypted: context.trailerInfo.Encrypt !== undefined,
    info,
    ...(xmp === undefined ? {} : { xmp }),
    ...(lang === undefined ? {} : { lang }),
    displayDocTitle: displayDocTitle instanceof PDFBool && displayDocTitle.asBoolean(),
    outline,
    ...(outlineCount === undefined ? {} : { outlineCount }),
    outlineVisible: visibleItems,
    ...(pageLabels ? { pageLabels } : {}),
    namedDests,
    outputIntents,
    pages,
    fonts: [...fonts.values()],
    structure,
  };
}
