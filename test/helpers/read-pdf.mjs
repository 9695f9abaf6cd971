#!/usr/bin/env node
// read-pdf.mjs — prints, as JSON on stdout, what pdf.js (not poppler, and not the code that wrote
// the file) reads from a PDF: document info, outline, page labels, fonts, and for every page its
// annotations, its text as a viewer would copy it, and the position of every glyph.
//
//   node test/helpers/read-pdf.mjs FILE.pdf [FILE.pdf …]   (one JSON report per line)
//
// It is an .mjs run in a child process because pdfjs-dist 5 is ESM-only and jest runs the tests
// as CommonJS; test/helpers/pdf.ts wraps it with types. The shape printed here is `PdfReport`
// in pdf.ts: change both together.
//
// Glyph positions come from the operator list (the decoded content stream), with the text state
// tracked here the way pdf.js's canvas renderer tracks it (src/display/canvas.js showText), so
// they are the positions a viewer paints, not the approximate runs of getTextContent().
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

// The legacy build's core-js polyfills replace the global JSON.stringify with a JS version that is
// ~10× slower and, on a 200-page report, peaks near 1 GB; keep the engine's own.
const stringify = JSON.stringify;

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(pathToFileURL(join(pdfjsRoot, 'legacy/build/pdf.mjs')).href);
const { getDocument, GlobalWorkerOptions, OPS, AnnotationMode } = pdfjs;

// In Node pdf.js runs its "worker" in this thread (a fake worker); it still has to find the file.
GlobalWorkerOptions.workerSrc = pathToFileURL(join(pdfjsRoot, 'legacy/build/pdf.worker.mjs')).href;

const IDENTITY = [1, 0, 0, 1, 0, 0];

/** m1 × m2 in pdf.js's [a b c d e f] convention: apply m2 first, then m1. */
function multiply(m1, m2) {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

function applyPoint(m, x, y) {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

// Rounded to 1/10000 pt: far below what any assertion needs, and it keeps the JSON short.
const r4 = (v) => Math.round(v * 1e4) / 1e4;

/** Resolves once pdf.js has delivered the font (or other shared object) with this id. */
function commonObj(page, id) {
  return new Promise((resolve) => page.commonObjs.get(id, resolve));
}

function freshTextState() {
  return {
    font: null,
    fontId: null,
    fontSize: 0,
    fontDirection: 1,
    fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    charSpacing: 0,
    wordSpacing: 0,
    textHScale: 1,
    leading: 0,
    textRise: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
  };
}

/**
 * Walks one page's operator list and returns its glyphs. The state machine mirrors the subset of
 * CanvasGraphics that moves the pen: q/Q and cm, BT/ET, Tf Tc Tw Tz TL Ts Tm Td TD T*, Tj/TJ
 * (pdf.js has already turned ' and " into T* plus Tj, and TJ into Tj with numbers), form
 * XObjects and transparency groups (their /Matrix).
 */
async function glyphsOf(page, opList, usedFonts) {
  const glyphs = [];
  let ctm = IDENTITY;
  let text = freshTextState();
  const stack = [];
  const { fnArray, argsArray } = opList;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, text: { ...text } });
        break;
      case OPS.restore: {
        const saved = stack.pop();
        if (saved) ({ ctm, text } = saved);
        break;
      }
      case OPS.transform:
        ctm = multiply(ctm, Array.from(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, text: { ...text } });
        if (args[0]) ctm = multiply(ctm, Array.from(args[0]));
        break;
      case OPS.paintFormXObjectEnd: {
        const saved = stack.pop();
        if (saved) ({ ctm, text } = saved);
        break;
      }
      case OPS.beginGroup:
        stack.push({ ctm, text: { ...text } });
        if (args[0]?.matrix) ctm = multiply(ctm, args[0].matrix);
        break;
      case OPS.endGroup: {
        const saved = stack.pop();
        if (saved) ({ ctm, text } = saved);
        break;
      }
      case OPS.beginText:
        text.textMatrix = IDENTITY;
        text.x = text.lineX = 0;
        text.y = text.lineY = 0;
        break;
      case OPS.endText:
        break;
      case OPS.setFont: {
        const [id, size] = args;
        const font = await commonObj(page, id);
        text.font = font;
        text.fontId = id;
        text.fontMatrix = font?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
        text.fontDirection = size < 0 ? -1 : 1;
        text.fontSize = Math.abs(size);
        if (font && !usedFonts.has(id)) usedFonts.set(id, font);
        break;
      }
      case OPS.setCharSpacing:
        text.charSpacing = args[0];
        break;
      case OPS.setWordSpacing:
        text.wordSpacing = args[0];
        break;
      case OPS.setHScale:
        text.textHScale = args[0] / 100;
        break;
      case OPS.setLeading:
        text.leading = -args[0];
        break;
      case OPS.setTextRise:
        text.textRise = args[0];
        break;
      case OPS.setTextMatrix:
        text.textMatrix = Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? Array.from(args[0]) : Array.from(args);
        text.x = text.lineX = 0;
        text.y = text.lineY = 0;
        break;
      case OPS.moveText:
        text.x = text.lineX += args[0];
        text.y = text.lineY += args[1];
        break;
      case OPS.setLeadingMoveText:
        text.leading = args[1];
        text.x = text.lineX += args[0];
        text.y = text.lineY += args[1];
        break;
      case OPS.nextLine:
        text.x = text.lineX += 0;
        text.y = text.lineY += text.leading;
        break;
      case OPS.showText:
        showText(text, ctm, args[0], glyphs);
        break;
      default:
        break;
    }
  }
  return glyphs;
}

