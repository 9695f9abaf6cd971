/**
 * Article bodies: Markdown to BodyBlock[] (the only module that imports markdown-it). The
 * bulletin needs paragraphs, four heading levels, figures, bold and 着重号 emphasis; anything
 * else is reported with what to write instead, rather than silently printed wrong.
 */
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { BulletinError, type Diagnostic, type SourceLocation } from '../errors';
import { t } from '../messages';
import { checkReadableFile, MAX_IMAGE_BYTES, pathExists, resolveInside } from '../workspace';
import type { BodyBlock, HeadingLevel, RunStyle, TextRun } from './types';
import { charAt, charBefore } from '../text/code-points';

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

// CJK letters and CJK/full-width punctuation: ideographs, kana, hangul, 。，、《》（） etc.
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u2E80-\u2FFF\u3000-\u303F\u31C0-\u31EF\u3200-\u33FF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
// Quotes, dashes and ellipses shared with Western text, CJK when they sit in Chinese text.
const CJK_OR_SHARED = new RegExp(`${CJK.source.slice(0, -1)}\\u2018\\u2019\\u201C\\u201D\\u2014\\u2026\\u00B7]`, 'u');
const PUNCT = /[\p{P}\p{S}]/u;

/**
 * Longest paragraph accepted, in characters. Real paragraphs are under 2,000; a longer one is
 * almost always a lost line break or pasted data, and line-breaking time grows with its length.
 */
export const MAX_PARAGRAPH_CHARS = 100_000;
const SPACE = /\s/u;

/** True for a CJK character (ideograph, kana, hangul, or CJK / full-width punctuation). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

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
 */
function cjkFriendlyState(Base: StateInlineClass): StateInlineClass {
  return class CjkFriendlyState extends Base {
    override scanDelims(start: number, canSplitWord: boolean): MarkdownIt.StateInline.Scanned {
      const scanned = super.scanDelims(start, canSplitWord);
      const last = charBefore(this.src, start);
      const next = charAt(this.src, start + scanned.length, this.posMax);
      if (!isCjk(last) && !isCjk(next)) return scanned;
      const lastSpace = last === undefined || SPACE.test(last);
      const nextSpace = next === undefined || SPACE.test(next);
      const lastPunct = last !== undefined && PUNCT.test(last);
      const nextPunct = next !== undefined && PUNCT.test(next);
      const left = !nextSpace && (!nextPunct || lastSpace || lastPunct || isCjk(last));
      const right = !lastSpace && (!lastPunct || nextSpace || nextPunct || isCjk(next));
      // `_` may not split a word, but Chinese has no spaces between words: 正文__粗__正文.
      return {
        can_open: left,
        can_close: right,
        length: scanned.length,
      };
    }
  };
}

/** Converts an article body to blocks; every unsupported construct is reported, all at once. */
export function markdownToBlocks(body: string, context: MarkdownContext): BodyBlock[] {
  const tokens = md.parse(body, {});
  const walker = new BlockWalker(context);
  walker.walk(tokens);
  if (walker.diagnostics.length > 0) throw new BulletinError(walker.diagnostics);
  return walker.blocks;
}

