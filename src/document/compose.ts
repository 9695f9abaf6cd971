/**
 * Builds the IssueDocument from validated inputs: numbering, anchors, bylines, masthead, PDF
 * metadata and the filled-in text templates. Pure: no file system, no clock.
 */
import { BulletinError, inputError, type Diagnostic, type SourceLocation } from '../errors';
import type { ArticleFrontMatter, IssueManifest, SeriesManifest, TemplateSettings } from '../manifest/types';
import { message } from '../messages';
import { compileTemplate, type Template } from './templates';
import type { AnchorId, Article, BodyBlock, IssueDocument, Masthead, Section } from './types';

/** One article as read from its file: validated front matter and body blocks. */
export interface ArticleInput {
  /** The Markdown file relative to the project root. */
  readonly file: string;
  readonly frontMatter: ArticleFrontMatter;
  readonly titleSource: SourceLocation;
  readonly blocks: readonly BodyBlock[];
}

/** Everything composeIssue needs; `articles[i][j]` is article j of section i. */
export interface ComposeInput {
  readonly series: SeriesManifest;
  readonly issue: IssueManifest;
  readonly articles: readonly (readonly ArticleInput[])[];
  /** Where `templates.<key>` is written in series.yaml, for template errors. */
  templateLocation(key: keyof TemplateSettings): SourceLocation;
  /** Where issue.yaml's `date:` is written. */
  readonly dateLocation?: SourceLocation;
  /** Where a field of issue.yaml / series.yaml is written (for messages about printed texts). */
  readonly locateInIssue?: (path: readonly (string | number)[]) => SourceLocation;
  readonly locateInSeries?: (path: readonly (string | number)[]) => SourceLocation;
}

/** Builds the document the layout engine sets, from validated manifests and parsed articles. */
export function composeIssue(input: ComposeInput): IssueDocument {
  const { series, issue } = input;
  const date = parseDate(issue.date, input.dateLocation ?? { file: 'issue.yaml' });
  // Every template problem is reported, not only the first one.
  const problems: Diagnostic[] = [];
  const templates = compileAll(series.templates, input.templateLocation, problems);
  const issueFields = {
    title: series.title,
    fullTitle: series.fullTitle,
    publisher: series.publisher,
    year: date.year,
    month: date.month,
    day: date.day,
    number: issue.number,
  };

  const inIssue = input.locateInIssue ?? (() => ({ file: 'issue.yaml' }));
  const inSeries = input.locateInSeries ?? (() => ({ file: 'series.yaml' }));
  const sections: Section[] = issue.sections.map((section, i) => ({
    anchor: `section-${i + 1}` as AnchorId,
    source: inIssue(['sections', i, 'title']),
    number: templates.sectionNumber({ ...issueFields, chinese: chineseNumeral(i + 1), number: i + 1 }),
    title: section.title,
    articles: (input.articles[i] ?? []).map((article, j) => composeArticle(article, i, j)),
  }));

  const issueLine = templates.coverIssueLine(issueFields);
  const runningHead = templates.runningHead(issueFields);
  const folio = (n: number): string => templates.folio({ ...issueFields, folio: n });
  const tocNumber = (n: number): string => templates.tocNumber({ ...issueFields, number: n });
  // Fill these once now, so a bad field is reported before layout starts.
  folio(1);
  tocNumber(1);
  const outputName = templates.outputName(issueFields);
  if (problems.length === 0) checkOutputName(outputName, input.templateLocation('outputName'));
  if (problems.length > 0) throw new BulletinError(problems);

  const articleCount = sections.reduce((n, s) => n + s.articles.length, 0);
  return {
    meta: {
      title: `${series.fullTitle} ${issueLine}`,
      author: series.publisher,
      subject: `${sections.map((s) => s.title).join('、')}（共${articleCount}篇）`,
      keywords: series.keywords ?? [],
      lang: 'zh-CN',
      creationDate: new Date(Date.UTC(date.year, date.month - 1, date.day)),
    },
    masthead: masthead(series, issue, issueLine, inIssue, inSeries),
    sections,
    texts: { runningHead, folio, tocNumber },
    outputName,
  };
}

function composeArticle(input: ArticleInput, section: number, index: number): Article {
  const fm = input.frontMatter;
  const byline = formatByline(fm.source, fm.date);
  return {
    anchor: `article-${section + 1}-${index + 1}` as AnchorId,
    file: input.file,
    title: fm.title,
    ...(fm.subtitle === undefined ? {} : { subtitle: fm.subtitle }),
    ...(byline === undefined ? {} : { byline }),
    ...(fm.documentNumber === undefined ? {} : { documentNumber: fm.documentNumber }),
    ...(fm.history === undefined ? {} : { history: historyEvents(fm.history) }),
    runningHead: fm.runningHead ?? fm.title,
    tocTitle: fm.tocTitle ?? fm.title + (fm.subtitle ?? ''),
    blocks: input.blocks,
    titleSource: input.titleSource,
  };
}

type Locate = (path: readonly (string | number)[]) => SourceLocation;

