/**
 * What the lint reads in an article file: the typeset text fields of the front matter and the
 * Markdown paragraphs and headings, each as a Segment — the text the editor sees printed, with
 * Markdown syntax left out and every character mapped back to where it is in the file, so a
 * warning can name the exact line and column and a fix can replace exactly those characters.
 */

import { FRONT_MATTER_CLOSE, FRONT_MATTER_OPEN } from '../document/front-matter';
import { ADDRESS_CLOSE, ADDRESS_OPEN, addressLengthAt, printedAddress } from '../document/links';
import { BULLETS, delimiterFlanking, ITEM_NUMBER, lineBreakJoinsWithoutSpace } from '../document/markdown';
import { INVISIBLE } from '../document/paste';
import { charAt, charBefore } from '../text/code-points';

/**
 * What a segment is. Titles, headings and figure captions keep deliberate spaces (R20 breaks
 * titles at them; "图一 说明" separates the number), body paragraphs do not.
 */
export type SegmentKind = 'title' | 'heading' | 'caption' | 'paragraph' | 'file';

export interface Segment {
  readonly kind: SegmentKind;
  /** The visible text. Code spans, URLs and autolinks are one OPAQUE character each. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: where it starts and ends in the file (offsets into the source). */
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
  /** Where each source line of a paragraph starts in `text` (body paragraphs only). */
  readonly lines?: readonly number[];
  /** Indices in `text` of `*` and `_` that print as themselves because nothing pairs with them. */
  readonly unmatchedMarkers?: readonly number[];
}

/**
 * Stands for text the lint must not touch but that is printed (code, URLs): neither CJK nor a
 * space, so "中 `x` 文" is not "a space between two Han characters".
 */
export const OPAQUE = '\uFFFC';

/** Front matter keys whose values are set in the PDF (title, byline, running head, TOC). */
const TEXT_KEYS = /^(title|subtitle|source|runningHead|tocTitle|documentNumber|history)[ \t]*:[ \t]*/;
const HEADING = /^ {0,3}#{1,6}(?=[ \t]|$)[ \t]*/;
const IMAGE_ONLY = /^!\[[^\n]*\]\([^\n]*\)$/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const AUTOLINK = /<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/iy;

/** A run of `*` or `_` in the text, until pairing decides which of its characters are syntax. */
interface DelimiterRun {
  readonly marker: '*' | '_';
  /** Index in the builder's text of its first character. */
  readonly at: number;
  readonly length: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  /** Characters not yet used by a pair: [from, to) relative to `at`. */
  from: number;
  to: number;
}

/**
 * Source offsets, one per UTF-16 unit of a segment's text, in an Int32Array that doubles when
 * full: a number[] grown push by push took 8 bytes an entry and ~3× its final size in copies
 * (bench-600's lint: ~20 MB of its ~40 MB allocation for the two maps).
 */
class Offsets {
  private data = new Int32Array(64);
  length = 0;

  push(offset: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = offset;
  }

  /** Puts `offset` in at index `at`, moving the rest one place on. */
  insert(at: number, offset: number): void {
    if (this.length === this.data.length) this.grow();
    this.data.copyWithin(at + 1, at, this.length);
    this.data[at] = offset;
    this.length++;
  }

  at(index: number): number {
    return this.data[index] as number;
  }

  /** The offsets so far (a view, not a copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  private grow(): void {
    const data = new Int32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
  }
}

class Builder {
  text = '';
  readonly starts = new Offsets();
  readonly ends = new Offsets();
  readonly lines: number[] = [];
  readonly delimiters: DelimiterRun[] = [];

  constructor(public kind: SegmentKind) {}

  /**
   * Adds source[start, end) as typed: each UTF-16 unit stands for itself. One slice and one
   * append for a run of plain text, instead of a string and two array pushes per character
   * (bench-600's lint allocated 207 MB for 0.5 M characters, most of it here, and spent 40 % of
   * its time in the garbage collector).
   */
  pushSource(source: string, start: number, end: number): void {
    for (let k = start; k < end; k++) {
      this.starts.push(k);
      this.ends.push(k + 1);
    }
    this.text += source.slice(start, end);
  }

