/**
 * Reads a PDF's object graph into plain data for the preflight checks: pages and their boxes,
 * decoded content streams and resources, fonts, annotations, Info, XMP, output intents, outline,
 * labels and named destinations. It reads a PdfSource (objects.ts), whoever parsed the file:
 * pdf-lib for any PDF (`bulletin preflight`), own-source.ts for the build's own output.
 */
import { horizontalAdvances, readTables } from '../render/truetype';
import { isArray, isDict, parsePdfDate, PdfName, PdfRef, type PdfDict, type PdfSource, PdfStream, PdfText, type PdfValue } from './objects';
import { pdfLibSource } from './pdf-lib-source';

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

/** Parses PDF bytes with pdf-lib; throws with its message when the file is not a readable PDF. */
export async function readPdfModel(bytes: Uint8Array): Promise<PdfModel> {
  if (pdfVersionOf(bytes) === undefined) throw new Error('no %PDF- header');
  return modelOf(bytes, await pdfLibSource(bytes));
}

/** The version in the file's `%PDF-n.n` header. */
export function pdfVersionOf(bytes: Uint8Array): string | undefined {
  return /^%PDF-(\d\.\d)/.exec(Buffer.from(bytes.subarray(0, 16)).toString('latin1'))?.[1];
}

/** The model of a parsed file (`bytes` gives its version and size). */
export function modelOf(bytes: Uint8Array, source: PdfSource): PdfModel {
  const version = pdfVersionOf(bytes);
  if (version === undefined) throw new Error('no %PDF- header');
  const lookup = (obj: PdfValue | undefined): PdfValue | undefined => (obj instanceof PdfRef ? source.lookup(obj) : obj);
  const get = (dict: PdfDict | undefined, key: string): PdfValue | undefined => lookup(dict?.get(key));
  const dictOf = (obj: PdfValue | undefined): PdfDict | undefined => {
    const v = lookup(obj);
    if (isDict(v)) return v;
    if (v instanceof PdfStream) return v.dict;
    return undefined;
  };
  const text = (obj: PdfValue | undefined): string | undefined => {
    const v = lookup(obj);
    if (v instanceof PdfText) return v.text;
    if (v instanceof PdfName) return v.name;
    return undefined;
  };
  const num = (obj: PdfValue | undefined): number | undefined => {
    const v = lookup(obj);
    return typeof v === 'number' ? v : undefined;
  };
  const rect = (obj: PdfValue | undefined): Rect | undefined => {
    const v = lookup(obj);
    if (!isArray(v) || v.length !== 4) return undefined;
    const n = v.map((x) => num(x) ?? 0);
    return [Math.min(n[0]!, n[2]!), Math.min(n[1]!, n[3]!), Math.max(n[0]!, n[2]!), Math.max(n[1]!, n[3]!)];
  };
  const streamBytes = (obj: PdfValue | undefined): Uint8Array => {
    const v = lookup(obj);
    return v instanceof PdfStream ? source.decode(v) : new Uint8Array();
  };
  const catalog = dictOf(source.trailer.get('Root'));


  // Info: keep each value's type, since PDF/X cares whether Trapped is a name or a string.
  const info = new Map<string, InfoValue>();
  const infoDict = dictOf(source.trailer.get('Info'));
  for (const [name, raw] of infoDict ?? []) {
    const v = lookup(raw);
    if (v instanceof PdfName) info.set(name, { type: 'name', text: v.name });
    else if (v instanceof PdfText) {
      const date = /^D:/.test(v.text) ? parsePdfDate(v.text) : undefined;
      info.set(name, date ? { type: 'string', text: v.text, date } : { type: 'string', text: v.text });
    } else info.set(name, { type: 'other', text: String(v) });
  }

  const metadata = get(catalog, 'Metadata');
  const xmp = metadata ? Buffer.from(streamBytes(metadata)).toString('utf8') : undefined;
  const viewer = dictOf(get(catalog, 'ViewerPreferences'));
  const displayDocTitle = get(viewer, 'DisplayDocTitle');

  // Pages, and a map from page object to index for destinations.
  const pdfPages = pageLeaves(source, dictOf(get(catalog, 'Pages')));
  const pageIndex = new Map<string, number>();
  pdfPages.forEach((page, i) => pageIndex.set(page.ref, i));
  const destPage = (dest: PdfValue | undefined): number | null => {
    const v = lookup(dest);
    const arr = isArray(v) ? v : dictOf(v) ? lookup(dictOf(v)?.get('D')) : undefined;
    if (!isArray(arr)) return null;
    const target = arr[0];
    if (target instanceof PdfRef) return pageIndex.get(target.toString()) ?? null;
    if (typeof target === 'number') return target < pdfPages.length ? target : null;
    return null;
  };

  // Named destinations: the Names/Dests tree (PDF 1.2) and the old catalog Dests dictionary.
  const namedDests = new Set<string>();
  const namedDestPages = new Map<string, number | null>();
  const walkNameTree = (node: PdfDict | undefined, depth = 0): void => {
    if (!node || depth > 32) return;
    const names = get(node, 'Names');
    if (isArray(names)) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const key = text(names[i]);
        if (key === undefined) continue;
        namedDests.add(key);
        namedDestPages.set(key, destPage(names[i + 1]));
      }
    }
    const kids = get(node, 'Kids');
    if (isArray(kids)) for (const kid of kids) walkNameTree(dictOf(kid), depth + 1);
  };
  walkNameTree(dictOf(get(dictOf(get(catalog, 'Names')), 'Dests')));
  for (const [key, value] of dictOf(get(catalog, 'Dests')) ?? []) {
    namedDests.add(key);
    namedDestPages.set(key, destPage(value));
  }

  // Logical structure: MarkInfo, the tree depth first, the ParentTree (page MCIDs and annotations).
  const markInfo = dictOf(get(catalog, 'MarkInfo'));
  const flag = (obj: PdfValue | undefined) => obj === true;
  const treeRoot = dictOf(get(catalog, 'StructTreeRoot'));
  const roleMap = new Map<string, string>();
  for (const [key, value] of dictOf(get(treeRoot, 'RoleMap')) ?? []) roleMap.set(key, text(value) ?? '');
  const elements: { type: string; parent: string; alt?: string; actualText?: string }[] = [];
  const walkTree = (obj: PdfValue | undefined, parent: string, depth: number): void => {
    const v = lookup(obj);
    if (depth > 64 || elements.length > 200_000) return;
    if (isArray(v)) {
      for (const kid of v) walkTree(kid, parent, depth);
      return;
    }
    const d = dictOf(v);
    const type = d ? text(get(d, 'S')) : undefined;
    if (!d || type === undefined) return; // an MCID, an MCR or an OBJR
    const alt = text(get(d, 'Alt'));
    const actualText = text(get(d, 'ActualText'));
    elements.push({ type, parent, ...(alt === undefined ? {} : { alt }), ...(actualText === undefined ? {} : { actualText }) });
    walkTree(d.get('K'), type, depth + 1);
  };
  if (treeRoot) walkTree(treeRoot.get('K'), 'StructTreeRoot', 0);
  // ParentTree: key → an array of elements by MCID (a page) or one element (an annotation).
  const parentTree = new Map<number, PdfValue | undefined>();
  const walkNumberTree = (node: PdfDict | undefined, depth: number): void => {
    if (!node || depth > 32) return;
    const nums = get(node, 'Nums');
    if (isArray(nums)) for (let i = 0; i + 1 < nums.length; i += 2) parentTree.set(num(nums[i]) ?? -1, lookup(nums[i + 1]));
    const kids = get(node, 'Kids');
    if (isArray(kids)) for (const kid of kids) walkNumberTree(dictOf(kid), depth + 1);
  };
  walkNumberTree(dictOf(get(treeRoot, 'ParentTree')), 0);
  const structure: StructureModel = { marked: flag(get(markInfo, 'Marked')), suspects: flag(get(markInfo, 'Suspects')), hasTree: treeRoot !== undefined, roleMap, elements };

  const colourFamily = (obj: PdfValue | undefined, depth = 0): string => {
    const v = lookup(obj);
    if (v instanceof PdfName) return v.name;
    if (isArray(v) && depth < 4) {
      const family = text(v[0]) ?? '?';
      if (family === 'ICCBased') return `ICCBased(${num(dictOf(v[1])?.get('N')) ?? '?'})`;
      if (family === 'Indexed') return `Indexed/${colourFamily(v[1], depth + 1)}`;
      if (family === 'Separation') return `Separation/${text(v[1]) ?? '?'}/${colourFamily(v[2], depth + 1)}`;
      if (family === 'DeviceN') return `DeviceN/${colourFamily(v[2], depth + 1)}`;
      return family;
    }
    return '?';
  };

  const fonts = new Map<string, FontModel>();
  const readFont = (key: string, fontObj: PdfValue | undefined): void => {
    if (fonts.has(key)) return;
    const font = dictOf(fontObj);
    if (!font) return;
    const subtype = text(get(font, 'Subtype')) ?? '?';
    const name = text(get(font, 'BaseFont')) ?? '(unnamed)';
    let descriptor = dictOf(get(font, 'FontDescriptor'));
    const descendants = get(font, 'DescendantFonts');
    if (isArray(descendants)) descriptor = dictOf(get(dictOf(descendants[0]), 'FontDescriptor'));
    const embedded = subtype === 'Type3' || ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(k));
    const descendant = isArray(descendants) ? dictOf(descendants[0]) : undefined;
    const program = get(descriptor, 'FontFile2');
    const widths = descendant && program && text(get(descendant, 'Subtype')) === 'CIDFontType2' ? cidWidthAgreement(descendant, program) : undefined;
    fonts.set(key, { name, subtype, embedded, toUnicode: font.has('ToUnicode'), ...(widths ? { widths } : {}) });
  };

  /** Declared widths (/W, /DW) of a CIDFontType2 against its FontFile2's hmtx, through CIDToGIDMap. */
  const cidWidthAgreement = (cidFont: PdfDict, program: PdfValue): WidthAgreement => {
    let advances: Uint16Array;
    let unitsPerEm: number;
    try {
      ({ advances, unitsPerEm } = horizontalAdvances(readTables(streamBytes(program))));
    } catch (err) {
      return { codes: 0, mismatched: 0, examples: [], unreadable: (err as Error).message };
    }
    const declared = new Map<number, number>();
    const w = get(cidFont, 'W');
    const items = isArray(w) ? w.map(lookup) : [];
    for (let i = 0; i < items.length; ) {
      const first = num(items[i]);
      const next = items[i + 1];
      if (first === undefined) break;
      if (isArray(next)) {
        next.forEach((x, k) => declared.set(first + k, num(x) ?? 0));
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
    const mapBytes = map instanceof PdfStream ? Buffer.from(streamBytes(map)) : undefined;
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
  const readResources = (obj: PdfValue | undefined, depth = 0): Resources => {
    const res = dictOf(obj);
    const colorSpaces = new Map<string, string>();
    for (const [key, value] of dictOf(get(res, 'ColorSpace')) ?? []) colorSpaces.set(key, colourFamily(value));
    for (const [key, value] of dictOf(get(res, 'Font')) ?? []) readFont(value instanceof PdfRef ? value.toString() : `${key}@${fonts.size}`, value);
    const xobjects = new Map<string, ImageXObject | FormXObject>();
    for (const [key, value] of dictOf(get(res, 'XObject')) ?? []) {
      const stream = lookup(value);
      if (!(stream instanceof PdfStream)) continue;
      const d = stream.dict;
      const subtype = text(get(d, 'Subtype'));
      if (subtype === 'Image') {
        const filter = get(d, 'Filter');
        const filters = isArray(filter) ? filter.map((f) => text(f) ?? '?') : filter !== undefined && filter !== null ? [text(filter) ?? '?'] : [];
        const isMask = get(d, 'ImageMask') === true;
        xobjects.set(key, {
          kind: 'image',
          width: num(get(d, 'Width')) ?? 0,
          height: num(get(d, 'Height')) ?? 0,
          colorSpace: isMask ? 'mask' : filters.includes('JPXDecode') && !d.has('ColorSpace') ? 'JPX' : colourFamily(get(d, 'ColorSpace')),
          bitsPerComponent: isMask ? 1 : (num(get(d, 'BitsPerComponent')) ?? 8),
          filters,
        });
      } else if (subtype === 'Form' && depth < 8) {
        // Guard against forms that (directly or not) contain themselves.
        const id = value instanceof PdfRef ? value.toString() : `${key}#${depth}`;
        if (seenForms.has(id)) continue;
        seenForms.add(id);
        let content: Uint8Array = new Uint8Array();
        try {
          content = streamBytes(stream);
        } catch {
          content = new Uint8Array();
        }
        xobjects.set(key, { kind: 'form', content, resources: readResources(get(d, 'Resources'), depth + 1) });
        seenForms.delete(id);
      }
    }
    return { colorSpaces, xobjects };
  };

  const pages: PageModel[] = pdfPages.map((page) => {
    const node = page.node;
    const annotations: Annotation[] = [];
    const annots = get(node, 'Annots');
    for (const a of isArray(annots) ? annots : []) {
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
      if (dest instanceof PdfText || dest instanceof PdfName) {
        const name = text(dest)!;
        annotations.push({ subtype, rect: r, ...tagging, destName: name, destPage: namedDestPages.get(name) ?? null });
      } else if (dest) annotations.push({ subtype, rect: r, ...tagging, destPage: destPage(dest) });
      else annotations.push(uri === undefined ? { subtype, rect: r, ...tagging } : { subtype, rect: r, ...tagging, uri });
    }
    let content: Uint8Array = new Uint8Array();
    let contentError: string | undefined;
    try {
      const contents = lookup(node.get('Contents'));
      const parts = isArray(contents) ? contents.map(streamBytes) : [streamBytes(contents)];
      // One stream is scanned as it is (no copy; a page's content is tens of kB); several are
      // joined with a line break, so that no token runs on from one into the next.
      content = parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.from('\n')]));
    } catch (err) {
      contentError = (err as Error).message;
    }
    const trim = rect(get(node, 'TrimBox'));
    const bleed = rect(get(node, 'BleedBox'));
    const tabs = text(get(node, 'Tabs'));
    const pageKey = num(get(node, 'StructParents'));
    const byMcid = pageKey === undefined ? undefined : parentTree.get(pageKey);
    const taggedMcids = new Set<number>();
    if (isArray(byMcid)) byMcid.forEach((element, mcid) => dictOf(element) && taggedMcids.add(mcid));
    return {
      media: page.media,
      ...(tabs === undefined ? {} : { tabs }),
      taggedMcids,
      ...(trim ? { trim } : {}),
      ...(bleed ? { bleed } : {}),
      annotations,
      content,
      ...(contentError === undefined ? {} : { contentError }),
      resources: readResources(page.resources),
    };
  });

  const outputIntents: OutputIntent[] = [];
  const intents = get(catalog, 'OutputIntents');
  for (const oi of isArray(intents) ? intents : []) {
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
  const walkOutline = (first: PdfDict | undefined, shown: boolean, depth: number): void => {
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
  if (isArray(nums)) {
    pageLabels = [];
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const d = dictOf(nums[i + 1]);
      const style = text(get(d, 'S'));
      const prefix = text(get(d, 'P'));
      pageLabels.push({ start: num(nums[i]) ?? 0, first: num(get(d, 'St')) ?? 1, ...(style === undefined ? {} : { style }), ...(prefix === undefined ? {} : { prefix }) });
    }
  }

  const lang = text(get(catalog, 'Lang'));
  return {
    version,
    bytes: bytes.length,
    hasId: source.trailer.get('ID') !== undefined,
    encrypted: source.trailer.get('Encrypt') !== undefined,
    info,
    ...(xmp === undefined ? {} : { xmp }),
    ...(lang === undefined ? {} : { lang }),
    displayDocTitle: displayDocTitle === true,
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

/** A page of the page tree, with the attributes it inherits resolved. */
interface PageLeaf {
  /** "n g R": how destinations name it. */
  readonly ref: string;
  readonly node: PdfDict;
  /** As written, [x0, y0, x1, y1] (not normalised, as pdf-lib gives it). */
  readonly media: Rect;
  readonly resources: PdfValue | undefined;
}

/** The pages in order, depth first through /Kids; MediaBox and Resources inherited (ISO 32000-1 7.7.3.4). */
function pageLeaves(source: PdfSource, root: PdfDict | undefined): PageLeaf[] {
  const leaves: PageLeaf[] = [];
  const seen = new Set<string>();
  const resolve = (value: PdfValue | undefined) => (value instanceof PdfRef ? source.lookup(value) : value);
  const walk = (node: PdfDict, ref: string, inherited: { media?: PdfValue; resources?: PdfValue }, depth: number): void => {
    const media = node.get('MediaBox') ?? inherited.media;
    const resources = node.get('Resources') ?? inherited.resources;
    const kids = resolve(node.get('Kids'));
    const type = resolve(node.get('Type'));
    if (type instanceof PdfName && type.name === 'Pages' ? isArray(kids) : isArray(kids) && !(type instanceof PdfName && type.name === 'Page')) {
      if (depth > 64) throw new Error('the page tree is nested too deeply');
      for (const kid of kids as readonly PdfValue[]) {
        const key = kid instanceof PdfRef ? kid.toString() : `${ref}/${leaves.length}`;
        const child = resolve(kid);
        if (seen.has(key) || !isDict(child)) continue;
        seen.add(key);
        walk(child, key, { ...(media === undefined ? {} : { media }), ...(resources === undefined ? {} : { resources }) }, depth + 1);
      }
      return;
    }
    const box = resolve(media);
    const corners = isArray(box) && box.length === 4 ? box.map(resolve) : [];
    if (!corners.every((v): v is number => typeof v === 'number') || corners.length !== 4) throw new Error(`page ${leaves.length + 1} has no MediaBox`);
    leaves.push({ ref, node, media: corners as unknown as Rect, resources });
  };
  if (root) walk(root, 'Pages', {}, 0);
  return leaves;
}
