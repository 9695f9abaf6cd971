/**
 * The editor's text patterns in series.yaml (`templates:`), compiled with Handlebars in strict
 * mode: a misspelt {{field}} is an error naming the template, not an empty string in the PDF.
 */
import type HandlebarsNamespace from 'handlebars';
// Handlebars' own single-file build of the same package (compiler and runtime), not its
// CommonJS tree: ~10 ms instead of ~25 ms to load on every run.
const Handlebars = require('handlebars/dist/handlebars.js') as typeof HandlebarsNamespace;
import { BulletinError, inputError, type SourceLocation } from '../errors';
import { t } from '../messages';

/** A compiled template: fills the fields and returns the text. */
export type Template = (fields: Readonly<Record<string, string | number>>) => string;

// A private environment, so no helper registered elsewhere changes what templates can do.
const handlebars = Handlebars.create();
// {{log}} would write to the terminal while building.
handlebars.unregisterHelper('log');

/**
 * Compiles the template `templates.<name>` written at `location`; syntax errors are reported at
 * once, missing fields when the template is filled in.
 */
export function compileTemplate(name: string, source: string, location: SourceLocation): Template {
  const where = `templates.${name}`;
  try {
    handlebars.parse(source);
  } catch (err) {
    throw inputError(location, t(`${where}: the template is not valid: ${firstLine(err)}`, `${where}：模板写法有误：${firstLine(err)}`), fieldsHint());
  }
  const render = handlebars.compile(source, { noEscape: true, strict: true });
  return (fields) => {
    try {
      return render(fields);
    } catch (err) {
      if (err instanceof BulletinError) throw err;
      const missing = /^"([^"]+)" not defined/.exec(firstLine(err))?.[1];
      const known = Object.keys(fields).map((k) => `{{${k}}}`).join(' ');
      if (missing !== undefined) {
        throw inputError(
          location,
          t(`${where}: unknown field {{${missing}}}`, `${where}：未知字段 {{${missing}}}`),
          t(`fields available here: ${known}`, `此处可用的字段：${known}`),
        );
      }
      throw inputError(location, t(`${where}: the template cannot be filled in: ${firstLine(err)}`, `${where}：模板无法填写：${firstLine(err)}`));
    }
  };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

function fieldsHint(): string {
  return t('write fields as {{name}}, e.g. "{{year}}年第{{number}}期"', '字段写作 {{名称}}，例如 "{{year}}年第{{number}}期"');
}