/** Appends the glyphs of one Tj/TJ and advances the pen, as CanvasGraphics.showText does. */
function showText(text, ctm, items, out) {
  const font = text.font;
  if (!font || text.fontSize === 0) return;
  const { fontSize, charSpacing, wordSpacing, fontDirection } = text;
  const textHScale = text.textHScale * fontDirection;
  const vertical = !!font.vertical;
  const spacingDir = vertical ? 1 : -1;
  const widthAdvanceScale = fontSize * text.fontMatrix[0];
  // Text space → default user space; the pen offset is applied in text space below.
  const m = multiply(ctm, text.textMatrix);
  const xScale = Math.hypot(m[0], m[1]);
  const yScale = Math.hypot(m[2], m[3]);
  const fontName = font.name ?? text.fontId;
  let x = 0;
  for (const glyph of items) {
    if (typeof glyph === 'number') {
      x += (spacingDir * glyph * fontSize) / 1000;
      continue;
    }
    const spacing = (glyph.isSpace ? wordSpacing : 0) + charSpacing;
    let width = glyph.width;
    let ox;
    let oy;
    if (vertical) {
      const vmetric = glyph.vmetric || font.defaultVMetrics;
      const vx = -(glyph.vmetric ? vmetric[1] : width * 0.5) * widthAdvanceScale;
      const vy = vmetric[2] * widthAdvanceScale;
      width = vmetric ? -vmetric[0] : width;
      ox = text.x + vx * textHScale;
      oy = text.y + text.textRise - (x + vy);
    } else {
      ox = text.x + x * textHScale;
      oy = text.y + text.textRise;
    }
    const charWidth = vertical
      ? width * widthAdvanceScale - spacing * fontDirection
      : width * widthAdvanceScale + spacing * fontDirection;
    const [ux, uy] = applyPoint(m, ox, oy);
    out.push({
      ch: glyph.unicode ?? '',
      x: r4(ux),
      y: r4(uy),
      advance: r4(vertical ? charWidth * yScale : charWidth * Math.abs(textHScale) * xScale),
      size: r4(fontSize * yScale),
      fontName,
    });
    x += charWidth;
  }
  if (vertical) text.y -= x;
  else text.x += x * textHScale;
}

// ------------------------------------------------------------------ raw font dictionaries
//
// pdf.js 5 does not expose whether a font dictionary had /ToUnicode: when it is missing pdf.js
// synthesises a map from the embedded font's cmap, and its font object looks the same either
// way. Preflight (and pdffonts' "uni" column) judge the dictionary, so we read the dictionaries
// from the file: a small object scanner that also opens Flate object streams. It only has to find
// font, descendant-font and descriptor dictionaries, which never contain streams themselves.

