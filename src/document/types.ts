/**
 * The issue as a document: what the layout engine sets, in reading order. Built from the
 * validated manifests and the parsed articles; nothing here knows about pages or fonts.
 */
import type { SourceLocation } from '../errors';

/** Identifies an article (or section) so TOC entries, links and bookmarks can point at it. */
export type AnchorId = string & { readonly __brand: 'AnchorId' };

/** How a run of text is set: regular body face, real bold face, or 着重号 emphasis dots. */
export type RunStyle = 'regular' | 'bold' | 'emphasis';

/**
 * A stretch of text in one style; `source` is where the run starts in the editor's file. A "\n"
 * in `text` is a forced line break the editor asked for (two trailing spaces or a backslash).
 */
export interface TextRun {
  readonly text: string;
  readonly style: RunStyle;
  readonly source: SourceLocation;
  /** The URI a click on this text opens in the e-mail copy (https:, mailto:). */
  readonly link?: string;
}

/** A Markdown list item: its nesting (1 or 2) and the label it starts with ("1." "（1）" "•"). */
export interface ListMark {
  readonly level: 1 | 2;
  /** The item's label ("1." "（1）" "•"), printed at the start of its first paragraph's runs (already part of them). */
  readonly label: string;
  /** A later paragraph of the item: the label is not printed again; the text hangs under the item's. */
  readonly continues?: boolean;
}

/** Heading levels of a Chinese 公文: 一、 / （一） / 1. / （1） (TYPOGRAPHY R21). */
export type HeadingLevel = 1 | 2 | 3 | 4;

/** A block inside an article body. */
export type BodyBlock =
  | { readonly kind: 'paragraph'; readonly runs: readonly TextRun[]; readonly source: SourceLocation; readonly list?: ListMark }
  | {
      readonly kind: 'heading';
      readonly level: HeadingLevel;
      readonly runs: readonly TextRun[];
      readonly source: SourceLocation;
    }
  | {
      readonly kind: 'figure';
      /** Absolute path of the image file (already checked to lie inside the issue folder). */
      readonly image: string;
      readonly caption: readonly TextRun[];
      readonly source: SourceLocation;
    };

export interface Article {
  readonly anchor: AnchorId;
  /** The Markdown file, relative to the project root, for messages. */
  readonly file: string;
  readonly title: string;
  readonly subtitle?: string;
  /** The byline under the title, e.g. "上海信访发布 2024年2月2日". */
  readonly byline?: string;
  readonly documentNumber?: string;
  /** 题注: the adoption history, one event each (R31). */
  readonly history?: readonly string[];
  readonly runningHead: string;
  readonly tocTitle: string;
  readonly blocks: readonly BodyBlock[];
  /** Where the front matter's title is, for messages about the title. */
  readonly titleSource: SourceLocation;
}

export interface Section {
  readonly anchor: AnchorId;
  /** Section number as set, e.g. 一、 (from the sectionNumber template). */
  readonly number: string;
  readonly title: string;
  readonly articles: readonly Article[];
}

/** Everything the cover (刊头) shows. */
export interface Masthead {
  readonly title: string;
  readonly publisher: string;
  /** e.g. 2024年2月第2期, from the coverIssueLine template. */
  readonly issueLine: string;
  readonly boardHeading: string;
  /** Label + names rows, e.g. { label: '主编', names: ['江净'] }. */
  readonly boardRows: readonly { readonly label: string; readonly note?: string; readonly names: readonly string[] }[];
  readonly editorLabel: string;
  readonly editor: string;
  readonly contactLabel: string;
  readonly email: string;
}

/** PDF document information. */
export interface DocumentMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly lang: string;
  /** Fixed creation date (from the issue date), so rebuilds are byte-identical. */
  readonly creationDate: Date;
}

/** The text patterns an editor may change, already compiled (Handlebars, strict). */
export interface PageTexts {
  readonly runningHead: string;
  folio(folio: number): string;
  tocNumber(index: number): string;
}

export interface IssueDocument {
  readonly meta: DocumentMeta;
  readonly masthead: Masthead;
  readonly sections: readonly Section[];
  readonly texts: PageTexts;
  /** Output file name without extension. */
  readonly outputName: string;
}
