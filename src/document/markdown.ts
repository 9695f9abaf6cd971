/**
 * Article bodies: Markdown to BodyBlock[] (the only module that imports markdown-it). The
 * bulletin needs paragraphs, four heading levels, figures, bold and 着重号 emphasis; anything
 * else is reported with what to write instead, rather than silently printed wrong.
 */
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { BulletinError, type Diagnostic, type SourceLocation } from '../errors';
import { type Message, message } from '../messages';
import { checkReadableFile, MAX_IMAGE_BYTES, pathExists, resolveInside } from '../workspace';
import type { BodyBlock, HeadingLevel, ListMark, RunStyle, TextRun } from './types';
import { charAt, charBefore } from '../text/code-points';
import { ADDRESS_CLOSE, ADDRESS_OPEN, findAddresses, isAllowedLinkTarget, printedAddress } from './links';
import { removeInvisible, SPACES_ONLY_LINE } from './paste';
import { isEastAsianOrShared, isEastAsianWide } from '../text/script';

type Token = MarkdownIt.Token;
type StateInlineClass = MarkdownIt['inline']['State'];

/** Which article the Markdown comes from. */
export interface MarkdownContext {
  /** The .md file relative to the project root, for messages and TextRun sources. */
  readonly file: string;
  /** Absolute path of the .md file; image paths are relative to its folder. */
  readonly absFile: string;
  /** Absolute path of the issue folder; images must lie inside it. */
  readonly issueDir: string;
}

const PUNCT = /[\p{P}\p{S}]/u;

/**
 * Longest paragraph accepted, in characters. Real paragraphs are under 2,000; a longer one is
 * almost always a lost line break or pasted data, and line-breaking time grows with its length.
 */
export const MAX_PARAGRAPH_CHARS = 100_000;
const SPACE = /\s/u;

/** True for East Asian wide text (ideograph, kana, hangul, CJK / full-width forms): text/script.ts. */
export const isCjk = isEastAsianWide;

const md = createParser();

function createParser(): MarkdownIt {
  // html is parsed only so that it can be rejected with a clear message; it is never rendered.
  const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Image paths are file names, possibly Chinese: keep them as written (no %-encoding, no URL filter).
  parser.normalizeLink = (url: string) => url;
  parser.validateLink = () => true;
  parser.inline.State = cjkFriendlyState(parser.inline.State);
  return parser;
}

/**
 * CommonMark does not close `**（一）标题。**正文` because `**` sits between punctuation and a
 * letter; Chinese has no spaces around emphasis, so a CJK neighbour counts as a word boundary.
 * (This is what the markdown-it-cjk-friendly plugin does, but that package is ESM-only and jest's
 * CommonJS runtime cannot load it; the rule is small enough to keep here, tested in markdown.test.ts.)
 * The lint's scanner asks `delimiterFlanking` too, so both agree on which markers are emphasis.
 */
function cjkFriendlyState(Base: StateInlineClass): StateInlineClass {
  return class CjkFriendlyState extends Base {
    override scanDelims(start: number, canSplitWord: boolean): MarkdownIt.StateInline.Scanned {
      const scanned = super.scanDelims(start, canSplitWord);
      const last = charBefore(this.src, start);
      const next = charAt(this.src, start + scanned.length, this.posMax);
      const flanking = delimiterFlanking(this.src[start] as '*' | '_', last, next);
      return { can_open: flanking.canOpen, can_close: flanking.canClose, length: scanned.length };
    }
  };
}

/**
 * Whether a run of `*` or `_` between `last` and `next` may open or close emphasis: CommonMark's
 * flanking rules, with a CJK neighbour counting as a word boundary, and a `*` between two ASCII
 * letters or digits literal (`3*4米` is a product, not the start of 着重号).
 */
export function delimiterFlanking(marker: '*' | '_', last: string | undefined, next: string | undefined): { canOpen: boolean; canClose: boolean } {
  const lastSpace = last === undefined || SPACE.test(last);
  const nextSpace = next === undefined || SPACE.test(next);
  const lastPunct = last !== undefined && PUNCT.test(last);
  const nextPunct = next !== undefined && PUNCT.test(next);
  if (isCjk(last) || isCjk(next)) {
    const left = !nextSpace && (!nextPunct || lastSpace || lastPunct || isCjk(last));
    const right = !lastSpace && (!lastPunct || nextSpace || nextPunct || isCjk(next));
    // `_` may not split a word, but Chinese has no spaces between words: 正文__粗__正文.
    return { canOpen: left, canClose: right };
  }
  if (ASCII_ALNUM.test(last ?? '') && ASCII_ALNUM.test(next ?? '')) return { canOpen: false, canClose: false };
  const left = !nextSpace && (!nextPunct || lastSpace || lastPunct);
  const right = !lastSpace && (!lastPunct || nextSpace || nextPunct);
  if (marker === '_') return { canOpen: left && (!right || lastPunct), canClose: right && (!left || nextPunct) };
  return { canOpen: left, canClose: right };
}

