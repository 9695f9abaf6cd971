/**
 * Words read out of PDF bytes (names, operators, keywords), for both scanners (content.ts, the page
 * contents; own-source.ts, the file): the byte classes that end a word, and the words as strings
 * without making a new string for each — a content stream or a file repeats a few hundred
 * distinct words hundreds of thousands of times, and slicing each one out was most of the
 * scanners' garbage.
 */

// Byte classes as lookup tables rather than Sets: the scanners look at every byte of a file or a
// page (a Set lookup per byte was most of the preflight's scanning time).
/** PDF white space (ISO 32000-1 7.2.2). */
export const IS_WHITE = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) IS_WHITE[b] = 1;
/** White space or a delimiter: where a name, number or operator ends. */
export const ENDS_WORD = new Uint8Array(IS_WHITE);
for (const c of '()<>[]{}/%') ENDS_WORD[c.charCodeAt(0)] = 1;

/** Distinct words kept; beyond this (a file of unique names) new words are sliced as before. */
const MAX_WORDS = 4096;

export class WordCache {
  private readonly byHash = new Map<number, string>();

  /** bytes[start, end) as a Latin-1 string, the same string each time the same bytes come. */
  word(bytes: Uint8Array, start: number, end: number): string {
    let hash = end - start;
    for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + bytes[k]!) | 0;
    const known = this.byHash.get(hash);
    if (known !== undefined && known.length === end - start && spells(known, bytes, start)) return known;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
    if (known === undefined && this.byHash.size < MAX_WORDS) this.byHash.set(hash, text);
    return text;
  }
}

function spells(text: string, bytes: Uint8Array, start: number): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== bytes[start + k]) return false;
  return true;
}
