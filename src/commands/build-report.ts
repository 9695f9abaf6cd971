/**
 * What a build prints, kept to what the editor needs: problems first — repeated warnings of one
 * kind summarised after the first few, with the command that lists them all —, then the files
 * written. Stage timings only under --verbose; on a terminal, a progress line for builds that
 * take more than a second (cleared before the report).
 */
import { type Diagnostic, formatDiagnostic } from '../errors';
import { say } from '../messages';

/** Warnings of one kind shown before the rest are counted. */
export const WARNINGS_SHOWN_PER_KIND = 3;

/** The kind of a warning: its code (instances differ only in their params). */
export function warningKind(d: Diagnostic): string {
  return d.code;
}

/** The lines to print for `warnings`: every one with `all`, else the first few of each kind. */
export function summariseWarnings(warnings: readonly Diagnostic[], all: boolean, listAllCommand: string): string[] {
  if (all) return warnings.map(formatDiagnostic);
  const byKind = new Map<string, Diagnostic[]>();
  for (const w of warnings) {
    const kind = warningKind(w);
    const list = byKind.get(kind) ?? [];
    list.push(w);
    byKind.set(kind, list);
  }
  const lines: string[] = [];
  let hidden = 0;
  for (const w of warnings) {
    const list = byKind.get(warningKind(w)) ?? [];
    const index = list.indexOf(w);
    if (index < WARNINGS_SHOWN_PER_KIND) lines.push(formatDiagnostic(w));
    if (index === WARNINGS_SHOWN_PER_KIND) {
      const more = list.length - WARNINGS_SHOWN_PER_KIND;
      hidden += more;
      lines.push(say('report.more-like-this', { more }));
    }
  }
  if (hidden > 0) lines.push(say('report.warnings-hidden', { hidden, listAllCommand }));
  return lines;
}

/** A one-line "building… stage" on a terminal, shown once the build has run for a second. */
export class ProgressLine {
  private shown = false;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream, private readonly delayMs = 1000) {}

  /** Called as each stage finishes, with the name of the one that finished. */
  update(stage: string): void {
    if (!this.stream.isTTY || Date.now() - this.started < this.delayMs) return;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    this.stream.write(`\r\x1b[2K${say('report.progress.stage-done', { stage, seconds })}`);
    this.shown = true;
  }

  /** Removes the line, so the report starts on a clean line. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** One `--verbose` timing line; Chinese names are padded by their width on a terminal (2 columns each). */
export function timingLine(stage: string, ms: number): string {
  const name = stageName(stage);
  const width = [...name].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return `  ${name}${' '.repeat(Math.max(1, 20 - width))}${ms.toFixed(0).padStart(5)} ms`;
}

/** The stage name in the editor's language (build.ts names stages in English). */
export function stageName(stage: string): string {
  return say('report.stage', { stage });
}
