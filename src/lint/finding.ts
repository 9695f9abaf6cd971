/**
 * A problem one rule found in one segment, before it is turned into a Diagnostic with a file
 * position. Positions are indices into the segment's visible text, so the rules never deal with
 * Markdown syntax or line numbers.
 */
import { type Message, message } from '../messages';
import type { Segment } from './segments';

export type LintRule = 'R4' | 'R16' | 'R23' | 'R24';

export interface Finding {
  readonly rule: LintRule;
  /** U+FFFD is an error: the text is damaged and no fix can know what was meant. */
  readonly severity: 'error' | 'warning';
  /** The characters concerned: segment.text[at, at + length). */
  readonly at: number;
  readonly length: number;
  /** Where to point the editor, when not at `at` (a fix that also eats a space before the mark). */
  readonly focus?: number;
  /** What replaces the characters, only when that is certainly right; otherwise the editor decides. */
  readonly replacement?: string;
  /** What is wrong (its code is the diagnostic's code). */
  readonly message: Message;
  readonly hint?: Message;
  /** A normalisation `--fix` applies without a warning: nothing is wrong with the text as typed. */
  readonly quiet?: boolean;
}

/** A segment rule: every problem of one kind in one segment. */
export type SegmentRule = (segment: Segment) => Finding[];

/** Text in a message, quoted so that a quote mark inside stays readable: "(" but '"'. */
export function show(text: string): string {
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}

/** The hint of a fixable finding: `replace "(" with "（"`. */
export function replaceHint(from: string, to: string): Message {
  return to === '' ? message('lint.fix-remove', { from: show(from) }) : message('lint.fix-replace', { from: show(from), to: show(to) });
}

/** A warning whose fix replaces `from` (at `at`) with `to`; the hint says so. */
export function fixable(rule: LintRule, at: number, from: string, to: string, message: Message, focus?: number): Finding {
  const finding = { rule, severity: 'warning' as const, at, length: from.length, replacement: to, message, hint: replaceHint(from, to) };
  return focus === undefined || focus === at ? finding : { ...finding, focus };
}

/** A change `--fix` makes without warning (the text prints the same either way). */
export function normalisation(rule: LintRule, at: number, from: string, to: string, message: Message): Finding {
  return { rule, severity: 'warning', at, length: from.length, replacement: to, message, quiet: true };
}

/** A warning the editor must resolve by hand. */
export function warnOnly(rule: LintRule, at: number, length: number, message: Message, hint: Message): Finding {
  return { rule, severity: 'warning', at, length, message, hint };
}

/**
 * Every match of a global regular expression in the segment's text. By `exec` from index 0, on
 * the rule's own pattern: `matchAll` made a copy of the pattern and an iterator for each of the
 * twelve rules on each segment (15 MB of bench-600's lint, which mostly finds nothing). Safe to
 * share: the loop runs to the end before anyone else uses the pattern.
 */
export function matches(segment: Segment, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new Error(`lint pattern ${re.source} must be global`);
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(segment.text); m !== null; m = re.exec(segment.text)) {
    // An empty match would be found again at the same place, for ever.
    if (m[0] === '') throw new Error(`lint pattern ${re.source} matched empty text`);
    found.push(m);
  }
  return found;
}

