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

/** The line that opens the front matter, and the one that closes it (also the lint's: lint/segments.ts). */
export const FRONT_MATTER_OPEN = /^---[ \t]*$/;
export const FRONT_MATTER_CLOSE = /^(---|\.\.\.)[ \t]*$/;

/** Splits `---\n…\n---\n` off the start of an article; a missing or unclosed block is an error. */
export function splitFrontMatter(text: string, file: string): SplitArticle {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const example = message('article.front-matter-example');
  // Line by line only as far as the closing fence: the body is cut off whole, not split into
  // lines and joined again (that was 19 ms of bench-600's loading).
  const lineEnd = (start: number): number => {
    const nl = normalized.indexOf('\n', start);
    return nl < 0 ? normalized.length : nl;
  };
  const firstEnd = lineEnd(0);
  if (!FRONT_MATTER_OPEN.test(normalized.slice(0, firstEnd))) {
    throw inputError({ file, line: 1, column: 1 }, message('article.no-front-matter'), example);
  }
  // `close`: the closing fence's line index; it starts at `closeStart` and ends at `closeEnd`.
  let close = 1;
  let closeStart = firstEnd + 1;
  while (closeStart <= normalized.length && !FRONT_MATTER_CLOSE.test(normalized.slice(closeStart, lineEnd(closeStart)))) {
    closeStart = lineEnd(closeStart) + 1;
    close++;
  }
  if (closeStart > normalized.length) {
    throw inputError(
      { file, line: 1, column: 1 },
      message('article.front-matter-not-closed'),
      example,
    );
  }
  const closeEnd = lineEnd(closeStart);
  return {
    yaml: close === 1 ? '' : normalized.slice(firstEnd + 1, closeStart - 1),
    // Blank lines in place of the front matter keep Markdown line numbers equal to file lines.
    body: '\n'.repeat(close + 1) + normalized.slice(closeEnd + 1),
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