  /** Adds one visible character that stands for source[start, end). */
  push(ch: string, start: number, end: number): void {
    if (ch.length === 2 && end - start === 2) {
      // A surrogate pair typed as itself: each unit maps to its own unit, so ranges stay contiguous.
      this.starts.push(start);
      this.starts.push(start + 1);
      this.ends.push(start + 1);
      this.ends.push(end);
    } else {
      for (let k = 0; k < ch.length; k++) {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
    this.text += ch;
  }

  /** Inserts a character the document stage adds (a line join) at index `at`, standing for nothing at `offset`. */
  insert(at: number, ch: string, offset: number): void {
    this.text = this.text.slice(0, at) + ch + this.text.slice(at);
    this.starts.insert(at, offset);
    this.ends.insert(at, offset);
    for (const d of this.delimiters) if (d.at >= at) (d as { at: number }).at += 1;
  }

  /** Pairs the emphasis markers as markdown-it does, drops the paired ones (syntax), keeps the rest. */
  build(): Segment {
    const syntax = pairDelimiters(this.delimiters);
    // Only a marker that could have opened or closed: `3*4`, `file_name` are plainly literal.
    const markers = this.delimiters.filter((d) => d.canOpen || d.canClose).flatMap((d) => Array.from({ length: d.length }, (_, k) => d.at + k));
    if (syntax.size === 0) {
      // No emphasis (most paragraphs): nothing to drop, the text and both maps are final as built.
      return { kind: this.kind, text: this.text, starts: this.starts.view(), ends: this.ends.view(), lines: this.lines, unmatchedMarkers: markers };
    }
    // Where each index of the built text lands once the syntax characters are dropped.
    const index: number[] = [];
    const kept: string[] = [];
    const starts = new Int32Array(this.text.length - syntax.size);
    const ends = new Int32Array(this.text.length - syntax.size);
    let length = 0;
    let runStart = 0;
    for (let k = 0; k < this.text.length; k++) {
      index.push(length);
      if (!syntax.has(k)) {
        starts[length] = this.starts.at(k);
        ends[length] = this.ends.at(k);
        length++;
        continue;
      }
      // The text between two syntax characters is kept in one slice.
      kept.push(this.text.slice(runStart, k));
      runStart = k + 1;
    }
    kept.push(this.text.slice(runStart));
    index.push(length);
    const unmatchedMarkers = markers.filter((k) => !syntax.has(k)).map((k) => index[k] as number);
    const lines = this.lines.map((k) => index[k] as number);
    return { kind: this.kind, text: kept.join(''), starts, ends, lines, unmatchedMarkers };
  }
}

/**
 * The indices of the marker characters that pairing turns into emphasis syntax: each closer takes
 * the nearest opener of its marker (two characters for strong where both have two), openers in
 * between stay literal, and CommonMark's rule of three applies (markdown-it balance_pairs).
 */
function pairDelimiters(runs: readonly DelimiterRun[]): Set<number> {
  const syntax = new Set<number>();
  const openers: DelimiterRun[] = [];
  for (const run of runs) {
    if (run.canClose) {
      for (let k = openers.length - 1; k >= 0 && run.to > run.from; k--) {
        const opener = openers[k] as DelimiterRun;
        if (opener.marker !== run.marker || opener.to <= opener.from) continue;
        const oddMatch = (opener.canClose || run.canOpen) && (opener.length + run.length) % 3 === 0 && (opener.length % 3 !== 0 || run.length % 3 !== 0);
        if (oddMatch) continue;
        const use = opener.to - opener.from >= 2 && run.to - run.from >= 2 ? 2 : 1;
        for (let u = 0; u < use; u++) {
          syntax.add(opener.at + opener.to - 1 - u);
          syntax.add(run.at + run.from + u);
        }
        opener.to -= use;
        run.from += use;
        openers.length = opener.to > opener.from ? k + 1 : k;
        k = openers.length;
      }
    }
    if (run.canOpen && run.to > run.from) openers.push(run);
  }
  return syntax;
}

interface Line {
  readonly start: number;
  /** End of the line's content, before \r\n or \n. */
  readonly end: number;
}

/** Splits an article's text (BOM already removed) into the segments the rules look at. */
export function segmentsOf(source: string): Segment[] {
  const lines = splitLines(source);
  const out: Segment[] = [];
  const lineText = (line: Line): string => source.slice(line.start, line.end);
  let first = 0;
  const open = lines[0];
  const hidden = invisibleOffsets(source);
  if (open !== undefined && FRONT_MATTER_OPEN.test(lineText(open))) {
    const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_CLOSE.test(lineText(line)));
    if (close > 0) {
      for (const line of lines.slice(1, close)) {
        const segment = frontMatterValue(source, line, hidden);
        if (segment !== undefined) out.push(segment);
      }
      first = close + 1;
    }
  }
  const bodyStart = lines[first]?.start ?? source.length;
  const comments = commentRanges(source, bodyStart);
  const context: ScanContext = { source, comments, hidden };
  let paragraph: Builder | undefined;
  let paragraphStart = 0;
  let paragraphEnd = 0;
  // A hard break at the end of the line before: "\n" when the paragraph goes on, else its backslash prints.
  let pendingBreak: { backslashAt?: number } | undefined;
  let inList = false;
  // Where the text of the current top-level item starts: a marker indented that far is a sub-item.
  let itemContent = 0;
  const flush = (): void => {
    if (paragraph !== undefined && pendingBreak?.backslashAt !== undefined) paragraph.push('\\', pendingBreak.backslashAt, pendingBreak.backslashAt + 1);
    pendingBreak = undefined;
    if (paragraph !== undefined && paragraph.text !== '') {
      // A picture alone in its paragraph is a figure; its alt text is the caption.
      if (IMAGE_ONLY.test(source.slice(paragraphStart, paragraphEnd).trim())) paragraph.kind = 'caption';
      out.push(paragraph.build());
    }
    paragraph = undefined;
  };
  for (const line of lines.slice(first)) {
    const text = lineText(line);
    if (isBlank(source, line, comments, hidden)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading !== null) {
      flush();
      inList = false;
      const builder = new Builder('heading');
      // A closing run of # (`## 标题 ##`) is syntax too.
      const closing = /[ \t]+#+[ \t]*$/.exec(text.slice(heading[0].length));
      const end = closing === null ? line.end : line.end - closing[0].length;
      scanInline(builder, context, line.start + heading[0].length, end);
      if (builder.text !== '') out.push(builder.build());
      continue;
    }
    const lead = /^[ \t]*/.exec(text)?.[0].length ?? 0;
    const item = LIST_ITEM.exec(text);
    // An ordered item interrupts a paragraph only when it is numbered 1 (CommonMark), unless in a list.
    const startsItem = item !== null && (paragraph === undefined || inList || item[2] === undefined || item[2] === '1');
    let from = line.start + lead;
    if (startsItem) {
      flush();
      paragraph = new Builder('paragraph');
      paragraphStart = line.start;
      from = line.start + item[0].length;
      const indent = (item[1] as string).length;
      const level = inList && indent >= itemContent && itemContent > 0 ? 2 : 1;
      if (level === 1) itemContent = item[0].length;
      inList = true;
      const content = text.slice(item[0].length);
      // An empty item prints nothing (markdown-it); the next line is a paragraph of its own.
      if (content.trim() === '') {
        paragraph = undefined;
        continue;
      }
      const label = item[2] !== undefined ? `${item[2]}${item[3]}` : BULLETS[level];
      const own = item[2] === undefined && ITEM_NUMBER.test(content);
      // The label prints before the text (markdown.ts `labelled`): nothing in the source stands for it.
      if (!own) for (const ch of /^[A-Za-z0-9]/.test(content) ? `${label} ` : label) paragraph.push(ch, from, from);
    } else if (paragraph === undefined) {
      // After a blank line: an indented paragraph goes on the list item; one at the margin ends the list.
      if (inList && lead < 2) inList = false;
      paragraph = new Builder('paragraph');
      paragraphStart = line.start;
    }
    const builder = paragraph as Builder;
    paragraphEnd = line.end;
    const joinAt = builder.text.length;
    // The line before in the same paragraph (not the list label just put before this line's text).
    const before = builder.lines.length > 0 ? lastCodePoint(builder.text) : undefined;
    // Indentation and a hard break's trailing spaces are Markdown layout, not text.
    const body = text.slice(from - line.start);
    const trailing = /( {2,}| *\\)$/.exec(body);
    const trail = /[ \t]*\\?$/.exec(body)?.[0].length ?? 0;
    scanInline(builder, context, from, line.end - trail, true);
    if (builder.text.length > joinAt) {
      let lineAt = joinAt;
      // The join stands for nothing, right after the line before: a fix of the mark before it may take it along.
      const after = joinAt > 0 ? builder.ends.at(joinAt - 1) : line.start;
      if (before !== undefined && pendingBreak !== undefined) builder.insert(lineAt++, '\n', after);
      else if (before !== undefined && !lineBreakJoinsWithoutSpace(before, String.fromCodePoint(builder.text.codePointAt(joinAt) as number))) builder.insert(lineAt++, ' ', after);
      builder.lines.push(before === undefined ? 0 : lineAt);
      pendingBreak = trailing === null ? undefined : trailing[0].endsWith('\\') ? { backslashAt: line.end - 1 } : {};
    }
  }
  flush();
  return out;
}

/** A Markdown list item: indentation, then a bullet (- * +) or a number with . or ), then a space. */
const LIST_ITEM = /^( {0,6})(?:[-*+]|(\d{1,9})([.)]))(?:[ \t]+(?![-*_ \t]*$)|[ \t]*$)/;

