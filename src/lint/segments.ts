/**
 * What the lint reads in an article file: the typeset text fields of the front matter and the
 * Markdown paragraphs and headings, each as a Segment — the text the editor sees printed, with
 * Markdown syntax left out and every character mapped back to where it is in the file, so a
 * warning can name the exact line and column and a fix can replace exactly those characters.
 */

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
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * Stands for text the lint must not touch but that is printed (code, URLs): neither CJK nor a
 * space, so "中 `x` 文" is not "a space between two Han characters".
 */
export const OPAQUE = '\uFFFC';

/** Front matter keys whose values are set in the PDF (title, byline, running head, TOC). */
const TEXT_KEYS = /^(title|subtitle|source|runningHead|tocTitle|documentNumber|history)[ \t]*:[ \t]*/;
const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const HEADING = /^ {0,3}#{1,6}(?=[ \t]|$)[ \t]*/;
const IMAGE_ONLY = /^!\[[^\n]*\]\([^\n]*\)$/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const AUTOLINK = /<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/iy;
const URL = /[a-z][a-z0-9+.-]*:\/\/[!-~]*/iy;

class Builder {
  text = '';
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  constructor(public kind: SegmentKind) {}

  /** Adds one visible character that stands for source[start, end). */
  push(ch: string, start: number, end: number): void {
    if (ch.length === 2 && end - start === 2) {
      // A surrogate pair typed as itself: each unit maps to its own unit, so ranges stay contiguous.
      this.starts.push(start, start + 1);
      this.ends.push(start + 1, end);
    } else {
      for (let k = 0; k < ch.length; k++) {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
    this.text += ch;
  }

  build(): Segment {
    return { kind: this.kind, text: this.text, starts: this.starts, ends: this.ends };
  }
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
  if (open !== undefined && FENCE.test(lineText(open))) {
    const close = lines.findIndex((line, i) => i > 0 && CLOSE.test(lineText(line)));
    if (close > 0) {
      for (const line of lines.slice(1, close)) {
        const segment = frontMatterValue(source, line);
        if (segment !== undefined) out.push(segment);
      }
      first = close + 1;
    }
  }
  const bodyStart = lines[first]?.start ?? source.length;
  const comments = commentRanges(source, bodyStart);
  let paragraph: Builder | undefined;
  let paragraphStart = 0;
  let paragraphEnd = 0;
  const flush = (): void => {
    if (paragraph !== undefined && paragraph.text !== '') {
      // A picture alone in its paragraph is a figure; its alt text is the caption.
      if (IMAGE_ONLY.test(source.slice(paragraphStart, paragraphEnd).trim())) paragraph.kind = 'caption';
      out.push(paragraph.build());
    }
    paragraph = undefined;
  };
  for (const line of lines.slice(first)) {
    const text = lineText(line);
    if (isBlank(source, line, comments)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading !== null) {
      flush();
      const builder = new Builder('heading');
      // A closing run of # (`## 标题 ##`) is syntax too.
      const closing = /[ \t]+#+[ \t]*$/.exec(text.slice(heading[0].length));
      const end = closing === null ? line.end : line.end - closing[0].length;
      scanInline(builder, source, line.start + heading[0].length, end, comments);
      if (builder.text !== '') out.push(builder.build());
      continue;
    }
    if (paragraph === undefined) {
      paragraph = new Builder('paragraph');
      paragraphStart = line.start;
    }
    paragraphEnd = line.end;
    // Indentation and a hard break's trailing spaces are Markdown layout, not text.
    const lead = /^[ \t]*/.exec(text)?.[0].length ?? 0;
    const trail = /[ \t]*\\?$/.exec(text.slice(lead))?.[0].length ?? 0;
    scanInline(paragraph, source, line.start + lead, line.end - trail, comments);
  }
  flush();
  return out;
}

/** The whole file as one segment, for checks that hold everywhere (U+FFFD). */
export function wholeFile(source: string): Segment {
  const starts = Array.from({ length: source.length }, (_, k) => k);
  return { kind: 'file', text: source, starts, ends: starts.map((k) => k + 1) };
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
function frontMatterValue(source: string, line: Line): Segment | undefined {
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
  for (let p = line.start + from; p < line.start + to; ) {
    const ch = String.fromCodePoint(source.codePointAt(p) as number);
    builder.push(ch, p, p + ch.length);
    p += ch.length;
  }
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

function isBlank(source: string, line: Line, comments: Ranges): boolean {
  for (let p = line.start; p < line.end; p++) {
    const end = commentEndAt(comments, p);
    if (end !== undefined) {
      p = end - 1;
      continue;
    }
    if (!/[ \t]/.test(source[p] as string)) return false;
  }
  return true;
}

// Adds the visible characters of source[from, to) to the builder, skipping inline Markdown syntax.
function scanInline(builder: Builder, source: string, from: number, to: number, comments: Ranges): void {
  const linkEnds = new Map<number, number>(); // `]` of a link → end of its `(destination)`
  let p = from;
  while (p < to) {
    const commentEnd = commentEndAt(comments, p);
    if (commentEnd !== undefined) {
      p = commentEnd;
      continue;
    }
    const linkEnd = linkEnds.get(p);
    if (linkEnd !== undefined) {
      p = linkEnd;
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
        linkEnds.set(link.close, link.end);
        p = open + 1;
        continue;
      }
    }
    if (/[a-z]/i.test(c) && !/[a-z0-9]/i.test(source[p - 1] ?? '')) {
      URL.lastIndex = p;
      const m = URL.exec(source);
      if (m !== null) {
        const end = Math.min(p + trimUrl(m[0]).length, to);
        builder.push(OPAQUE, p, end);
        p = end;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      // Emphasis delimiters; the rare literal one is of no interest to these rules.
      p++;
      continue;
    }
    const ch = String.fromCodePoint(source.codePointAt(p) as number);
    builder.push(ch, p, p + ch.length);
    p += ch.length;
  }
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

// Trailing punctuation belongs to the sentence, not the URL (as linkify does); ")" only when unbalanced.
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if (/[.,;:!?'"]/.test(last)) end--;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
