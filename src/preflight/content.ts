/**
 * Scans decoded content streams: which colour spaces and operators paint, what colour each text
 * show uses, and the placed size of every image (from the CTM at `Do`). A small tokenizer that
 * tracks q/Q, cm, colour and text state; form XObjects are followed with their own resources.
 */
import type { ImageXObject, Resources } from './reader';
import { ENDS_WORD, IS_WHITE, WordCache } from './words';

/** What one page's painting used. */
export interface ContentScan {
  /** Colour spaces seen (DeviceRGB, DeviceCMYK, DeviceGray, Separation/All/DeviceCMYK, …) with counts. */
  readonly spaces: Map<string, number>;
  /** RGB operators (rg/RG, or cs/CS selecting an RGB space), counted. */
  rgbOperators: number;
  /** Text show operators by fill colour class: k-only, rich black, rgb black, other. */
  readonly textColours: Map<string, number>;
  /** Placed images with their effective resolution. */
  readonly images: { readonly name: string; readonly image: ImageXObject; readonly ppi: number }[];
  /** Marked content (tagged PDF): what paints outside it, wrong nesting, the MCIDs used. */
  readonly marks: MarkedContentScan;
}

export interface MarkedContentScan {
  /** Painting operators (text, paths, images, shadings) in no marked content that is an artifact or has an MCID (Matterhorn 01-005). */
  unmarkedPaints: number;
  /** An Artifact opened inside tagged content (01-003), tagged content opened inside an Artifact (01-004). */
  artifactInTagged: number;
  taggedInArtifact: number;
  /** BDC/BMC without a matching EMC, or EMC without an open sequence. */
  unbalanced: number;
  readonly mcids: number[];
}

