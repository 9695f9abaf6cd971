/**
 * Commander's own words — the help frame and its usage errors — in the editor's language. Set
 * on the program before any command is added, so every command inherits them.
 */
import type { Command } from 'commander';
import { language, say } from '../messages';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

// Commander's error sentences, by their fixed parts; the quoted names stay as they are.
const ERRORS: readonly [RegExp, string][] = [
  [/^error: missing required argument '(.+)'/, "错误：缺少必需的参数 '$1'"],
  [/^error: required option '(.+)' not specified/, "错误：必须给出选项 '$1'"],
  [/^error: option '(.+)' argument missing/, "错误：选项 '$1' 缺少取值"],
  [/^error: unknown option '(.+)'/, "错误：未知选项 '$1'"],
  [/^error: unknown command '(.+)'/, "错误：未知命令 '$1'"],
  [/^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\./, "错误：命令 '$1' 的参数过多，应为 $2 个，实际 $3 个。"],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, '错误：参数过多，应为 $1 个，实际 $2 个。'],
  [/\(Did you mean one of (.+)\?\)/, '（您是否想输入其中之一：$1？）'],
  [/\(Did you mean (.+)\?\)/, '（您是否想输入 $1？）'],
];

export function translateCommanderError(message: string): string {
  return ERRORS.reduce((text, [pattern, zh]) => text.replace(pattern, zh), message);
}

/** Applies the editor's language to `program`'s help and errors (nothing to do in English). */
export function localiseHelp(program: Command): Command {
  program.helpOption('-h, --help', say('help.option-help'));
  program.helpCommand('help [command]', say('help.option-help'));
  if (language() !== 'zh') return program;
  program.configureHelp({ styleTitle: (title: string) => TITLES[title] ?? title });
  program.configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) });
  return program;
}
