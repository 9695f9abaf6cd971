/**
 * Web addresses and e-mail addresses in article text: which characters are one (bare URLs,
 * `www.` hosts, e-mail addresses typed in body text), what a link may point at, and what the
 * printed copy shows so that a reader of paper still gets the address. Pure: used by the
 * Markdown stage (what prints) and by the lint's scanner (what it must leave alone).
 */

/**
 * A bare address, ASCII only (Chinese text around it is never part of it): scheme://…, www.…, or
 * an e-mail address, of the characters RFC 3986 allows (less [ and ], so `url[链接](…)` ends at
 * the bracket, as Markdown reads it). The caller trims trailing sentence punctuation.
 */
const BARE = /(?<![A-Za-z0-9])(?:(?:https?|ftp):\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*)?)|(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** One address found in text: where it is and the URI a click opens. */
export interface FoundAddress {
  readonly start: number;
  readonly end: number;
  readonly uri: string;
}

/** Every bare address in `text`, left to right. */
export function findAddresses(text: string): FoundAddress[] {
  // Every address has "://", "www." or "@": most text has none of them, and is not scanned by
  // BARE (look-behinds at every character) for nothing.
  if (!text.includes(':') && !text.includes('@') && !text.includes('www.')) return [];
  const found: FoundAddress[] = [];
  for (const m of text.matchAll(BARE)) {
    const shown = trimAddress(m[0]);
    if (shown.length === 0) continue;
    found.push({ start: m.index, end: m.index + shown.length, uri: uriOf(shown) });
  }
  return found;
}

const BARE_AT = new RegExp(BARE.source, 'y');

/** The length of the bare address that starts at `index` of `text` (ending by `to`), or 0. */
export function addressLengthAt(text: string, index: number, to: number = text.length): number {
  BARE_AT.lastIndex = index;
  const m = BARE_AT.exec(text);
  return m === null ? 0 : Math.min(trimAddress(m[0]).length, to - index);
}

/** The URI for an address as typed: mailto: for e-mail, http:// for a bare www. host. */
export function uriOf(address: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(address)) return address;
  if (address.includes('@') && !address.includes('/')) return `mailto:${address}`;
  return `http://${address}`;
}

/** Trailing punctuation belongs to the sentence, not the address (as linkify does); ")" only when unbalanced. */
export function trimAddress(address: string): string {
  let end = address.length;
  const count = (text: string, ch: string): number => text.split(ch).length - 1;
  for (;;) {
    const last = address[end - 1];
    if (last === undefined) break;
    if (/[.,;:!?'"*_~<>]/.test(last)) end--;
    else if (last === ')' && count(address.slice(0, end), '(') < count(address.slice(0, end), ')')) end--;
    else break;
  }
  return address.slice(0, end);
}

/** Schemes a link may use; anything else (javascript:, file:, a bare file name) is refused. */
export function isAllowedLinkTarget(href: string): boolean {
  return /^(?:https?:\/\/[^\s]+|ftp:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(href);
}

/**
 * What the paper copy shows after a link's text so the address is not lost: the address, in
 * full-width parentheses; nothing when the text already is the address ("https://x.cn",
 * "x.cn", "a@b.cn").
 */
export function printedAddress(linkText: string, href: string): string | undefined {
  const shown = href.replace(/^mailto:/i, '');
  const bare = (s: string): string => s.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/$/, '').toLowerCase();
  return bare(linkText) === bare(shown) ? undefined : shown;
}

/** The parentheses around a printed address. */
export const ADDRESS_OPEN = '（';
export const ADDRESS_CLOSE = '）';
