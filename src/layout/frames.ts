/**
 * The geometric check after layout (issue #8, REVIEW 8): on every page, every line of glyphs,
 * rule, dot and image lies inside its frame — the text block, the header band above it or the
 * footer band below it (each as wide as the text block), and nothing outside the trim — and the
 * two parts of a running head are at least 1 em apart. A violation is an error naming the
 * source of the text; a PDF with ink off its page is never written silently.
 */
import type { Diagnostic, SourceLocation } from '../errors';
import type { Phrase } from '../messages/phrases';
import { classify } from '../text/classes';
import { type PageStyle, textLeft } from './page-style';
import { type Described, outsideFrame, runningHeadCrowded } from './problems';
import type { Box, LaidOutIssue, Page } from './types';

/** Rounding in the layout's arithmetic; nothing a reader could see. */
const TOLERANCE = 0.05;

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The ink extent of a box (text: the union of its glyphs' em boxes), or undefined for links. */
export function inkRect(box: Box): Rect | undefined {
  switch (box.kind) {
    case 'text': {
      let left = Infinity;
      let right = -Infinity;
      let ascent = 0;
      let descent = 0;
      for (const run of box.runs) {
        if (run.ids.length === 0) continue;
        // A full-width opening mark has its ink in the right half of its em (its left blank may
        // be trimmed into the margin at line start, R12).
        const blank = classify(Array.from(run.texts[0] as string)[0] ?? '') === 'open' ? run.size / 2 : 0;
        left = Math.min(left, (run.xs[0] as number) + blank);
        right = Math.max(right, run.end);
        ascent = Math.max(ascent, run.size * 0.88);
        descent = Math.max(descent, run.size * 0.12);
      }
      if (left === Infinity) return undefined;
      return { left: box.x + left, right: box.x + right, top: box.y - ascent, bottom: box.y + descent };
    }
    case 'rule':
      return { left: Math.min(box.x1, box.x2), right: Math.max(box.x1, box.x2), top: Math.min(box.y1, box.y2) - box.thickness / 2, bottom: Math.max(box.y1, box.y2) + box.thickness / 2 };
    case 'dot':
      return { left: box.x - box.radius, right: box.x + box.radius, top: box.y - box.radius, bottom: box.y + box.radius };
    case 'image':
      return { left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height };
    case 'link':
      return undefined;
  }
}

/** How far `inner` sticks out of `outer` (0 when inside). */
function overshoot(inner: Rect, outer: Rect): number {
  return Math.max(0, outer.left - inner.left, inner.right - outer.right, outer.top - inner.top, inner.bottom - outer.bottom);
}

export interface FrameOptions {
  /** Hanging punctuation may stand this far past the right edge of the text block (R13). */
  readonly hang: number;
  /** Where text with no source of its own comes from (the cover: the series file). */
  readonly fallbackSource: SourceLocation;
}

/** Every violation on every page; one per source location and frame, the worst overshoot. */
export function checkFrames(issue: LaidOutIssue, style: PageStyle, options: FrameOptions): Diagnostic[] {
  const found = new Map<string, Diagnostic & { by: number }>();
  const report = (source: SourceLocation, key: string, by: number, make: () => Diagnostic) => {
    const id = `${source.file}:${source.line ?? ''}|${key}`;
    const known = found.get(id);
    if (!known || known.by < by) found.set(id, { ...make(), by });
  };
  issue.pages.forEach((page, index) => checkPage(page, index, style, options, report));
  return [...found.values()].map(({ by: _by, ...diagnostic }) => diagnostic);
}

type Report = (source: SourceLocation, key: string, by: number, make: () => Diagnostic) => void;

function checkPage(page: Page, index: number, style: PageStyle, options: FrameOptions, report: Report): void {
  const left = textLeft(style, index);
  const right = left + style.textWidth;
  const textBottom = style.textTop + style.linesPerPage * style.pitch;
  const trim: Rect = { left: 0, top: 0, right: style.pageWidth, bottom: style.pageHeight };
  const frames = {
    text: { left, right: right + options.hang, top: style.textTop, bottom: textBottom },
    head: { left, right, top: 0, bottom: style.textTop },
    foot: { left, right, top: textBottom, bottom: style.pageHeight },
    // The cover sets its masthead on the text block's width, from the top of the page.
    cover: { left, right, top: 0, bottom: style.pageHeight },
  };
  const names: Readonly<Record<string, Phrase>> = { text: 'frames.text-block', head: 'frames.header-band', foot: 'frames.footer-band', cover: 'frames.text-block' };
  for (const box of page.boxes) {
    const ink = inkRect(box);
    if (!ink) continue;
    const source = box.source ?? options.fallbackSource;
    const frame = box.band ?? (page.kind === 'cover' ? 'cover' : 'text');
    // The trim first: ink off the paper is the worst case, and reported as such.
    const offPaper = overshoot(ink, trim);
    if (offPaper > TOLERANCE) {
      report(source, 'trim', offPaper, () => outsideFrame(source, describe(box), 'frames.trimmed-page', page.label, offPaper));
      continue;
    }
    const by = overshoot(ink, frames[frame]);
    // The box is described (its text joined) only when it is reported: every line of every page is checked.
    if (by > TOLERANCE) report(source, frame, by, () => outsideFrame(source, describe(box), names[frame] ?? 'frames.text-block', page.label, by));
  }
  checkRunningHead(page, style, report, options.fallbackSource);
}

/** The two text parts of the header band are at least 1 em (of their size) apart. */
function checkRunningHead(page: Page, style: PageStyle, report: Report, fallback: SourceLocation): void {
  const parts = page.boxes
    .filter((box) => box.kind === 'text' && box.band === 'head')
    .map((box) => ({ box, ink: inkRect(box) }))
    .filter((p): p is { box: Box; ink: Rect } => p.ink !== undefined)
    .sort((a, b) => a.ink.left - b.ink.left);
  for (let k = 1; k < parts.length; k++) {
    const a = parts[k - 1] as { box: Box; ink: Rect };
    const b = parts[k] as { box: Box; ink: Rect };
    const gap = b.ink.left - a.ink.right;
    if (gap < style.sizes.header - TOLERANCE) {
      const source = b.box.source ?? a.box.source ?? fallback;
      report(source, 'running-head', style.sizes.header - gap, () => runningHeadCrowded(source, page.label, gap));
    }
  }
}

function describe(box: Box): Described {
  switch (box.kind) {
    case 'text': {
      const text = Array.from(box.runs.map((r) => r.texts.join('')).join(''));
      return { what: 'frames.line', excerpt: text.slice(0, 16).join('') + (text.length > 16 ? '…' : '') };
    }
    case 'image':
      return { what: 'frames.picture', excerpt: '' };
    case 'rule':
      return { what: 'frames.rule', excerpt: '' };
    default:
      return { what: 'frames.mark', excerpt: '' };
  }
}
