/**
 * What layout tells the editor: every problem the layout engine meets becomes a Diagnostic with
 * the source location of the text it concerns (REVIEW 8: none is computed and dropped). The
 * messages live here, in one place, so the stages only say what happened and where.
 */
import type { Diagnostic, SourceLocation } from '../errors';
import { t } from '../messages';

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
    const key = `${diagnostic.severity}|${file}:${line ?? ''}:${column ?? ''}|${diagnostic.message}`;
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
    message: t(`“${clip(text)}” (${Array.from(text).length} characters, no break point) is wider than the line and was broken between characters`, `“${clip(text)}”（${Array.from(text).length} 个字符，无可断行处）超过行宽，已在字符之间断行`),
    hint: t('if it is a number, group its digits (1 234 567) or shorten it; if it is an address, check it is typed whole', '如为长数字，可分节书写或缩短；如为网址或路径，请确认其完整无误'),
  };
}

/** A block that pagination could not fit on one page (it is set anyway, and runs off the page). */
export function tallerThanPage(source: SourceLocation, what: string): Diagnostic {
  return {
    severity: 'error',
    location: source,
    message: t(`${what} is taller than a page and would run off it`, `${what}超过一页的高度，会超出版面`),
    hint: t('shorten it, or split it into several paragraphs', '请缩短，或拆分为几段'),
  };
}

/** A keep-together chain (heading with its first lines, a long title) longer than a page: split. */
export function keepChainTooTall(source: SourceLocation): Diagnostic {
  return {
    severity: 'warning',
    location: source,
    message: t('a heading or title and the lines that must stay with it are taller than a page; they were split across pages', '标题及须与其同页的行超过一页的高度，已跨页拆开'),
    hint: t('shorten the heading or title', '请缩短标题'),
  };
}

/** A title of more than `max` lines. */
export function longTitle(source: SourceLocation, lines: number, max: number): Diagnostic {
  return {
    severity: 'warning',
    location: source,
    message: t(`the title is set on ${lines} lines (more than ${max})`, `标题排成 ${lines} 行（超过 ${max} 行）`),
    hint: t('shorten the title; put the rest in a subtitle (front matter `subtitle:`)', '请缩短标题，其余内容可放入副标题（front matter 的 subtitle:）'),
  };
}

/** A running head or TOC text shortened at a phrase boundary to fit its side of the head. */
export function shortenedRunningHead(source: SourceLocation, title: string, shortened: string): Diagnostic {
  return {
    severity: 'warning',
    location: source,
    message: t(`the title “${clip(title)}” is too long for the running head; it prints as “${shortened}”`, `标题“${clip(title)}”过长，页眉中印作“${shortened}”`),
    hint: t('set `runningHead:` in the front matter to choose the short title yourself', '可在 front matter 中设置 runningHead: 自行指定页眉短标题'),
  };
}

/** A running head that cannot be made to fit even shortened. */
export function runningHeadTooLong(source: SourceLocation, title: string): Diagnostic {
  return {
    severity: 'error',
    location: source,
    message: t(`the running head “${clip(title)}” does not fit beside the publication's running head`, `页眉“${clip(title)}”与刊名页眉放不下`),
    hint: t('set a shorter `runningHead:` in the front matter', '请在 front matter 中设置更短的 runningHead:'),
  };
}

/** Ink outside the frame it belongs in (found by the geometric check after layout). */
export function outsideFrame(source: SourceLocation, what: string, frame: string, page: string, by: number): Diagnostic {
  return {
    severity: 'error',
    location: source,
    message: t(`${what} on page ${page} lies ${by.toFixed(1)} pt outside the ${frame}`, `第 ${page} 页的${what}超出${frame} ${by.toFixed(1)} pt`),
    hint: t('shorten the text, or break it where a reader would expect', '请缩短文字，或在合适处断开'),
  };
}

/** Two parts of a running head closer than 1 em (or overlapping). */
export function runningHeadCrowded(source: SourceLocation, page: string, gap: number): Diagnostic {
  return {
    severity: 'error',
    location: source,
    message: t(`the running head on page ${page} has its two parts ${gap.toFixed(1)} pt apart (at least 1 em needed)`, `第 ${page} 页页眉两部分相距 ${gap.toFixed(1)} pt（至少需 1 字）`),
    hint: t('set a shorter `runningHead:` in the front matter', '请在 front matter 中设置更短的 runningHead:'),
  };
}
