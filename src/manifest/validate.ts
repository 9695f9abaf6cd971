/**
 * Schema validation of the parsed manifests (the only module that imports ajv). Every violation
 * is reported, each at the line and column where the editor has to change something.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
// Types only at the top: ajv itself (and ajv-i18n) are loaded on first need, since a build
// normally runs the validators generated at install time and never needs the compiler.
import type { default as AjvClass, ErrorObject, Options as AjvOptions, ValidateFunction } from 'ajv';
import { BulletinError, type Diagnostic } from '../errors';
import { type Message, message } from '../messages';
import { PACKAGE_DIR } from '../package-dir';
import { readTextSync } from '../workspace';
import { formatPath, type JsonPath, type ParsedYaml } from './parse';
import type { ArticleFrontMatter, IssueManifest, SeriesManifest } from './types';

type SchemaName = 'series' | 'issue' | 'article';

/** Folder of the JSON schemas; the same path from src (tests), dist/ and the bundle. */
export const SCHEMA_DIR = path.join(PACKAGE_DIR, 'schemas');

const SCHEMA_NAMES: readonly SchemaName[] = ['series', 'issue', 'article'];
const AJV_OPTIONS: AjvOptions = { allErrors: true, strict: true, verbose: true };

/**
 * Standalone validators (ajv's code generation), written by `npm run prepare` into dist/ — never
 * committed. Compiling the three schemas with ajv took ~60 ms and loading ajv ~20 ms on every
 * run; the generated code is the same code ajv.compile would produce. The same path from
 * src (tests), dist/ and the bundle.
 */
const GENERATED_DIR = path.join(PACKAGE_DIR, 'dist', 'validators');

const compiled = new Map<SchemaName, ValidateFunction>();
let ajv: AjvClass | undefined;

function loadAjv(): typeof AjvClass {
  return (require('ajv') as { default: typeof AjvClass }).default;
}

function schemaDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function validator(name: SchemaName): ValidateFunction {
  const cached = compiled.get(name);
  if (cached !== undefined) return cached;
  const file = path.join(SCHEMA_DIR, `${name}.schema.json`);
  const text = readTextSync(file);
  // The generated validator is used only if it was made from this very schema text; otherwise
  // (schema edited since install, or never generated) compile as before.
  let fn = generatedValidator(name, schemaDigest(text));
  if (fn === undefined) {
    ajv ??= new (loadAjv())(AJV_OPTIONS);
    fn = ajv.compile(JSON.parse(text) as object);
  }
  compiled.set(name, fn);
  return fn;
}

/**
 * The generated validators by literal paths (the same from src/ and dist/, both one folder below
 * the package), so that the bundle carries them and they are compiled from its code cache like
 * the rest: required from dist/validators at run time, the 150 kB were parsed and compiled on
 * every run (~10 ms of CPU, series.js alone 7–11 ms).
 */
const GENERATED: Readonly<Record<SchemaName, () => unknown>> = {
  series: () => require('../../dist/validators/series.js'),
  issue: () => require('../../dist/validators/issue.js'),
  article: () => require('../../dist/validators/article.js'),
};

function generatedValidator(name: SchemaName, digest: string): ValidateFunction | undefined {
  let fn: ValidateFunction & { schemaDigest?: string };
  try {
    fn = GENERATED[name]() as ValidateFunction & { schemaDigest?: string };
  } catch {
    // Never generated (`npm run build` writes them).
    return undefined;
  }
  return fn.schemaDigest === digest ? fn : undefined;
}

/** `npm run prepare`: writes dist/validators/<name>.js with ajv's standalone code for each schema. */
export function writeStandaloneValidators(): void {
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: AjvClass, fn: ValidateFunction) => string }).default;
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  for (const name of SCHEMA_NAMES) {
    const text = readTextSync(path.join(SCHEMA_DIR, `${name}.schema.json`));
    const generator = new (loadAjv())({ ...AJV_OPTIONS, code: { source: true } });
    const code = standalone(generator, generator.compile(JSON.parse(text) as object));
    fs.writeFileSync(path.join(GENERATED_DIR, `${name}.js`), `${code}\nmodule.exports.schemaDigest = ${JSON.stringify(schemaDigest(text))};\n`);
  }
}

/** Checks series.yaml against schemas/series.schema.json and returns it typed. */
export function validateSeries(parsed: ParsedYaml): SeriesManifest {
  return check<SeriesManifest>('series', parsed);
}

/** Checks issue.yaml against schemas/issue.schema.json (and that its date exists). */
export function validateIssue(parsed: ParsedYaml): IssueManifest {
  return check<IssueManifest>('issue', parsed, ['date']);
}