function rawObjects(bytes) {
  const src = bytes.toString('latin1');
  const objects = new Map();
  const head = /(\d+)\s+(\d+)\s+obj\b/g;
  let match;
  const streamKeyword = /\bstream\r?\n/g;
  while ((match = head.exec(src))) {
    const start = match.index + match[0].length;
    let end = src.indexOf('endobj', start);
    if (end < 0) break;
    streamKeyword.lastIndex = start;
    const s = streamKeyword.exec(src);
    let dict = src.slice(start, end);
    let stream = null;
    if (s && s.index < end) {
      // Find the data's end from a direct /Length, else from the first `endstream`, so that
      // bytes inside the stream are never mistaken for `endobj`.
      dict = src.slice(start, s.index);
      const dataStart = s.index + s[0].length;
      const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      let dataEnd = direct ? dataStart + Number(direct[1]) : src.indexOf('endstream', dataStart);
      if (dataEnd < 0 || dataEnd > src.length) dataEnd = src.indexOf('endstream', dataStart);
      if (dataEnd < 0) break;
      stream = { dataStart, dataEnd };
      end = src.indexOf('endobj', dataEnd);
      if (end < 0) end = src.length;
    }
    objects.set(Number(match[1]), { dict, stream });
    // Skip over the object so binary stream data is not scanned for object headers.
    head.lastIndex = end + 6;
  }
  // Objects packed in object streams (PDF 1.5); pdfkit does not write them, other tools do.
  for (const obj of [...objects.values()]) {
    if (!obj.stream || !/\/Type\s*\/ObjStm\b/.test(obj.dict)) continue;
    try {
      let data = bytes.subarray(obj.stream.dataStart, obj.stream.dataEnd);
      if (/\/FlateDecode\b/.test(obj.dict)) data = inflateSync(data, { finishFlush: 2 });
      const text = data.toString('latin1');
      const n = Number(/\/N\s+(\d+)/.exec(obj.dict)?.[1] ?? 0);
      const first = Number(/\/First\s+(\d+)/.exec(obj.dict)?.[1] ?? 0);
      const header = text.slice(0, first).trim().split(/\s+/).map(Number);
      for (let k = 0; k < n; k++) {
        const num = header[2 * k];
        const offset = header[2 * k + 1];
        const next = k + 1 < n ? header[2 * k + 3] : text.length - first;
        if (!objects.has(num)) objects.set(num, { dict: text.slice(first + offset, first + next), stream: null });
      }
    } catch {
      // An unreadable object stream only costs us its fonts' ToUnicode answer.
    }
  }
  return objects;
}

function rawFonts(bytes) {
  const objects = rawObjects(bytes);
  const ref = (dict, key) => {
    const m = new RegExp(`/${key}\\s*(\\d+)\\s+\\d+\\s+R`).exec(dict);
    return m ? objects.get(Number(m[1]))?.dict ?? null : null;
  };
  const name = (dict, key) => new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(dict)?.[1] ?? null;
  const hasFontFile = (descriptor) => !!descriptor && /\/FontFile[23]?\s*\d+\s+\d+\s+R/.test(descriptor);
  const fonts = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Font\b/.test(dict)) continue;
    const subtype = name(dict, 'Subtype');
    if (!subtype || subtype.startsWith('CIDFontType')) continue; // descendants, read via their parent
    let descriptor = ref(dict, 'FontDescriptor');
    if (subtype === 'Type0') {
      const inline = /\/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R/.exec(dict);
      const arrayRef = ref(dict, 'DescendantFonts');
      const descendant = inline ? objects.get(Number(inline[1]))?.dict : arrayRef
        ? objects.get(Number(/(\d+)\s+\d+\s+R/.exec(arrayRef)?.[1]))?.dict
        : null;
      if (descendant) descriptor = ref(descendant, 'FontDescriptor');
    }
    const baseFont = name(dict, 'BaseFont') ?? name(dict, 'Name') ?? '';
    fonts.push({
      baseFont: decodeName(baseFont),
      subtype,
      embedded: subtype === 'Type3' || hasFontFile(descriptor),
      hasToUnicode: /\/ToUnicode\b/.test(dict),
    });
  }
  return fonts;
}