const ASCII_ALNUM = /^[A-Za-z0-9]$/;

/**
 * Whether a soft line break between these two characters disappears (both Chinese: YAML folding,
 * copy-paste from PDF) or becomes a space (R4). The lint's scanner joins lines the same way.
 */
export function lineBreakJoinsWithoutSpace(before: string, after: string): boolean {
  return isEastAsianOrShared(before) && isEastAsianOrShared(after);
}

/** The label a bullet item gets when its text does not start with its own number. */
export const BULLETS: Readonly<Record<1 | 2, string>> = { 1: '•', 2: '◦' };

/**
 * A number an editor typed at the start of an item (1. （1） ① 一、 (a)): kept as the label, so
 * the list shows the numbering of the source (a bullet is added only where there is none).
 */
export const ITEM_NUMBER = /^(?:\d{1,3}[.．、)）](?!\d)|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zA-Z])[）)]|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473\u2474-\u2487\u2776-\u277F\u24F5-\u24FE\u3251-\u325F\u32B1-\u32BF])/u;

/** Prepares an article body for markdown-it: invisible paste artefacts out, space-only lines blank (R4). */
export function prepareBody(body: string): string {
  return removeInvisible(body).replace(SPACES_ONLY_LINE, '');
}

/** Converts an article body to blocks; every unsupported construct is reported, all at once. */
export function markdownToBlocks(body: string, context: MarkdownContext): BodyBlock[] {
  const tokens = md.parse(prepareBody(body), {});
  const walker = new BlockWalker(context);
  walker.walk(tokens);
  if (walker.diagnostics.length > 0) throw new BulletinError(walker.diagnostics);
  return walker.blocks;
}

type Piece =
  | { readonly kind: 'text'; readonly text: string; readonly style: RunStyle; readonly line: number; readonly link?: string }
  | { readonly kind: 'break'; readonly line: number; readonly hard: boolean };

class BlockWalker {
  readonly blocks: BodyBlock[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly context: MarkdownContext) {}