/** Checks an article's front matter against schemas/article.schema.json (and its date). */
export function validateFrontMatter(parsed: ParsedYaml): ArticleFrontMatter {
  return check<ArticleFrontMatter>('article', parsed, ['date']);
}

function check<T>(name: SchemaName, parsed: ParsedYaml, dateKeys: readonly string[] = []): T {
  const validate = validator(name);
  const diagnostics: Diagnostic[] = [];
  if (!validate(parsed.value)) diagnostics.push(...describeErrors(validate.errors ?? [], parsed));
  diagnostics.push(...checkDates(parsed, dateKeys, diagnostics));
  if (diagnostics.length > 0) throw new BulletinError(sortByPosition(diagnostics));
  return parsed.value as T;
}

// The schemas only check the YYYY-MM-DD shape; 2024-02-30 must not reach the PDF's date.
function checkDates(parsed: ParsedYaml, keys: readonly string[], already: readonly Diagnostic[]): Diagnostic[] {
  const value = parsed.value;
  if (value === null || typeof value !== 'object') return [];
  const found: Diagnostic[] = [];
  for (const key of keys) {
    const text = (value as Record<string, unknown>)[key];
    if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDate(text)) continue;
    const location = parsed.locate([key]);
    if (already.some((d) => d.location.line === location.line && d.location.column === location.column)) continue;
    found.push({
      severity: 'error',
      location,
      ...message('manifest.not-a-calendar-date', { key, text }),
    });
  }
  return found;
}

/** True when YYYY-MM-DD names a real day (no 2024-02-30, no month 13). */
export function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1000;
}

