/**
 * Characters that must never reach the PDF: control characters (NUL, BEL, ESC, U+0001 …, the C1
 * range), non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF …) and lone surrogates. They are
 * invisible in an editor, come from pasting out of other programs, and would end up in the PDF's
 * text layer. One list, used for the YAML files and for the articles, typed or written as a
 * numeric character reference (`&#7;`).
 */
import type { Diagnostic, SourceLocation } from './errors';
import { message } from './messages';

/** At most this many characters are reported per file; the rest are counted in the last message. */
const MAX_REPORTED = 20;

const C0_NAMES: Readonly<Record<number, string>> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x1b: 'ESC', 0x7f: 'DEL' };

/** Why a character may not appear: its kind, and a control character's name (NUL, ESC …) or ''. */
export interface ForbiddenReason {
  readonly reason: 'control' | 'surrogate' | 'non-character' | 'beyond-unicode' | 'nul';
  readonly name: string;
}

/** Why `cp` may not appear in the editor's text, or undefined when it may (tab, line ends and every printable character). */
export function forbiddenReason(cp: number): ForbiddenReason | undefined {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return undefined;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f)) return { reason: 'control', name: C0_NAMES[cp] ?? '' };
  if (cp >= 0xd800 && cp <= 0xdfff) return { reason: 'surrogate', name: '' };
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return { reason: 'non-character', name: '' };
  if (cp > 0x10ffff) return { reason: 'beyond-unicode', name: '' };
  return undefined;
}

/** "U+0007", "U+10FFFF". */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** FORBIDDEN without the global flag: a test that keeps no lastIndex. */
const ANY_FORBIDDEN = new RegExp(FORBIDDEN.source);

/**
 * One error per forbidden character in `text` (at most `limit`, then a count), each at the
 * location `at(offset)` gives for its UTF-16 offset.
 */
export function forbiddenCharacterDiagnostics(text: string, at: (offset: number) => SourceLocation, limit = MAX_REPORTED): Diagnostic[] {
  // Nearly every text (each article, each YAML value) has none: one test, no copy of the
  // pattern and no iterator as matchAll makes.
  if (!ANY_FORBIDDEN.test(text)) return [];
  const found: Diagnostic[] = [];
  let count = 0;
  for (const match of text.matchAll(FORBIDDEN)) {
    count++;
    if (count > limit) continue;
    const cp = match[0].codePointAt(0) ?? 0;
    found.push({
      severity: 'error',
      location: at(match.index ?? 0),
      ...message('characters.forbidden-character', { codePoint: codePointName(cp), ...(forbiddenReason(cp) ?? { reason: 'control', name: '' }) }),
      hint: message('characters.forbidden-character.hint'),
    });
  }
  if (count > limit) found.push(moreNotShown(found[found.length - 1]?.location, count - limit));
  return found;
}

function moreNotShown(location: SourceLocation | undefined, more: number): Diagnostic {
  return {
    severity: 'error',
    location: location ?? { file: '' },
    ...message('characters.more-forbidden-characters', { more }),
  };
}

/**
 * Numeric character references (`&#7;`, `&#x1B;`, `&#0;`, `&#x110000;`) that name a forbidden
 * character: Markdown would silently turn them into U+FFFD, reported later as a character missing
 * from the font at the start of the line. Reported here as the entity typed, where it was typed.
 */
export function forbiddenEntityDiagnostics(text: string, at: (offset: number) => SourceLocation, limit = MAX_REPORTED): Diagnostic[] {
  // A numeric reference starts with "&#": most texts have none.
  if (!text.includes('&#')) return [];
  const found: Diagnostic[] = [];
  let count = 0;
  for (const match of text.matchAll(/&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));/g)) {
    const cp = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
    const reason: ForbiddenReason | undefined = cp === 0 ? { reason: 'nul', name: '' } : forbiddenReason(cp);
    if (reason === undefined) continue;
    count++;
    if (count > limit) continue;
    found.push({
      severity: 'error',
      location: at(match.index ?? 0),
      ...message('characters.entity-not-printable', { entity: match[0], codePoint: cp > 0x10ffff ? '' : codePointName(cp), ...reason }),
      hint: message('characters.entity-not-printable.hint'),
    });
  }
  if (count > limit) found.push(moreNotShown(found[found.length - 1]?.location, count - limit));
  return found;
}

/**
 * Turns UTF-16 offsets of `text` into 1-based line and column (in code points), for `file`. The
 * line starts are found on the first question: most articles have nothing to report.
 */
export function offsetLocator(text: string, file: string, lineOffset = 0): (offset: number) => SourceLocation {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = starts[low] ?? 0;
    return { file, line: low + 1 + lineOffset, column: Array.from(text.slice(lineStart, offset)).length + 1 };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
