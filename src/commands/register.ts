/**
 * The editor's month beyond build and check: `new`, `import`, `watch`, `fonts`. Each command's
 * work lives in its own module; this file only declares arguments and options and hands the
 * outcome to the CLI's one failure handler (exit codes stay in cli.ts).
 */
import type { Command } from 'commander';
import { say } from '../messages';
import { findProjectRoot, listIssues, resolveIssueId } from '../project';
import { fontReport, formatFontReport } from './fonts';
import { createNextIssue, formatNewIssue } from './new';

// `import` (mammoth, parse5, jszip) and `watch` (the preview server, pdf.js) are loaded when their
// command runs: a build never needs them, and requiring mammoth and parse5 alone takes 0.18 s on
// this machine (measured with node -e under light load), paid by every command before.
const importCommand = (): typeof import('./import') => require('./import') as typeof import('./import');
const watchCommand = (): typeof import('./watch') => require('./watch') as typeof import('./watch');

export interface CommandHooks {
  /** Reports a failure: a BulletinError exits 1 with its diagnostics, anything else is a bug. */
  readonly fail: (err: unknown) => void;
}

/** Where the project is and which issue an argument means, from the current folder. */
export function locate(argument: string | undefined): { root: string; issue: string | undefined } {
  const root = findProjectRoot(process.cwd());
  return { root, issue: resolveIssueId(root, process.cwd(), argument) };
}

export function registerEditorCommands(program: Command, hooks: CommandHooks): void {
  // Resolves when the command is done, its failure reported (main awaits it).
  const attempt = (work: () => Promise<void> | void): Promise<void> =>
    Promise.resolve()
      .then(work)
      .catch(hooks.fail);

  program
    .command('new')
    .argument('[issue]', say('cli.help.new-argument-issue'))
    .description(say('cli.help.new'))
    .action((issue: string | undefined) =>
      attempt(() => {
        const root = findProjectRoot(process.cwd());
        process.stdout.write(formatNewIssue(createNextIssue(root, issue?.replace(/[\\/]+$/, '').split(/[\\/]/).pop())));
      }),
    );

  program
    .command('import')
    .argument('<files...>', say('cli.help.import-argument-files'))
    .requiredOption('--issue <issue>', say('cli.help.import-option-issue'))
    .option('--section <title>', say('cli.help.import-option-section'))
    .description(say('cli.help.import'))
    .action((files: string[], options: { issue: string; section?: string }) =>
      attempt(async () => {
        const { root, issue } = locate(options.issue);
        const { importArticles, formatImport } = importCommand();
        const result = await importArticles(root, issue ?? options.issue, files, options.section === undefined ? {} : { section: options.section });
        process.stdout.write(formatImport(result));
      }),
    );

  program
    .command('watch')
    .argument('[issue]', say('cli.help.watch-argument-issue'))
    .option('--open', say('cli.help.watch-option-open'))
    .option('--port <port>', say('cli.help.watch-option-port'))
    .description(say('cli.help.watch'))
    .action((issueArg: string | undefined, options: { open?: boolean; port?: string }) =>
      attempt(async () => {
        const { root, issue } = locate(issueArg);
        const id = issue ?? issueArg ?? listIssues(root).pop() ?? '';
        await watchCommand().watchIssue(root, id, { open: options.open === true, port: options.port === undefined ? 0 : Number(options.port), onBug: hooks.fail });
      }),
    );

  program
    .command('fonts')
    .argument('[issue]', say('cli.help.fonts-argument-issue'))
    .description(say('cli.help.fonts'))
    .action((issueArg: string | undefined) =>
      attempt(async () => {
        const { root, issue } = locate(issueArg);
        const id = issue ?? issueArg ?? listIssues(root).pop() ?? '';
        process.stdout.write(formatFontReport(id, await fontReport(root, id)));
      }),
    );
}
