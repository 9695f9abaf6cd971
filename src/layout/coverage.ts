/**
 * Glyph coverage before layout (R27): every character is checked against the font that will
 * set it. pdfkit would draw a .notdef box and drop the character from the text layer; here it is
 * an error naming the character, its code point and where it is in the editor's file.
 */
import { BulletinError, type Diagnostic, type SourceLocation } from '../errors';
import type { IssueDocument, TextRun } from '../document/types';
import { t } from '../messages';
import { type FontRole, type FontSet, hasGlyph } from '../text/fonts';
import { BODY_FONTS, HEADING_FONTS } from './blocks';

interface Sample {
  readonly text: string;
  readonly role: FontRole;
  readonly source: SourceLocation;
}

/** Throws one BulletinError listing every character no font of its role has. */
export function checkCoverage(doc: IssueDocument, fonts: FontSet, sources: ReadonlyMap<string, string>): void {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  // An issue repeats a few thousand distinct characters many times: ask each font once per character.
  const covered = new Set<string>();
  for (const sample of samples(doc)) {
    for (const ch of sample.text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || ch === ' ' || ch === '\u00a0') continue;
      const roleAndChar = `${sample.role}${ch}`;
      if (covered.has(roleAndChar)) continue;
      if (hasGlyph(fonts[sample.role], cp)) {
        covered.add(roleAndChar);
        continue;
      }
      const location = locate(ch, sample.source, sources);
      const key = `${ch}@${location.file}:${location.line ?? 0}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      diagnostics.push({
        severity: 'error',
        location,
        message: t(`character “${ch}” (${code}) is not in the font ${fonts[sample.role].path}`, `字符“${ch}”（${code}）不在字体 ${fonts[sample.role].path} 中`),
        hint: t('replace it with a common character or a description, or add a font that has it', '请改用常用字或文字说明，或添加包含该字的字体'),
      });
    }
  }
  if (diagnostics.length > 0) throw new BulletinError(diagnostics);
}

/** Finds the character's exact line and column, searching the file from where its block starts. */
function locate(ch: string, source: SourceLocation, sources: ReadonlyMap<string, string>): SourceLocation {
  const text = sources.get(source.file);
  if (text === undefined) return source;
  const lines = text.split('\n');
  for (let line = Math.max(1, source.line ?? 1); line <= lines.length; line++) {
    const column = (lines[line - 1] as string).indexOf(ch);
    if (column >= 0) return { file: source.file, line, column: Array.from((lines[line - 1] as string).slice(0, column)).length + 1 };
  }
  return source;
}

function runs(list: readonly TextRun[], roles: Readonly<Record<TextRun['style'], FontRole>>): Sample[] {
  return list.map((run) => ({ text: run.text, role: roles[run.style], source: run.source }));
}

function* samples(doc: IssueDocument): Generator<Sample> {
  const m = doc.masthead;
  const cover = { file: 'issues/series.yaml' };
  for (const text of [m.title, m.boardHeading]) yield { text, role: 'sansBold', source: cover };
  for (const text of [m.publisher, m.issueLine, m.editor, m.email, doc.texts.runningHead]) yield { text, role: 'serif', source: cover };
  for (const row of m.boardRows) for (const name of row.names) yield { text: name, role: 'serif', source: cover };
  for (const section of doc.sections) {
    yield { text: section.title, role: 'sansBold', source: cover };
    for (const article of section.articles) {
      const at = article.titleSource;
      yield { text: article.title, role: 'sansBold', source: at };
      yield { text: article.tocTitle, role: 'serif', source: at };
      yield { text: article.runningHead, role: 'serif', source: at };
      for (const text of [article.subtitle, article.byline, article.documentNumber, ...(article.history ?? [])]) if (text) yield { text, role: 'kai', source: at };
      for (const block of article.blocks) {
        if (block.kind === 'paragraph') yield* runs(block.runs, BODY_FONTS);
        else if (block.kind === 'heading') {
          const role = HEADING_FONTS[block.level];
          yield* runs(block.runs, { regular: role, bold: role, emphasis: role });
        } else yield* runs(block.caption, { regular: 'kai', bold: 'kai', emphasis: 'kai' });
      }
    }
  }
}
