/**
 * Words read out of PDF bytes (names, operators, keywords) as strings without making a new string
 * for each: a content stream or a file repeats a few hundred distinct words hundreds of thousands
 * of times, and slicing each one out was most of the scanners' garbage.
 */

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
