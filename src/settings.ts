/**
 * The series file's settings resolved once: every default is applied here and nowhere else, and
 * page geometry that cannot be printed is refused here, with the line of the series file (the
 * schema only knows each value alone, not that A5 cannot hold 38 characters of 小四).
 */
import { BulletinError, type SourceLocation } from './errors';
import { type PageStyle, pageStyleFrom, parseLength } from './layout/page-style';
import type { FontSettings, SeriesManifest } from './manifest/types';
import { message } from './messages';
import type { PunctuationStyle } from './text/classes';

/** How text is set, for every paragraph, title, TOC entry and single line alike. */
export interface Typography {
  readonly punctuation: PunctuationStyle;
  readonly hang: 'none' | 'stops';
  /** Opening marks at line start lose their left blank (R12). */
  readonly trimLineStartOpen: boolean;
  /** 第…条 lead-ins in bold (R31). */
  readonly boldArticleNumbers: boolean;
}

/** What the press file needs besides the layout. */
export interface Press {
  readonly bleed: number;
  readonly cropMarks: boolean;
  readonly binding: 'saddle-stitch' | 'perfect' | 'none';
  /** Pages above which a saddle-stitched press file gets a warning (suggesting perfect binding). */
  readonly bindingLimit: number;
  /** Path of the CMYK output profile, relative to the project root. */
  readonly iccProfile: string;
  /** The series file names its own profile (messages point at that key). */
  readonly customProfile: boolean;
  readonly outputCondition: string;
  readonly outputConditionInfo: string;
}

export interface Settings {
  readonly page: PageStyle;
  readonly typography: Typography;
  readonly press: Press;
  readonly fonts: FontSettings;
}

/** Set in the series file when nothing else is said (TYPOGRAPHY R10, R12, R13). */
export const DEFAULT_TYPOGRAPHY: Typography = { punctuation: 'quanjiao', hang: 'none', trimLineStartOpen: true, boldArticleNumbers: true };

/** The fallback fonts when the series file names none: HanaMinB covers CJK Extensions B–F (fonts/SOURCES.md). */
export const DEFAULT_FALLBACK_FONTS: readonly string[] = ['fonts/HanaMinB.ttf'];

/** The shipped CMYK profile and its output condition (profiles/README.md). */
const DEFAULT_PROFILE = 'profiles/FOGRA39-bulletin.icc';
const DEFAULT_CONDITION = 'FOGRA39';
const DEFAULT_CONDITION_INFO = 'Coated FOGRA39 (ISO 12647-2:2004)';
const DEFAULT_BLEED = '3mm';
/** Saddle stitching suits up to ~64 A4 pages (16 sheets); past that a shop binds a book (PRINT.md §2.4). */
const DEFAULT_BINDING_LIMIT = 64;

const MM = 72 / 25.4;
/** Print shops keep ink this far inside the trim (the "safe zone"); less cannot be trusted to survive cutting. */
const SAFE_ZONE = 5 * MM;

/** Resolves the series file's settings; `locate` gives the line of a key in the series file. */
export function resolveSettings(series: SeriesManifest, locate: (path: readonly (string | number)[]) => SourceLocation): Settings {
  const page = pageStyleFrom(series.page);
  checkGeometry(page, locate);
  const typography: Typography = {
    punctuation: series.typography?.punctuation ?? DEFAULT_TYPOGRAPHY.punctuation,
    hang: series.typography?.hang ?? DEFAULT_TYPOGRAPHY.hang,
    trimLineStartOpen: series.typography?.trimLineStartOpen ?? DEFAULT_TYPOGRAPHY.trimLineStartOpen,
    boldArticleNumbers: series.typography?.boldArticleNumbers ?? DEFAULT_TYPOGRAPHY.boldArticleNumbers,
  };
  const print = series.print ?? {};
  const bleed = parseLength(print.bleed ?? DEFAULT_BLEED);
  if (bleed === undefined) throw new Error(`unreadable print.bleed "${print.bleed}" passed validation`);
  const iccProfile = print.iccProfile ?? DEFAULT_PROFILE;
  const customProfile = print.iccProfile !== undefined;
  const outputCondition = print.outputCondition ?? (customProfile ? baseName(iccProfile) : DEFAULT_CONDITION);
  const press: Press = {
    bleed,
    cropMarks: print.cropMarks ?? false,
    binding: print.binding ?? 'saddle-stitch',
    bindingLimit: print.bindingLimit ?? DEFAULT_BINDING_LIMIT,
    iccProfile,
    customProfile,
    outputCondition,
    outputConditionInfo: outputCondition === DEFAULT_CONDITION ? DEFAULT_CONDITION_INFO : outputCondition,
  };
  return { page, typography, press, fonts: { ...series.fonts, fallback: series.fonts.fallback ?? DEFAULT_FALLBACK_FONTS } };
}

function baseName(file: string): string {
  const name = file.split(/[/\\]/).pop() ?? file;
  return name.replace(/\.[^.]*$/, '');
}

/**
 * The text area must lie inside the page with room for the folio: the outer margin is what the
 * width leaves after the inner margin and N characters (R30), so N, the body size and the trim
 * width can contradict each other; so can the lines per page and the trim height.
 */
function checkGeometry(page: PageStyle, locate: (path: readonly (string | number)[]) => SourceLocation): void {
  const mm = (pt: number) => (pt / MM).toFixed(1);
  const problems = [];
  if (page.outerMargin < SAFE_ZONE) {
    const fits = Math.floor((page.pageWidth - page.innerMargin - SAFE_ZONE) / page.em);
    problems.push({
      severity: 'error' as const,
      location: locate(['page', 'charsPerLine']),
      ...message('settings.chars-per-line-too-many', { textWidth: Math.round(page.textWidth / page.em), em: page.em, outerMargin: mm(page.outerMargin), pageWidth: mm(page.pageWidth) }),
      hint: message('settings.chars-per-line-too-many.hint', { fits }),
    });
  }
  // Folio baseline, as decorate.ts places it: 7 mm below the text area plus 0.6 of the folio size.
  const textBottom = page.textTop + (page.linesPerPage - 1) * page.pitch + page.em;
  const folioBaseline = textBottom + 7 * MM + page.sizes.folio * 0.6;
  if (folioBaseline > page.pageHeight - SAFE_ZONE) {
    const fits = Math.floor((page.pageHeight - SAFE_ZONE - 7 * MM - page.sizes.folio * 0.6 - page.em - page.textTop) / page.pitch) + 1;
    problems.push({
      severity: 'error' as const,
      location: locate(['page', 'linesPerPage']),
      ...message('settings.lines-per-page-too-many', { linesPerPage: page.linesPerPage, pitch: page.pitch, textTop: mm(page.textTop), pageHeight: mm(page.pageHeight) }),
      hint: message('settings.lines-per-page-too-many.hint', { fits: Math.max(0, fits) }),
    });
  }
  if (problems.length > 0) throw new BulletinError(problems);
}