  walk(tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const line = (token.map?.[0] ?? 0) + 1;
      switch (token.type) {
        case 'paragraph_open':
          this.paragraph(tokens[i + 1], line);
          i += 2;
          break;
        case 'heading_open':
          this.heading(token, tokens[i + 1], line);
          i += 2;
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          i = this.list(tokens, i, 1);
          break;
        case 'blockquote_open':
        case 'table_open':
          this.unsupported(token.type, line);
          i = closingIndex(tokens, i);
          break;
        case 'html_block':
          if (!isComment(token.content)) this.unsupported('html', line);
          break;
        default:
          this.unsupported(token.type, line);
      }
    }
  }

  /**
   * A Markdown list, one level of nesting: each item's first paragraph starts with its label (the
   * source's own number, or a bullet), later paragraphs of the item hang under its text.
   */
  private list(tokens: readonly Token[], open: number, level: number): number {
    const close = closingIndex(tokens, open);
    const line = ((tokens[open] as Token).map?.[0] ?? 0) + 1;
    if (level > 2) {
      this.unsupported('deep-list', line);
      return close;
    }
    const ordered = (tokens[open] as Token).type === 'ordered_list_open';
    for (let i = open + 1; i < close; i++) {
      const item = tokens[i] as Token;
      if (item.type !== 'list_item_open') continue;
      const itemClose = closingIndex(tokens, i);
      let label: string | undefined;
      for (let k = i + 1; k < itemClose; k++) {
        const token = tokens[k] as Token;
        const at = (token.map?.[0] ?? 0) + 1;
        if (token.type === 'paragraph_open') {
          const mark: ListMark =
            label === undefined ? { level: level as 1 | 2, label: ordered ? `${item.info}${item.markup}` : BULLETS[level as 1 | 2] } : { level: level as 1 | 2, label, continues: true };
          label = this.paragraph(tokens[k + 1], at, mark, ordered)?.label ?? label;
          k += 2;
        } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
          k = this.list(tokens, k, level + 1);
        } else {
          this.unsupported(token.type === 'heading_open' ? 'list-heading' : token.type, at);
          if (token.nesting === 1) k = closingIndex(tokens, k);
        }
      }
      i = itemClose;
    }
    return close;
  }

  /** Adds the paragraph (or figure) block; returns the list mark it got, for a list item's later paragraphs. */
  private paragraph(inline: Token | undefined, line: number, list?: ListMark, ordered = false): ListMark | undefined {
    const children = inline?.children ?? [];
    const visible = children.filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
    const only = visible[0];
    if (visible.length === 1 && only !== undefined && only.type === 'image') {
      this.figure(only, line);
      return undefined;
    }
    const listMark = list === undefined ? undefined : labelled(list, children, ordered);
    const runs = this.runs(children, line, 'paragraph', listMark?.prefix);
    const length = runs.reduce((sum, run) => sum + run.text.length, 0);
    if (length > MAX_PARAGRAPH_CHARS) {
      this.report(
        line,
        message('document.paragraph-too-long', { length, MAX_PARAGRAPH_CHARS }),
        message('document.paragraph-too-long.hint'),
      );
      return undefined;
    }
    if (runs.length === 0) return undefined;
    if (listMark === undefined) this.blocks.push({ kind: 'paragraph', runs, source: this.at(line) });
    else this.blocks.push({ kind: 'paragraph', runs, source: this.at(line), list: listMark.mark });
    return listMark?.mark;
  }

  private heading(open: Token, inline: Token | undefined, line: number): void {
    const hashes = Number(open.tag.slice(1));
    if (open.markup === '=' || open.markup === '-') return this.unsupported('setext', line);
    if (hashes === 1) return this.unsupported('h1', line);
    if (hashes > 5) return this.unsupported('h6', line);
    const runs = this.runs(inline?.children ?? [], line, 'heading');
    if (runs.length === 0) {
      this.report(line, message('document.empty-heading'), message('document.empty-heading.hint'));
      return;
    }
    this.blocks.push({ kind: 'heading', level: (hashes - 1) as HeadingLevel, runs, source: this.at(line) });
  }

  private figure(image: Token, line: number): void {
    const src = image.attrGet('src') ?? '';
    const before = this.diagnostics.length;
    let file: string | undefined;
    try {
      file = resolveInside(this.context.issueDir, src, this.at(line), path.dirname(this.context.absFile));
    } catch (err) {
      if (!(err instanceof BulletinError)) throw err;
      this.diagnostics.push(...err.diagnostics);
    }
    const notFoundHint = message('document.image-path-relative');
    if (file !== undefined && !pathExists(file)) {
      this.report(line, message('document.image-not-found', { src }), notFoundHint);
    } else if (file !== undefined) {
      // A folder, FIFO or unreadable file: say so, not "not found".
      try {
        checkReadableFile(file, { display: src, from: this.at(line), maxBytes: MAX_IMAGE_BYTES, notFoundHint });
      } catch (err) {
        if (!(err instanceof BulletinError)) throw err;
        this.diagnostics.push(...err.diagnostics);
      }
    }
    const caption = this.runs(image.children ?? [], line, 'caption');
    if (file !== undefined && this.diagnostics.length === before) {
      this.blocks.push({ kind: 'figure', image: file, caption, source: this.at(line) });
    }
  }

  private runs(children: readonly Token[], firstLine: number, where: 'paragraph' | 'heading' | 'caption', prefix?: string): TextRun[] {
    const pieces: Piece[] = [];
    let strong = 0;
    let em = 0;
    let line = firstLine;
    // Inside [text](url) or <url>: the target, whether the address is the text, and the text so far.
    let link: { href: string; auto: boolean; text: string } | undefined;
    const style = (): RunStyle => (strong > 0 ? 'bold' : em > 0 ? 'emphasis' : 'regular');
    if (prefix !== undefined) pieces.push({ kind: 'text', text: prefix, style: 'regular', line });
    for (const child of children) {
      switch (child.type) {
        case 'text':
          if (link !== undefined) {
            link.text += child.content;
            pieces.push({ kind: 'text', text: child.content, style: style(), line, link: link.href });
          } else pieces.push(...withBareAddresses(child.content, style(), line));
          break;
        case 'code_inline':
          pieces.push(link === undefined ? { kind: 'text', text: child.content, style: style(), line } : { kind: 'text', text: child.content, style: style(), line, link: link.href });
          if (link !== undefined) link.text += child.content;
          break;
        case 'softbreak':
        case 'hardbreak':
          pieces.push({ kind: 'break', line, hard: child.type === 'hardbreak' });
          line++;
          break;
        case 'strong_open':
          strong++;
          break;
        case 'strong_close':
          strong--;
          break;
        case 'em_open':
          em++;
          break;
        case 'em_close':
          em--;
          break;
        case 'link_open': {
          const href = child.attrGet('href') ?? '';
          if (!isAllowedLinkTarget(href)) this.unsupported('link-target', line, href);
          link = { href, auto: child.markup === 'autolink', text: '' };
          break;
        }
        case 'link_close': {
          // A reader of the paper copy gets the address the link text hides (README, "Links").
          const shown = link === undefined || link.auto ? undefined : printedAddress(link.text, link.href);
          if (link !== undefined && shown !== undefined) {
            pieces.push({ kind: 'text', text: ADDRESS_OPEN, style: style(), line });
            pieces.push({ kind: 'text', text: shown, style: style(), line, link: link.href });
            pieces.push({ kind: 'text', text: ADDRESS_CLOSE, style: style(), line });
          }
          link = undefined;
          break;
        }
        case 'image':
          this.unsupported(where === 'paragraph' ? 'inline-image' : 'nested-image', line);
          break;
        case 'html_inline':
          if (!isComment(child.content)) this.unsupported('html', line);
          break;
        case 's_open':
          this.unsupported('strikethrough', line);
          break;
        case 's_close':
          break;
        default:
          this.unsupported(child.type, line);
      }
    }
    return joinPieces(pieces, this.context.file);
  }

  private unsupported(what: string, line: number, detail = ''): void {
    const [problem, hint] = explain(what, detail);
    this.report(line, problem, hint);
  }

  private report(line: number, what: Message, hint: Message): void {
    this.diagnostics.push({ severity: 'error', location: { file: this.context.file, line }, ...what, hint });
  }

  private at(line: number): SourceLocation {
    return { file: this.context.file, line, column: 1 };
  }
}

