/**
 * `bulletin import <file>… --issue <id> [--section <title>]`: each file becomes
 * articles/NN-name.md (pictures under images/), is listed in issue.yaml (comments kept), and
 * the issue is checked, so the editor sees at once what needs attention: TODOs in the front
 * matter, what could not be brought in and where, and check's own findings.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../build';
import { BulletinError, type Diagnostic, formatDiagnostic, inputError } from '../../errors';
import { applyEdits, lintArticle } from '../../lint';
import { editIssueYaml, parseYamlFile, sectionTitles } from '../../manifest/parse';
import { message, say } from '../../messages';
import { listDir, MAX_IMAGE_BYTES, readBytes, readTextSync } from '../../workspace';
import { guessFrontMatter, type Draft } from './draft';
import { draftFromDocx } from './docx';
import { writeArticle, type WrittenArticle } from './markdown';
import { draftFromText } from './text';
import { draftFromWechat, isWechatPage } from './wechat';

export interface ImportedArticle {
  readonly from: string;
  /** Project-relative path of the new article. */
  readonly file: string;
  readonly title: string | undefined;
  readonly images: readonly string[];
  readonly written: WrittenArticle;
  readonly notes: readonly string[];
  /** How many R4 character fixes were applied (ASCII punctuation, ……, radicals …). */
  readonly fixes: number;
}

export interface ImportResult {
  readonly issue: string;
  readonly section: string;
  readonly articles: readonly ImportedArticle[];
  /** What `check` says about the issue now (errors and warnings). */
  readonly check: readonly Diagnostic[];
  readonly checkPassed: boolean;
}

export async function importArticles(root: string, issueId: string, files: readonly string[], options: { section?: string }): Promise<ImportResult> {
  const issueDir = path.join(root, 'issues', issueId);
  const issueFile = path.join(issueDir, 'issue.yaml');
  const issueDisplay = `issues/${issueId}/issue.yaml`;
  if (!fs.existsSync(issueFile)) {
    throw inputError({ file: `issues/${issueId}` }, message('import.no-such-issue', { issueId }), message('import.no-such-issue.hint'));
  }
  const issueText = readTextSync(issueFile, { display: issueDisplay });
  const titles = sectionTitles(parseYamlFile(issueText, issueDisplay).value);
  const section = options.section ?? titles[0];
  if (section === undefined || !titles.includes(section)) {
    throw inputError({ file: issueDisplay }, message('import.no-such-section', { section: options.section ?? '', issueDisplay }), message('import.no-such-section.hint', { titles }));
  }
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) throw inputError({ file: missing[0] ?? '' }, message('import.files-not-found', { missing }));

  const digests = refuseRepeatedImports(issueDir, issueId, files);

  // Read and convert everything before writing anything: one unreadable file stops the lot.
  const drafts: { from: string; digest: string; draft: Draft }[] = [];
  for (const [i, file] of files.entries()) drafts.push({ from: file, digest: digests[i] ?? '', draft: await readDraft(file) });

  fs.mkdirSync(path.join(issueDir, 'articles'), { recursive: true });
  fs.mkdirSync(path.join(issueDir, 'images'), { recursive: true });
  let next = nextArticleNumber(path.join(issueDir, 'articles'));
  const articles: ImportedArticle[] = [];
  for (const { from, digest, draft } of drafts) {
    const prefix = String(next++).padStart(2, '0');
    const name = `${prefix}-${slug(from)}`;
    const images: string[] = [];
    const imageNames = new Map<string, string>();
    for (const [key, image] of draft.images) {
      const file = `${prefix}-${images.length + 1}.${image.extension}`;
      imageNames.set(key, file);
      images.push(file);
    }
    const written = writeArticle(draft, (key) => `../images/${imageNames.get(key) ?? key}`, originComment(from, digest));
    const display = `issues/${issueId}/articles/${name}.md`;
    // R4 on the result: the certain character fixes, for every kind of source alike.
    const { edits } = lintArticle(display, written.text);
    for (const [key, image] of draft.images) writeNew(path.join(issueDir, 'images', imageNames.get(key) ?? key), image.bytes);
    writeNew(path.join(issueDir, 'articles', `${name}.md`), applyEdits(written.text, edits));
    articles.push({ from, file: display, title: draft.title, images: images.map((f) => `issues/${issueId}/images/${f}`), written, notes: draft.notes, fixes: edits.length });
  }
  const updated = editIssueYaml(issueText, { addArticles: { section, files: articles.map((a) => `articles/${path.basename(a.file)}`) } });
  const temp = path.join(issueDir, `.issue.yaml.${process.pid}.tmp`);
  fs.writeFileSync(temp, updated);
  fs.renameSync(temp, issueFile);

  let check: readonly Diagnostic[] = [];
  let checkPassed = true;
  try {
    check = (await buildIssue(root, issueId, { dryRun: true })).warnings;
  } catch (err) {
    if (!(err instanceof BulletinError)) throw err;
    check = err.diagnostics;
    checkPassed = false;
  }
  return { issue: issueId, section, articles, check, checkPassed };
}

