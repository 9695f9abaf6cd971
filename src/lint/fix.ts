/**
 * `--fix`: applies the certain fixes to the article files. Each changed file is written to a
 * temporary file in its own folder and renamed over the original, so an interrupted run leaves
 * either the old or the new file. Everything the fixes do not touch stays byte for byte: the
 * BOM, CRLF line ends, the front matter layout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadIssue } from '../document/load';
import { BulletinError, inputError } from '../errors';
import { message } from '../messages';
import { show } from './finding';
import { applyEdits, lintArticle, type Edit } from './lint';
import { articleFiles } from './issue';

/** One change made by --fix, for the report. */
export interface AppliedFix {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly from: string;
  readonly to: string;
}

/** `issues/…/03-x.md:12:7: "(" → "（"` */
export function formatFix(fix: AppliedFix): string {
  return `${fix.file}:${fix.line}:${fix.column}: ${show(fix.from)} → ${show(fix.to)}`;
}

/**
 * Loads the issue (so only articles it lists are touched, and only once they parse), then fixes
 * every article. Throws the loader's BulletinError when the issue has errors.
 */
export async function fixIssue(projectRoot: string, issueId: string): Promise<AppliedFix[]> {
  const loaded = await loadIssue(projectRoot, issueId);
  const applied: AppliedFix[] = [];
  for (const file of articleFiles(loaded.document)) applied.push(...fixFile(path.resolve(projectRoot, file), file));
  return applied;
}

/** Fixes one file in place; `display` is its name in the report. Returns what was changed. */
export function fixFile(absFile: string, display: string): AppliedFix[] {
  // Read again rather than reuse the loaded text: the BOM must be kept, and the file is current.
  const bytes = fs.readFileSync(absFile);
  let text: string;
  try {
    // ignoreBOM keeps the BOM in the text (the default drops it), so it can be written back.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw inputError({ file: display }, message('lint.fix-invalid-utf8', { display }));
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = text.slice(bom.length);
  const { edits } = lintArticle(display, source);
  if (edits.length === 0) return [];
  writeAtomically(absFile, bom + applyEdits(source, edits));
  return edits.map((edit) => applied(display, edit));
}

function applied(file: string, edit: Edit): AppliedFix {
  return { file, line: edit.location.line ?? 1, column: edit.location.column ?? 1, from: edit.from, to: edit.to };
}

// Temp file beside the target (same file system, so rename is atomic), with the original's mode.
function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.fix.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode: fs.statSync(file).mode & 0o777 });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if (err instanceof BulletinError) throw err;
    throw inputError({ file: path.basename(file) }, message('lint.fix-cannot-write', { file, message: (err as Error).message }));
  }
}