/**
 * Resolves line breaks and merges runs: a soft break is dropped between CJK characters and is a
 * space otherwise; a hard break (two trailing spaces, a trailing backslash) is a "\n" the layout
 * honours as a forced line break.
 */
function joinPieces(pieces: readonly Piece[], file: string): TextRun[] {
  const texts: { text: string; style: RunStyle; line: number; link?: string }[] = [];
  pieces.forEach((piece, i) => {
    if (piece.kind === 'text') {
      texts.push(piece.link === undefined ? { text: piece.text, style: piece.style, line: piece.line } : { text: piece.text, style: piece.style, line: piece.line, link: piece.link });
      return;
    }
    const before = lastChar(pieces, i);
    const after = firstChar(pieces, i);
    const previous = texts[texts.length - 1];
    if (before === undefined || after === undefined || previous === undefined) return;
    if (piece.hard) {
      // Spaces before a forced break mean nothing (`文字 \` keeps its space in markdown-it).
      previous.text = previous.text.replace(/[ \t]+$/, '');
      // A break inside a link's text belongs to no link: the address itself never holds one.
      texts.push({ text: '\n', style: previous.style, line: piece.line });
      return;
    }
    if (lineBreakJoinsWithoutSpace(before, after)) return;
    if (previous.link === undefined) previous.text += ' ';
    else texts.push({ text: ' ', style: previous.style, line: piece.line });
  });
  const runs: { text: string; style: RunStyle; line: number; link?: string }[] = [];
  for (const piece of texts) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.style === piece.style && last.link === piece.link) last.text += piece.text;
    else if (piece.text !== '') runs.push({ ...piece });
  }
  // Editors often indent paragraphs with full-width spaces; the layout indents by itself.
  const first = runs[0];
  if (first !== undefined) first.text = first.text.replace(/^[\s\u3000]+/u, '');
  const final = runs[runs.length - 1];
  if (final !== undefined) final.text = final.text.replace(/[\s\u3000]+$/u, '');
  return runs
    .filter((r) => r.text !== '')
    .map((r) => {
      const run = { text: r.text, style: r.style, source: { file, line: r.line, column: 1 } };
      return r.link === undefined ? run : { ...run, link: r.link };
    });
}

