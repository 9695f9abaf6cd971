/**
 * The `---` block at the top of an article: split it from the Markdown body, parse it with
 * positions in the .md file, and validate it.
 */
import { inputError, type Diagnostic, type SourceLocation } from '../errors';
import { parseYamlFile } from '../manifest/parse';
import type { ArticleFrontMatter } from '../manifest/types';
import { validateFrontMatter } from '../manifest/validate';
import { message } from '../messages';
import { removeInvisible } from './paste';

/** An article file split into its validated front matter and its Markdown body. */
export interface ArticleSource {
  readonly frontMatter: ArticleFrontMatter;
  /** Where `title:` is written, for messages about the title. */
  readonly titleSource: SourceLocation;
  /** The Markdown after the front matter, padded with blank lines so line numbers match the file. */
  readonly body: string;
  readonly warnings: readonly Diagnostic[];
}

/** The raw parts of an article file: front matter YAML (starting on line 2) and padded body. */
export interface SplitArticle {
  readonly yaml: string;
  readonly body: string;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/** Splits `---\n…\n---\n` off the start of an article; a missing or unclosed block is an error. */
export function splitFrontMatter(text: string, file: string): SplitArticle {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const example = message('article.front-matter-example');
  if (!FENCE.test(lines[0] ?? '')) {
    throw inputError({ file, line: 1, column: 1 }, message('article.no-front-matter'), example);
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (close < 0) {
    throw inputError(
      { file, line: 1, column: 1 },
      message('article.front-matter-not-closed'),
      example,
    );
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    // Blank lines in place of the front matter keep Markdown line numbers equal to file lines.
    body: '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n'),
  };
}

/** Splits, parses and validates an article's front matter; errors point into the .md file. */
export function readArticleSource(text: string, file: string): ArticleSource {
  const { yaml, body } = splitFrontMatter(text, file);
  // Invisible paste artefacts never reach a title (the lint reports each one, R4).
  const parsed = parseYamlFile(removeInvisible(yaml), file, { lineOffset: 1 });
  const frontMatter = validateFrontMatter(parsed);
  return { frontMatter, titleSource: parsed.locate(['title']), body, warnings: parsed.warnings };
}
