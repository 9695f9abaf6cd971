/**
 * YAML parsing with positions: the only module that imports `yaml`. Keeps the document's node
 * ranges so a JSON path (from a schema violation) maps back to the editor's line and column.
 */
import { Document, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { BulletinError, type Diagnostic, type SourceLocation } from '../errors';
import { t } from '../messages';

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

/** Parses one YAML document; syntax errors, duplicate keys and alias abuse throw a BulletinError. */
export function parseYamlFile(text: string, file: string, options: ParseOptions = {}): ParsedYaml {
  const lineOffset = options.lineOffset ?? 0;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(Math.max(0, Math.min(offset, source.length)));
    return { file, line: pos.line + lineOffset, column: pos.col };
  };

  const errors: Diagnostic[] = doc.errors.map((e) => ({
    severity: 'error',
    location: at(openedAt(doc, e.code, e.pos[0])),
    message:
      e.code === 'DUPLICATE_KEY'
        ? duplicateKeyMessage(/^("[^"\n]*"|'[^'\n]*'|[^:\n#]+?)\s*:/.exec(source.slice(e.pos[0]))?.[1] ?? '')
        : yamlMessage(e.code, e.message),
  }));
  errors.push(...checkKeys(doc, at));
  if (errors.length > 0) throw new BulletinError(errors);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new BulletinError([{ severity: 'error', location: aliasLocation(doc, at), message: aliasMessage(err) }]);
  }
  const warnings: Diagnostic[] = doc.warnings.map((w) => ({
    severity: 'warning',
    location: at(w.pos[0]),
    message: yamlMessage(w.code, w.message),
  }));

  return {
    file,
    value,
    warnings,
    locate(path, where = 'value') {
      return at(findOffset(doc.contents, path, where));
    },
  };
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

// Keys that are not plain scalars (`? [a, b]`) would be stringified by toJS, silently.
function checkKeys(doc: Document, at: (offset: number) => SourceLocation): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        const offset = (pair.key as Node).range?.[0] ?? 0;
        found.push({ severity: 'error', location: at(offset), message: t('keys must be plain words', '键必须是普通文字') });
      }
    },
  });
  return found;
}

function findOffset(root: unknown, path: JsonPath, where: 'value' | 'key'): number {
  let node: unknown = root;
  let offset = rangeStart(root) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
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

function aliasMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/excessive alias count/i.test(text)) {
    return t('too many aliases (*name); write the values out instead', '别名（*name）过多，请直接写出取值');
  }
  if (/unresolved alias/i.test(text)) {
    return t('alias (*name) without a matching anchor (&name) before it', '别名（*name）之前没有对应的锚点（&name）');
  }
  return t(`cannot read the YAML: ${text}`, `无法读取 YAML：${text}`);
}

function duplicateKeyMessage(key: string): string {
  const shown = key.length > 0 && key.length <= 40 ? ` "${key}"` : '';
  return t(
    `duplicate key${shown}: each key may appear only once in a mapping`,
    `键${shown}重复：同一层级中每个键只能出现一次`,
  );
}

const ZH_YAML: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: '文件中只能有一个 YAML 文档（不要出现第二个 ---）',
  BAD_INDENT: '缩进不正确',
  MISSING_CHAR: '缺少字符（例如引号或括号没有闭合）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行；请检查冒号和缩进',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确；请检查冒号和缩进',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  TAB_AS_INDENT: '不能用 Tab 缩进，请使用空格',
  BAD_SCALAR_START: '取值不能以此字符开头，请给取值加引号',
  TAG_RESOLVE_FAILED: '无法识别的标签（!tag）',
  DUPLICATE_ANCHOR: '锚点（&name）重复',
};

function yamlMessage(code: string, message: string): string {
  // yaml's own messages are precise in English; the Chinese table covers the usual mistakes.
  const zh = ZH_YAML[code];
  return t(`YAML: ${message}`, zh === undefined ? `YAML 语法错误：${message}` : `YAML 语法错误：${zh}`);
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