/** What encloses the current operator: nothing, an Artifact, real content with an MCID. */
type Enclosing = 'none' | 'artifact' | 'tagged';
const PAINTS = new Set(['Tj', 'TJ', "'", '"', 'Do', 'EI', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh']);

/** The operators the scan acts on, as small integers (a switch on strings compared each in turn). */
const enum Op {
  Other,
  BeginMarked,
  EndMarked,
  Save,
  Restore,
  Transform,
  FillRgb,
  StrokeRgb,
  FillCmyk,
  StrokeCmyk,
  FillGray,
  StrokeGray,
  FillSpace,
  StrokeSpace,
  FillColour,
  ShowText,
  Draw,
}
const OPS = new Map<string, Op>([
  ['BMC', Op.BeginMarked],
  ['BDC', Op.BeginMarked],
  ['EMC', Op.EndMarked],
  ['q', Op.Save],
  ['Q', Op.Restore],
  ['cm', Op.Transform],
  ['rg', Op.FillRgb],
  ['RG', Op.StrokeRgb],
  ['k', Op.FillCmyk],
  ['K', Op.StrokeCmyk],
  ['g', Op.FillGray],
  ['G', Op.StrokeGray],
  ['cs', Op.FillSpace],
  ['CS', Op.StrokeSpace],
  ['sc', Op.FillColour],
  ['scn', Op.FillColour],
  ['Tj', Op.ShowText],
  ['TJ', Op.ShowText],
  ["'", Op.ShowText],
  ['"', Op.ShowText],
  ['Do', Op.Draw],
]);

type Matrix = [number, number, number, number, number, number];
/** A fill colour; never changed once made (a new one replaces it), so states can share it. */
interface Fill {
  readonly space: string;
  readonly values: readonly number[];
  /** textColourClass of it, once asked. */
  colourClass?: string;
}
interface State {
  ctm: Matrix;
  fill: Fill;
}

/** Scans one page (and the forms it draws); results accumulate in `scan`. */
export function scanContent(content: Uint8Array, resources: Resources, scan: ContentScan = newScan(), ctm: Matrix = [1, 0, 0, 1, 0, 0], depth = 0, outside: Enclosing = 'none'): ContentScan {
  let state: State = { ctm, fill: { space: 'DeviceGray', values: [0] } };
  const stack: State[] = [];
  // Marked-content sequences open around the current operator; the innermost artifact or MCID counts.
  const marks: Enclosing[] = [];
  // The operands of the coming operator, as much of them as any operator below reads: the
  // numbers (unboxed), the first and last word (name or bracket; undefined for a number) and what
  // follows the first /MCID. Numbers are never put in a mixed array: each would be a heap object.
  const tokens = new ContentTokens(content);
  let count = 0;
  let numberCount = 0;
  let first: string | undefined;
  let last: string | undefined;
  let mcidState = 0; // 0 none yet, 1 just after /MCID, 2 done
  let mcid: number | undefined;
  // No closures here: a page's scan made its own, and the optimised scanner, which had inlined
  // the previous page's, was thrown away for each new one ("wrong call target") while it warmed up.

  for (let type = tokens.next(); type !== END; type = tokens.next()) {
    if (type !== OPERATOR) {
      const word = type === NUMBER ? undefined : tokens.word;
      if (type === NUMBER) tokens.keepNumber(numberCount++);
      if (count++ === 0) first = word;
      last = word;
      if (mcidState === 1) {
        mcid = type === NUMBER ? tokens.number : undefined;
        mcidState = 2;
      } else if (mcidState === 0 && word === '/MCID') mcidState = 1;
      continue;
    }
    const op = tokens.word;
    if (PAINTS.has(op) && enclosingOf(marks, outside) === 'none') scan.marks.unmarkedPaints++;
    switch (OPS.get(op) ?? Op.Other) {
      case Op.BeginMarked: {
        const kind: Enclosing = first === '/Artifact' ? 'artifact' : mcid !== undefined ? 'tagged' : 'none';
        const around = enclosingOf(marks, outside);
        if (kind === 'artifact' && around === 'tagged') scan.marks.artifactInTagged++;
        if (kind === 'tagged' && around === 'artifact') scan.marks.taggedInArtifact++;
        if (mcid !== undefined) scan.marks.mcids.push(mcid);
        marks.push(kind);
        break;
      }
      case Op.EndMarked:
        if (marks.pop() === undefined) scan.marks.unbalanced++;
        break;
      case Op.Save:
        // The matrix and the fill are replaced, never changed in place: the saved state shares them.
        stack.push({ ctm: state.ctm, fill: state.fill });
        break;
      case Op.Restore:
        state = stack.pop() ?? state;
        break;
      case Op.Transform: {
        if (numberCount === 6) state.ctm = multiply(keptNumbers(tokens, numberCount) as Matrix, state.ctm);
        break;
      }
      case Op.FillRgb:
      case Op.StrokeRgb:
        see(scan, 'DeviceRGB');
        scan.rgbOperators++;
        if (op === 'rg') state.fill = fillOf(state.fill, 'DeviceRGB', tokens, numberCount);
        break;
      case Op.FillCmyk:
      case Op.StrokeCmyk:
        see(scan, 'DeviceCMYK');
        if (op === 'k') state.fill = fillOf(state.fill, 'DeviceCMYK', tokens, numberCount);
        break;
      case Op.FillGray:
      case Op.StrokeGray:
        see(scan, 'DeviceGray');
        if (op === 'g') state.fill = fillOf(state.fill, 'DeviceGray', tokens, numberCount);
        break;
      case Op.FillSpace:
      case Op.StrokeSpace: {
        const name = last?.replace(/^\//, '');
        const space = name !== undefined ? (resources.colorSpaces.get(name) ?? name) : '?';
        see(scan, space);
        if (isRgb(space)) scan.rgbOperators++;
        if (op === 'cs') state.fill = { space, values: [] };
        break;
      }
      case Op.FillColour:
        state.fill = { space: state.fill.space, values: keptNumbers(tokens, numberCount) };
        break;
      case Op.ShowText: {
        const key = (state.fill.colourClass ??= textColourClass(state.fill));
        scan.textColours.set(key, (scan.textColours.get(key) ?? 0) + 1);
        break;
      }
      case Op.Draw: {
        const name = last;
        const xobject = name !== undefined ? resources.xobjects.get(name.replace(/^\//, '')) : undefined;
        if (xobject?.kind === 'image') {
          see(scan, `image:${xobject.colorSpace}`);
          const [a, b, c, d] = state.ctm;
          const w = Math.hypot(a, b) / 72;
          const h = Math.hypot(c, d) / 72;
          const ppi = w > 0 && h > 0 ? Math.min(xobject.width / w, xobject.height / h) : Infinity;
          scan.images.push({ name: name ?? '?', image: xobject, ppi });
        } else if (xobject?.kind === 'form' && depth < 8) {
          scanContent(xobject.content, xobject.resources, scan, [...state.ctm], depth + 1, enclosingOf(marks, outside));
        }
        break;
      }
      default:
        break;
    }
    count = 0;
    numberCount = 0;
    first = undefined;
    last = undefined;
    mcidState = 0;
    mcid = undefined;
  }
  scan.marks.unbalanced += marks.length;
  return scan;
}

/** The innermost marked content around the current operator that is an artifact or tagged. */
function enclosingOf(marks: readonly Enclosing[], outside: Enclosing): Enclosing {
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i] !== 'none') return marks[i]!;
  return outside;
}

function see(scan: ContentScan, space: string): void {
  scan.spaces.set(space, (scan.spaces.get(space) ?? 0) + 1);
}

function isRgb(space: string): boolean {
  return space === 'DeviceRGB' || space === 'CalRGB' || /(^|\/)DeviceRGB$/.test(space);
}

/** The operands kept for the coming operator (its numbers). */
function keptNumbers(tokens: ContentTokens, count: number): number[] {
  return Array.from(tokens.numbers.subarray(0, count));
}

/**
 * The fill colour `space` with the kept numbers. A fill colour is set before every line of text,
 * nearly always the same one: the current object is kept when space and values are unchanged
 * instead of making a new one each time.
 */
function fillOf(current: Fill, space: string, tokens: ContentTokens, count: number): Fill {
  if (current.space === space && current.values.length === count && current.values.every((v, k) => v === tokens.numbers[k])) return current;
  return { space, values: keptNumbers(tokens, count) };
}

/** An empty scan to accumulate into. */
export function newScan(): ContentScan {
  return { spaces: new Map(), rgbOperators: 0, textColours: new Map(), images: [], marks: { unmarkedPaints: 0, artifactInTagged: 0, taggedInArtifact: 0, unbalanced: 0, mcids: [] } };
}

function textColourClass(fill: Fill): string {
  const v = fill.values;
  if (fill.space === 'DeviceCMYK' && v.length === 4) {
    const [c, m, y, k] = v as [number, number, number, number];
    if (c === 0 && m === 0 && y === 0) return k === 1 ? '100% K' : 'K only';
    if (k >= 0.9) return 'rich black';
    return 'CMYK colour';
  }
  if (fill.space === 'DeviceRGB') return v.every((x) => x === 0) ? 'RGB black' : 'RGB colour';
  if (fill.space === 'DeviceGray') return 'gray';
  return fill.space;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

const END = 0;
const NUMBER = 1;
const WORD = 2;
const OPERATOR = 3;

/** 10^k for k ≤ 22: exact doubles, so digits / 10^k is the correctly rounded value, as Number() gives. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Operators and resource names repeat on every page: one string each, for all streams. */
const WORDS = new WordCache();

/**
 * Content-stream tokens, one per `next()`: NUMBER (in `number`), WORD (a name with its slash, or
 * a bracket, `()`/`<>` for a string, true/false/null, in `word`) or OPERATOR (in `word`); strings,
 * arrays and dicts become opaque operands, inline image data is skipped. No object per token (a
 * 200-page issue has ~10⁶): words are the cached strings, numbers a field and a typed array.
 */
class ContentTokens {
  number = 0;
  word = '';
  /** The numbers the caller kept (`keepNumber`), in order; grows as needed. */
  numbers = new Float64Array(64);
  private i = 0;

  constructor(private readonly bytes: Uint8Array) {}

  keepNumber(index: number): void {
    if (index >= this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[index] = this.number;
  }

  next(): number {
    const { bytes } = this;
    const n = bytes.length;
    let i = this.i;
    while (i < n) {
      const c = bytes[i]!;
      if (IS_WHITE[c] === 1) {
        i++;
      } else if (c === 0x25) {
        while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      } else if (c === 0x28) {
        // Literal string with nested parentheses and backslash escapes.
        let level = 0;
        do {
          if (bytes[i] === 0x5c) i++;
          else if (bytes[i] === 0x28) level++;
          else if (bytes[i] === 0x29) level--;
          i++;
        } while (i < n && level > 0);
        return this.emit(i, WORD, '()');
      } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
        return this.emit(i + 2, WORD, '<<');
      } else if (c === 0x3e && bytes[i + 1] === 0x3e) {
        return this.emit(i + 2, WORD, '>>');
      } else if (c === 0x3c) {
        // Hex strings (the glyph codes) are most of a page's bytes: found by a native search.
        const end = bytes.indexOf(0x3e, i);
        return this.emit(end < 0 ? n + 1 : end + 1, WORD, '<>');
      } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x3e || c === 0x29) {
        return this.emit(i + 1, WORD, String.fromCharCode(c));
      } else if (c === 0x2f) {
        const start = i++;
        while (i < n && ENDS_WORD[bytes[i]!] === 0) i++;
        return this.emit(i, WORD, WORDS.word(bytes, start, i));
      } else {
        // Most words are numbers (coordinates): read from the bytes as the word's end is found
        // ([+-]digits[.digits] or [+-].digits, at most 15 digits: exact this way; others through Number()), no string made for them.
        const start = i;
        if (c === 0x2b || c === 0x2d) i++;
        let digits = 0;
        let mantissa = 0;
        let fraction = -1;
        let numeric = true;
        for (; i < n; i++) {
          const d = bytes[i]!;
          if (ENDS_WORD[d] === 1) break;
          if (!numeric) continue;
          if (d >= 0x30 && d <= 0x39) {
            mantissa = mantissa * 10 + (d - 0x30);
            digits++;
            if (fraction >= 0) fraction++;
          } else if (d === 0x2e && fraction < 0) fraction = 0;
          else numeric = false;
        }
        if (i === start) i++;
        if (numeric && digits > 0 && digits <= 15 && fraction <= 22) {
          const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
          this.number = c === 0x2d ? -value : value;
          this.i = i;
          return NUMBER;
        }
        const word = WORDS.word(bytes, start, i);
        // Only a word that starts as a number can be one: an operator (most words that get here)
        // is not put to the regular expression, whose every test made garbage (~56 bytes).
        const startsNumber = c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39);
        if (startsNumber && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
          this.number = Number(word);
          this.i = i;
          return NUMBER;
        }
        if (word === 'true' || word === 'false' || word === 'null') return this.emit(i, WORD, word);
        if (word === 'ID') {
          // Inline image data: skip to whitespace + EI + whitespace.
          i++;
          while (i < n && !(IS_WHITE[bytes[i - 1]!] === 1 && bytes[i] === 0x45 && bytes[i + 1] === 0x49 && (i + 2 >= n || IS_WHITE[bytes[i + 2]!] === 1))) i++;
          return this.emit(i + 2, OPERATOR, 'EI');
        }
        return this.emit(i, OPERATOR, word);
      }
    }
    this.i = i;
    return END;
  }

  private emit(end: number, type: number, word: string): number {
    this.i = end;
    this.word = word;
    return type;
  }
}
