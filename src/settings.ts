/**
 * The series file's settings resolved once: every default is applied here and nowhere else, and
 * page geometry that cannot be printed is refused here, with the line of the series file (the
 * schema only knows each value alone, not that A5 cannot hold 38 characters of 小四).
 */
import { BulletinError, type SourceLocation } from './errors';
import { type PageStyle, pageStyleFrom, parseLength } from './layout/page-style';
import type { FontSettings, SeriesManifest } from './manifest/types';
import { t } from './messages';
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
  return { page, typography, press, fonts: series.fonts };
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
      message: t(
        `page.charsPerLine: ${Math.round(page.textWidth / page.em)} characters of ${page.em}pt leave an outer margin of ${mm(page.outerMargin)} mm on a page ${mm(page.pageWidth)} mm wide (at least 5 mm is needed)`,
        `page.charsPerLine：${Math.round(page.textWidth / page.em)} 个 ${page.em}pt 的字在 ${mm(page.pageWidth)} mm 宽的页面上只留下 ${mm(page.outerMargin)} mm 外边距（至少需要 5 mm）`,
      ),
      hint: t(`at most ${fits} characters fit with this body size and inner margin; or choose a smaller bodySize or marginInner`, `在此字号和内边距下每行最多 ${fits} 个字；也可减小 bodySize 或 marginInner`),
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
      message: t(
        `page.linesPerPage: ${page.linesPerPage} lines at ${page.pitch}pt from ${mm(page.textTop)} mm leave no room for the folio on a page ${mm(page.pageHeight)} mm high`,
        `page.linesPerPage：${page.linesPerPage} 行（行距 ${page.pitch}pt，自 ${mm(page.textTop)} mm 起）在 ${mm(page.pageHeight)} mm 高的页面上放不下页码`,
      ),
      hint: t(`at most ${Math.max(0, fits)} lines fit; or reduce linePitch or marginTop`, `最多可排 ${Math.max(0, fits)} 行；也可减小 linePitch 或 marginTop`),
    });
  }
  if (problems.length > 0) throw new BulletinError(problems);
}
