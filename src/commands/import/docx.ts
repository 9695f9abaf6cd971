/**
 * A Word file (.docx) to a Draft through mammoth (the only module that imports it), a well-kept
 * reader of the document model: Word's heading styles become <h1>…, Title/Subtitle/Caption
 * styles are mapped below, bold runs <strong>, numbered lists <ol>, pictures <img> with their
 * alt text. The HTML it makes goes through the same walker as a WeChat page.
 */
import * as fs from 'node:fs';
import mammoth from 'mammoth';
import { say } from '../../messages';
import { emptyDraft, runsText, type Draft, type DraftBlock } from './draft';
import { textBoxTexts, zipEntry } from './docx-parts';
import { attr, htmlToBlocks, parseHtml } from './html';

const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='标题'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='副标题'] => p.subtitle:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='caption'] => p.caption:fresh",
  "p[style-name='题注'] => p.caption:fresh",
];

export async function draftFromDocx(file: string): Promise<Draft> {
  const draft = emptyDraft();
  let counter = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    const key = `docx-image-${++counter}`;
    const extension = image.contentType === 'image/png' ? 'png' : image.contentType === 'image/jpeg' ? 'jpg' : undefined;
    if (extension === undefined) {
      draft.notes.push(say('import.note.picture-unprintable', { counter, contentType: image.contentType }));
      return { src: '' };
    }
    draft.images.set(key, { bytes: await image.readAsBuffer(), extension });
    return { src: key };
  });
  const bytes = fs.readFileSync(file);
  const result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, convertImage });
  for (const message of result.messages) {
    // Unmapped styles are expected (we map only what the article model has); the rest is news.
    if (!/Unrecognised (paragraph|run) style/.test(message.message)) draft.notes.push(message.message);
  }
  const root = parseHtml(`<body>${result.value}</body>`);
  const blocks = htmlToBlocks(root, { image: (node) => (attr(node, 'src') || undefined) });
  // The Title style (or the first top-level heading) is the article's title, Subtitle its subtitle.
  const titleIndex = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const firstText = blocks.findIndex((b) => b.kind === 'paragraph' || b.kind === 'heading');
  if (titleIndex !== -1 && titleIndex === firstText) {
    const [title] = blocks.splice(titleIndex, 1);
    if (title?.kind === 'heading') draft.title = runsText(title.runs);
  }
  draft.blocks.push(...markTextBoxes(blocks, bytes, draft));
  return draft;
}

// mammoth reads a text box's paragraphs as body text where the box is anchored, which is
// rarely where it belongs: say so at its first paragraph.
function markTextBoxes(blocks: DraftBlock[], docx: Buffer, draft: Draft): DraftBlock[] {
  const xml = zipEntry(docx, 'word/document.xml');
  if (xml === undefined) return blocks;
  const out = [...blocks];
  for (const first of textBoxTexts(xml.toString('utf8'))) {
    const start = first.trim().slice(0, 20);
    const what = say('import.skipped.text-box', { start });
    const index = out.findIndex((b) => (b.kind === 'paragraph' || b.kind === 'heading') && runsText(b.runs).startsWith(start));
    if (index < 0) {
      draft.notes.push(say('import.note.text-box-not-found', { start }));
      continue;
    }
    out.splice(index, 0, { kind: 'skipped', what, hint: say('import.skipped.text-box.hint') });
  }
  return out;
}
