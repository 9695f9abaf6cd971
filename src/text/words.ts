/**
 * Where a line may break without cutting a word, for text whose breaks are chosen freely
 * (titles, TOC entries, 题注): ICU's Chinese word segmentation, which Node ships
 * (`Intl.Segmenter('zh', { granularity: 'word' })`), corrected by a short list of names that a
 * legal text must never split and that ICU cuts into parts (中华|人民|共和国, 信|访). Body text
 * does not ask: Chinese breaks between any two characters.
 */

/**
 * Cost of a break inside a word: more than two centred lines out of balance (layout/paragraph.ts),
 * so it is taken only when no boundary keeps the lines anywhere near balanced.
 */
export const IN_WORD_PENALTY = 2500;
/** Cost of a break inside a name that must stay whole (中华人民共和国): practically never. */
export const IN_NAME_PENALTY = 100_000;
/** Cost of a break inside 《…》 or “…” at a word boundary: the title of a law, a quoted phrase stays whole where it can. */
export const IN_BOOK_TITLE_PENALTY = 150;
const PAIRS: Readonly<Record<string, string>> = { '《': '》', '“': '”' };

/**
 * Names of state bodies and laws, longest first: ICU splits them, a legal publisher never does.
 * Dates (2012年12月20日) stay whole too (see DATE).
 */
const NAMES = [
  '中华人民共和国',
  '全国人民代表大会',
  '人民代表大会',
  '常务委员会',
  '最高人民法院',
  '最高人民检察院',
  '人民法院',
  '人民检察院',
  '人民政府',
  '中共中央',
  '国务院',
  '办公厅',
  '委员会',
  '信访',
].sort((a, b) => b.length - a.length);
const NAME = new RegExp(NAMES.join('|'), 'gu');
const DATE = /\d{4}年\d{1,2}月(?:\d{1,2}日)?/gu;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Costs found already, by text: a title is segmented for its title block, its TOC entry and each
 * grouping of its phrases tried (R20), and ICU's segmentation is the dear part. Emptied when it
 * holds more than MAX_KNOWN texts (`watch` sets issue after issue in one process).
 */
const known = new Map<string, Float64Array>();
const MAX_KNOWN = 2000;

/**
 * For each code-point position k of `text` (0 < k < length), the cost of a line break before
 * character k: 0 at a word boundary, more inside a word, most inside a name or date.
 */
export function breakCosts(text: string): Float64Array {
  let costs = known.get(text);
  if (costs === undefined) {
    if (known.size >= MAX_KNOWN) known.clear();
    costs = segmentCosts(text);
    known.set(text, costs);
  }
  // A copy: the caller may change its array, the one kept stays as found.
  return costs.slice();
}

function segmentCosts(text: string): Float64Array {
  const chars = Array.from(text);
  const costs = new Float64Array(chars.length + 1);
  // UTF-16 offset → code-point index.
  const index = new Map<number, number>();
  let unit = 0;
  chars.forEach((ch, k) => {
    index.set(unit, k);
    unit += ch.length;
  });
  index.set(unit, chars.length);
  const mark = (start: number, end: number, cost: number) => {
    const a = index.get(start) ?? 0;
    const b = index.get(end) ?? chars.length;
    for (let k = a + 1; k < b; k++) costs[k] = Math.max(costs[k] as number, cost);
  };
  for (const s of segmenter.segment(text)) mark(s.index, s.index + s.segment.length, IN_WORD_PENALTY);
  for (const m of text.matchAll(NAME)) mark(m.index, m.index + m[0].length, IN_NAME_PENALTY);
  // A date and the first character of its event stay on one line: a 题注 never ends a line with a date.
  for (const m of text.matchAll(DATE)) mark(m.index, Math.min(text.length, m.index + m[0].length + 1), IN_NAME_PENALTY);
  // Inside 《…》 and “…”: everywhere between the marks (right after the opening or before the
  // closing mark a break is forbidden anyway).
  for (const [opening, closing] of Object.entries(PAIRS)) {
    let open = -1;
    for (let k = 0; k < chars.length; k++) {
      if (chars[k] === opening) open = k;
      else if (chars[k] === closing && open >= 0) {
        for (let j = open + 1; j <= k; j++) costs[j] = Math.max(costs[j] as number, IN_BOOK_TITLE_PENALTY);
        open = -1;
      }
    }
  }
  return costs;
}
