/**
 * YAML parsing with positions: the only module that imports `yaml`. Keeps the document's node
 * ranges so a JSON path (from a schema violation) maps back to the editor's line and column.
 */
import { Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { forbiddenCharacterDiagnostics } from '../characters';
import { BulletinError, type Diagnostic, type SourceLocation } from '../errors';
import { type Message, message } from '../messages';

/** A JSON path into a parsed value: property names and array indexes. */
export type JsonPath = readonly (string | number)[];

/** A parsed YAML file: its plain value and a way to find where a path is written. */
export interface ParsedYaml {
  readonly file: string;
  readonly value: unknown;
  /** Non-fatal problems (e.g. unknown tags). */
  readonly warnings: readonly Diagnostic[];
  /**
   * Where `path` is written: the value node, or with `at: 'key'` the key of the last step; for a
   * path that does not exist, the deepest existing node (the parent mapping of a missing key).
   */
  locate(path: JsonPath, at?: 'value' | 'key'): SourceLocation;
}

/** Options for parseYamlFile. */
export interface ParseOptions {
  /** Lines before the YAML text in its file (front matter starts after the `---` line). */
  readonly lineOffset?: number;
}

// An alias bomb expands a few lines into gigabytes; real manifests need no more than a handful.
const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of mappings and lists; a manifest is 5 levels deep. */
export const MAX_YAML_DEPTH = 32;
/** Longest single value, in characters (UTF-16 units); a template or a title is under 200. */
export const MAX_YAML_SCALAR_CHARS = 10_000;
/** Most keys in one file; the sample's largest file has under 100. */
export const MAX_YAML_KEYS = 20_000;
/** Most values in a file once every alias is written out (so 99 aliases of a long list are counted in full). */
export const MAX_YAML_EXPANDED_VALUES = 500_000;

/** Parses one YAML document; syntax errors, duplicate keys and alias abuse throw a BulletinError. */
export function parseYamlFile(text: string, file: string, options: ParseOptions = {}): ParsedYaml {
  const lineOffset = options.lineOffset ?? 0;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Counted on the lines before parsing: yaml takes seconds for 100,000 keys, this a few ms.
  const keyLine = lineOfKeyOverLimit(source);
  if (keyLine !== undefined) throw new BulletinError([tooManyKeys({ file, line: keyLine + lineOffset, column: 1 }, MAX_YAML_KEYS + 1)]);
  const lineCounter = new LineCounter();
  // uniqueKeys: false — yaml's own check compares each key with every earlier one (N² for N keys); checkKeys does it with a set.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(Math.max(0, Math.min(offset, source.length)));
    return { file, line: pos.line + lineOffset, column: pos.col };
  };

  // Control characters typed (or pasted) into the file itself, each where it is.
  const typed = forbiddenCharacterDiagnostics(source, (offset) => at(offset));
  if (typed.length > 0) throw new BulletinError(typed);
  // The parser gives up on very deep nesting with a stack overflow ("RESOURCE_EXHAUSTION"); the
  // editor needs to hear what the limit is, once, not the parser's words.
  const tooDeep = tooDeepAt(doc);
  const errors: Diagnostic[] = doc.errors
    .filter((e) => e.code !== 'RESOURCE_EXHAUSTION')
    .map((e) => ({
      severity: 'error',
      location: at(openedAt(doc, e.code, e.pos[0])),
      ...(e.code === 'DUPLICATE_KEY'
        ? duplicateKeyMessage(/^("[^"\n]*"|'[^'\n]*'|[^:\n#]+?)\s*:/.exec(source.slice(e.pos[0]))?.[1] ?? '')
        : yamlMessage(e.code, e.message)),
    }));
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (tooDeep !== undefined || exhausted !== undefined) errors.unshift(nestedTooDeeply(at(tooDeep ?? exhausted?.pos[0] ?? 0)));
  if (errors.length > 0) throw new BulletinError(errors);
  errors.push(...checkNodes(doc, at));
  if (errors.length > 0) throw new BulletinError(errors);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new BulletinError([{ severity: 'error', location: aliasLocation(doc, at), ...aliasMessage(err) }]);
  }
  const warnings: Diagnostic[] = doc.warnings.map((w) => ({
    severity: 'warning',
    location: at(w.pos[0]),
    ...yamlMessage(w.code, w.message),
  }));

  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  return {
    file,
    value,
    warnings,
    locate(path, where = 'value') {
      return at(findOffset(doc.contents, path, where, keyIndex));
    },
  };
}

function tooManyKeys(location: SourceLocation, keys: number): Diagnostic {
  return {
    severity: 'error',
    location,
    ...message('manifest.too-many-keys', { keys, limit: MAX_YAML_KEYS }),
    hint: message('manifest.too-many-keys.hint'),
  };
}