function lastCodePoint(text: string): string | undefined {
  if (text === '') return undefined;
  const last = text.codePointAt(text.length - 1) as number;
  // A low surrogate: the character is the pair that ends the text.
  return last >= 0xdc00 && last <= 0xdfff ? String.fromCodePoint(text.codePointAt(text.length - 2) as number) : String.fromCodePoint(last);
}

// Offsets of the invisible characters the document stage removes (paste.ts): the lint skips them
// in the visible text and reports them from the whole file.
function invisibleOffsets(source: string): ReadonlySet<number> {
  const offsets = new Set<number>();
  for (const m of source.matchAll(INVISIBLE)) offsets.add(m.index);
  return offsets;
}

interface ScanContext {
  readonly source: string;
  readonly comments: Ranges;
  readonly hidden: ReadonlySet<number>;
}

/**
 * The whole file as one segment, for checks that hold everywhere (U+FFFD). Each character stands
 * for itself; the two maps are made only when a finding asks for them (most files have none, and
 * they were two arrays as long as the file, for every article of every build).
 */
export function wholeFile(source: string): Segment {
  let starts: number[] | undefined;
  let ends: number[] | undefined;
  return {
    kind: 'file',
    text: source,
    get starts() {
      return (starts ??= Array.from({ length: source.length }, (_, k) => k));
    },
    get ends() {
      return (ends ??= Array.from({ length: source.length }, (_, k) => k + 1));
    },
  };
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const stop = nl < 0 ? source.length : nl;
    lines.push({ start, end: stop > start && source[stop - 1] === '\r' ? stop - 1 : stop });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

// A value written on the key's line: plain, or quoted without escapes (which we could not map back).
function frontMatterValue(source: string, line: Line, hidden: ReadonlySet<number>): Segment | undefined {
  const text = source.slice(line.start, line.end);
  const key = TEXT_KEYS.exec(text);
  if (key === null) return undefined;
  let from = key[0].length;
  let to = text.length;
  const quote = text[from];
  if (quote === '"' || quote === "'") {
    const inner = text.slice(from + 1).replace(/[ \t]*$/, '');
    if (!inner.endsWith(quote)) return undefined;
    const body = inner.slice(0, -1);
    if (quote === '"' ? body.includes('\\') || body.includes('"') : body.includes("'")) return undefined;
    from += 1;
    to = from + body.length;
  } else {
    // Block scalars, flow collections, anchors, aliases and tags are not plain text on this line.
    if (quote === undefined || /[|>[{&*!#%@`]/.test(quote)) return undefined;
    const comment = /[ \t]#/.exec(text.slice(from));
    if (comment !== null) to = from + comment.index;
    while (to > from && /[ \t]/.test(text[to - 1] as string)) to--;
  }
  const builder = new Builder('title');
  // The value as typed, without the invisible characters (each a single UTF-16 unit).
  let run = line.start + from;
  for (let p = run; p < line.start + to; p++) {
    if (!hidden.has(p)) continue;
    builder.pushSource(source, run, p);
    run = p + 1;
  }
  builder.pushSource(source, run, line.start + to);
  return builder.build();
}

type Ranges = readonly (readonly [number, number])[];

// <!-- … --> may span lines; they print nothing, so they are left out (not opaque).
function commentRanges(source: string, from: number): Ranges {
  const ranges: [number, number][] = [];
  const re = /<!--[\s\S]*?(?:-->|$)/g;
  re.lastIndex = from;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function commentEndAt(comments: Ranges, p: number): number | undefined {
  for (const [start, end] of comments) if (p >= start && p < end) return end;
  return undefined;
}

function isBlank(source: string, line: Line, comments: Ranges, hidden: ReadonlySet<number>): boolean {
  for (let p = line.start; p < line.end; p++) {
    const end = commentEndAt(comments, p);
    if (end !== undefined) {
      p = end - 1;
      continue;
    }
    // A line of only spaces, ideographic spaces included, is blank (R4; markdown.ts prepareBody).
    if (!hidden.has(p) && !/[ \t\u00A0\u3000]/.test(source[p] as string)) return false;
  }
  return true;
}

// Adds the visible characters of source[from, to) to the builder, skipping inline Markdown syntax.
function scanInline(builder: Builder, context: ScanContext, from: number, to: number, inParagraph = false): void {
  const { source, comments, hidden } = context;
  const linkEnds = new Map<number, { end: number; address?: string }>(); // `]` of a link → end of its `(destination)`
  let p = from;
  while (p < to) {
    const commentEnd = commentEndAt(comments, p);
    if (commentEnd !== undefined) {
      p = commentEnd;
      continue;
    }
    if (hidden.has(p)) {
      p += 1;
      continue;
    }
    const linkEnd = linkEnds.get(p);
    if (linkEnd !== undefined) {
      // What prints after a link whose text hides its address (markdown.ts, links.ts).
      if (linkEnd.address !== undefined) {
        builder.push(ADDRESS_OPEN, p, p);
        builder.push(OPAQUE, p, linkEnd.end);
        builder.push(ADDRESS_CLOSE, linkEnd.end, linkEnd.end);
      }
      p = linkEnd.end;
      continue;
    }
    // Beyond ASCII nothing is special (an invisible character was skipped above): a run of plain
    // text starts here, and no string is made of its first character (or of the one after it).
    if (source.charCodeAt(p) >= 0x80) {
      const end = plainRunEnd(source, hidden, p, to);
      builder.pushSource(source, p, end);
      p = end;
      continue;
    }
    const c = source[p] as string;
    const next = source[p + 1];
    if (c === '\\' && p + 1 < to && next !== undefined && ASCII_PUNCT.test(next)) {
      // An escaped character is text; a fix replaces it together with its backslash.
      builder.push(next, p, p + 2);
      p += 2;
      continue;
    }
    if (c === '`') {
      const end = codeSpanEnd(source, p, to);
      if (end !== undefined) {
        builder.push(OPAQUE, p, end);
        p = end;
        continue;
      }
    }
    if (c === '<') {
      AUTOLINK.lastIndex = p;
      const m = AUTOLINK.exec(source);
      if (m !== null && p + m[0].length <= to) {
        builder.push(OPAQUE, p, p + m[0].length);
        p += m[0].length;
        continue;
      }
    }
    if (c === '[' || (c === '!' && next === '[')) {
      const open = c === '!' ? p + 1 : p;
      const link = matchLink(source, open, to);
      if (link !== undefined) {
        const linkText = visibleLinkText(source, open + 1, link.close);
        const address = c === '!' ? undefined : printedAddress(linkText, destinationOf(source.slice(link.close + 2, link.end - 1)));
        linkEnds.set(link.close, address === undefined ? { end: link.end } : { end: link.end, address });
        p = open + 1;
        continue;
      }
    }
    const address = /[A-Za-z0-9]/.test(c) ? addressLengthAt(source, p, to) : 0;
    if (address > 0) {
      builder.push(OPAQUE, p, p + address);
      p += address;
      continue;
    }
    if (c === '*' || c === '_') {
      // Emphasis delimiters: which are syntax is decided when the paragraph is complete (Builder.build).
      let n = 1;
      while (p + n < to && source[p + n] === c) n++;
      const flanking = delimiterFlanking(c, charBefore(source, p), inParagraph && p + n >= to ? ' ' : charAt(source, p + n, source.length));
      builder.delimiters.push({ marker: c, at: builder.text.length, length: n, canOpen: flanking.canOpen, canClose: flanking.canClose, from: 0, to: n });
      for (let k = 0; k < n; k++) builder.push(c, p + k, p + k + 1);
      p += n;
      continue;
    }
    const end = plainRunEnd(source, hidden, p, to);
    builder.pushSource(source, p, end);
    p = end;
  }
}

/**
 * Where the text that stands for itself, from `p` on, ends: at the next character scanInline
 * treats specially (an ASCII letter or digit may start an address; a comment starts with `<`; a
 * link's text ends at `]`), at an invisible one, or at `to`. The character at `p` is always taken:
 * scanInline found nothing special there. A surrogate pair is never split.
 */
function plainRunEnd(source: string, hidden: ReadonlySet<number>, p: number, to: number): number {
  let q = p + 1;
  for (; q < to; q++) {
    const c = source.charCodeAt(q);
    // The invisible characters are all beyond ASCII.
    if (c < 0x80 ? SPECIAL_ASCII[c] === 1 : hidden.size > 0 && hidden.has(q)) break;
  }
  // A pair whose high half is the last unit before `to` is taken whole, as one character.
  if (q === to && isHighSurrogate(source.charCodeAt(q - 1)) && isLowSurrogate(source.charCodeAt(q))) q++;
  return q;
}

/** The ASCII scanInline looks at: \ ` < [ ] ! * _ and letters and digits. */
const SPECIAL_ASCII = Uint8Array.from({ length: 0x80 }, (_, c) => (/[\\`<[\]!*_A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

// The visible text of a link, for comparing it with its address ("[https://x.cn](https://x.cn)").
function visibleLinkText(source: string, from: number, to: number): string {
  return source.slice(from, to).replace(/\\(?=[!-/:-@[-`{-~])|[*_`]/g, '');
}

// `(destination "title")`: the destination, without angle brackets.
function destinationOf(inside: string): string {
  const text = inside.trim();
  if (text.startsWith('<')) return text.slice(1, Math.max(1, text.indexOf('>')));
  return text.split(/\s/)[0] ?? '';
}

function codeSpanEnd(source: string, p: number, to: number): number | undefined {
  let n = 0;
  while (source[p + n] === '`') n++;
  const fence = '`'.repeat(n);
  for (let q = source.indexOf(fence, p + n); q >= 0 && q + n <= to; q = source.indexOf(fence, q + 1)) {
    if (source[q + n] !== '`' && source[q - 1] !== '`') return q + n;
  }
  return undefined;
}

// `[text](destination)`: where `]` is and where `)` ends, or undefined when it is not a link.
function matchLink(source: string, open: number, to: number): { close: number; end: number } | undefined {
  let depth = 0;
  let close = -1;
  for (let k = open; k < to; k++) {
    const c = source[k];
    if (c === '\\') k++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) {
      close = k;
      break;
    }
  }
  if (close < 0 || source[close + 1] !== '(') return undefined;
  depth = 0;
  for (let k = close + 1; k < to; k++) {
    const c = source[k];
    if (c === '\\') k++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { close, end: k + 1 };
  }
  return undefined;
}
