/**
 * Runs every rule over one article file and turns the findings into Diagnostics at exact
 * `file:line:column` positions (front matter lines included; columns count characters, as the
 * rest of bulletin does), each with the edit that fixes it when the fix is certain.
 */
import type { Diagnostic, SourceLocation } from '../errors';
import { offsetLocator } from '../characters';
import type { Finding, SegmentRule } from './finding';
import { asciiParentheses, asciiStops } from './rules/r4-ascii';
import { radicals, replacementCharacters, spacesBetweenHan } from './rules/r4-characters';
import { asciiFullStop, invisibleCharacters, joinedLines, unmatchedEmphasis } from './rules/r4-paste';
import { asciiSequences } from './rules/r4-sequences';
import { unbalanced } from './rules/r23-balance';
import { documentNumberBrackets, straightQuotes } from './rules/r23-quotes';
import { dashes } from './rules/r24-dashes';
import { fullWidthDigits } from './rules/r16-digits';
import { segmentsOf, wholeFile, type Segment } from './segments';

/** The rules over the visible text; unbalanced brackets run after them, on their fixed text. */
const RULES: readonly SegmentRule[] = [asciiStops, asciiParentheses, asciiSequences, asciiFullStop, radicals, spacesBetweenHan, documentNumberBrackets, straightQuotes, dashes, fullWidthDigits, unmatchedEmphasis, joinedLines];

/** An edit to the source text: replace [start, end) (UTF-16 offsets) by `to`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly from: string;
  readonly to: string;
  readonly location: SourceLocation;
}

export interface LintedFile {
  /** Sorted by position. */
  readonly diagnostics: Diagnostic[];
  /** The certain fixes, sorted and non-overlapping. */
  readonly edits: Edit[];
}

/** Lints one article; `source` is the file's text without its BOM, `file` its name in messages. */
export function lintArticle(file: string, source: string): LintedFile {
  const locate = offsetLocator(source, file);
  const located: { diagnostic?: Diagnostic; offset: number; edit?: Edit }[] = [];
  const add = (segment: Segment, f: Finding): void => {
    const offset = segment.starts[f.focus ?? f.at] as number;
    const location = locate(offset);
    const diagnostic: Diagnostic = f.hint === undefined ? { severity: f.severity, location, ...f.message } : { severity: f.severity, location, ...f.message, hint: f.hint };
    // A zero-length finding inserts its replacement before the character at `at`.
    const range = f.replacement === undefined ? undefined : f.length === 0 ? insertionPoint(segment, f.at) : sourceRange(segment, f.at, f.length);
    const edit = range && f.replacement !== undefined ? { ...range, from: source.slice(range.start, range.end), to: f.replacement, location } : undefined;
    // A quiet normalisation is an edit for --fix and no warning.
    const shown = f.quiet === true ? {} : { diagnostic };
    located.push(edit === undefined ? { ...shown, offset } : { ...shown, offset, edit });
  };
  for (const segment of segmentsOf(source)) {
    const findings = RULES.flatMap((rule) => rule(segment));
    for (const f of [...findings, ...unbalanced(segment, findings)]) add(segment, f);
  }
  const file_ = wholeFile(source);
  for (const f of [...replacementCharacters(file_), ...invisibleCharacters(file_)]) add(file_, f);

  located.sort((a, b) => a.offset - b.offset);
  const edits: Edit[] = [];
  for (const { edit } of located) {
    const previous = edits[edits.length - 1];
    // Two fixes of the same characters would conflict; the second waits for the next run.
    if (edit !== undefined && (previous === undefined || edit.start >= previous.end)) edits.push(edit);
  }
  return { diagnostics: located.flatMap((l) => (l.diagnostic === undefined ? [] : [l.diagnostic])), edits };
}

/** Applies edits (sorted, non-overlapping, as lintArticle returns them) to the text. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = '';
  let k = 0;
  for (const edit of edits) {
    out += source.slice(k, edit.start) + edit.to;
    k = edit.end;
  }
  return out + source.slice(k);
}

// The source range of visible text [at, at + length), or undefined when Markdown syntax lies in
// between (e.g. "..**.**"): replacing it would also delete the syntax. Characters the document
// stage adds (a line join, a list label: empty source ranges) are taken along, as they stand for nothing.
function sourceRange(segment: Segment, at: number, length: number): { start: number; end: number } | undefined {
  const real: number[] = [];
  for (let k = at; k < at + length; k++) if (segment.starts[k] !== segment.ends[k]) real.push(k);
  for (let r = 0; r + 1 < real.length; r++) if (segment.ends[real[r] as number] !== segment.starts[real[r + 1] as number]) return undefined;
  const first = real[0];
  const last = real[real.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const start = segment.starts[first];
  const end = segment.ends[last];
  return start === undefined || end === undefined ? undefined : { start, end };
}

function insertionPoint(segment: Segment, at: number): { start: number; end: number } | undefined {
  const start = segment.starts[at];
  return start === undefined ? undefined : { start, end: start };
}