/** PDF names escape bytes as #xx. */
function decodeName(text) {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

// ------------------------------------------------------------------ tagging (PDF/UA)

/** A structure tree node as pdf.js gives it: role, alt, children; leaves are marked content or objects. */
function treeNode(node) {
  if (node.type === 'content') return { type: 'content', id: node.id };
  if (node.type) return { type: node.type, id: node.id ?? null };
  const out = { role: node.role, children: (node.children ?? []).map(treeNode) };
  if (node.alt) out.alt = node.alt;
  if (node.lang) out.lang = node.lang;
  return out;
}

/**
 * The page's part of the structure tree (page.getStructTree), and its text by marked-content
 * sequence, in content order: { id (the MCID's id, null for an artifact), tag, text, depth }, and a
 * { id: null, tag: null } segment for text outside any marked content. `depth` is how many
 * marked-content sequences enclose the text (1 when each glyph is in exactly one).
 */
async function taggingOf(page) {
  const tree = await page.getStructTree();
  const content = await page.getTextContent({ includeMarkedContent: true });
  const marked = [];
  const stack = [];
  let current = null;
  const open = (id, tag) => {
    current = { id, tag, text: '', depth: stack.length };
    marked.push(current);
  };
  for (const item of content.items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
      stack.push({ id: item.id ?? null, tag: item.tag ?? null });
      open(item.id ?? null, item.tag ?? null);
    } else if (item.type === 'endMarkedContent') {
      stack.pop();
      const top = stack[stack.length - 1];
      current = null;
      if (top) open(top.id, top.tag);
    } else if (typeof item.str === 'string' && item.str !== '') {
      if (!current) open(null, null);
      current.text += item.str;
    }
  }
  return { structTree: tree ? treeNode(tree) : null, marked: marked.filter((m) => m.text !== '') };
}

// ------------------------------------------------------------------ document-level structure

async function resolveDest(pdf, dest) {
  let explicit = dest;
  if (typeof dest === 'string') explicit = await pdf.getDestination(dest);
  if (!Array.isArray(explicit) || explicit.length === 0) return { pageIndex: null, top: null };
  const target = explicit[0];
  let pageIndex = null;
  if (typeof target === 'number') pageIndex = target;
  else if (target && typeof target === 'object') {
    try {
      pageIndex = await pdf.getPageIndex(target);
    } catch {
      pageIndex = null;
    }
  }
  // [page /XYZ left top zoom] and [page /FitH top] carry the y the viewer scrolls to.
  const kind = explicit[1]?.name ?? null;
  let top = null;
  if (kind === 'XYZ' && typeof explicit[3] === 'number') top = explicit[3];
  if ((kind === 'FitH' || kind === 'FitBH') && typeof explicit[2] === 'number') top = explicit[2];
  return { pageIndex, top };
}

async function outlineOf(pdf, items) {
  const out = [];
  for (const item of items ?? []) {
    const node = { title: item.title };
    if (item.dest) {
      if (typeof item.dest === 'string') node.destName = item.dest;
      const { pageIndex, top } = await resolveDest(pdf, item.dest);
      node.pageIndex = pageIndex;
      node.top = top;
    } else {
      node.pageIndex = null;
      node.top = null;
    }
    if (item.url) node.url = item.url;
    node.items = await outlineOf(pdf, item.items);
    out.push(node);
  }
  return out;
}

async function annotationsOf(pdf, page) {
  const out = [];
  for (const a of await page.getAnnotations({ intent: 'display' })) {
    const entry = { subtype: a.subtype, rect: a.rect.map(r4) };
    if (a.dest) {
      if (typeof a.dest === 'string') entry.destName = a.dest;
      const { pageIndex, top } = await resolveDest(pdf, a.dest);
      entry.destPageIndex = pageIndex;
      entry.destTop = top;
    }
    if (a.url) entry.url = a.url;
    else if (a.unsafeUrl) entry.url = a.unsafeUrl;
    if (a.contentsObj?.str) entry.contents = a.contentsObj.str;
    out.push(entry);
  }
  return out;
}