type Piece =
  | { readonly kind: 'text'; readonly text: string; readonly style: RunStyle; readonly line: number }
  | { readonly kind: 'break'; readonly line: number };

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

  private paragraph(inline: Token | undefined, line: number): void {
    const children = inline?.children ?? [];
    const visible = children.filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
    const only = visible[0];
    if (visible.length === 1 && only !== undefined && only.type === 'image') {
      this.figure(only, line);
      return;
    }
    const runs = this.runs(children, line, 'paragraph');
    const length = runs.reduce((sum, run) => sum + run.text.length, 0);
    if (length > MAX_PARAGRAPH_CHARS) {
      this.report(
        line,
        t(`this paragraph has ${length} characters; the limit is ${MAX_PARAGRAPH_CHARS}`, `此段落有 ${length} 个字符，超过上限 ${MAX_PARAGRAPH_CHARS}`),
        t('split it into paragraphs with blank lines', '请用空行把它分成若干段'),
      );
      return;
    }
    if (runs.length > 0) this.blocks.push({ kind: 'paragraph', runs, source: this.at(line) });
  }

  private heading(open: Token, inline: Token | undefined, line: number): void {
    const hashes = Number(open.tag.slice(1));
    if (open.markup === '=' || open.markup === '-') return this.unsupported('setext', line);
    if (hashes === 1) return this.unsupported('h1', line);
    if (hashes > 5) return this.unsupported('h6', line);
    const runs = this.runs(inline?.children ?? [], line, 'heading');
    if (runs.length === 0) {
      this.report(line, t('empty heading', '标题为空'), t('write the heading text after the #', '请在 # 后写标题文字'));
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
    const notFoundHint = t('the path is relative to the article file, e.g. ../images/photo.jpg', '路径相对于本文章文件，例如 ../images/photo.jpg');
    if (file !== undefined && !pathExists(file)) {
      this.report(line, t(`image not found: ${src}`, `找不到图片：${src}`), notFoundHint);
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

  private runs(children: readonly Token[], firstLine: number, where: 'paragraph' | 'heading' | 'caption'): TextRun[] {
    const pieces: Piece[] = [];
    let strong = 0;
    let em = 0;
    let line = firstLine;
    const style = (): RunStyle => (strong > 0 ? 'bold' : em > 0 ? 'emphasis' : 'regular');
    for (const child of children) {
      switch (child.type) {
        case 'text':
        case 'code_inline':
          pieces.push({ kind: 'text', text: child.content, style: style(), line });
          break;
        case 'softbreak':
        case 'hardbreak':
          pieces.push({ kind: 'break', line });
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
        case 'link_open':
        case 'link_close':
          break;
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

  private unsupported(what: string, line: number): void {
    const [message, hint] = explain(what);
    this.report(line, message, hint);
  }

  private report(line: number, message: string, hint: string): void {
    this.diagnostics.push({ severity: 'error', location: { file: this.context.file, line }, message, hint });
  }

  private at(line: number): SourceLocation {
    return { file: this.context.file, line, column: 1 };
  }
}

/** Resolves line breaks (dropped between CJK characters, a space otherwise) and merges runs. */
function joinPieces(pieces: readonly Piece[], file: string): TextRun[] {
  const texts: { text: string; style: RunStyle; line: number }[] = [];
  pieces.forEach((piece, i) => {
    if (piece.kind === 'text') {
      texts.push({ text: piece.text, style: piece.style, line: piece.line });
      return;
    }
    const before = lastChar(pieces, i);
    const after = firstChar(pieces, i);
    const previous = texts[texts.length - 1];
    if (before === undefined || after === undefined || previous === undefined) return;
    if (CJK_OR_SHARED.test(before) && CJK_OR_SHARED.test(after)) return;
    previous.text += ' ';
  });
  const runs: { text: string; style: RunStyle; line: number }[] = [];
  for (const piece of texts) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.style === piece.style) last.text += piece.text;
    else if (piece.text !== '') runs.push({ ...piece });
  }
  // Editors often indent paragraphs with full-width spaces; the layout indents by itself.
  const first = runs[0];
  if (first !== undefined) first.text = first.text.replace(/^[\s\u3000]+/u, '');
  const final = runs[runs.length - 1];
  if (final !== undefined) final.text = final.text.replace(/[\s\u3000]+$/u, '');
  return runs
    .filter((r) => r.text !== '')
    .map((r) => ({ text: r.text, style: r.style, source: { file, line: r.line, column: 1 } }));
}

function lastChar(pieces: readonly Piece[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const p = pieces[i];
    if (p?.kind === 'text' && p.text !== '') return Array.from(p.text).pop();
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

const HEADINGS_HINT = (): string =>
  t(
    'the article title comes from `title:` in the front matter; use ## for 一、, ### for （一）, #### for 1., ##### for （1）',
    '文章标题写在开头信息块的 title: 中；正文标题用 ## 表示“一、”，### 表示“（一）”，#### 表示“1.”，##### 表示“（1）”',
  );

function explain(what: string): [string, string] {
  switch (what) {
    case 'h1':
      return [t('a # heading is not allowed in the article body', '正文中不能使用 # 一级标题'), HEADINGS_HINT()];
    case 'h6':
      return [t('###### headings are too deep; four levels are available', '###### 标题层级过深，最多四级'), HEADINGS_HINT()];
    case 'setext':
      return [
        t('a line of === or --- under text makes an underlined heading, which is not supported', '文字下一行的 === 或 --- 会被当作标题下划线，不支持这种写法'),
        t('write ## before the heading text, or remove the === / --- line', '请在标题文字前写 ##，或删除 === / --- 这一行'),
      ];
    case 'bullet_list_open':
    case 'ordered_list_open':
      return [
        t('lists are not supported', '不支持列表'),
        t('write each item as its own paragraph, numbered as in the original, e.g. （1）… or 1.… (no space after the dot)', '请把每一项写成单独的段落，按原文编号，例如“（1）……”或“1.……”（点后不加空格）'),
      ];
    case 'blockquote_open':
      return [t('block quotes (> …) are not supported', '不支持引用块（> ……）'), t('remove the > and write a normal paragraph', '请删除 >，写成普通段落')];
    case 'table_open':
      return [
        t('tables are not supported', '不支持表格'),
        t('write the table as paragraphs, or include it as an image: ![caption](../images/table.png)', '请把表格写成段落，或作为图片插入：![说明](../images/table.png)'),
      ];
    case 'code_block':
      return [t('indented code blocks are not supported', '不支持缩进代码块'), t('lines indented by 4 or more spaces become code; remove the indentation', '缩进 4 个及以上空格的行会成为代码块，请删除缩进')];
    case 'fence':
      return [t('code blocks (```) are not supported', '不支持代码块（```）'), t('remove the ``` lines', '请删除 ``` 行')];
    case 'hr':
      return [t('horizontal rules (---, ***) are not supported', '不支持分隔线（---、***）'), t('remove the line', '请删除这一行')];
    case 'html':
      return [t('HTML is not supported', '不支持 HTML'), t('write plain text; use **bold** and *emphasis* for styles', '请写纯文字；粗体用 **粗体**，着重号用 *着重*')];
    case 'inline-image':
      return [
        t('an image must stand alone in its own paragraph', '图片必须单独成段'),
        t('put a blank line before and after ![caption](path)', '请在 ![说明](路径) 前后各空一行'),
      ];
    case 'nested-image':
      return [t('an image cannot appear inside a heading or caption', '标题或图片说明中不能包含图片'), t('put the image in its own paragraph', '请让图片单独成段')];
    case 'strikethrough':
      return [t('~~strikethrough~~ is not supported', '不支持删除线（~~……~~）'), t('remove the ~~', '请删除 ~~')];
    default:
      return [t(`unsupported Markdown (${what})`, `不支持的 Markdown 写法（${what}）`), t('write plain paragraphs, ## headings, **bold**, *emphasis* and ![caption](image)', '请只使用段落、## 标题、**粗体**、*着重* 和 ![说明](图片)')];
  }
}