function describeErrors(errors: readonly ErrorObject[], parsed: ParsedYaml): Diagnostic[] {
  // anyOf/oneOf also report why each branch failed; the summary of the whole is enough.
  const branches = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  let kept = errors.filter((e) => e.keyword !== 'if' && !branches.some((prefix) => e.schemaPath.startsWith(prefix)));
  // A value of the wrong type fails its other checks too; the type is what to fix first.
  const wrongType = new Set(kept.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  kept = kept.filter((e) => e.keyword === 'type' || e.keyword === 'required' || e.keyword === 'additionalProperties' || !wrongType.has(e.instancePath));
  kept = capUnknownProperties(kept);
  // "unknown titel, did you mean title?" already says that title is missing.
  const misspelt = new Set(
    kept
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => `${e.instancePath}/${String(didYouMean(String(e.params['additionalProperty']), knownProperties(e)))}`),
  );
  kept = kept.filter((e) => !(e.keyword === 'required' && misspelt.has(`${e.instancePath}/${String(e.params['missingProperty'])}`)));
  // "" is both too short and blank; "must not be empty" says it.
  const empty = new Set(kept.filter((e) => e.keyword === 'minLength').map((e) => e.instancePath));
  kept = kept.filter((e) => !(e.keyword === 'pattern' && e.params['pattern'] === '\\S' && empty.has(e.instancePath)));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of kept) {
    const d = describe(error, parsed);
    const key = `${d.location.line}:${d.location.column}:${d.code}:${JSON.stringify(d.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** Unknown properties reported one by one per mapping; beyond that, one line with the count. */
const MAX_UNKNOWN_REPORTED = 50;
const overflowSummaries = new WeakMap<ErrorObject, number>();

// A file of 100,000 stray keys gets 50 messages and "… and 99,950 more", not 100,000 lines.
function capUnknownProperties(errors: ErrorObject[]): ErrorObject[] {
  const perMapping = new Map<string, number>();
  const kept: ErrorObject[] = [];
  let summary: ErrorObject | undefined;
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') {
      kept.push(error);
      continue;
    }
    const n = (perMapping.get(error.instancePath) ?? 0) + 1;
    perMapping.set(error.instancePath, n);
    if (n <= MAX_UNKNOWN_REPORTED) kept.push(error);
    else if (n === MAX_UNKNOWN_REPORTED + 1) {
      summary = { ...error, keyword: 'unknownPropertiesNotShown' };
      kept.push(summary);
    }
    if (summary !== undefined && n > MAX_UNKNOWN_REPORTED) overflowSummaries.set(summary, n - MAX_UNKNOWN_REPORTED);
  }
  return kept;
}

function describe(error: ErrorObject, parsed: ParsedYaml): Diagnostic {
  const where = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  // The location names the property too (`sections[1].title: …`), so the message need not.
  const plain = (what: Message, hint?: Message, at: 'value' | 'key' = 'value', locPath: JsonPath = where): Diagnostic => {
    const location = { ...parsed.locate(locPath, at), ...(where.length === 0 ? {} : { path: formatPath(where) }) };
    const base = { severity: 'error' as const, location, ...what };
    return hint === undefined ? base : { ...base, hint };
  };
  const example = examplesHint(schema);
  switch (error.keyword) {
    case 'required': {
      const name = String(params['missingProperty']);
      return plain(message('manifest.missing-required-property', { name }));
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const known = knownProperties(error);
      const guess = didYouMean(name, known);
      const hint =
        guess !== undefined
          ? message('manifest.did-you-mean', { guess })
          : message('manifest.allowed-here', { known });
      return plain(message('manifest.unknown-property', { name }), hint, 'key', [...where, name]);
    }
    case 'unknownPropertiesNotShown': {
      const more = overflowSummaries.get(error) ?? 0;
      const name = String(params['additionalProperty']);
      return plain(
        message('manifest.more-unknown-properties', { more }),
        message('manifest.allowed-here', { known: knownProperties(error) }),
        'key',
        [...where, name],
      );
    }
    case 'type':
      return plain(mustBeType(params['type']), example);
    case 'pattern':
      // "\S": a title of only spaces would print as nothing (and vanish from the TOC).
      if (params['pattern'] === '\\S') return plain(message('manifest.blank'), example);
      return plain(message('manifest.pattern-mismatch', { pattern: String(params['pattern']) }), example);
    case 'enum': {
      const allowed = ((params['allowedValues'] ?? []) as unknown[]).map(String);
      return plain(message('manifest.not-one-of', { allowed }));
    }
    case 'const':
      return plain(message('manifest.not-the-constant', { value: JSON.stringify(params['allowedValue']) }));
    case 'minLength':
      return params['limit'] === 1
        ? plain(message('manifest.empty'), example)
        : plain(message('manifest.too-short', { limit: Number(params['limit']) }));
    case 'maxLength':
      return plain(message('manifest.too-long', { limit: Number(params['limit']) }));
    case 'minItems':
      return params['limit'] === 1
        ? plain(message('manifest.empty-list'), example)
        : plain(message('manifest.too-few-items', { limit: Number(params['limit']) }));
    case 'maxItems':
      return plain(message('manifest.too-many-items', { limit: Number(params['limit']) }));
    case 'uniqueItems': {
      const [first, second] = [Number(params['i']), Number(params['j'])].sort((a, b) => a - b) as [number, number];
      const duplicate = message('manifest.duplicate-item', { first: first + 1, second: second + 1 });
      return plain(duplicate, undefined, 'value', [...where, second]);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const cmp = String(params['comparison']);
      return plain(message('manifest.out-of-range', { cmp, limit: Number(params['limit']) }), example);
    }
    case 'anyOf':
    case 'oneOf': {
      const description = schema['description'];
      return typeof description !== 'string'
        ? plain(message('manifest.invalid-value'), example)
        : plain(message('manifest.invalid-value-detail', { description }), example);
    }
    default:
      return plain(fallbackMessage(error), example);
  }
}

function knownProperties(error: ErrorObject): string[] {
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  return Object.keys((schema['properties'] ?? {}) as object);
}

function mustBeType(type: unknown): Message {
  return message('manifest.wrong-type', { types: (Array.isArray(type) ? type : String(type).split(',')).map(String) });
}

// Only keywords we do not word ourselves reach here: ajv's words, in both languages (ajv-i18n
// loaded then), so that the message can still be printed in either.
function fallbackMessage(error: ErrorObject): Message {
  const copy = [{ ...error }];
  (require('ajv-i18n') as { zh: (errors: ErrorObject[]) => void }).zh(copy);
  const en = error.message ?? error.keyword;
  return message('manifest.schema-other', { en, zh: copy[0]?.message ?? en });
}

function examplesHint(schema: Record<string, unknown>): Message | undefined {
  const examples = schema['examples'];
  if (!Array.isArray(examples) || examples.length === 0) return undefined;
  const shown = examples.slice(0, 3).map((e) => JSON.stringify(e)).join(', ');
  return message('manifest.for-example', { shown });
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The closest known name to a misspelt one, if it is close enough to be a likely typo. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = norm(candidate) === norm(name) ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(name.length, 3) * 0.4));
  return bestDistance <= allowed ? best : undefined;
}

// Optimal string alignment distance: a swapped pair of letters ("titel") counts as one edit.
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  const at = (i: number, j: number) => (rows[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

/** Sorts diagnostics by file, line and column (unknown positions first). */
export function sortByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0),
  );
}
