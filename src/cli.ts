/**
 * The command line: `bulletin build <issue>`, `bulletin check <issue>`, `bulletin preflight <pdf>`. Exit codes: 0 done,
 * 1 the editor's input has a problem (printed without a stack trace), 2 usage. A bug of ours
 * prints one line and leaves the stack trace in a log file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { type BuildResult, buildIssue } from './build';
import { BulletinError, type Diagnostic, diagnosticJson, formatDiagnostic } from './errors';
import { formatReport, preflightPdf } from './preflight/preflight';
import { render, say } from './messages';
import { installSignalHandlers } from './output';
import { PACKAGE_DIR } from './package-dir';
import { MAX_PDF_BYTES, readBytes } from './workspace';
import { fixIssue, formatFix } from './lint';
import { ProgressLine, stageName, summariseWarnings, timingLine } from './commands/build-report';
import { openInViewer } from './commands/open';
import { localiseHelp } from './commands/help-language';
import { locate, registerEditorCommands } from './commands/register';

const EXIT_INPUT = 1;
const EXIT_USAGE = 2;

interface CommandOptions {
  readonly json?: boolean;
  /** Apply the certain typography fixes to the Markdown files first (never without it: R4). */
  readonly fix?: boolean;
  /** Stage timings, typesetting statistics and every warning. */
  readonly verbose?: boolean;
  /** Open the e-mail copy in the default viewer after the build. */
  readonly open?: boolean;
}

/**
 * Runs the CLI with process.argv-style arguments. Resolves when the command has finished (its
 * exit code in process.exitCode), so the tests can run it in-process as well as in a child.
 */
export async function main(argv: readonly string[]): Promise<void> {
  installSignalHandlers();
  const program = new Command()
    .name('bulletin')
    .description(say('cli.help.program'))
    .version(readVersion(), '-V, --version', say('cli.help.option-version'))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  localiseHelp(program);

  // build and check take the same arguments; check writes nothing.
  const issueCommands = [
    { name: 'build', dryRun: false, description: say('cli.help.build') },
    { name: 'check', dryRun: true, description: say('cli.help.check') },
  ];
  for (const { name, dryRun, description } of issueCommands) {
    program
      .command(name)
      .argument('<issue>', say('cli.help.argument-issue'))
      .option('--json', say('cli.help.option-json'))
      .option('--fix', say('cli.help.option-fix'))
      .option('--verbose', say('cli.help.option-verbose'))
      .option('--open', say('cli.help.option-open'))
      .description(description)
      .action((issue: string, options: CommandOptions) => run(issue, options, dryRun));
  }

  registerEditorCommands(program, { fail: (err) => fail(err, {}) });

  program
    .command('preflight')
    .argument('<pdf>', say('cli.help.preflight-argument-pdf'))
    .option('--print', say('cli.help.preflight-option-print'))
    .option('--email', say('cli.help.preflight-option-email'))
    .description(say('cli.help.preflight'))
    .action((file: string, options: { print?: boolean; email?: boolean }) => preflight(file, options));

  try {
    await program.parseAsync(argv as string[]);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE);
    throw err;
  }
}

