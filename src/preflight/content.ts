/**
 * Scans decoded content streams: which colour spaces and operators paint, what colour each text
 * show uses, and the placed size of every image (from the CTM at `Do`). A small tokenizer that
 * tracks q/Q, cm, colour and text state; form XObjects are followed with their own resources.
 */
import type { ImageXObject, Resources } from './reader';

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

type Matrix = [number, number, number, number, number, number];
interface State {
  ctm: Matrix;
  fill: { space: string; values: number[] };
}

/** Scans one page (and the forms it draws); results accumulate in `scan`. */
export function scanContent(content: Uint8Array, resources: Resources, scan: ContentScan = newScan(), ctm: Matrix = [1, 0, 0, 1, 0, 0], depth = 0, outside: Enclosing = 'none'): ContentScan {
  let state: State = { ctm, fill: { space: 'DeviceGray', values: [0] } };
  const stack: State[] = [];
  // Marked-content sequences open around the current operator; the innermost artifact or MCID counts.
  const marks: Enclosing[] = [];
  const enclosing = (): Enclosing => {
    for (let i = marks.length - 1; i >= 0; i--) if (marks[i] !== 'none') return marks[i]!;
    return outside;
  };
  const operands: (number | string)[] = [];
  const see = (space: string) => scan.spaces.set(space, (scan.spaces.get(space) ?? 0) + 1);
  const resolve = (name: string) => resources.colorSpaces.get(name) ?? name;
  const isRgb = (space: string) => space === 'DeviceRGB' || space === 'CalRGB' || /(^|\/)DeviceRGB$/.test(space);
  const numbers = () => operands.filter((o): o is number => typeof o === 'number');

  tokenize(content, (type, value) => {
    if (type !== 'op') {
      operands.push(value);
      return;
    }
    const op = value as string;
    if (PAINTS.has(op) && enclosing() === 'none') scan.marks.unmarkedPaints++;
    switch (op) {
      case 'BMC':
      case 'BDC': {
        const tag = operands[0];
        const at = operands.indexOf('/MCID');
        const mcid = at >= 0 ? operands[at + 1] : undefined;
        const kind: Enclosing = tag === '/Artifact' ? 'artifact' : typeof mcid === 'number' ? 'tagged' : 'none';
        const around = enclosing();
        if (kind === 'artifact' && around === 'tagged') scan.marks.artifactInTagged++;
        if (kind === 'tagged' && around === 'artifact') scan.marks.taggedInArtifact++;
        if (typeof mcid === 'number') scan.marks.mcids.push(mcid);
        marks.push(kind);
        break;
      }
      case 'EMC':
        if (marks.pop() === undefined) scan.marks.unbalanced++;
        break;
      case 'q':
        stack.push({ ctm: [...state.ctm], fill: { ...state.fill } });
        break;
      case 'Q':
        state = stack.pop() ?? state;
        break;
      case 'cm': {
        const m = numbers();
        if (m.length === 6) state.ctm = multiply(m as Matrix, state.ctm);
        break;
      }
      case 'rg':
      case 'RG':
        see('DeviceRGB');
        scan.rgbOperators++;
        if (op === 'rg') state.fill = { space: 'DeviceRGB', values: numbers() };
        break;
      case 'k':
      case 'K':
        see('DeviceCMYK');
        if (op === 'k') state.fill = { space: 'DeviceCMYK', values: numbers() };
        break;
      case 'g':
      case 'G':
        see('DeviceGray');
        if (op === 'g') state.fill = { space: 'DeviceGray', values: numbers() };
        break;
      case 'cs':
      case 'CS': {
        const name = operands[operands.length - 1];
        const space = typeof name === 'string' ? resolve(name.replace(/^\//, '')) : '?';
        see(space);
        if (isRgb(space)) scan.rgbOperators++;
        if (op === 'cs') state.fill = { space, values: [] };
        break;
      }
      case 'sc':
      case 'scn':
        state.fill = { ...state.fill, values: numbers() };
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"': {
        const key = textColourClass(state.fill);
        scan.textColours.set(key, (scan.textColours.get(key) ?? 0) + 1);
        break;
      }
      case 'Do': {
        const name = operands[operands.length - 1];
        const xobject = typeof name === 'string' ? resources.xobjects.get(name.replace(/^\//, '')) : undefined;
        if (xobject?.kind === 'image') {
          see(`image:${xobject.colorSpace}`);
          const [a, b, c, d] = state.ctm;
          const w = Math.hypot(a, b) / 72;
          const h = Math.hypot(c, d) / 72;
          const ppi = w > 0 && h > 0 ? Math.min(xobject.width / w, xobject.height / h) : Infinity;
          scan.images.push({ name: typeof name === 'string' ? name : '?', image: xobject, ppi });
        } else if (xobject?.kind === 'form' && depth < 8) {
          scanContent(xobject.content, xobject.resources, scan, [...state.ctm], depth + 1, enclosing());
        }
        break;
      }
      default:
        break;
    }
    operands.length = 0;
  });
  scan.marks.unbalanced += marks.length;
  return scan;
}

/** An empty scan to accumulate into. */
export function newScan(): ContentScan {
  return { spaces: new Map(), rgbOperators: 0, textColours: new Map(), images: [], marks: { unmarkedPaints: 0, artifactInTagged: 0, taggedInArtifact: 0, unbalanced: 0, mcids: [] } };
}

function textColourClass(fill: State['fill']): string {
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

type TokenType = 'num' | 'name' | 'other' | 'op';

/** 10^k for k ≤ 22: exact doubles, so digits / 10^k is the correctly rounded value, as Number() gives. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number bytes[start, end) spells ([+-]digits[.digits] or [+-].digits), or undefined when it
 * is not one or has too many digits to be read exactly this way (the caller then uses Number()).
 */
function numberAt(bytes: Uint8Array, start: number, end: number): number | undefined {
  let k = start;
  const sign = bytes[k];
  if (sign === 0x2b || sign === 0x2d) k++;
  let digits = 0;
  let mantissa = 0;
  let fraction = -1;
  for (; k < end; k++) {
    const c = bytes[k]!;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e && fraction < 0) fraction = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || fraction > 22) return undefined;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
  return sign === 0x2d ? -value : value;
}

// Byte classes as lookup tables rather than Sets: the tokenizer looks at every byte of every
// page (a Set lookup per byte was most of the preflight's scanning time).
const WHITE_BYTES = [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20];
const IS_WHITE = new Uint8Array(256);
for (const b of WHITE_BYTES) IS_WHITE[b] = 1;
/** White space or a delimiter: where a name, number or operator ends. */
const ENDS_WORD = new Uint8Array(IS_WHITE);
for (const c of '()<>[]{}/%') ENDS_WORD[c.charCodeAt(0)] = 1;

/**
 * Content-stream tokens, each passed to `emit` (a number for 'num', else a string); strings,
 * arrays and dicts become opaque operands, inline image data is skipped. A callback rather than
 * a generator: no iterator result and token object per token (a 200-page issue has ~10⁶).
 */
function tokenize(bytes: Uint8Array, emit: (type: TokenType, value: number | string) => void): void {
  let i = 0;
  const n = bytes.length;
  // One Buffer view for the whole stream: words are sliced out of it without copying bytes.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
      emit('other', '()');
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      i += 2;
      emit('other', '<<');
    } else if (c === 0x3e && bytes[i + 1] === 0x3e) {
      i += 2;
      emit('other', '>>');
    } else if (c === 0x3c) {
      while (i < n && bytes[i] !== 0x3e) i++;
      i++;
      emit('other', '<>');
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x3e || c === 0x29) {
      i++;
      emit('other', String.fromCharCode(c));
    } else if (c === 0x2f) {
      const start = i++;
      while (i < n && ENDS_WORD[bytes[i]!] === 0) i++;
      emit('name', text.toString('latin1', start, i));
    } else {
      const start = i;
      while (i < n && ENDS_WORD[bytes[i]!] === 0) i++;
      if (i === start) i++;
      // Most words are numbers (coordinates): read from the bytes, no string made for them.
      const value = numberAt(bytes, start, i);
      if (value !== undefined) {
        emit('num', value);
        continue;
      }
      const word = text.toString('latin1', start, i);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) emit('num', Number(word));
      else if (word === 'true' || word === 'false' || word === 'null') emit('other', word);
      else if (word === 'ID') {
        // Inline image data: skip to whitespace + EI + whitespace.
        i++;
        while (i < n && !(IS_WHITE[bytes[i - 1]!] === 1 && bytes[i] === 0x45 && bytes[i + 1] === 0x49 && (i + 2 >= n || IS_WHITE[bytes[i + 2]!] === 1))) i++;
        i += 2;
        emit('op', 'EI');
      } else emit('op', word);
    }
  }
}
