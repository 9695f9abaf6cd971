/**
 * Glyph coverage (R27): a character that neither the face chosen for it nor any fallback font
 * has would print as a .notdef box and drop out of the text layer. Such characters are found
 * where the font is chosen — at shaping (layout/paragraph.ts, text/fonts.ts fontFor), for every
 * text layout sets: masthead, issue.yaml fields, front matter, body — and each occurrence is
 * reported here at its own file:line:column.
 */
import type { Diagnostic, SourceLocation } from '../errors';
import { message } from '../messages';
import type { FontSet } from '../text/fonts';
import type { MissingGlyph } from './problems';

/** One error per occurrence of a character no font has, at its line and column. */
export function missingGlyphDiagnostics(missing: readonly MissingGlyph[], fonts: FontSet, sources: ReadonlyMap<string, string>): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const fallbacks = fonts.fallbacks.map((f) => f.path).join(', ');
  for (const m of missing) {
    const location = locateOccurrence(m.ch, m.occurrence, m.source, sources);
    const key = `${m.ch}@${location.file}:${location.line ?? 0}:${location.column ?? 0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cp = m.ch.codePointAt(0) ?? 0;
    const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    diagnostics.push({
      severity: 'error',
      location,
      ...message('layout.character-not-in-font', { ch: m.ch, code, font: m.font, fallbacks }),
      hint: message('layout.character-not-in-font.hint'),
    });
  }
  return diagnostics;
}

/**
 * The place of the (occurrence + 1)-th `ch` at or after `source` in its file: a text's source is
 * where it starts (a paragraph's line, a YAML value's line and column), so counting forward from
 * there finds each occurrence's own line and column. Columns count characters.
 */
function locateOccurrence(ch: string, occurrence: number, source: SourceLocation, sources: ReadonlyMap<string, string>): SourceLocation {
  const text = sources.get(source.file);
  if (text === undefined) return source;
  const lines = text.split('\n');
  let left = occurrence;
  for (let line = Math.max(1, source.line ?? 1); line <= lines.length; line++) {
    const content = lines[line - 1] as string;
    // On the first line, start at the source's column (in characters).
    let from = line === (source.line ?? 1) ? Array.from(content).slice(0, Math.max(0, (source.column ?? 1) - 1)).join('').length : 0;
    for (let at = content.indexOf(ch, from); at >= 0; at = content.indexOf(ch, from)) {
      if (left === 0) return { file: source.file, line, column: Array.from(content.slice(0, at)).length + 1 };
      left--;
      from = at + ch.length;
    }
  }
  return source;
}
