/**
 * Checks on an article's Markdown text before it is parsed, for what markdown-it would accept
 * silently and lose or garble: invisible control characters, character references to them
 * (`&#7;`), footnotes and link reference definitions (markdown-it drops a definition line — and
 * a footnote is one — from the text without a trace).
 */
import { forbiddenCharacterDiagnostics, forbiddenEntityDiagnostics, offsetLocator } from '../characters';
import type { Diagnostic } from '../errors';
import { message } from '../messages';

/** Every such problem in `body` (padded so that its lines are the file's lines), at file:line:col. */
export function bodyTextProblems(body: string, file: string): Diagnostic[] {
  const at = offsetLocator(body, file);
  return [...forbiddenCharacterDiagnostics(body, at), ...forbiddenEntityDiagnostics(body, at), ...unsupportedReferences(body, file)];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// `[label]: destination` at the start of a line, and `[^1]` anywhere.
const DEFINITION = /^ {0,3}\[(\^?)((?:[^\]\\\n]|\\.)+)\]:/;
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g;

function unsupportedReferences(body: string, file: string): Diagnostic[] {
  // Both need a "[": most articles have none, and need not be split into lines.
  if (!body.includes('[')) return [];
  const found: Diagnostic[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((line, i) => {
    const opener = FENCE.exec(line)?.[1];
    if (opener !== undefined) {
      if (fence === undefined) fence = opener[0]!.repeat(3);
      else if (opener.startsWith(fence)) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const definition = DEFINITION.exec(line);
    if (definition !== null) {
      const footnote = definition[1] === '^';
      found.push({
        severity: 'error',
        location: { file, line: i + 1, column: line.indexOf('[') + 1 },
        ...(footnote
          ? message('document.footnote-definition-not-supported', { definition: String(definition[2]) })
          : message('document.link-reference-not-supported', { definition: String(definition[2]) })),
        hint: footnote
          ? message('document.footnote-definition-not-supported.hint')
          : message('document.link-reference-not-supported.hint'),
      });
      return;
    }
    for (const ref of line.matchAll(FOOTNOTE_REF)) {
      found.push({
        severity: 'error',
        location: { file, line: i + 1, column: Array.from(line.slice(0, ref.index ?? 0)).length + 1 },
        ...message('document.footnote-reference-not-supported', { ref: ref[0] }),
        hint: message('document.footnote-reference-not-supported.hint'),
      });
    }
  });
  return found;
}
