import { type Message, render, say } from './messages';

/** Where in the editor's files a problem is: 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The manifest property concerned (`sections[1].title`), printed before the message. */
  readonly path?: string;
}

/**
 * One problem found in the editor's input. Errors stop the build; warnings do not. What is wrong
 * is a code and params (tests and `--json` rely on the code); the sentence comes from the catalog
 * when it is printed.
 */
export type Diagnostic = Message & {
  readonly severity: 'error' | 'warning';
  readonly location: SourceLocation;
  /** How to fix it, when there is something useful to say. */
  readonly hint?: Message;
};

/**
 * A mistake in the editor's input (manifest, article, image, font). The CLI prints it without a
 * stack trace and exits 1; anything that is not a BulletinError is a bug of ours.
 */
export class BulletinError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** How many of the problems `check --fix` would correct (so the CLI can say so). */
  readonly fixable: number;

  constructor(diagnostics: readonly Diagnostic[], fixable = 0) {
    super();
    // Worded when read, so that it follows the language of the moment like the CLI's output.
    Object.defineProperty(this, 'message', { get: () => diagnostics.map(formatDiagnostic).join('\n'), configurable: true });
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
export function inputError(location: SourceLocation, message: Message, hint?: Message): BulletinError {
  return new BulletinError([hint === undefined ? { severity: 'error', location, ...message } : { severity: 'error', location, ...message, hint }]);
}

/** A diagnostic as `--json` prints it: the code and params for scripts, the wording for people. */
export function diagnosticJson(d: Diagnostic): object {
  const worded = { code: d.code, severity: d.severity, location: d.location, params: d.params, message: render(d) };
  return d.hint === undefined ? worded : { ...worded, hint: render(d.hint) };
}

/** Renders `file:line:col: message` (+ hint), the form editors and VS Code understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.location;
  const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  const prefix = d.severity === 'warning' ? say('diagnostic.warning-prefix') : '';
  const subject = d.location.path === undefined ? '' : `${d.location.path}: `;
  return `${where}: ${prefix}${subject}${render(d)}${d.hint === undefined ? '' : `\n  ${say('diagnostic.hint-prefix')}${render(d.hint)}`}`;
}