async function readDraft(file: string): Promise<Draft> {
  const extension = path.extname(file).toLowerCase();
  let draft: Draft;
  if (extension === '.docx') draft = await draftFromDocx(file);
  else if (extension === '.html' || extension === '.htm') {
    const html = fs.readFileSync(file, 'utf8');
    draft = isWechatPage(html) ? draftFromWechat(file, html) : draftFromWechat(file, html.replace(/<body([^>]*)>/i, '<body$1 id="js_content">'));
  } else if (extension === '.txt' || extension === '.md' || extension === '') draft = draftFromText(readTextSync(file));
  else {
    throw inputError({ file }, message('import.unsupported-file-type', { file: path.basename(file) }), message('import.unsupported-file-type.hint'));
  }
  guessFrontMatter(draft);
  return draft;
}

function nextArticleNumber(dir: string): number {
  const numbers = listDir(dir).map((name) => Number(/^(\d+)-/.exec(name)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

// A file name from the source's name: letters and digits of any script are kept, so
// "Report 2024.docx" → report-2024 and "关于《办法》的通知.docx" → 关于-办法-的通知 (the PDFs have
// Chinese names too); what is left of a name of only punctuation is "article".
function slug(file: string): string {
  const base = path.basename(file, path.extname(file)).normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return base === '' ? 'article' : [...base].slice(0, 40).join('').replace(/-+$/, '');
}

// The front-matter comment that records where an article came from: the source's name and a
// digest of its bytes, so importing the same file again is recognised whatever it is called now.
const ORIGIN = /^# imported: (.*) (sha256:[0-9a-f]{16})$/m;

function sourceDigest(file: string): string {
  return `sha256:${createHash('sha256').update(readBytes(file, { maxBytes: MAX_IMAGE_BYTES })).digest('hex').slice(0, 16)}`;
}

function originComment(file: string, digest: string): string {
  return `# imported: ${path.basename(file).replace(/[\r\n]/g, ' ')} ${digest}`;
}

// A second import of the same source would make a second copy of the article (and list it
// twice); the editor who means to bring in a new version deletes the old article first.
// Returns the files' digests, in order, for their origin comments.
function refuseRepeatedImports(issueDir: string, issueId: string, files: readonly string[]): string[] {
  const articlesDir = path.join(issueDir, 'articles');
  const imported = new Map<string, string>();
  for (const name of listDir(articlesDir).filter((n) => n.endsWith('.md'))) {
    const digest = ORIGIN.exec(readTextSync(path.join(articlesDir, name)))?.[2];
    if (digest !== undefined) imported.set(digest, `issues/${issueId}/articles/${name}`);
  }
  const inThisRun = new Map<string, string>();
  for (const file of files) {
    const digest = sourceDigest(file);
    const earlier = imported.get(digest);
    if (earlier !== undefined) {
      throw inputError(
        { file },
        message('import.already-imported', { earlier }),
        message('import.already-imported.hint', { earlier }),
      );
    }
    const twice = inThisRun.get(digest);
    if (twice !== undefined) {
      throw inputError({ file }, message('import.file-given-twice', { twice }), message('import.file-given-twice.hint'));
    }
    inThisRun.set(digest, file);
  }
  return [...inThisRun.keys()];
}

function writeNew(file: string, bytes: string | Buffer): void {
  fs.writeFileSync(file, bytes, { flag: 'wx' });
}

/** What `bulletin import` prints: per article what was made and what needs attention, then check. */
export function formatImport(r: ImportResult): string {
  const out: string[] = [];
  for (const a of r.articles) {
    out.push(say('import.summary.article', { from: a.from, file: a.file, title: a.title ?? 'TODO', section: r.section }));
    for (const image of a.images) out.push(`  ${image}`);
    if (a.fixes > 0) out.push(say('import.summary.fixes', { fixes: a.fixes }));
    for (const field of a.written.todos) out.push(say('import.summary.todo-field', { file: a.file, field }));
    for (const line of a.written.uncaptioned) out.push(say('import.summary.todo-caption', { file: a.file, line }));
    for (const s of a.written.skipped) out.push(say('import.summary.skipped', { file: a.file, line: s.line, what: s.what, hint: s.hint }));
    for (const note of a.notes) out.push(`  ${a.from}: ${note}`);
  }
  out.push(say('import.summary.listed', { issue: r.issue, section: r.section }));
  out.push(say('import.summary.check-heading', { issue: r.issue }));
  for (const d of r.check) out.push(formatDiagnostic(d));
  out.push(r.checkPassed ? say('import.summary.check-passed') : say('import.summary.check-problems', { valueCount: r.check.filter((d) => d.severity === 'error').length }));
  return `${out.join('\n')}\n`;
}
