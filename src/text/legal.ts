/**
 * The structure of regulations and official documents (TYPOGRAPHY R31), recognised in one place
 * for the layout (centred 编/章/节, 第…条 lead-ins) and the lint (separators after them).
 */

/** A Chinese or Arabic number as regulations write it: 一 十二 一百零五 两 3. */
const NUMERAL = '[一二三四五六七八九十百千零〇两\\d]+';

/** 第…编 / 第…章 / 第…节 / 第…条 / 第…款 at a position (sticky). */
export const STRUCTURE_NUMBER = new RegExp(`第${NUMERAL}[编章节条款]`, 'u');

/** A number-and-unit ending right before index `at` of `text`: the separator after it is structural. */
export function endsWithStructureNumber(text: string, at: number): boolean {
  return new RegExp(`第${NUMERAL}[编章节条款]$`, 'u').test(text.slice(Math.max(0, at - 12), at));
}

/**
 * The end of an issuing body's name (…办公厅, 国务院, …委员会, …部): a space after it separates joint
 * issuers (中共中央办公厅　国务院办公厅), which belong together, not two phrases of a title.
 */
export const JOINT_ISSUER_END = /(?:中共中央|国务院|办公厅|委员会|人民政府|人民法院|人民检察院|[部委局署厅办院府])$/u;

export type DivisionKind = 'part' | 'chapter' | 'section';

/** A heading of a regulation's divisions: 第一编 (part), 第一章 (chapter), 第一节 (section). */
export interface Division {
  readonly kind: DivisionKind;
  /** "第一章" */
  readonly number: string;
  /** "总则" (without the separator) */
  readonly title: string;
}

const DIVISION = new RegExp(`^(第${NUMERAL}([编章节]))[ \\u00a0\\u3000]*(\\S.{0,40})$`, 'u');
const KIND: Readonly<Record<string, DivisionKind>> = { 编: 'part', 章: 'chapter', 节: 'section' };

/**
 * "第一章　总则" as a whole line: a division heading. A line ending in a stop ("第一章规定了…。")
 * is text that happens to start with a number, not a heading.
 */
export function divisionOf(text: string): Division | undefined {
  const m = DIVISION.exec(text.trim());
  if (!m || /[。；：，、？！.;:,]$/.test(text.trim())) return undefined;
  return { kind: KIND[m[2] as string] as DivisionKind, number: m[1] as string, title: (m[3] as string).trim() };
}

const ARTICLE = new RegExp(`^第${NUMERAL}条(?=[ \\u00a0\\u3000])`, 'u');

/** Length of the "第一条" lead-in at the start of an article's first paragraph (followed by a separator). */
export function articleLeadIn(text: string): number {
  return ARTICLE.exec(text)?.[0].length ?? 0;
}
