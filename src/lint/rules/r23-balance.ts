/**
 * R23: “ ” （ ） 《 》 that do not pair up within a paragraph (a quotation left open, a stray
 * bracket). No fix: only the editor knows where the missing mark goes. It runs on the text as
 * the other fixes would leave it, so "（按姓氏拼音)" is one problem (the ASCII ")"), not two.
 */
import { message } from '../../messages';
import { warnOnly, type Finding } from '../finding';
import type { Segment } from '../segments';

const PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['（', '）'],
  ['《', '》'],
];

/** `fixes` are the other rules' findings for this segment; their replacements are applied first. */
export function unbalanced(segment: Segment, fixes: readonly Finding[]): Finding[] {
  const { text, origin } = applied(segment.text, fixes);
  const found: Finding[] = [];
  for (const [open, close] of PAIRS) {
    // Most paragraphs have no mark of a pair at all: two scans in native code instead of one in ours.
    if (!text.includes(open) && !text.includes(close)) continue;
    const stack: number[] = [];
    const stray: number[] = [];
    // By code unit (each mark is one): `text[k]` made a string of every character it looked at.
    const [opening, closing] = [open.charCodeAt(0), close.charCodeAt(0)];
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === opening) stack.push(k);
      else if (c === closing && stack.pop() === undefined) stray.push(k);
    }
    for (const k of [...stray, ...stack].sort((a, b) => a - b)) {
      const mark = text[k] as string;
      const missing = mark === open ? close : open;
      found.push(
        warnOnly(
          'R23',
          origin(k),
          1,
          message('lint.unbalanced-bracket', { mark, missing }),
          message('lint.unbalanced-bracket.hint', { missing, mark }),
        ),
      );
    }
  }
  return found;
}

/**
 * The segment text with every non-overlapping replacement made; `origin` maps an index of it back
 * to the original's. Without replacements (most paragraphs) the text is the original and the map
 * the identity: no copy, character by character, of every paragraph.
 */
function applied(original: string, fixes: readonly Finding[]): { text: string; origin: (k: number) => number } {
  const sorted = fixes.filter((f) => f.replacement !== undefined).sort((a, b) => a.at - b.at);
  if (sorted.length === 0) return { text: original, origin: (k) => k };
  let text = '';
  const origins: number[] = [];
  let k = 0;
  for (const f of sorted) {
    if (f.at < k) continue;
    for (; k < f.at; k++) {
      text += original[k];
      origins.push(k);
    }
    for (const unit of f.replacement ?? '') {
      text += unit;
      origins.push(f.focus ?? f.at);
    }
    k = f.at + f.length;
  }
  for (; k < original.length; k++) {
    text += original[k];
    origins.push(k);
  }
  return { text, origin: (index) => origins[index] as number };
}
