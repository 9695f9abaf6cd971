/**
 * What a build prints, kept to what the editor needs: problems first — repeated warnings of one
 * kind summarised after the first few, with the command that lists them all —, then the files
 * written. Stage timings only under --verbose; on a terminal, a progress line for builds that
 * take more than a second (cleared before the report).
 */
import { type Diagnostic, formatDiagnostic } from '../errors';
import { t } from '../messages';

/** Warnings of one kind shown before the rest are counted. */
export const WARNINGS_SHOWN_PER_KIND = 3;

/**
 * The kind of a warning: its message with the parts that differ between instances (quoted
 * text, numbers, code points, paths) taken out. Diagnostics carry no code yet.
 */
export function warningKind(d: Diagnostic): string {
  return d.message.replace(/“[^”]*”|"[^"]*"|‘[^’]*’|「[^」]*」|《[^》]*》|U\+[0-9A-F]{4,6}|\S+\.(?:md|yaml|jpe?g|png)\b|\d+(?:\.\d+)?/g, '…');
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
      lines.push(t(`  … and ${more} more warning(s) like this`, `  ……另有 ${more} 条同类警告`));
    }
  }
  if (hidden > 0) lines.push(t(`${hidden} warning(s) not shown; all of them: ${listAllCommand}`, `有 ${hidden} 条警告未显示；查看全部：${listAllCommand}`));
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
    this.stream.write(`\r\x1b[2K${t(`building… ${stage} done (${seconds} s)`, `正在排版……${stage} 完成（${seconds} 秒）`)}`);
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
  return t(stage, STAGE_ZH[stage] ?? stage);
}

const STAGE_ZH: Readonly<Record<string, string>> = {
  'read and validate': '读取与校验',
  lint: '排版检查',
  fonts: '载入字体',
  'glyph coverage': '字形覆盖检查',
  images: '读取图片',
  typeset: '排版',
  'print settings': '印刷设置',
  'images (e-mail)': '准备电子版图片',
  'images (print)': '准备印刷版图片',
  'render e-mail': '生成电子版',
  'preflight e-mail': '电子版预检',
  'render print': '生成印刷版',
  'preflight print': '印刷版预检',
  write: '写入文件',
};
