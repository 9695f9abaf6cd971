/**
 * Writes a Draft as an article file: front matter (what was not found is a TODO the editor
 * cannot miss), then the body in the Markdown our articles use — `##`… headings for the levels
 * the source used, `**bold**`, figures in their own paragraph, and an HTML comment (which the
 * article reader skips) where something could not be brought in.
 */
import type { Draft, DraftBlock, DraftRun } from './draft';
import { runsText } from './draft';
import { say } from '../../messages';

export interface WrittenArticle {
  readonly text: string;
  /** Front matter fields left as TODO. */
  readonly todos: readonly string[];
  /** What was not brought in, at the line of the article where it was. */
  readonly skipped: readonly { readonly line: number; readonly what: string; readonly hint: string }[];
  /** Figures without a caption in the source, by line. */
  readonly uncaptioned: readonly number[];
}

/**
 * `imagePath(key)` is the path the figure's file is saved at, relative to the article; `origin`
 * is the front-matter comment that names the source (how a second import of it is recognised).
 */
export function writeArticle(draft: Draft, imagePath: (key: string) => string, origin: string): WrittenArticle {
  const todos: string[] = [];
  const front: string[] = ['---', origin];
  if (draft.title !== undefined && draft.title !== '') front.push(`title: ${yamlString(draft.title)}`);
  else {
    front.push(`title: ${yamlString(say('import.draft.todo-title'))}`);
    todos.push('title');
  }
  if (draft.subtitle !== undefined) front.push(`subtitle: ${yamlString(draft.subtitle)}`);
  if (draft.source !== undefined) front.push(`source: ${yamlString(draft.source)}`);
  else {
    front.push(say('import.draft.todo-source'));
    todos.push('source');
  }
  if (draft.date !== undefined) front.push(`date: ${draft.date}`);
  else {
    front.push(say('import.draft.todo-date'));
    todos.push('date');
  }
  front.push('---');

  const lines = [...front];
  const skipped: { line: number; what: string; hint: string }[] = [];
  const uncaptioned: number[] = [];
  const levels = headingLevels(draft.blocks);
  for (const block of draft.blocks) {
    const line = lines.length + 1;
    switch (block.kind) {
      case 'paragraph':
        lines.push(escapeStart(runsMarkdown(block.runs)));
        break;
      case 'heading':
        lines.push(`${'#'.repeat(levels.get(block.level) ?? 5)} ${runsMarkdown(block.runs)}`);
        break;
      case 'figure': {
        const caption = block.caption === '' ? say('import.draft.todo-caption') : block.caption;
        if (block.caption === '') uncaptioned.push(line);
        lines.push(`![${escapeInline(caption)}](${imagePath(block.image)})`);
        break;
      }
      case 'skipped':
        skipped.push({ line, what: block.what, hint: block.hint });
        lines.push(`<!-- TODO: ${block.what.replace(/--/g, '—')} -->`);
        break;
    }
    lines.push('');
  }
  return { text: `${lines.join('\n').replace(/\n+$/, '')}\n`, todos, skipped, uncaptioned };
}

// The levels the source used, in order, become ours: the highest ## (一、), then ###, ####, #####.
function headingLevels(blocks: readonly DraftBlock[]): Map<number, number> {
  const used = [...new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])))].sort((a, b) => a - b);
  return new Map(used.map((level, i) => [level, Math.min(5, i + 2)]));
}

function runsMarkdown(runs: readonly DraftRun[]): string {
  return runs.map((r) => (r.bold && r.text.trim() !== '' ? `**${escapeInline(r.text)}**` : escapeInline(r.text))).join('');
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

// What would make a paragraph into something else: a heading, a quote, a list, a rule.
function escapeStart(text: string): string {
  return text.replace(/^(#|>|[-+=](?=\s|$)|\d+(?=[.)]\s))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

function yamlString(text: string): string {
  // A plain scalar when nothing in it means something to YAML; a JSON string is valid YAML too.
  return /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|null|~|[\d.+-]+)$/i.test(text) ? text : JSON.stringify(text);
}

export { runsText };
