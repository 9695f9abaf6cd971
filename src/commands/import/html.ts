/**
 * HTML to a Draft, with a real HTML parser (parse5, the WHATWG algorithm browsers use — the only
 * module that imports it). Used for WeChat pages saved from a browser and for the HTML that
 * mammoth makes of a Word file: block elements become paragraphs and headings, <strong>/<b>
 * (and font-weight: bold) bold runs, <br> a new paragraph, <img> a figure, list items numbered
 * paragraphs; tables and other things the article model has no place for become `skipped`.
 */
import { parse } from 'parse5';
import type { DraftBlock, DraftRun } from './draft';
import { runsText, tidyRuns } from './draft';
import { say } from '../../messages';

/** The parts of a parse5 node this module reads. */
export interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly HtmlNode[];
}

export function parseHtml(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

export function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** Depth-first search for the first element matching `test`. */
export function findElement(root: HtmlNode, test: (node: HtmlNode) => boolean): HtmlNode | undefined {
  if (root.tagName !== undefined && test(root)) return root;
  for (const child of root.childNodes ?? []) {
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

/** The text content of a node, whitespace collapsed. */
export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (node.tagName === 'script' || node.tagName === 'style') return '';
  return (node.childNodes ?? []).map(textOf).join('').replace(/\s+/g, ' ').trim();
}

const BLOCK = new Set(['p', 'div', 'section', 'article', 'blockquote', 'li', 'ul', 'ol', 'figure', 'figcaption', 'body', 'header', 'footer', 'main', 'center', 'dl', 'dt', 'dd', 'pre', 'address']);
const IGNORED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'head', 'button', 'input', 'select', 'textarea', 'mpvoice', 'mpvideo', 'qqmusic']);
const HEADING = /^h([1-6])$/;

export interface WalkOptions {
  /** Turns an <img> into a figure's image key, or undefined to drop it (with a note made by the caller). */
  readonly image: (node: HtmlNode) => string | undefined;
  /** A short paragraph right after a picture is its caption (WeChat: small grey centred text). */
  readonly shortParagraphIsCaption?: boolean;
}

/** Walks `root` in document order and returns its blocks. */
export function htmlToBlocks(root: HtmlNode, options: WalkOptions): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let runs: DraftRun[] = [];
  let kind: { heading?: number; caption?: boolean } = {};
  const flush = () => {
    const tidy = tidyRuns(runs);
    if (tidy.length > 0) {
      blocks.push(kind.heading !== undefined ? { kind: 'heading', level: kind.heading, runs: tidy } : kind.caption ? { kind: 'paragraph', runs: tidy, caption: true } : { kind: 'paragraph', runs: tidy });
    }
    runs = [];
  };

  const visit = (node: HtmlNode, bold: boolean, list: { ordered: boolean; n: number } | undefined): void => {
    if (node.nodeName === '#text') {
      runs.push({ text: node.value ?? '', bold });
      return;
    }
    const tag = node.tagName;
    if (tag === undefined) {
      for (const child of node.childNodes ?? []) visit(child, bold, list);
      return;
    }
    if (IGNORED.has(tag) || /display\s*:\s*none/.test(attr(node, 'style') ?? '')) return;
    if (tag === 'br') {
      // A line break in a Word paragraph or a WeChat <p>: our articles have no forced line
      // break, and every one of these in the sources seen starts a new line of thought.
      flush();
      return;
    }
    if (tag === 'img') {
      flush();
      const image = options.image(node);
      if (image !== undefined) blocks.push({ kind: 'figure', image, caption: attr(node, 'alt')?.trim() ?? '' });
      return;
    }
    if (tag === 'table') {
      flush();
      const rows = countElements(node, 'tr');
      blocks.push({
        kind: 'skipped',
        what: say('import.skipped.table', { rows, node: textOf(node).slice(0, 20) }),
        hint: say('import.skipped.table.hint'),
      });
      return;
    }
    const heading = HEADING.exec(tag);
    const isBlock = BLOCK.has(tag) || heading !== null;
    if (isBlock) flush();
    const style = attr(node, 'style') ?? '';
    const nowBold = bold || tag === 'strong' || tag === 'b' || /font-weight\s*:\s*(bold|[6-9]00)/.test(style);
    if (heading) kind = { heading: Number(heading[1]) };
    // Word's Caption (题注) style, which the docx reader maps to <p class="caption">.
    else if (isBlock && /\bcaption\b/.test(attr(node, 'class') ?? '')) kind = { caption: true };
    if (tag === 'ol' || tag === 'ul') {
      const inner = { ordered: tag === 'ol', n: 0 };
      for (const child of node.childNodes ?? []) visit(child, nowBold, inner);
      flush();
      return;
    }
    if (tag === 'li' && list !== undefined) {
      list.n++;
      // Numbered as in the original (R21's "1." needs no space); a bullet has no Chinese form.
      if (list.ordered) runs.push({ text: `${list.n}.`, bold: nowBold });
    }
    for (const child of node.childNodes ?? []) visit(child, nowBold, undefined);
    if (isBlock) {
      flush();
      kind = {};
    }
  };
  visit(root, false, undefined);
  flush();
  return attachCaptions(blocks, options);
}

// A caption-styled paragraph, or (WeChat) a short one, right after a picture is its caption.
function attachCaptions(blocks: DraftBlock[], options: WalkOptions): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const text = block.kind === 'paragraph' ? runsText(block.runs) : '';
    const short = text.length <= 60 && !/[。！？]$/.test(text);
    if (block.kind === 'paragraph' && previous?.kind === 'figure' && previous.caption === '' && (block.caption === true || (options.shortParagraphIsCaption === true && short))) {
      out[out.length - 1] = { ...previous, caption: text };
      continue;
    }
    out.push(block);
  }
  return out;
}

function countElements(node: HtmlNode, tag: string): number {
  let n = node.tagName === tag ? 1 : 0;
  for (const child of node.childNodes ?? []) n += countElements(child, tag);
  return n;
}
