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
import { BulletinError, type Diagnostic, formatDiagnostic } from './errors';
import { formatReport, preflightPdf } from './preflight/preflight';
import { t } from './messages';
import { installSignalHandlers } from './output';
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
    .description(t('Typesets a Chinese committee bulletin into print-ready PDF', '把委员会简报排成可付印的 PDF'))
    .version(readVersion(), '-V, --version', t('output the version number', '显示版本号'))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  localiseHelp(program);

  // build and check take the same arguments; check writes nothing.
  const issueCommands = [
    { name: 'build', dryRun: false, description: t('validate, typeset and write the PDFs to out/<issue>/', '校验、排版并把 PDF 写入 out/<issue>/') },
    { name: 'check', dryRun: true, description: t('validate and typeset everything, write nothing', '完整校验与排版，但不写文件') },
  ];
  for (const { name, dryRun, description } of issueCommands) {
    program
      .command(name)
      .argument('<issue>', t('issue folder under issues/, e.g. 2024-02', 'issues/ 下的期号目录，如 2024-02'))
      .option('--json', t('print diagnostics as JSON', '以 JSON 输出诊断信息'))
      .option('--fix', t('first apply the automatic typography fixes to the Markdown files and list them', '先对 Markdown 文件自动修正排版问题，并列出修改'))
      .option('--verbose', t('also print stage timings, typesetting statistics and every warning', '同时输出各阶段用时、排版统计和全部警告'))
      .option('--open', t('open the e-mail copy in the default PDF viewer afterwards', '完成后用默认 PDF 查看程序打开电子版'))
      .description(description)
      .action((issue: string, options: CommandOptions) => run(issue, options, dryRun));
  }

  registerEditorCommands(program, { fail: (err) => fail(err, {}) });

  program
    .command('preflight')
    .argument('<pdf>', t('PDF file to check (ours or any other)', '要检查的 PDF 文件（本工具或其他工具生成）'))
    .option('--print', t('check as a PDF/X-4 press file', '按 PDF/X-4 印刷文件检查'))
    .option('--email', t('check as an e-mail copy (PDF/A-2a, PDF/UA-1)', '按电子版（PDF/A-2a、PDF/UA-1）检查'))
    .description(t('check a PDF and print a pass/fail report (exit 0 pass, 1 fail)', '检查 PDF 并输出通过/不通过报告（通过退出码 0，不通过 1）'))
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
    process.stderr.write(t('choose one of --print and --email\n', '--print 与 --email 只能选一个\n'));
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
    process.stdout.write(`${JSON.stringify({ ok: true, pages: result.pageCount, outputs: result.outputs, diagnostics: result.warnings }, null, 2)}\n`);
    return;
  }
  const listAll = `bulletin check ${issue} --verbose`;
  for (const line of summariseWarnings(result.warnings, options.verbose === true, listAll)) process.stderr.write(`${line}\n`);
  for (const note of result.notes) process.stdout.write(`  ${note}\n`);
  const s = result.layout.stats;
  // Typesetting statistics are for whoever tunes the layout, not for the month's build.
  if (options.verbose) process.stdout.write(
    t(
      `  typesetting: ${s.lines} lines, ${s.pushIns} push-ins, ${s.pushOuts} push-outs, largest extra space ${s.maxExtraPerGap.toFixed(3)} em per gap, ${s.linesOverThreshold} lines over 0.5 em, ${s.linesOverMeasure} lines wider than the measure\n`,
      `  排版：${s.lines} 行，挤进 ${s.pushIns} 行，推出 ${s.pushOuts} 行，最大字间加宽 ${s.maxExtraPerGap.toFixed(3)} em，超过 0.5 em 的 ${s.linesOverThreshold} 行，超出版心宽度的 ${s.linesOverMeasure} 行\n`,
    ),
  );
  // The most spaced-out lines, by place and first characters: where rewording would help most.
  if (options.verbose) for (const w of s.worst.slice(0, 3)) process.stdout.write(`    ${w.where}: “${w.text}…” +${w.extraPerGap.toFixed(3)} em ${t('per gap', '字间')}\n`);
  if (dryRun) {
    process.stdout.write(t(`check passed: ${result.pageCount} pages, nothing written (${totalMs.toFixed(0)} ms)\n`, `检查通过：共 ${result.pageCount} 页，未写文件（${totalMs.toFixed(0)} ms）\n`));
    process.stdout.write(`${countLine(result.warnings, result.fixable)}\n`);
    return;
  }
  for (const output of result.outputs) {
    const relative = path.relative(process.cwd(), output.file);
    process.stdout.write(t(`${relative}  ${output.pages} pages  ${(output.bytes / 1024).toFixed(0)} KB\n`, `${relative}  ${output.pages} 页  ${(output.bytes / 1024).toFixed(0)} KB\n`));
  }
  process.stdout.write(t(`done in ${totalMs.toFixed(0)} ms\n`, `完成，用时 ${totalMs.toFixed(0)} ms\n`));
}

function printDiagnostics(diagnostics: readonly Diagnostic[], options: CommandOptions, fixable: number): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: false, diagnostics }, null, 2)}\n`);
    return;
  }
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(`${countLine(diagnostics, fixable, t('; nothing was written', '；未写任何文件'))}\n`);
}

/** The last line of a check: errors and warnings counted, and `check --fix` named when it would help (#8). */
function countLine(diagnostics: readonly Diagnostic[], fixable: number, outcome = ''): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const fix = fixable > 0 ? t(`; \`bulletin check --fix\` corrects ${fixable} of them`, `；\`bulletin check --fix\` 可自动修正其中 ${fixable} 处`) : '';
  return t(`${errors} error(s), ${warnings} warning(s)${outcome}${fix}`, `${errors} 个错误，${warnings} 个警告${outcome}${fix}`);
}

/** A bug of ours: one line for the editor, the stack trace in a log file for us. */
function reportBug(err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  let log = t('(no log: the temporary folder is not writable)', '（无日志：临时文件夹不可写）');
  try {
    // A new folder of our own with an unguessable name, and the file created exclusively: a
    // predictable /tmp path could be a link planted by another user.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-error-')), 'error.log');
    fs.writeFileSync(file, `bulletin ${readVersion()}\n${process.argv.join(' ')}\n\n${detail}\n`, { flag: 'wx', mode: 0o600 });
    log = file;
  } catch {
    // Even the log could not be written; the one line below still goes out.
  }
  process.stderr.write(t(`internal error in bulletin (not your input's fault); please report it with ${log}\n`, `bulletin 内部错误（不是输入内容的问题）；请附上 ${log} 报告此问题\n`));
  process.exitCode = 70;
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
