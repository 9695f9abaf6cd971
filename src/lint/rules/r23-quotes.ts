/**
 * R23: quotation marks and brackets. Straight quotes typed in Chinese text become “ ” / ‘ ’ (paired
 * in order); a document number's year goes in 六角括号 〔〕 (GB 9704), not 【】 or [].
 */
import { message } from '../../messages';
import { charAt, charBefore, isCjk, isLatinWord } from '../chars';
import { SCRIPT } from '../../text/script';
import { fixable, matches, warnOnly, type Finding } from '../finding';
import type { Segment } from '../segments';

// The bracket first, the look-behind after it: V8 skips to each bracket instead of trying the
// look-behind at every character.
const DOCUMENT_NUMBER_YEAR = new RegExp(`[【[［](?<=[${SCRIPT.han}][【[［])(\\d{4})[】\\]］](?=\\d)`, 'gu');

/** "国信发[2024]1号", "国信发【2024】1号" → "国信发〔2024〕1号". */
export function documentNumberBrackets(segment: Segment): Finding[] {
  return matches(segment, DOCUMENT_NUMBER_YEAR).map((m) =>
    fixable('R23', m.index, m[0], `〔${m[1] ?? ''}〕`, message('lint.document-number-year-brackets', { m: m[0][0] ?? '', value: m[0].at(-1) ?? '' })),
  );
}

/** " → “ ”, and ' → ‘ ’ except an apostrophe inside a Latin word ("don't"). */
export function straightQuotes(segment: Segment): Finding[] {
  return [...pairQuotes(segment, '"', '“', '”'), ...pairQuotes(segment, "'", '‘', '’')];
}

function pairQuotes(segment: Segment, straight: string, open: string, close: string): Finding[] {
  const text = segment.text;
  const at: number[] = [];
  for (let k = text.indexOf(straight); k >= 0; k = text.indexOf(straight, k + 1)) {
    if (straight === "'" && isLatinWord(charBefore(text, k)) && isLatinWord(charAt(text, k + 1))) continue;
    at.push(k);
  }
  const near = (k: number): boolean => isCjk(charBefore(text, k)) || isCjk(charAt(text, k + 1));
  const what = message('lint.straight-quote', { straight });
  const found: Finding[] = [];
  for (let i = 0; i + 1 < at.length; i += 2) {
    const o = at[i] as number;
    const c = at[i + 1] as number;
    const inside = [...text.slice(o + 1, c)].some((ch) => isCjk(ch));
    if (!inside && !near(o) && !near(c)) continue;
    found.push(fixable('R23', o, straight, open, what), fixable('R23', c, straight, close, what));
  }
  const last = at.length % 2 === 1 ? at[at.length - 1] : undefined;
  // A lone quote: opening or closing cannot be told reliably, so the editor decides.
  if (last !== undefined && near(last)) {
    found.push(warnOnly('R23', last, 1, what, message('lint.straight-quote.hint', { straight, open, close })));
  }
  return found;
}
