/**
 * The World: the one object through which a build reaches the file system (REVIEW.md 6). It
 * reads through src/workspace.ts — the checks on size, encoding and paths stay there — and
 * remembers what it read and what was made from it, keyed by each file's stamp (modification
 * time, change time, size). A one-shot `build` uses a fresh World; `bulletin watch` keeps one for
 * the whole session, so a rebuild re-reads only changed files, loads the fonts once and sets only
 * the articles that changed.
 */
import * as fs from 'node:fs';
import type { ArticleCache } from './layout/blocks';
import { readText, type ReadOptions } from './workspace';

/** Derived things kept at most (a few per article, image and font of an issue). */
const MAX_REMEMBERED = 5000;

/** What changes when a file's content may have: modification and change time, size. */
export function fileStamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.ctimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

export class World {
  private readonly texts = new Map<string, { readonly stamp: string; readonly text: string }>();
  private readonly derived = new Map<string, { readonly stamp: string; readonly value: unknown }>();
  private articles: { readonly settings: string; readonly cache: ArticleCache } | undefined;
  /** Files read (not served from memory) since the World was made, for tests and the bench. */
  reads = 0;
  /** How often each kind of thing was made (not served from memory), for tests and the bench. */
  readonly made = new Map<string, number>();

  /** Whether this World remembers between builds (`watch`) or lives for one build. */
  constructor(readonly keep: boolean = false) {}

  /** What changes when a file's content may have (fileStamp). */
  stamp(file: string): string {
    return fileStamp(file);
  }

  /** workspace.readText, remembered while the file's stamp stays the same. */
  async readText(file: string, options: ReadOptions = {}): Promise<string> {
    // A World that lives for one build remembers nothing, so it needs no stamps (a stat per file).
    if (!this.keep) {
      const text = await readText(file, options);
      this.reads++;
      return text;
    }
    const stamp = this.stamp(file);
    const known = this.texts.get(file);
    if (known !== undefined && known.stamp === stamp) return known.text;
    const text = await readText(file, options);
    this.reads++;
    this.texts.set(file, { stamp, text });
    return text;
  }

  /**
   * Something made from files (a loaded font, an image's size, a converted image): made again
   * only when one of `files` changed. `kind` and `key` name it.
   */
  async fromFiles<T>(kind: string, key: string, files: readonly string[], make: () => T | Promise<T>): Promise<T> {
    if (!this.keep) {
      const value = await make();
      this.count(kind);
      return value;
    }
    const id = `${kind}\0${key}`;
    const stamp = files.map((f) => this.stamp(f)).join('|');
    const known = this.derived.get(id);
    if (known !== undefined && known.stamp === stamp) return known.value as T;
    const value = await make();
    this.count(kind);
    this.derived.set(id, { stamp, value });
    return value;
  }

  /** Something made from text alone (parsed Markdown): remembered by the text itself. */
  fromText<T>(kind: string, text: string, make: () => T): T {
    // Not even looked up in a World that keeps nothing: the key is the whole text (an article),
    // copied flat and hashed for a lookup that cannot succeed.
    if (!this.keep) {
      const value = make();
      this.count(kind);
      return value;
    }
    const id = `${kind}\0${text}`;
    const known = this.derived.get(id);
    if (known !== undefined) return known.value as T;
    const value = make();
    this.count(kind);
    // Old versions of edited texts would pile up over a long session; a full cache starts over.
    if (this.derived.size > MAX_REMEMBERED) this.derived.clear();
    this.derived.set(id, { stamp: '', value });
    return value;
  }

  /** How many article versions are set and remembered (each set once), for tests and the bench. */
  articlesSet(): number {
    return this.articles?.cache.size ?? 0;
  }

  private count(kind: string): void {
    this.made.set(kind, (this.made.get(kind) ?? 0) + 1);
  }

  /**
   * The articles already set with these `settings` (page, fonts, typography); other settings
   * start an empty cache. Undefined for a one-shot build, which sets everything once anyway.
   */
  articleCache(settings: string): ArticleCache | undefined {
    if (!this.keep) return undefined;
    if (this.articles?.settings !== settings) this.articles = { settings, cache: new Map() };
    return this.articles.cache;
  }
}
