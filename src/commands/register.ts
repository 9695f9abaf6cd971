/**
 * The editor's month beyond build and check: `new`, `import`, `watch`, `fonts`. Each command's
 * work lives in its own module; this file only declares arguments and options and hands the
 * outcome to the CLI's one failure handler (exit codes stay in cli.ts).
 */
import type { Command } from 'commander';
import { t } from '../messages';
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
    .argument('[issue]', t('folder name of the new issue (default: the month after the latest issue)', '新一期的文件夹名（默认：最新一期的下个月）'))
    .description(t('start the next issue from the latest one (number, date, editor, sections)', '根据最新一期新建下一期（期号、日期、编辑、栏目）'))
    .action((issue: string | undefined) =>
      attempt(() => {
        const root = findProjectRoot(process.cwd());
        process.stdout.write(formatNewIssue(createNextIssue(root, issue?.replace(/[\\/]+$/, '').split(/[\\/]/).pop())));
      }),
    );

  program
    .command('import')
    .argument('<files...>', t('.docx, WeChat .html (saved with its _files folder) or .txt files', '.docx、微信文章 .html（连同 _files 文件夹保存）或 .txt 文件'))
    .requiredOption('--issue <issue>', t('the issue to add the articles to, e.g. 2024-03', '文章加入的那一期，如 2024-03'))
    .option('--section <title>', t('section title in issue.yaml (default: the first section)', 'issue.yaml 中的栏目名（默认：第一个栏目）'))
    .description(t('bring articles in as Markdown and list them in issue.yaml', '把文章转成 Markdown 并列入 issue.yaml'))
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
    .argument('[issue]', t('issue folder under issues/, e.g. 2024-02 (default: the folder you are in)', 'issues/ 下的期号目录，如 2024-02（默认：当前所在的一期）'))
    .option('--open', t('open the preview in the browser', '在浏览器中打开预览'))
    .option('--port <port>', t('port on 127.0.0.1 (default: a free one)', '127.0.0.1 上的端口（默认：任一空闲端口）'))
    .description(t('rebuild on every change and show the e-mail copy in a browser preview', '每次修改后重新排版，并在浏览器预览中显示电子版'))
    .action((issueArg: string | undefined, options: { open?: boolean; port?: string }) =>
      attempt(async () => {
        const { root, issue } = locate(issueArg);
        const id = issue ?? issueArg ?? listIssues(root).pop() ?? '';
        await watchCommand().watchIssue(root, id, { open: options.open === true, port: options.port === undefined ? 0 : Number(options.port), onBug: hooks.fail });
      }),
    );

  program
    .command('fonts')
    .argument('[issue]', t('issue whose characters to check (default: the latest)', '要检查字符的一期（默认：最新一期）'))
    .description(t("list the fonts, what each covers, and the issue's characters that no font has", '列出字体及其覆盖范围，以及本期中没有任何字体包含的字符'))
    .action((issueArg: string | undefined) =>
      attempt(async () => {
        const { root, issue } = locate(issueArg);
        const id = issue ?? issueArg ?? listIssues(root).pop() ?? '';
        process.stdout.write(formatFontReport(id, await fontReport(root, id)));
      }),
    );
}