function preflight(file: string, options: { print?: boolean; email?: boolean }): Promise<void> {
  if (options.print && options.email) {
    process.stderr.write(say('cli.preflight-profile-required'));
    process.exitCode = EXIT_USAGE;
    return Promise.resolve();
  }
  let bytes: Buffer;
  try {
    // A regular file of bounded size: `bulletin preflight /dev/zero` or a FIFO hung.
    bytes = readBytes(file, { maxBytes: MAX_PDF_BYTES });
  } catch (err) {
    if (!(err instanceof BulletinError)) throw err;
    // A file that cannot be checked at all is a wrong argument (exit 2), as before; exit 1 means
    // the file was read and failed its checks.
    for (const d of err.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.exitCode = EXIT_USAGE;
    return Promise.resolve();
  }
  return preflightPdf(bytes, options.print ? 'print' : options.email ? 'email' : undefined)
    .then((report) => {
      process.stdout.write(formatReport(report));
      process.exitCode = report.passed ? 0 : EXIT_INPUT;
    })
    .catch(reportBug);
}

function run(issueArgument: string, options: CommandOptions, dryRun: boolean): Promise<void> {
  const started = process.hrtime.bigint();
  installSignalHandlers();
  // From any folder inside the project; `2024-03/` and `issues/2024-03` name the same issue.
  const { root, issue: resolved } = locate(issueArgument);
  const issue = resolved ?? issueArgument;
  const progress = new ProgressLine(process.stderr);
  const onStage = options.json
    ? undefined
    : ({ stage, ms }: { stage: string; ms: number }) => (options.verbose ? process.stdout.write(`${timingLine(stage, ms)}\n`) : progress.update(stageName(stage)));
  // --fix edits the articles and lists each change (on stderr with --json, so stdout stays JSON); the build then reads the fixed files.
  const fixed = options.fix ? fixIssue(root, issue).then((fixes) => fixes.forEach((f) => (options.json ? process.stderr : process.stdout).write(`${formatFix(f)}\n`))) : Promise.resolve();
  return fixed
    .then(() => buildIssue(root, issue, onStage ? { dryRun, onStage } : { dryRun }))
    .then(async (result) => {
      progress.clear();
      report(result, options, dryRun, Number(process.hrtime.bigint() - started) / 1e6, issue);
      process.exitCode = 0;
      const email = result.outputs.find((o) => o.target === 'email');
      if (options.open && email !== undefined) {
        const problem = await openInViewer(email.file);
        if (problem !== undefined) process.stderr.write(`${problem}\n`);
      }
    })
    .catch((err: unknown) => {
      progress.clear();
      fail(err, options);
    });
}

/** The one place a failed command ends: the editor's mistake exits 1, anything else is a bug. */
function fail(err: unknown, options: CommandOptions): void {
  if (err instanceof BulletinError) {
    printDiagnostics(err.diagnostics, options, err.fixable);
    process.exitCode = EXIT_INPUT;
    return;
  }
  reportBug(err);
}

function report(result: BuildResult, options: CommandOptions, dryRun: boolean, totalMs: number, issue: string): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, pages: result.pageCount, outputs: result.outputs, diagnostics: result.warnings.map(diagnosticJson) }, null, 2)}\n`);
    return;
  }
  const listAll = `bulletin check ${issue} --verbose`;
  for (const line of summariseWarnings(result.warnings, options.verbose === true, listAll)) process.stderr.write(`${line}\n`);
  for (const note of result.notes) process.stdout.write(`  ${render(note)}\n`);
  const s = result.layout.stats;
  // Typesetting statistics are for whoever tunes the layout, not for the month's build.
  if (options.verbose) process.stdout.write(
    say('cli.summary.typesetting', { lines: s.lines, pushIns: s.pushIns, pushOuts: s.pushOuts, maxExtraPerGap: s.maxExtraPerGap.toFixed(3), linesOverThreshold: s.linesOverThreshold, linesOverMeasure: s.linesOverMeasure }),
  );
  // The most spaced-out lines, by place and first characters: where rewording would help most.
  if (options.verbose) for (const w of s.worst.slice(0, 3)) process.stdout.write(`    ${w.where}: “${w.text}…” +${w.extraPerGap.toFixed(3)} em ${say('cli.summary.per-gap')}\n`);
  if (dryRun) {
    process.stdout.write(say('cli.summary.check-passed', { pageCount: result.pageCount, totalMs: totalMs.toFixed(0) }));
    process.stdout.write(`${countLine(result.warnings, result.fixable)}\n`);
    return;
  }
  for (const output of result.outputs) {
    const relative = path.relative(process.cwd(), output.file);
    process.stdout.write(say('cli.summary.file-written', { relative, pages: output.pages, bytes: (output.bytes / 1024).toFixed(0) }));
  }
  process.stdout.write(say('cli.summary.done', { totalMs: totalMs.toFixed(0) }));
}

function printDiagnostics(diagnostics: readonly Diagnostic[], options: CommandOptions, fixable: number): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: false, diagnostics: diagnostics.map(diagnosticJson) }, null, 2)}\n`);
    return;
  }
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(`${countLine(diagnostics, fixable, say('cli.summary.nothing-written'))}\n`);
}

/** The last line of a check: errors and warnings counted, and `check --fix` named when it would help (#8). */
function countLine(diagnostics: readonly Diagnostic[], fixable: number, outcome = ''): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const fix = fixable > 0 ? say('cli.summary.fixable', { fixable }) : '';
  return say('cli.summary.counts', { errors, warnings, outcome, fix });
}

/** A bug of ours: one line for the editor, the stack trace in a log file for us. */
function reportBug(err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  let log = say('cli.internal-error.no-log');
  try {
    // A new folder of our own with an unguessable name, and the file created exclusively: a
    // predictable /tmp path could be a link planted by another user.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-error-')), 'error.log');
    fs.writeFileSync(file, `bulletin ${readVersion()}\n${process.argv.join(' ')}\n\n${detail}\n`, { flag: 'wx', mode: 0o600 });
    log = file;
  } catch {
    // Even the log could not be written; the one line below still goes out.
  }
  process.stderr.write(say('cli.internal-error', { log }));
  process.exitCode = 70;
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
