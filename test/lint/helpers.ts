/**
 * Shared by the lint tests: an article around a body, and the lint's result in a compact,
 * language-independent form — `line:column from→to` for a fix, `line:column warning|error` for
 * a finding the editor resolves by hand.
 */
import { applyEdits, lintArticle } from '../../src/lint';

/** Front matter takes lines 1–4, a blank line 5: the body starts on line 6. */
export const BODY_LINE = 6;

export function article(body: string, title = '标题'): string {
  return `---\ntitle: ${title}\ndate: 2024-03-01\n---\n\n${body}\n`;
}

/** Every finding in an article body, in file order. */
export function lint(body: string, title?: string): string[] {
  return lintText(article(body, title));
}

export function lintText(text: string): string[] {
  const { diagnostics, edits } = lintArticle('a.md', text);
  return diagnostics.map((d) => {
    const where = `${d.location.line ?? 0}:${d.location.column ?? 0}`;
    const edit = edits.find((e) => e.location.line === d.location.line && e.location.column === d.location.column);
    return edit === undefined ? `${where} ${d.severity}` : `${where} ${edit.from}→${edit.to}`;
  });
}

/** The body as every certain fix leaves it. */
export function fixed(body: string): string {
  const text = article(body);
  const out = applyEdits(text, lintArticle('a.md', text).edits);
  return out.slice(out.indexOf('\n\n') + 2, -1);
}
