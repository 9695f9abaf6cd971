import { t } from './messages';

/** Where in the editor's files a problem is: 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** One problem found in the editor's input. Errors stop the build; warnings do not. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly location: SourceLocation;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it, when there is something useful to say. */
  readonly hint?: string;
}

/**
 * A mistake in the editor's input (manifest, article, image, font). The CLI prints it without a
 * stack trace and exits 1; anything that is not a BulletinError is a bug of ours.
 */
export class BulletinError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** How many of the problems `check --fix` would correct (so the CLI can say so). */
  readonly fixable: number;

  constructor(diagnostics: readonly Diagnostic[], fixable = 0) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'BulletinError';
    this.diagnostics = diagnostics;
    this.fixable = fixable;
  }
}

/** Errors first, then warnings; each by file, line and column (how `check` reports, #8). */
export function errorsFirst(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0),
  );
}

/** Builds a BulletinError for a single problem. */
export function inputError(location: SourceLocation, message: string, hint?: string): BulletinError {
  return new BulletinError([
    hint === undefined
      ? { severity: 'error', location, message }
      : { severity: 'error', location, message, hint },
  ]);
}

/** Renders `file:line:col: message` (+ hint), the form editors and VS Code understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.location;
  const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  const prefix = d.severity === 'warning' ? t('warning: ', '警告：') : '';
  return `${where}: ${prefix}${d.message}${d.hint === undefined ? '' : `\n  ${t('hint: ', '提示：')}${d.hint}`}`;
}
