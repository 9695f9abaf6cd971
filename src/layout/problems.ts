/**
 * What layout tells the editor: every problem the layout engine meets becomes a Diagnostic with
 * the source location of the text it concerns (REVIEW 8: none is computed and dropped). The
 * messages live here, in one place, so the stages only say what happened and where.
 */
import type { Diagnostic, SourceLocation } from '../errors';
import { message } from '../messages';
import type { Phrase } from '../messages/phrases';

/**
 * A character no font of the set has, found where the font is chosen (at shaping): the source
 * of the text it is in, and which occurrence of the character in that text it is (the build
 * turns that into the character's own line and column, layout/coverage.ts).
 */
export interface MissingGlyph {
  readonly ch: string;
  /** The font that was to set it (the role's face). */
  readonly font: string;
  readonly source: SourceLocation;
  /** How many times `ch` occurs in the text before this one. */
  readonly occurrence: number;
}

/** Collects layout diagnostics, each (message, place) once: layout sets some texts twice. */
export class LayoutProblems {
  private readonly seen = new Set<string>();
  readonly list: Diagnostic[] = [];
  readonly missing: MissingGlyph[] = [];
  private readonly seenMissing = new Set<string>();

  /** Everything another collector holds (an article set earlier and cached). */
  addAll(other: LayoutProblems): void {
    for (const d of other.list) this.add(d);
    for (const m of other.missing) this.missingGlyph(m);
  }

  missingGlyph(m: MissingGlyph): void {
    const key = `${m.ch}|${m.source.file}:${m.source.line ?? ''}:${m.source.column ?? ''}|${m.occurrence}`;
    if (this.seenMissing.has(key)) return;
    this.seenMissing.add(key);
    this.missing.push(m);
  }

  add(diagnostic: Diagnostic): void {
    const { file, line, column } = diagnostic.location;
    const key = `${diagnostic.severity}|${file}:${line ?? ''}:${column ?? ''}|${diagnostic.code}|${JSON.stringify(diagnostic.params)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(diagnostic);
  }
}

const clip = (text: string, max = 24): string => (Array.from(text).length > max ? `${Array.from(text).slice(0, max).join('')}…` : text);

/** A Latin run with no break point wider than the line, cut between characters (R5's last resort). */
export function lastResortBreak(text: string, source: SourceLocation): Diagnostic {
  return {
    severity: 'warning',
    location: source,
    ...message('layout.unbreakable-text', { text: clip(text), textCount: Array.from(text).length }),
    hint: message('layout.unbreakable-text.hint'),
  };
}

/** What a box is, for a message: a phrase and, for a line, its first characters. */
export interface Described {
  readonly what: Phrase;
  readonly excerpt: string;
}

/** A block that pagination could not fit on one page (it is set anyway, and runs off the page). */
export function tallerThanPage(source: SourceLocation): Diagnostic {
  return {
    severity: 'error',
    location: source,
    ...message('layout.block-taller-than-page'),
    hint: message('layout.block-taller-than-page.hint'),
  };
}

/** A keep-together chain (heading with its first lines, a long title) longer than a page: split. */
export function keepChainTooTall(source: SourceLocation): Diagnostic {
  return {
    severity: 'warning',
    location: source,
    ...message('layout.keep-with-next-taller-than-page'),
    hint: message('layout.keep-with-next-taller-than-page.hint'),
  };
}

/** A title of more than `max` lines. */
export function longTitle(source: SourceLocation, lines: number, max: number): Diagnostic {
  return {
    severity: 'warning',
    location: source,
    ...message('layout.title-too-many-lines', { lines, max }),
    hint: message('layout.title-too-many-lines.hint'),
  };
}

/** A running head or TOC text shortened at a phrase boundary to fit its side of the head. */
export function shortenedRunningHead(source: SourceLocation, title: string, shortened: string): Diagnostic {
  return {
    severity: 'warning',
    location: source,
    ...message('layout.title-too-long-for-running-head', { title: clip(title), shortened }),
    hint: message('layout.title-too-long-for-running-head.hint'),
  };
}

/** A running head that cannot be made to fit even shortened. */
export function runningHeadTooLong(source: SourceLocation, title: string): Diagnostic {
  return {
    severity: 'error',
    location: source,
    ...message('layout.running-head-too-long', { title: clip(title) }),
    hint: message('layout.set-shorter-running-head'),
  };
}

/** Ink outside the frame it belongs in (found by the geometric check after layout). */
export function outsideFrame(source: SourceLocation, what: Described, frame: Phrase, page: string, by: number): Diagnostic {
  return {
    severity: 'error',
    location: source,
    ...message('frames.outside-frame', { ...what, page, by: by.toFixed(1), frame }),
    hint: message('frames.outside-frame.hint'),
  };
}

/** Two parts of a running head closer than 1 em (or overlapping). */
export function runningHeadCrowded(source: SourceLocation, page: string, gap: number): Diagnostic {
  return {
    severity: 'error',
    location: source,
    ...message('layout.running-head-parts-too-close', { page, gap: gap.toFixed(1) }),
    hint: message('layout.set-shorter-running-head'),
  };
}