function pdfDateToIso(value) {
  // D:YYYYMMDDHHmmSSOHH'mm' → ISO 8601, so tests can compare dates without parsing PDF syntax.
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(value ?? '');
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz, th = '00', tm = '00'] = m;
  const zone = !tz || tz === 'Z' || tz === 'z' ? 'Z' : `${tz}${th}:${tm}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

// ------------------------------------------------------------------ main

/** Reads the file; returns the document-level fields and each page already as a JSON string. */
async function readPdf(file) {
  const bytes = readFileSync(file);
  const pdf = await getDocument({
    // pdf.js transfers (detaches) the buffer it is given, so hand it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    useSystemFonts: false,
    disableFontFace: true,
    // Needed for the font's `type`; it also keeps toUnicode/cMap on the font object.
    fontExtraProperties: true,
    verbosity: 0,
  }).promise;
  try {
    const { info, metadata } = await pdf.getMetadata();
    const infoOut = {};
    for (const [key, value] of Object.entries(info ?? {})) {
      if (key === 'Custom') continue;
      infoOut[key] = value && typeof value === 'object' && 'name' in value ? value.name : value;
    }
    const pageLabels = await pdf.getPageLabels();
    const outline = await outlineOf(pdf, await pdf.getOutline());

    const usedFonts = new Map(); // pdf.js loadedName → font object
    const pages = [];
    for (let index = 0; index < pdf.numPages; index++) {
      const page = await pdf.getPage(index + 1);
      const view = page.view.map(r4);
      const opList = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      const glyphs = await glyphsOf(page, opList, usedFonts);
      const content = await page.getTextContent();
      const { structTree, marked } = await taggingOf(page);
      const loadedToName = (id) => {
        const f = usedFonts.get(id);
        return f?.name ?? id;
      };
      const items = content.items
        .filter((it) => typeof it.str === 'string')
        .map((it) => ({
          str: it.str,
          x: r4(it.transform[4]),
          y: r4(it.transform[5]),
          width: r4(it.width),
          height: r4(it.height),
          fontName: loadedToName(it.fontName),
          hasEOL: !!it.hasEOL,
        }));
      // Serialised page by page so the glyph objects can be collected as we go.
      pages.push(stringify({
        index,
        width: r4(view[2] - view[0]),
        height: r4(view[3] - view[1]),
        rotate: page.rotate,
        view,
        annotations: await annotationsOf(pdf, page),
        text: items.map((it) => it.str + (it.hasEOL ? '\n' : '')).join(''),
        items,
        glyphs,
        structTree,
        marked,
      }));
      page.cleanup();
    }

    const raw = rawFonts(bytes);
    const fonts = [];
    for (const [loadedName, font] of usedFonts) {
      const name = font.name ?? loadedName;
      const dict = raw.find((f) => f.baseFont === name) ?? null;
      fonts.push({
        name,
        loadedName,
        type: font.type ?? dict?.subtype ?? 'unknown',
        subtype: dict?.subtype ?? null,
        // pdf.js loads its own data for the 14 standard fonts (missingFile is then false too), so
        // the dictionary's /FontFile is the real answer; pdf.js's view is only the fallback.
        embedded: dict ? dict.embedded : font.missingFile === false && !!font.data,
        hasToUnicode: dict ? dict.hasToUnicode : false,
        usedInContent: true,
      });
    }
    // Fonts in the file that no page's content used (e.g. only in an annotation appearance).
    for (const dict of raw) {
      if (fonts.some((f) => f.name === dict.baseFont)) continue;
      fonts.push({
        name: dict.baseFont,
        loadedName: null,
        type: dict.subtype,
        subtype: dict.subtype,
        embedded: dict.embedded,
        hasToUnicode: dict.hasToUnicode,
        usedInContent: false,
      });
    }

    return {
      document: {
        pageCount: pdf.numPages,
        info: infoOut,
        creationDateIso: pdfDateToIso(info?.CreationDate),
        modDateIso: pdfDateToIso(info?.ModDate),
        metadataXmpPresent: metadata != null,
        lang: info?.Language ?? null,
        outline,
        pageLabels: pageLabels ?? null,
        fonts,
      },
      pages,
    };
  } finally {
    await pdf.destroy();
  }
}

// Several files: one JSON report per line, in order (one process for a whole corpus of PDFs).
const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node test/helpers/read-pdf.mjs FILE.pdf [FILE.pdf …]\n');
  process.exit(2);
}
for (const file of files) {
  try {
    const { document, pages } = await readPdf(file);
    // {"pageCount":…,"fonts":[…],"pages":[…]}: the document fields, then the pre-serialised pages.
    const head = stringify(document);
    process.stdout.write(`${head.slice(0, -1)},"pages":[`);
    pages.forEach((json, i) => process.stdout.write(i === 0 ? json : `,${json}`));
    process.stdout.write(']}\n');
  } catch (err) {
    process.stderr.write(`read-pdf: ${file}: ${err?.message ?? err}\n`);
    process.exit(1);
  }
}