// The 0-based line of the key after the first MAX_YAML_KEYS lines that look like `key:` (block
// mappings, one key a line); undefined when there are fewer. Lines of a block scalar may be
// counted too, which only matters for files far beyond any real manifest.
function lineOfKeyOverLimit(source: string): number | undefined {
  let keys = 0;
  let line = 0;
  for (let start = 0; start < source.length; line++) {
    const end = source.indexOf('\n', start);
    const text = source.slice(start, end < 0 ? source.length : end);
    if (/^\s*(- +)?[^\s#-][^:]*:(\s|$)/.test(text) && ++keys > MAX_YAML_KEYS) return line + 1;
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}

function nestedTooDeeply(location: SourceLocation): Diagnostic {
  return {
    severity: 'error',
    location,
    ...message('manifest.nested-too-deeply', { limit: MAX_YAML_DEPTH }),
    hint: message('manifest.nested-too-deeply.hint'),
  };
}

/** The offset of the first mapping or list nested deeper than MAX_YAML_DEPTH, walked without recursion. */
function tooDeepAt(doc: Document): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_YAML_DEPTH) return rangeStart(node) ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * What is checked on every node, in one walk (two walks of yaml's visit were half of our own
 * time on a large issue.yaml): the keys (a key that is not a plain scalar, `? [a, b]`, would be
 * stringified by toJS silently; a key written twice would keep only its last value); the number
 * of keys, the length of every value and the size of the value once aliases are written out,
 * each bounded so that no file makes the checks after it (schema, layout) take minutes or
 * gigabytes; and control characters written as escapes ("\u0007") inside quoted values. The
 * key problems come first, then the size problems, each in document order.
 */
function checkNodes(doc: Document, at: (offset: number) => SourceLocation): Diagnostic[] {
  const keyProblems: Diagnostic[] = [];
  const sizeProblems: Diagnostic[] = [];
  let keys = 0;
  let firstKeyOverLimit: number | undefined;
  // Without aliases the value written out is the document itself: one value per node.
  let nodes = 0;
  let aliases = false;
  visit(doc, {
    Map(_, map) {
      nodes++;
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (pair.key === null || pair.key === undefined) continue;
        const offset = (pair.key as Node).range?.[0] ?? 0;
        if (!isScalar(pair.key)) {
          keyProblems.push({ severity: 'error', location: at(offset), ...message('manifest.key-not-plain') });
          continue;
        }
        const key = String(pair.key.value);
        if (seen.has(key)) keyProblems.push({ severity: 'error', location: at(offset), ...duplicateKeyMessage(pair.key.source ?? key) });
        seen.add(key);
      }
    },
    Seq() {
      nodes++;
    },
    Alias() {
      nodes++;
      aliases = true;
    },
    Pair(_, pair) {
      keys++;
      if (keys === MAX_YAML_KEYS + 1) firstKeyOverLimit = rangeStart(pair.key) ?? 0;
    },
    Scalar(_, scalar) {
      nodes++;
      if (typeof scalar.value !== 'string') return;
      const offset = scalar.range?.[0] ?? 0;
      if (scalar.value.length > MAX_YAML_SCALAR_CHARS) {
        sizeProblems.push({
          severity: 'error',
          location: at(offset),
          ...message('manifest.value-too-long', { length: scalar.value.length, limit: MAX_YAML_SCALAR_CHARS }),
          hint: message('manifest.value-too-long.hint'),
        });
      }
      sizeProblems.push(...forbiddenCharacterDiagnostics(scalar.value, () => at(offset), 1));
    },
  });
  if (firstKeyOverLimit !== undefined) sizeProblems.push(tooManyKeys(at(firstKeyOverLimit), keys));
  const expanded = aliases ? expandedSize(doc) : { size: nodes };
  if (expanded.size > MAX_YAML_EXPANDED_VALUES) {
    sizeProblems.push({
      severity: 'error',
      location: at(expanded.firstAlias ?? 0),
      ...message('manifest.aliases-expand-too-far', { limit: MAX_YAML_EXPANDED_VALUES }),
      hint: message('manifest.aliases-expand-too-far.hint'),
    });
  }
  return [...keyProblems, ...sizeProblems];
}

/** Values in the document with every alias replaced by what it names (memoised per node, no recursion). */
function expandedSize(doc: Document): { size: number; firstAlias?: number } {
  const sizes = new Map<unknown, number>();
  let firstAlias: number | undefined;
  // Post-order over nodes; an alias counts as the size of its anchor's node.
  const order: unknown[] = [];
  const stack: unknown[] = [doc.contents];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined || seen.has(node)) continue;
    seen.add(node);
    order.push(node);
    if (isCollection(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    if (isAlias(node)) {
      firstAlias ??= node.range?.[0];
      const target = node.resolve(doc);
      // An alias inside its own anchor is refused by yaml itself; count it once.
      return target === undefined ? 1 : (sizes.get(target) ?? 1);
    }
    return sizes.get(node) ?? 1;
  };
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    let size = 1;
    if (isCollection(node)) {
      for (const item of node.items as unknown[]) size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
    }
    sizes.set(node, Math.min(size, Number.MAX_SAFE_INTEGER));
  }
  const result = sizeOf(doc.contents);
  return firstAlias === undefined ? { size: result } : { size: result, firstAlias };
}

/**
 * yaml reports an unclosed quote or bracket where the file ends or the next key starts; the
 * editor has to look where it was opened, so point there instead.
 */
