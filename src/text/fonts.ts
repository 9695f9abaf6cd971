/**
 * Fonts: opening the TTF files, shaping text with the zh-Hans language system, and glyph
 * coverage. The only module that imports fontkit.
 */
import * as fontkit from 'fontkit';
import { horizontalAdvances, readTables, type Tables } from '../render/truetype';
import type { ShapedGlyph } from './items';
import { SCRIPT } from './script';

/** The four typographic roles of the bulletin (FONTS.md): 宋 body, bold 宋, 黑 headings, 楷 captions. */
export type FontRole = 'serif' | 'serifBold' | 'sansBold' | 'kai';
export const FONT_ROLES: readonly FontRole[] = ['serif', 'serifBold', 'sansBold', 'kai'];

/**
 * A font of the FontSet: one of the four roles, or the n-th fallback font (`fonts.fallback` in
 * the series file), which sets the characters the role's face lacks (rare ideographs of
 * Extension B and beyond in names).
 */
export type FontKey = FontRole | `fallback${number}`;

/** A glyph as shaped at 1 em: id, advance in em, and the characters it stands for. */
interface EmGlyph {
  readonly id: number;
  readonly advance: number;
  readonly text: string;
}

export interface LoadedFont {
  readonly role: FontKey;
  /** Path relative to the project root, for messages. */
  readonly path: string;
  readonly font: fontkit.Font;
  readonly unitsPerEm: number;
  readonly postscriptName: string;
  /** Shaping results per text (whole texts, and each segment fontkit lays out): a paragraph is shaped once even though layout runs twice. */
  readonly cache: Map<string, readonly EmGlyph[]>;
  /** Per-character glyphs of ideographs and full-width marks, by code point. */
  readonly direct: Map<number, EmGlyph>;
  /** Whether the font has a code point, asked once per character (fontFor asks for every one). */
  readonly covers: Map<number, boolean>;
  /** Each glyph at each size it is set in: glyphs are never changed, so paragraphs share them. */
  readonly sized: Map<number, Map<EmGlyph, ShapedGlyph>>;
  /**
   * Each glyph's hmtx advance in font units, read from the file once; undefined for a font that
   * is not plain TrueType (fontkit's advanceWidth is asked instead). See openFont.
   */
  readonly advances: Uint16Array | undefined;
  /** `post`'s italic angle, read from the table's header; undefined: ask fontkit. See openFont. */
  readonly italicAngle: number | undefined;
}

/** The four role fonts and the fallback fonts, tried in order for a character a role's face lacks. */
export type FontSet = Readonly<Record<FontRole, LoadedFont>> & { readonly fallbacks: readonly LoadedFont[] };

/** The font a glyph run names. */
export function fontOf(fonts: FontSet, key: FontKey): LoadedFont {
  const font = key.startsWith('fallback') ? fonts.fallbacks[Number(key.slice('fallback'.length))] : fonts[key as FontRole];
  if (!font) throw new Error(`no font ${key} in the font set`);
  return font;
}

/**
 * Which font sets a character in a role (R27): the role's own face when it has the character,
 * else the first fallback font that has it; undefined when none has it (a missing glyph). The
 * one place this is decided: shaping uses it, so what is reported missing is what would print.
 */
export function fontFor(fonts: FontSet, role: FontRole, codePoint: number): FontKey | undefined {
  if (hasGlyph(fonts[role], codePoint) || codePoint < 0x20 || INVISIBLE.test(String.fromCodePoint(codePoint))) return role;
  const k = fonts.fallbacks.findIndex((font) => hasGlyph(font, codePoint));
  return k < 0 ? undefined : `fallback${k}`;
}

/** Spaces and format characters are never drawn from a fallback or reported missing. */
const INVISIBLE = /^[\s\p{Cf}\p{Mn}]$/u;

/** Opens a font file's bytes; throws fontkit's error for a file that is not a font. */
export function openFont(role: FontKey, path: string, bytes: Buffer): LoadedFont {
  const opened = fontkit.create(bytes);
  if (!('unitsPerEm' in opened) || 'fonts' in opened) throw new Error(`${path} is a font collection; ship single-face TTF files`);
  const font = opened as fontkit.Font;
  const tables = tablesOf(bytes);
  if (tables) giveLoca(font, tables);
  return { role, path, font, unitsPerEm: font.unitsPerEm, postscriptName: font.postscriptName, cache: new Map(), direct: new Map(), covers: new Map(), sized: new Map(), ...ownMetrics(tables) };
}

/**
 * A font opened only when something first asks for what needs the file (its glyphs, metrics,
 * name): the fallback fonts, which set only characters the four faces lack. The default one,
 * HanaMinB, is 30 MB; most issues never need it, and then it is not read at all. `open` is given
 * the font object itself (what the subset writer later knows the font by) and must return the
 * opened font; its error, if any, is thrown to whoever asked first, and again on every later ask.
 */
