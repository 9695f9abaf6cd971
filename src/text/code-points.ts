/** Whole characters (code points) around a UTF-16 index: what scanners of Chinese text look at. */

/** The character that ends just before UTF-16 index `i` (a surrogate pair counts as one). */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The character that starts at UTF-16 index `i`, or undefined at or past `end`. */
export function charAt(text: string, i: number, end: number = text.length): string | undefined {
  if (i < 0 || i >= end) return undefined;
  return String.fromCodePoint(text.codePointAt(i) as number);
}
