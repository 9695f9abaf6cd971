/**
 * The validated shape of the editor's YAML files. schemas/*.schema.json describe the same shapes
 * for ajv and for the editor's VS Code; test/manifest/schema-sync.test.ts keeps them in step.
 */

/** A length as written by the editor: "210mm", "12pt", "3mm", or a 号 size such as "小四". */
export type LengthText = string;

/** issues/series.yaml: everything that repeats from issue to issue. */
export interface SeriesManifest {
  /** Short title on the cover and in running heads, e.g. 法律资讯. */
  readonly title: string;
  /** Title with the publisher's qualifier, e.g. 社会矛盾化解法律资讯 (running head, PDF Title). */
  readonly fullTitle: string;
  /** Publishing body, e.g. 社会矛盾化解专业委员会. */
  readonly publisher: string;
  readonly editorialBoard: EditorialBoard;
  readonly contact: { readonly email: string };
  readonly page: PageSettings;
  readonly fonts: FontSettings;
  readonly typography?: TypographySettings;
  readonly templates: TemplateSettings;
  readonly print?: PrintSettings;
  /** Words for the PDF Keywords entry. */
  readonly keywords?: readonly string[];
}

export interface EditorialBoard {
  /** Heading of the board block, e.g. 《社会矛盾化解法律资讯》编委会. */
  readonly heading: string;
  readonly chiefEditors: readonly string[];
  readonly deputyEditors: readonly string[];
  readonly members: readonly string[];
  /** Note after the members label, e.g. 按姓氏拼音. */
  readonly membersNote?: string;
}

export interface PageSettings {
  /** Trim width and height, e.g. "210mm". */
  readonly width: LengthText;
  readonly height: LengthText;
  /** Body text size, e.g. "小四" or "12pt". */
  readonly bodySize: LengthText;
  /** Characters per body line; the text width is this many body ems (TYPOGRAPHY R30). */
  readonly charsPerLine: number;
  /** Baseline-to-baseline distance of body lines, e.g. "20pt". */
  readonly linePitch: LengthText;
  /** Body lines per page; with linePitch this fixes the text height. */
  readonly linesPerPage: number;
  /** Distance from the trim top to the top of the text area. */
  readonly marginTop: LengthText;
  /** Inner (binding side) margin; the outer margin is what remains. */
  readonly marginInner: LengthText;
}

export interface FontSettings {
  /** Paths relative to the project root. */
  readonly serif: string;
  readonly serifBold: string;
  readonly sansBold: string;
  readonly kai: string;
}

export interface TypographySettings {
  /** Punctuation width style, as ctex's punct= option. Default quanjiao. */
  readonly punctuation?: 'quanjiao' | 'kaiming' | 'banjiao';
  /** Hanging punctuation at line end. Default none. */
  readonly hang?: 'none' | 'stops';
  /** Trim the left blank of an opening mark at line start (R12). Default true. */
  readonly trimLineStartOpen?: boolean;
  /** Set the 第…条 lead-in of a regulation's articles in bold (R31). Default true. */
  readonly boldArticleNumbers?: boolean;
}

export interface TemplateSettings {
  /** Cover issue line, e.g. "{{year}}年{{month}}月第{{number}}期". */
  readonly coverIssueLine: string;
  /** Running head on the publication side, e.g. "{{fullTitle}} · {{year}}年第{{number}}期". */
  readonly runningHead: string;
  /** Footer folio, e.g. "— {{folio}} —". */
  readonly folio: string;
  /** Section number in TOC and section titles, e.g. "{{chinese}}、". */
  readonly sectionNumber: string;
  /** Article number in the TOC, e.g. "{{number}}、". */
  readonly tocNumber: string;
  /** Output file name without extension, e.g. "{{title}}-{{year}}年第{{number}}期". */
  readonly outputName: string;
}

export interface PrintSettings {
  readonly bleed?: LengthText;
  readonly cropMarks?: boolean;
  readonly binding?: 'saddle-stitch' | 'perfect' | 'none';
  /** Pages above which a saddle-stitched press file gets a warning (default 64, ~16 sheets of A4). */
  readonly bindingLimit?: number;
  /** Path of the shop's CMYK ICC profile; default the shipped one. */
  readonly iccProfile?: string;
  readonly outputCondition?: string;
}

/** issues/<id>/issue.yaml: one issue. */
export interface IssueManifest {
  /** Path of the series file, relative to the issue folder, e.g. ../series.yaml. */
  readonly series: string;
  /** Issue number within the year (第2期). */
  readonly number: number;
  /** Publication date, YYYY-MM-DD; also the PDF's CreationDate. */
  readonly date: string;
  /** 本期编辑. */
  readonly editor: string;
  readonly sections: readonly SectionManifest[];
}

export interface SectionManifest {
  /** Section title without its number, e.g. 行业动态 (numbered 一、 by the template). */
  readonly title: string;
  readonly articles: readonly ArticleRef[];
}

export interface ArticleRef {
  /** Markdown file relative to the issue folder, e.g. articles/01-changbai.md. */
  readonly file: string;
}

/** Front matter of an article Markdown file. */
export interface ArticleFrontMatter {
  readonly title: string;
  readonly subtitle?: string;
  /** Where the article comes from, e.g. 上海信访发布. */
  readonly source?: string;
  /** YYYY-MM-DD. */
  readonly date?: string;
  /** Document number of a regulation, e.g. 国信发〔2024〕1号. */
  readonly documentNumber?: string;
  /** 题注: the adoption history of a regulation, one event per item, or one text split before each date (R31). */
  readonly history?: string | readonly string[];
  /** Short title for the running head; default the title. */
  readonly runningHead?: string;
  /** Title as listed in the TOC; default title, plus subtitle when there is one. */
  readonly tocTitle?: string;
}