function masthead(series: SeriesManifest, issue: IssueManifest, issueLine: string, inIssue: Locate, inSeries: Locate): Masthead {
  const board = series.editorialBoard;
  const names = (key: 'chiefEditors' | 'deputyEditors' | 'members') => board[key].map((_, k) => inSeries(['editorialBoard', key, k]));
  const rows: Masthead['boardRows'][number][] = [
    { label: '主编', names: board.chiefEditors, nameSources: names('chiefEditors') },
    { label: '副主编', names: board.deputyEditors, nameSources: names('deputyEditors') },
    board.membersNote === undefined
      ? { label: '编委', names: board.members, nameSources: names('members') }
      : { label: '编委', note: board.membersNote, names: board.members, nameSources: names('members') },
  ];
  return {
    title: series.title,
    publisher: series.publisher,
    issueLine,
    boardHeading: board.heading,
    // A board without deputies prints no empty 副主编 row.
    boardRows: rows.filter((row) => row.names.length > 0),
    editorLabel: '本期编辑',
    editor: issue.editor,
    contactLabel: '联系邮箱',
    email: series.contact.email,
    sources: {
      title: inSeries(['title']),
      publisher: inSeries(['publisher']),
      issueLine: inSeries(['templates', 'coverIssueLine']),
      boardHeading: inSeries(['editorialBoard', 'heading']),
      membersNote: inSeries(['editorialBoard', 'membersNote']),
      editor: inIssue(['editor']),
      email: inSeries(['contact', 'email']),
      runningHead: inSeries(['templates', 'runningHead']),
    },
  };
}

/**
 * The events of a 题注: as listed, or one text split before each date that follows a space or a
 * separator (1993年10月22日…通过 2003年8月8日…修订); the enclosing parentheses are the layout's.
 */
export function historyEvents(history: string | readonly string[]): string[] {
  const texts = typeof history === 'string' ? history.replace(/^\s*[（(]|[）)]\s*$/g, '').split(/[\s；;]+(?=(?:根据)?\d{4}年\d{1,2}月)/u) : [...history];
  return texts.map((e) => e.trim().replace(/[；;]$/u, '')).filter((e) => e.length > 0);
}

/** The byline under an article title: "来源 2024年2月2日", or whichever of the two exists. */
export function formatByline(source: string | undefined, date: string | undefined): string | undefined {
  const parts = [source, date === undefined ? undefined : formatChineseDate(date)].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** Formats YYYY-MM-DD as 2024年2月2日 (no leading zeros); other text is returned unchanged. */
export function formatChineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m === null ? date : `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes 1–9999 in Chinese numerals as used for section numbers: 一, 十, 十一, 二十一, 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + unit;
  });
  // 十一, not 一十一, when ten is the highest place.
  return digits.length === 2 && out.startsWith('一十') ? out.slice(1) : out;
}

// Templates that fail record their problem once and yield '' so composing can go on.
function compileAll(
  templates: TemplateSettings,
  locate: (key: keyof TemplateSettings) => SourceLocation,
  problems: Diagnostic[],
): Record<keyof TemplateSettings, Template> {
  const keys: (keyof TemplateSettings)[] = ['coverIssueLine', 'runningHead', 'folio', 'sectionNumber', 'tocNumber', 'outputName'];
  const out = {} as Record<keyof TemplateSettings, Template>;
  for (const key of keys) {
    let failed = false;
    const fail = (err: unknown): string => {
      if (!(err instanceof BulletinError)) throw err;
      if (!failed) problems.push(...err.diagnostics);
      failed = true;
      return '';
    };
    try {
      const template = compileTemplate(key, templates[key], locate(key));
      out[key] = (fields) => {
        try {
          return template(fields);
        } catch (err) {
          return fail(err);
        }
      };
    } catch (err) {
      fail(err);
      out[key] = () => '';
    }
  }
  return out;
}

function parseDate(text: string, location: SourceLocation): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) throw inputError(location, message('document.date-format', { text }));
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function checkOutputName(name: string, location: SourceLocation): void {
  if (name.trim() === '' || /[/\\:*?"<>|\u0000-\u001f]/.test(name) || name.startsWith('.')) {
    throw inputError(
      location,
      message('document.output-name-unusable', { name }),
      message('document.output-name-unusable.hint'),
    );
  }
  // File systems allow 255 bytes per name; the longer of the two is "<name>-print.pdf", and the
  // writer's temporary name adds ".<name>.<pid>.tmp" (up to 17 bytes).
  const bytes = Buffer.byteLength(`${name}-print.pdf`);
  if (bytes > MAX_OUTPUT_NAME_BYTES) {
    throw inputError(
      location,
      message('document.output-name-too-long', { name, bytes, MAX_OUTPUT_NAME_BYTES }),
      message('document.output-name-too-long.hint'),
    );
  }
}

/** Longest output file name, in UTF-8 bytes: 255 for the file system, less the temporary name's additions. */
const MAX_OUTPUT_NAME_BYTES = 255 - 17;