export function deferredFont(role: FontKey, path: string, open: (owner: LoadedFont) => LoadedFont): LoadedFont {
  let opened: LoadedFont | undefined;
  const file = (): LoadedFont => (opened ??= open(deferred));
  const deferred: LoadedFont = {
    role,
    path,
    cache: new Map(),
    direct: new Map(),
    covers: new Map(),
    sized: new Map(),
    get font() {
      return file().font;
    },
    get unitsPerEm() {
      return file().unitsPerEm;
    },
    get postscriptName() {
      return file().postscriptName;
    },
    get advances() {
      return file().advances;
    },
    get italicAngle() {
      return file().italicAngle;
    },
  };
  return deferred;
}

function tablesOf(bytes: Buffer): Tables | undefined {
  try {
    return readTables(bytes);
  } catch {
    return undefined;
  }
}

/**
 * fontkit reads `loca` for every glyph's advance (TTFGlyph._getMetrics asks the glyph's bounding
 * box) and decodes the whole table into a JavaScript array through its generic struct reader:
 * ~40 ms for the four faces of the sample, each time a build starts. The table is two arrays of
 * numbers, so it is read here, in bytes as fontkit's own decoder gives them (a short table's
 * offsets doubled), and handed to fontkit's table memo, which it consults before decoding. The
 * memo is fontkit 2's private `_tables`; if it is not there, fontkit decodes the table itself as
 * before. test/text/fonts.test.ts compares the result with fontkit's own decoding.
 */
function giveLoca(font: fontkit.Font, tables: Tables): void {
  const memo = (font as unknown as { _tables?: Record<string, unknown> })._tables;
  const loca = tables.get('loca');
  const head = tables.get('head');
  if (memo === undefined || typeof memo !== 'object' || 'loca' in memo || !loca || !head || head.length < 54) return;
  const version = head.readInt16BE(50);
  if (version !== 0 && version !== 1) return;
  const offsets = new Array<number>(loca.length >> (version === 1 ? 2 : 1));
  for (let i = 0; i < offsets.length; i++) offsets[i] = version === 1 ? loca.readUInt32BE(4 * i) : loca.readUInt16BE(2 * i) * 2;
  // `_processed`: fontkit's mark that a short table's offsets are doubled already.
  memo.loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
}

/**
 * Advances and italic angle read straight from the tables, for fontkit's are dear: its glyph's
 * advanceWidth also decodes the glyph's header from `glyf` (for a bounding box only vertical
 * metrics use), after decoding the whole `loca` into an array of objects, and its italicAngle
 * decodes the whole `post` table, with the names of all 30 000+ glyphs of a CJK font — together
 * ~150 ms of the sample's build for values that are two reads each. The same numbers (hmtx
 * advance; post's 16.16 italicAngle at offset 4); fontkit still answers for anything else.
 */
function ownMetrics(tables: Tables | undefined): { advances: Uint16Array | undefined; italicAngle: number | undefined } {
  if (!tables) return { advances: undefined, italicAngle: undefined };
  const post = tables.get('post');
  let advances: Uint16Array | undefined;
  try {
    advances = horizontalAdvances(tables).advances;
  } catch {
    advances = undefined;
  }
  return { advances, italicAngle: post && post.length >= 8 ? post.readInt32BE(4) / 65536 : undefined };
}

const HAN = new RegExp(`[${SCRIPT.han}]`, 'u');
const LETTER = /\p{L}/u;

/**
 * Shapes text at `size` points. Chinese (and letter-free) text is shaped with script hani and
 * language ZHS, so `locl` gives 2-em 破折号 and 1-em connectors (R2); other text uses the default.
 */
export function shapeText(font: LoadedFont, text: string, size: number): ShapedGlyph[] {
  let glyphs = font.cache.get(text);
  if (glyphs === undefined) {
    glyphs = shapeAtOneEm(font, text);
    font.cache.set(text, glyphs);
  }
  // A glyph object per character of every paragraph (live until its lines are set) was one of
  // typeset's larger allocations; there are only as many as the font's glyphs at each size.
  let atSize = font.sized.get(size);
  if (atSize === undefined) {
    atSize = new Map();
    font.sized.set(size, atSize);
  }
  const out: ShapedGlyph[] = new Array(glyphs.length);
  for (let k = 0; k < glyphs.length; k++) {
    const g = glyphs[k] as EmGlyph;
    let glyph = atSize.get(g);
    if (glyph === undefined) {
      glyph = { id: g.id, advance: g.advance * size, text: g.text };
      atSize.set(g, glyph);
    }
    out[k] = glyph;
  }
  return out;
}

/**
 * Ideographs and full-width marks map one-to-one through the cmap in SC fonts (GSUB changes none
 * of them horizontally), so they skip the full OpenType layout, which is ~10× slower; dashes,
 * ellipses, Latin and anything with variation selectors go through fontkit's layout.
 */
