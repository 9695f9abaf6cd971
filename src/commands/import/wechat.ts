/**
 * A WeChat (微信公众号) article saved from a browser ("save page, complete": article.html and
 * article_files/). The page's own structure names the parts: #activity-name the title, #js_name
 * the account (our `source`), #publish_time the date, #js_content the body; pictures are <img>
 * whose src points into the _files folder once the browser has saved them (data-src is the web
 * address, which we never fetch).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { say } from '../../messages';
import { emptyDraft, findDate, type Draft } from './draft';
import { attr, findElement, htmlToBlocks, parseHtml, textOf, type HtmlNode } from './html';

const byId = (id: string) => (node: HtmlNode) => attr(node, 'id') === id;

/** Tells a WeChat page from other HTML by its article container. */
export function isWechatPage(html: string): boolean {
  return /id=["']js_content["']/.test(html);
}

export function draftFromWechat(file: string, html: string): Draft {
  const draft = emptyDraft();
  const root = parseHtml(html);
  const title = findElement(root, byId('activity-name')) ?? findElement(root, (n) => /\brich_media_title\b/.test(attr(n, 'class') ?? ''));
  const account = findElement(root, byId('js_name')) ?? findElement(root, (n) => /\bprofile_nickname\b/.test(attr(n, 'class') ?? ''));
  const published = findElement(root, byId('publish_time'));
  draft.title = title ? textOf(title) || undefined : undefined;
  draft.source = account ? textOf(account) || undefined : undefined;
  // The date is filled in by the page's script; a saved page has it in the element or the script.
  draft.date = (published && findDate(textOf(published))) ?? findDate(/createTime\s*=\s*['"]([^'"]+)['"]/.exec(html)?.[1] ?? '');
  const body = findElement(root, byId('js_content')) ?? findElement(root, (n) => n.tagName === 'body') ?? root;

  const dir = path.dirname(file);
  let counter = 0;
  const image = (node: HtmlNode): string | undefined => {
    const src = attr(node, 'src') ?? '';
    counter++;
    const local = src === '' || /^[a-z]+:/i.test(src) ? undefined : path.resolve(dir, decodeURIComponent(src));
    const bytes = local !== undefined && fs.existsSync(local) ? fs.readFileSync(local) : undefined;
    const extension = bytes === undefined ? undefined : bytes[0] === 0xff && bytes[1] === 0xd8 ? 'jpg' : bytes[0] === 0x89 && bytes[1] === 0x50 ? 'png' : undefined;
    if (bytes === undefined || extension === undefined) {
      draft.notes.push(
        bytes === undefined
          ? say('import.note.picture-not-saved', { counter, src: src.slice(0, 60) || attr(node, 'data-src')?.slice(0, 60) || '?' })
          : say('import.note.picture-not-jpeg-png', { counter, local: path.basename(local ?? src) }),
      );
      return undefined;
    }
    const key = `wechat-image-${counter}`;
    draft.images.set(key, { bytes, extension });
    return key;
  };
  draft.blocks.push(...htmlToBlocks(body, { image, shortParagraphIsCaption: true }));
  return draft;
}
