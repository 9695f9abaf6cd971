/**
 * The article's side of the running head must fit beside the publication's side with at least
 * 1 em between them. A title too long for it is shortened at a phrase boundary — a space, a ——,
 * a punctuation mark, or failing those a word boundary (Intl.Segmenter) — never mid-word and
 * never with a dangling opening mark or an unclosed quote.
 */
import { classify } from '../text/classes';

/** Break positions (offsets into `title`) where a shortened head may end, strongest first. */
function phraseEnds(title: string): { strong: number[]; word: number[] } {
  const strong: number[] = [];
  const chars = Array.from(title);
  let offset = 0;
  chars.forEach((ch, k) => {
    const next = chars[k + 1];
    // Before a space or ——, after a full-width stop/close or a | separator.
    if (ch === ' ' || ch === '\u3000' || (ch === '—' && next === '—' && chars[k - 1] !== '—')) strong.push(offset);
    else if (classify(ch) === 'stop' || ch === '|' || ch === '｜') strong.push(offset);
    else if (classify(ch) === 'close') strong.push(offset + ch.length);
    offset += ch.length;
  });
  const word: number[] = [];
  for (const segment of new Intl.Segmenter('zh', { granularity: 'word' }).segment(title)) if (segment.index > 0) word.push(segment.index);
  return { strong, word };
}

/** Trims what may not end a head: spaces, stops, opening marks, an unclosed quote or bracket. */
function tidy(text: string): string {
  let out = text.replace(/[\s\u3000]+$/u, '');
  for (;;) {
    const last = Array.from(out).pop();
    if (last === undefined) return out;
    const cls = classify(last);
    if (cls === 'stop' || cls === 'open' || cls === 'middle' || last === '|' || last === '｜' || last === '—') out = out.slice(0, -last.length).replace(/[\s\u3000]+$/u, '');
    else break;
  }
  for (const [open, close] of [['“', '”'], ['（', '）'], ['《', '》'], ['‘', '’']] as const) {
    const opened = out.split(open).length - 1;
    if (opened > out.split(close).length - 1) out = tidy(out.slice(0, out.lastIndexOf(open)));
  }
  return out;
}

/**
 * The longest prefix of `title` ending at a phrase boundary whose width (by `measure`) is at most
 * `maxWidth`; the title itself when it fits; undefined when not even a short phrase fits.
 */
export function fitRunningHead(title: string, maxWidth: number, measure: (text: string) => number): string | undefined {
  if (measure(title) <= maxWidth + 1e-6) return title;
  const { strong, word } = phraseEnds(title);
  for (const ends of [strong, word]) {
    const fits = ends
      .map((end) => tidy(title.slice(0, end)))
      .filter((text) => Array.from(text).length >= 2 && measure(text) <= maxWidth + 1e-6)
      .sort((a, b) => b.length - a.length);
    // A strong boundary is used only if it keeps at least half of what a word boundary would.
    if (fits[0] !== undefined && (ends === word || fits[0].length * 2 >= bestWordLength(title, word, maxWidth, measure))) return fits[0];
  }
  return undefined;
}

function bestWordLength(title: string, word: readonly number[], maxWidth: number, measure: (text: string) => number): number {
  let best = 0;
  for (const end of word) {
    const text = tidy(title.slice(0, end));
    if (measure(text) <= maxWidth + 1e-6) best = Math.max(best, text.length);
  }
  return best;
}