/** Text outside a link, with each bare URL or e-mail address in it made a link of its own. */
function withBareAddresses(text: string, style: RunStyle, line: number): Piece[] {
  const pieces: Piece[] = [];
  let k = 0;
  for (const found of findAddresses(text)) {
    if (found.start > k) pieces.push({ kind: 'text', text: text.slice(k, found.start), style, line });
    pieces.push({ kind: 'text', text: text.slice(found.start, found.end), style, line, link: found.uri });
    k = found.end;
  }
  if (k < text.length || pieces.length === 0) pieces.push({ kind: 'text', text: text.slice(k), style, line });
  return pieces;
}

/**
 * The label of a list item's first paragraph: the number the source typed at the start of the
 * text when a bullet item has one (- （1）…), else the Markdown number or the bullet, put before
 * the text (no space before Chinese, as 1.加强…; a space before Latin).
 */
function labelled(list: ListMark, children: readonly Token[], ordered: boolean): { mark: ListMark; prefix?: string } {
  if (list.continues === true) return { mark: list };
  const firstText = children.find((c) => c.type === 'text' && c.content.trim() !== '')?.content.trimStart() ?? '';
  const own = ordered ? null : ITEM_NUMBER.exec(firstText);
  if (own !== null) return { mark: { level: list.level, label: own[0] } };
  const spaced = /^[A-Za-z0-9]/.test(firstText) ? `${list.label} ` : list.label;
  return { mark: { level: list.level, label: spaced }, prefix: spaced };
}

function lastChar(pieces: readonly Piece[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const p = pieces[i];
    // The last character only (Array.from made an array of every character of the piece).
    if (p?.kind === 'text' && p.text !== '') return charBefore(p.text, p.text.length);
  }
  return undefined;
}

function firstChar(pieces: readonly Piece[], index: number): string | undefined {
  for (let i = index + 1; i < pieces.length; i++) {
    const p = pieces[i];
    if (p?.kind === 'text' && p.text !== '') return String.fromCodePoint(p.text.codePointAt(0) as number);
  }
  return undefined;
}

function closingIndex(tokens: readonly Token[], open: number): number {
  const start = tokens[open] as Token;
  const closeType = start.type.replace(/_open$/, '_close');
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === closeType && token.level === start.level) return i;
  }
  return tokens.length;
}

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(html);
}

const HEADINGS_HINT = (): Message =>
  message('document.heading-levels');

function explain(what: string, detail: string): [Message, Message] {
  switch (what) {
    case 'deep-list':
      return [
        message('document.list-too-deep'),
        message('document.list-too-deep.hint'),
      ];
    case 'list-heading':
      return [message('document.heading-in-list'), message('document.heading-in-list.hint')];
    case 'link-target':
      return [
        message('document.link-address-invalid', { detail }),
        message('document.link-address-invalid.hint'),
      ];
    case 'h1':
      return [message('document.level-one-heading'), HEADINGS_HINT()];
    case 'h6':
      return [message('document.heading-too-deep'), HEADINGS_HINT()];
    case 'setext':
      return [
        message('document.underlined-heading'),
        message('document.underlined-heading.hint'),
      ];
    case 'blockquote_open':
      return [message('document.block-quote-not-supported'), message('document.block-quote-not-supported.hint')];
    case 'table_open':
      return [
        message('document.table-not-supported'),
        message('document.table-not-supported.hint'),
      ];
    case 'code_block':
      return [message('document.indented-code-not-supported'), message('document.indented-code-not-supported.hint')];
    case 'fence':
      return [message('document.code-block-not-supported'), message('document.code-block-not-supported.hint')];
    case 'hr':
      return [message('document.horizontal-rule-not-supported'), message('document.horizontal-rule-not-supported.hint')];
    case 'html':
      return [message('document.html-not-supported'), message('document.html-not-supported.hint')];
    case 'inline-image':
      return [
        message('document.image-not-alone'),
        message('document.image-not-alone.hint'),
      ];
    case 'nested-image':
      return [message('document.image-in-heading'), message('document.image-in-heading.hint')];
    case 'strikethrough':
      return [message('document.strikethrough-not-supported'), message('document.strikethrough-not-supported.hint')];
    default:
      return [message('document.unsupported-markdown', { what }), message('document.unsupported-markdown.hint')];
  }
}
