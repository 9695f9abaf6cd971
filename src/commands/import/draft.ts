/**
 * An imported article before it is Markdown: whatever the source format (Word, a WeChat page,
 * pasted text), it becomes front matter fields and a list of blocks the article model has —
 * paragraphs, headings, figures — plus what could not be brought in and where it was.
 */

/** A run of text, bold or not (the only inline style a Word or WeChat article maps onto ours). */
export interface DraftRun {
  readonly text: string;
  readonly bold: boolean;
}

export type DraftBlock =
  /** `caption`: styled as a caption in the source (Word's Caption/题注 style). */
  | { readonly kind: 'paragraph'; readonly runs: readonly DraftRun[]; readonly caption?: true }
  /** `level` is the source's own level (h2 → 2); the writer maps the levels used onto ours. */
  | { readonly kind: 'heading'; readonly level: number; readonly runs: readonly DraftRun[] }
  /** `image` is a key into Draft.images; `caption` may be empty (then a TODO is written). */
  | { readonly kind: 'figure'; readonly image: string; readonly caption: string }
  /** Something the article model has no place for, reported at the line it would have been on. */
  | { readonly kind: 'skipped'; readonly what: string; readonly hint: string };

/** An image found in the source: its bytes and the extension it is saved with. */
export interface DraftImage {
  readonly bytes: Buffer;
  readonly extension: 'jpg' | 'png';
}

export interface Draft {
  title?: string | undefined;
  subtitle?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  readonly blocks: DraftBlock[];
  readonly images: Map<string, DraftImage>;
  /** Problems that have no line of their own (an image in a format we cannot print). */
  readonly notes: string[];
}

export function emptyDraft(): Draft {
  return { blocks: [], images: new Map(), notes: [] };
}

/** The plain text of runs. */
export function runsText(runs: readonly DraftRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Joins neighbouring runs of the same style and trims the ends; empty runs are dropped. */
export function tidyRuns(runs: readonly DraftRun[]): DraftRun[] {
  const out: DraftRun[] = [];
  for (const run of runs) {
    const text = run.text.replace(/[ \t\r\n\u00a0]+/g, ' ');
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.bold === run.bold) out[out.length - 1] = { text: last.text + text, bold: run.bold };
    else out.push({ text, bold: run.bold });
  }
  // Leading and trailing blanks, including the 　　 indent Chinese text is often typed with.
  const first = out[0];
  if (first !== undefined) out[0] = { ...first, text: first.text.replace(/^[ \u3000]+/, '') };
  const last = out[out.length - 1];
  if (last !== undefined) out[out.length - 1] = { ...last, text: last.text.replace(/[ \u3000]+$/, '') };
  return out.filter((r) => r.text !== '');
}

/** A date written as 2024-02-22, 2024/2/22, 2024.2.22 or 2024年2月22日, as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  const m = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const SOURCE_LINE = /^(?:来源|稿源|文章来源|信息来源)\s*[：:]\s*(.+?)\s*$/;
const DATE_LINE = /^(?:发布时间|发布日期|时间|日期)\s*[：:]\s*(.+?)\s*$/;
const ONLY_DATE = /^\s*\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*$/;

/**
 * Fills the front matter from what the text says in its first lines: a title (the first short
 * line when the source has no title of its own), `来源：…`, `发布时间：…`, or a date line under the
 * title (also "国家信访局 2024-02-22"). The lines used are taken out of the body.
 */
export function guessFrontMatter(draft: Draft): void {
  const blocks = draft.blocks;
  const isParagraph = (b: DraftBlock | undefined): b is Extract<DraftBlock, { kind: 'paragraph' | 'heading' }> => b !== undefined && (b.kind === 'paragraph' || b.kind === 'heading');
  if (draft.title === undefined) {
    const first = blocks[0];
    if (isParagraph(first) && runsText(first.runs).length <= 60 && !/[。！？]$/.test(runsText(first.runs))) {
      draft.title = runsText(first.runs);
      blocks.shift();
    }
  }
  // Only the lines right under the title: further down, 来源 would be part of the article.
  for (let k = 0; k < 4 && k < blocks.length; k++) {
    const block = blocks[k];
    if (!isParagraph(block)) break;
    const text = runsText(block.runs).trim();
    let used = false;
    // "来源：国家信访局　发布时间：2024-02-22" is one line in many sites' templates.
    for (const part of text.split(/\s{2,}|\u3000+|\s+(?=(?:发布时间|发布日期|时间|日期|来源)\s*[：:])/)) {
      const source = SOURCE_LINE.exec(part);
      const dated = DATE_LINE.exec(part);
      if (source?.[1] !== undefined && draft.source === undefined) {
        draft.source = source[1];
        used = true;
      } else if (dated?.[1] !== undefined && findDate(dated[1]) !== undefined && draft.date === undefined) {
        draft.date = findDate(dated[1]);
        used = true;
      } else if (ONLY_DATE.test(part) && draft.date === undefined) {
        draft.date = findDate(part);
        used = true;
      }
    }
    // "国家信访局 2024-02-22": a name and a date, nothing else.
    const nameAndDate = /^(\S{2,20})\s+(\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?)$/.exec(text);
    if (!used && nameAndDate?.[1] !== undefined && nameAndDate[2] !== undefined && draft.date === undefined) {
      draft.source ??= nameAndDate[1];
      draft.date = findDate(nameAndDate[2]);
      used = true;
    }
    if (!used) continue;
    blocks.splice(k, 1);
    k--;
  }
}