function openedAt(doc: Document, code: string, offset: number): number {
  if (code !== 'MISSING_CHAR' && code !== 'BAD_INDENT') return offset;
  let start: number | undefined;
  visit(doc, {
    Node(_, node) {
      const range = node.range;
      const opens = isScalar(node) ? node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' : isCollection(node) && node.flow === true;
      if (opens && range !== undefined && range !== null && range[1] === offset && range[0] < offset) {
        start ??= range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start ?? offset;
}

// The pairs of a mapping by key, built once per mapping: with one lookup per diagnostic, a linear
// search made reporting N unknown keys cost N² (100,000 keys: no answer after minutes).
function pairOf(node: YAMLMap, key: string, index: WeakMap<object, Map<string, Pair>>): Pair | undefined {
  let byKey = index.get(node);
  if (byKey === undefined) {
    byKey = new Map();
    for (const p of node.items) if (isPair(p) && isScalar(p.key) && !byKey.has(String(p.key.value))) byKey.set(String(p.key.value), p);
    index.set(node, byKey);
  }
  return byKey.get(key);
}

function findOffset(root: unknown, path: JsonPath, where: 'value' | 'key', index: WeakMap<object, Map<string, Pair>>): number {
  let node: unknown = root;
  let offset = rangeStart(root) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairOf(node, String(step), index);
      if (pair === undefined) return offset;
      const keyStart = rangeStart(pair.key);
      // `key:` with nothing after it has no value node; its key is the best place to point.
      const valueStart = rangeStart(pair.value);
      if (last && where === 'key') return keyStart ?? offset;
      offset = valueStart ?? keyStart ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) return offset;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0] ?? undefined;
}

function aliasLocation(doc: Document, at: (offset: number) => SourceLocation): SourceLocation {
  // Point at the first unresolved alias if there is one, else at the first alias.
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      first ??= alias.range?.[0];
      if (alias.resolve(doc) !== undefined) return undefined;
      unresolved = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return at(unresolved ?? first ?? 0);
}

function aliasMessage(err: unknown): Message {
  const text = err instanceof Error ? err.message : String(err);
  if (/excessive alias count/i.test(text)) {
    return message('manifest.too-many-aliases');
  }
  if (/unresolved alias/i.test(text)) {
    return message('manifest.alias-without-anchor');
  }
  return message('manifest.yaml-unreadable', { text });
}

function duplicateKeyMessage(key: string): Message {
  const shown = key.length > 0 && key.length <= 40 ? ` "${key}"` : '';
  return message('manifest.duplicate-key', { shown });
}

function yamlMessage(code: string, detail: string): Message {
  // yaml's own messages are precise in English; the Chinese catalog words the usual mistakes.
  return message('manifest.yaml-syntax', { code, detail });
}

/** True for a plain mapping value (not null, not a list). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Formats a JSON path in JavaScript notation, e.g. sections[1].articles[0].file. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}


/**
 * Edits of issue.yaml that keep the editor's file as it was written — the `$schema` line,
 * comments, key order, quoting — through yaml's Document API (the only other way, re-dumping the
 * parsed value, would drop every comment).
 */
export interface IssueYamlEdit {
  /** New `number:` and `date:` values. */
  readonly number?: number;
  readonly date?: string;
  /** Every section's `articles:` emptied (a new issue keeps the section titles only). */
  readonly emptyArticles?: boolean;
  /** Article files appended to the section with this title. */
  readonly addArticles?: { readonly section: string; readonly files: readonly string[] };
}

/** Applies `edit` to the text of an issue.yaml; the text must already parse (it was checked). */
export function editIssueYaml(text: string, edit: IssueYamlEdit): string {
  const doc = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`editIssueYaml on YAML with errors: ${doc.errors[0]?.message ?? ''}`);
  // Setting a scalar over a scalar keeps its node, and with it the comment on its line.
  if (edit.number !== undefined) doc.set('number', edit.number);
  if (edit.date !== undefined) doc.set('date', edit.date);
  const sections = doc.get('sections');
  if (!isSeq(sections)) return doc.toString();
  for (const section of sections.items) {
    if (!isMap(section)) continue;
    if (edit.emptyArticles) section.set('articles', doc.createNode([]));
    if (edit.addArticles !== undefined && section.get('title') === edit.addArticles.section) {
      let list = section.get('articles');
      if (!isSeq(list)) {
        list = doc.createNode([]);
        section.set('articles', list);
      }
      if (!isSeq(list)) continue;
      for (const file of edit.addArticles.files) list.items.push(doc.createNode({ file }));
      // `articles: []` from a new issue becomes a block list once it has items.
      list.flow = list.items.length === 0;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** The section titles of an issue.yaml's text, in order (for `import --section`). */
export function sectionTitles(value: unknown): string[] {
  const sections = isPlainObject(value) ? value['sections'] : undefined;
  if (!Array.isArray(sections)) return [];
  return sections.flatMap((s: unknown) => (isPlainObject(s) && typeof s['title'] === 'string' ? [s['title']] : []));
}
