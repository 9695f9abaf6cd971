/**
 * Every sentence bulletin prints, by code, in English and Chinese. A message is a code and its
 * params; the wording is looked up when it is printed, in the language of that moment (LANG may
 * change between a throw and a print, and tests switch it), never at import.
 */
import { en } from './messages/en';
import { zh } from './messages/zh';

export type Language = 'en' | 'zh';

/** Chinese when the locale starts with zh; POSIX order: LC_ALL over LC_MESSAGES over LANG. */
export function language(): Language {
  const locale = process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A code of the catalog; dotted, lowercase, never reused for another meaning. */
export type Code = keyof typeof en;

/** No params: `{}` in JSON, and no second argument to `message`. */
export type NoParams = Readonly<Record<string, never>>;

/** The params of a code, as its English entry declares them. */
export type Params<C extends Code> = Parameters<(typeof en)[C]> extends [infer P] ? P : NoParams;

/** A language's wording of every code: the compiler refuses a missing code or other params. */
export type Catalog = { readonly [C in Code]: (p: Params<C>) => string };

/** One message, not yet worded: what `--json` prints beside the rendered text. */
export type Message = { [C in Code]: { readonly code: C; readonly params: Params<C> } }[Code];

type ParamArgs<C extends Code> = Params<C> extends NoParams ? [] : [Params<C>];

const catalogs: Readonly<Record<Language, Catalog>> = { en, zh };

/** The message `code` with its params (worded later, by `render`). */
export function message<C extends Code>(code: C, ...params: ParamArgs<C>): { readonly code: C; readonly params: Params<C> } {
  return { code, params: (params[0] ?? {}) as Params<C> };
}

/** The wording of a message in `lang` (by default the language of this moment). */
export function render(m: Message, lang: Language = language()): string {
  const entry = catalogs[lang][m.code] as (p: unknown) => string;
  // String(): an entry that returns a param as it is gets blank params from `blankParams`.
  return String(entry(m.params));
}

/** The wording of `code` now: for text printed as soon as it is made (help, summaries). */
export function say<C extends Code>(code: C, ...params: ParamArgs<C>): string {
  return render(message(code, ...params) as Message);
}

/** Every code, in catalog order (for `bulletin explain` and the README table). */
export function allCodes(): Code[] {
  return Object.keys(en) as Code[];
}

/**
 * Params that word themselves as their names (`{file}`), whatever the entry does with them (join
 * a list, format a number, test for ''): the catalog's sentences with their blanks, for the README
 * table of codes and the test that every entry of both catalogs can be worded.
 */
export function blankParams(): never {
  const blank = (name: string) => {
    const text = `{${name}}`;
    return Object.assign([text], { toString: () => text, toFixed: () => text, toLocaleString: () => text });
  };
  return new Proxy({}, { get: (_, name) => blank(String(name)) }) as never;
}

/** The README table: every code with its English and Chinese wording, params as {name}. */
export function codeTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = allCodes().map((code) => {
    const blanks = { code, params: blankParams() } as Message;
    return `| \`${code}\` | ${cell(render(blanks, 'en'))} | ${cell(render(blanks, 'zh'))} |`;
  });
  return ['| code | English | 中文 |', '| --- | --- | --- |', ...rows].join('\n');
}