const DIRECT = /^[\u3000-\u3003\u3005-\u3011\u3014-\u301f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60“”‘’]$/u;
const SEGMENTS = /[\u3000-\u3003\u3005-\u3011\u3014-\u301f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60“”‘’]+|[^\u3000-\u3003\u3005-\u3011\u3014-\u301f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60“”‘’]+/gu;

function shapeAtOneEm(font: LoadedFont, text: string): EmGlyph[] {
  if (/[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u.test(text)) return layoutAtOneEm(font, text);
  const out: EmGlyph[] = [];
  for (const segment of text.match(SEGMENTS) ?? []) {
    // The segment's first character decides (not an array of all of them).
    if (DIRECT.test(String.fromCodePoint(segment.codePointAt(0) ?? 0))) {
      // By code point: a string per character, hashed for the lookup, only for a glyph not met before.
      for (let k = 0; k < segment.length; ) {
        const codePoint = segment.codePointAt(k) as number;
        k += codePoint > 0xffff ? 2 : 1;
        let glyph = font.direct.get(codePoint);
        if (glyph === undefined) {
          const g = font.font.glyphForCodePoint(codePoint);
          glyph = { id: g.id, advance: (font.advances?.[g.id] ?? g.advanceWidth) / font.unitsPerEm, text: String.fromCodePoint(codePoint) };
          font.direct.set(codePoint, glyph);
        }
        out.push(glyph);
      }
    } else {
      // Latin words, numbers, dashes: the same few recur all through an issue (dates, 2024, ——),
      // and fontkit's layout of each costs ~0.1 ms, so each segment is laid out once per font.
      let glyphs = font.cache.get(segment);
      if (glyphs === undefined) {
        glyphs = layoutAtOneEm(font, segment);
        font.cache.set(segment, glyphs);
      }
      out.push(...glyphs);
    }
  }
  return out;
}

function layoutAtOneEm(font: LoadedFont, text: string): EmGlyph[] {
  const script = HAN.test(text) || !LETTER.test(text) ? 'hani' : 'latn';
  const run = font.font.layout(text, undefined, script, 'ZHS');
  const chars = Array.from(text);
  const out: EmGlyph[] = [];
  let index = 0;
  run.glyphs.forEach((glyph, k) => {
    // A ligature (——) stands for several characters; fontkit lists them in codePoints.
    const count = Math.max(1, glyph.codePoints.length);
    const glyphText = chars.slice(index, index + count).join('');
    index += count;
    const position = run.positions[k];
    out.push({ id: glyph.id, advance: (position?.xAdvance ?? glyph.advanceWidth) / font.unitsPerEm, text: glyphText });
  });
  if (index !== chars.length) throw new Error(`shaping lost characters of "${text.slice(0, 20)}…" in ${font.path}`);
  return out;
}

/** True when the font maps the code point to a real glyph (not .notdef). */
export function hasGlyph(font: LoadedFont, codePoint: number): boolean {
  let has = font.covers.get(codePoint);
  if (has === undefined) {
    has = font.font.hasGlyphForCodePoint(codePoint);
    font.covers.set(codePoint, has);
  }
  return has;
}

/** The font program subset for embedding: glyph ids in, TrueType bytes and the new ids out. */
export function subsetFont(font: LoadedFont, glyphIds: readonly number[]): { bytes: Uint8Array; newIds: Map<number, number> } {
  // @types/fontkit declares includeGlyph(Glyph): boolean; the library takes an id and returns the new id.
  const subset = font.font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
  const newIds = new Map<number, number>();
  for (const id of glyphIds) newIds.set(id, subset.includeGlyph(id));
  return { bytes: subset.encode(), newIds };
}

/**
 * The text of the code fontkit subsets this font with (its subset class and their base class):
 * what a kept subset must have been made by (render/kept-subsets.ts). From the classes as
 * loaded, so it is right bundled or not and changes with fontkit's code.
 */
export function subsetterCode(font: LoadedFont): string {
  const subsetClass = (Object.getPrototypeOf(font.font.createSubset()) as { constructor: { prototype: object; toString(): string } }).constructor;
  const baseClass = (Object.getPrototypeOf(subsetClass.prototype) as { constructor: { toString(): string } }).constructor;
  return `${subsetClass.toString()}\0${baseClass.toString()}`;
}

/** Vertical metrics in em used by the renderer's font descriptor. */
export function fontMetrics(font: LoadedFont): { ascent: number; descent: number; capHeight: number; bbox: [number, number, number, number]; italicAngle: number } {
  const f = font.font;
  const scale = 1000 / font.unitsPerEm;
  return {
    ascent: f.ascent * scale,
    descent: f.descent * scale,
    capHeight: (f.capHeight || f.ascent) * scale,
    bbox: [f.bbox.minX * scale, f.bbox.minY * scale, f.bbox.maxX * scale, f.bbox.maxY * scale],
    italicAngle: font.italicAngle ?? f.italicAngle,
  };
}
