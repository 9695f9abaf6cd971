/**
 * The editor's text patterns in series.yaml (`templates:`), compiled with Handlebars in strict
 * mode: a misspelt {{field}} is an error naming the template, not an empty string in the PDF.
 */
import type HandlebarsNamespace from 'handlebars';
// Handlebars' own single-file build of the same package (compiler and runtime), not its
// CommonJS tree: ~10 ms instead of ~25 ms to load on every run.
const Handlebars = require('handlebars/dist/handlebars.js') as typeof HandlebarsNamespace;
import { BulletinError, inputError, type SourceLocation } from '../errors';
import { type Message, message } from '../messages';
import type { Phrase } from '../messages/phrases';

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
  // Handlebars prints a backslash-escaped {{…}} as literal braces: a refused helper written
  // `\{{lookup …}}` would print as text instead of being refused. No template needs the braces.
  if (source.includes('\\{{')) {
    throw inputError(
      location,
      message('document.template-escaped-braces', { where }),
      message('document.template-escaped-braces.hint'),
    );
  }
  let program: hbs.AST.Program;
  try {
    program = handlebars.parse(source);
  } catch (err) {
    throw inputError(location, message('document.template-invalid', { where, err: firstLine(err) }), fieldsHint());
  }
  const conditions = checkedConditions(program, where, location);
  const render = handlebars.compile(source, { noEscape: true, strict: true });
  return (fields) => {
    const known = () => Object.keys(fields).map((k) => `{{${k}}}`).join(' ');
    const unknown = (missing: string) =>
      inputError(location, message('document.template-unknown-field', { where, missing }), message('document.template-unknown-field.hint', { fields: known() }));
    // Strict mode checks {{field}} but not the name tested by {{#if}}: a misspelt one was just false.
    const misspelt = conditions.find((c) => !Object.prototype.hasOwnProperty.call(fields, c));
    if (misspelt !== undefined) throw unknown(misspelt);
    let text: string;
    try {
      text = render(fields);
    } catch (err) {
      if (err instanceof BulletinError) throw err;
      const missing = /^"([^"]+)" not defined/.exec(firstLine(err))?.[1];
      if (missing !== undefined) throw unknown(missing);
      throw inputError(location, message('document.template-fill-failed', { where, err: firstLine(err) }));
    }
    if (text.length > MAX_TEMPLATE_OUTPUT_CHARS) {
      throw inputError(
        location,
        message('document.template-output-too-long', { where, length: text.length, limit: MAX_TEMPLATE_OUTPUT_CHARS }),
        message('document.template-output-too-long.hint'),
      );
    }
    return text;
  };
}

/** Longest text a template may produce: each is one short line (a running head, a folio, a file name). */
export const MAX_TEMPLATE_OUTPUT_CHARS = 500;

/** Block helpers a template may use: the two that test a field; `with`, `each`, `lookup` could hide one. */
const ALLOWED_BLOCKS = new Set(['if', 'unless']);

/**
 * Refuses what could make a field vanish without an error — `{{#with}}`, `{{#each}}`, `lookup`,
 * partials, `../` and `this` paths, sub-expressions — and returns the field names that `if` and
 * `unless` test, to be checked against the fields when the template is filled in.
 */
function checkedConditions(program: hbs.AST.Program, where: string, location: SourceLocation): string[] {
  const conditions: string[] = [];
  const refuse = (what: Phrase | string): never => {
    throw inputError(
      location,
      message('document.template-construct-not-allowed', { where, what }),
      message('document.template-allowed-constructs'),
    );
  };
  const refuseBlock = (block: string): never => {
    throw inputError(location, message('document.template-block-needs-one-field', { where, block }), message('document.template-allowed-constructs'));
  };
  const plainName = (node: hbs.AST.Node): string => {
    if (node.type !== 'PathExpression') return refuse(node.type === 'SubExpression' ? 'document.sub-expression' : 'document.literal-value');
    const p = node as hbs.AST.PathExpression;
    if (p.data || p.depth > 0 || p.parts.length !== 1 || p.original.startsWith('this') || p.original.includes('/')) return refuse(`{{${p.original}}}`);
    return p.parts[0]!;
  };
  const walk = (nodes: readonly hbs.AST.Statement[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'ContentStatement':
        case 'CommentStatement':
          break;
        case 'MustacheStatement': {
          const m = node as hbs.AST.MustacheStatement;
          if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0) refuse(`{{${(m.path as hbs.AST.PathExpression).original ?? ''} …}}`);
          plainName(m.path);
          break;
        }
        case 'BlockStatement': {
          const b = node as hbs.AST.BlockStatement;
          const helper = (b.path as hbs.AST.PathExpression).original;
          if (!ALLOWED_BLOCKS.has(helper)) refuse(`{{#${helper}}}`);
          if (b.params.length !== 1 || (b.hash?.pairs.length ?? 0) > 0) refuseBlock(`{{#${helper}}}`);
          conditions.push(plainName(b.params[0]!));
          walk(b.program.body);
          if (b.inverse) walk(b.inverse.body);
          break;
        }
        default:
          refuse(node.type === 'PartialStatement' || node.type === 'PartialBlockStatement' ? 'document.partial' : node.type);
      }
    }
  };
  walk(program.body);
  return conditions;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

function fieldsHint(): Message {
  return message('document.template-field-syntax');
}
