/**
 * Builds one issue: issues/<id>/ → out/<id>/<name>.pdf. The pipeline, top to bottom; each stage
 * is timed for the CLI's report.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError, type Diagnostic, type SourceLocation } from './errors';
import { loadIssue } from './document/load';
import { lintIssue } from './lint';
import type { IssueDocument } from './document/types';
import { effectivePpi, imageForEmail, imageForPrint, readImageInfo, resolutionWarning } from './images';
import { checkCoverage } from './layout/coverage';
import { layoutDocument, padPages } from './layout/document';
import { pageStyleFrom, parseLength } from './layout/page-style';
import type { LaidOutIssue } from './layout/types';
import type { SeriesManifest } from './manifest/types';
import { writeFilesAtomically } from './output';
import { formatReport, preflightPdf } from './preflight/preflight';
import { attachFontFile, readFontFile } from './render/font-file';
import { type PressSettings, renderPdf } from './render/pdf';
import { FONT_ROLES, type FontRole, type FontSet, type LoadedFont, openFont } from './text/fonts';
import { t } from './messages';
import { checkReadableFile, MAX_FONT_BYTES, MAX_ICC_BYTES, readBytes, resolveInside } from './workspace';

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface BuildResult {
  readonly outputs: readonly { readonly file: string; readonly bytes: number; readonly target: string }[];
  readonly pageCount: number;
  readonly warnings: readonly Diagnostic[];
  /** Things the build did that the editor should know (e.g. blank pages added for binding). */
  readonly notes: readonly string[];
  readonly timings: readonly StageTiming[];
  readonly layout: LaidOutIssue;
}

export interface BuildOptions {
  /** Check everything, write nothing (`bulletin check`). */
  readonly dryRun?: boolean;
  /** Called as each stage finishes, so the CLI can print progress. */
  readonly onStage?: (timing: StageTiming) => void;
}

/** Builds issues/<issueId> under projectRoot. */
export async function buildIssue(projectRoot: string, issueId: string, options: BuildOptions = {}): Promise<BuildResult> {
  const timings: StageTiming[] = [];
  const stage = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    const result = await work();
    const timing = { stage: name, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    timings.push(timing);
    options.onStage?.(timing);
    return result;
  };

  // Read and validate every file; all of the editor's mistakes are reported together.
  const loaded = await stage('read and validate', () => loadIssue(projectRoot, issueId));
  const { document, series } = loaded;
  // Typography lint of the articles (R4, R16, R23, R24): warnings; U+FFFD stops the build.
  const lintWarnings = await stage('lint', () => lintIssue(loaded));

  // Fonts, then every character against the font that sets it (R27).
  const fonts = await stage('fonts', () => loadFonts(projectRoot, series, loaded.locateInSeries));
  await stage('glyph coverage', () => checkCoverage(document, fonts, loaded.sources));

  // Image sizes (layout does no I/O).
  const images = await stage('images', () => readImages(projectRoot, document));

  // Typeset and paginate; TOC folios come from where the articles landed.
  const typeset = await stage('typeset', () =>
    layoutDocument(document, {
      style: pageStyleFrom(series.page),
      fonts,
      images,
      punctuation: series.typography?.punctuation ?? 'quanjiao',
      hang: series.typography?.hang ?? 'none',
      trimLineStartOpen: series.typography?.trimLineStartOpen ?? true,
    }),
  );
  // A saddle-stitched booklet is folded sheets: 4n pages. Both files get the same pages.
  const notes: string[] = [];
  const binding = series.print?.binding ?? 'saddle-stitch';
  const layout = binding === 'saddle-stitch' ? padPages(typeset, 4) : typeset;
  if (layout.pages.length !== typeset.pages.length) {
    notes.push(t(`saddle-stitch: padded ${typeset.pages.length} → ${layout.pages.length} pages (blank pages at the end)`, `骑马钉：补空白页 ${typeset.pages.length} → ${layout.pages.length} 页（加在末尾）`));
  }

  const press = await stage('print settings', () => pressSettings(projectRoot, series, loaded.locateInSeries));
  const warnings = [...loaded.warnings, ...lintWarnings, ...resolutionWarnings(projectRoot, layout, images)];

  // Only now does the PDF writer appear: two files from the one layout.
  // The press images (CMYK through the profile, the slowest conversion) are queued right after
  // the e-mail ones (which are quick and needed first) and not awaited yet: sharp works on
  // libuv's threads while this thread renders the e-mail copy, so on two cores the two overlap.
  // The no-op catch only keeps a failure from being reported as unhandled before it is awaited
  // (and thrown) below.
  const emailImagesPending = prepareImages(layout, (file, width) => imageForEmail(file, width));
  // One at a time: the main thread is busy rendering meanwhile, so one sharp thread uses the
  // other core, and only one full-size image is decoded at any moment (peak memory).
  const printImagesPending = prepareImages(layout, (file, width) => imageForPrint(file, width, press.iccPath), 1);
  printImagesPending.catch(() => undefined);
  const emailImages = await stage('prepare images', () => emailImagesPending);
  // Hashed from the image sources (and the profile), not the converted bytes, which are not
  // ready yet; the converted bytes are a function of these and the layout's placed sizes.
  const contentHash = await hashContent(projectRoot, layout, document.meta.title, press.settings.iccProfile);
  const emailPdf = await stage('render e-mail', () => renderPdf(layout, fonts, { target: 'email', meta: document.meta, images: emailImages, contentHash }));

  // Our own preflight on both files. Our output failing it is a bug of ours, not the editor's
  // mistake (a bad custom ICC profile was refused above), so it is thrown as a plain Error.
  // The e-mail copy is checked while the press images are still being converted.
  const ownPreflight = async (name: string, bytes: Buffer, profile: 'email' | 'print') => {
    const report = await preflightPdf(bytes, profile);
    if (!report.passed) throw new Error(`the ${name} PDF fails our own preflight:\n${formatReport(report)}`);
  };
  await stage('preflight e-mail', () => ownPreflight('e-mail', emailPdf, 'email'));
  // What is left of the press images' conversion after the e-mail render and its preflight.
  const printImages = await stage('prepare print images', () => printImagesPending);
  const printPdf = await stage('render print', () => renderPdf(layout, fonts, { target: 'print', meta: document.meta, images: printImages, contentHash, press: press.settings }));
  await stage('preflight print', () => ownPreflight('print', printPdf, 'print'));

  const outDir = path.join(projectRoot, 'out', issueId);
  const emailFile = path.join(outDir, `${document.outputName}.pdf`);
  const printFile = path.join(outDir, `${document.outputName}-print.pdf`);
  if (!options.dryRun) {
    await stage('write', () =>
      writeFilesAtomically(projectRoot, [
        { file: emailFile, bytes: emailPdf },
        { file: printFile, bytes: printPdf },
      ]),
    );
  }
  return {
    outputs: options.dryRun
      ? []
      : [
          { file: emailFile, bytes: emailPdf.length, target: 'email' },
          { file: printFile, bytes: printPdf.length, target: 'print' },
        ],
    pageCount: layout.pages.length,
    warnings,
    notes,
    timings,
    layout,
  };
}

/** The shipped CMYK profile and its output condition (profiles/README.md). */
const DEFAULT_PROFILE = 'profiles/FOGRA39-bulletin.icc';
const DEFAULT_CONDITION = 'FOGRA39';
const DEFAULT_CONDITION_INFO = 'Coated FOGRA39 (ISO 12647-2:2004)';

/** Bleed, marks and output intent from the series file's `print:` block (defaults: 3 mm, no marks, FOGRA39). */
async function pressSettings(projectRoot: string, series: SeriesManifest, locate: (path: readonly (string | number)[]) => SourceLocation): Promise<{ settings: PressSettings; iccPath: string }> {
  const print = series.print ?? {};
  const bleed = parseLength(print.bleed ?? '3mm');
  if (bleed === undefined) throw new Error(`unreadable print.bleed "${print.bleed}" passed validation`);
  const relative = print.iccProfile ?? DEFAULT_PROFILE;
  const from = locate(print.iccProfile === undefined ? ['print'] : ['print', 'iccProfile']);
  const refuse = (message: string, hint: string): never => {
    throw new BulletinError([{ severity: 'error', location: from, message, hint }]);
  };
  const iccPath = resolveInside(projectRoot, relative, from);
  const icc = readBytes(iccPath, { display: relative, from, maxBytes: MAX_ICC_BYTES, notFoundHint: t('check the path; profiles live in profiles/ at the project root', '请检查路径；配置文件位于项目根目录的 profiles/ 下') });
  const header = (a: number, b: number) => icc.subarray(a, b).toString('latin1');
  if (icc.length < 128 || header(36, 40) !== 'acsp' || header(12, 16) !== 'prtr' || header(16, 20) !== 'CMYK') {
    refuse(t(`${relative} is not a CMYK output (printer) ICC profile`, `${relative} 不是 CMYK 输出（印刷）ICC 配置文件`), t("ask the print shop for their press profile (a .icc file for CMYK printing)", '请向印刷厂索取其印刷用 CMYK 配置文件（.icc）'));
  }
  const condition = print.outputCondition ?? (print.iccProfile === undefined ? DEFAULT_CONDITION : path.basename(relative, path.extname(relative)));
  return {
    iccPath,
    settings: {
      bleed,
      cropMarks: print.cropMarks ?? false,
      iccProfile: icc,
      outputCondition: condition,
      outputConditionInfo: condition === DEFAULT_CONDITION ? DEFAULT_CONDITION_INFO : condition,
    },
  };
}

/** One warning per image below 300 ppi at its placed size, at the figure's Markdown line. */
function resolutionWarnings(projectRoot: string, layout: LaidOutIssue, pixels: ReadonlyMap<string, { width: number; height: number }>): Diagnostic[] {
  const warned = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const page of layout.pages) {
    for (const box of page.boxes) {
      const size = box.kind === 'image' ? pixels.get(box.file) : undefined;
      if (box.kind !== 'image' || !size || warned.has(box.file)) continue;
      const name = path.relative(projectRoot, box.file);
      const warning = resolutionWarning(name, effectivePpi(size, box.width, box.height), box.source ?? { file: name });
      if (warning) {
        warned.add(box.file);
        warnings.push(warning);
      }
    }
  }
  return warnings;
}

/**
 * A digest of everything that ends up in the PDFs, for stable yet content-dependent ids (not the
 * checkout's location): the title, the laid-out pages (which include each image's placed size),
 * the bytes of every placed image's source file and the press profile they are converted with.
 */
async function hashContent(projectRoot: string, layout: LaidOutIssue, title: string, iccProfile: Buffer): Promise<string> {
  // The project root is cut out of the JSON text rather than with a replacer function, which
  // JSON.stringify would call for every glyph of every line (it was ~40 ms of the sample).
  // Page by page: one JSON text of a 200-page layout was tens of MB of string at once.
  const root = JSON.stringify(projectRoot + path.sep).slice(1, -1);
  const hash = createHash('sha256').update(title);
  layout.pages.forEach((page, i) => hash.update(`${i === 0 ? '[' : ','}${JSON.stringify(page).split(root).join('')}`));
  hash.update(']');
  const files = new Set<string>();
  for (const page of layout.pages) for (const box of page.boxes) if (box.kind === 'image') files.add(box.file);
  for (const file of [...files].sort((a, b) => a.localeCompare(b))) hash.update(await fs.promises.readFile(file));
  return hash.update(iccProfile).digest('hex');
}

async function loadFonts(projectRoot: string, series: SeriesManifest, locate: (path: readonly (string | number)[]) => SourceLocation): Promise<FontSet> {
  const entries = await Promise.all(
    FONT_ROLES.map(async (role): Promise<[FontRole, LoadedFont]> => {
      const relative = series.fonts[role];
      const from = locate(['fonts', role]);
      const file = resolveInside(projectRoot, relative, from);
      // A FIFO or /dev/zero named as a font would hang the reader below or fill the memory.
      checkReadableFile(file, { display: relative, from, maxBytes: MAX_FONT_BYTES, notFoundHint: t('check the path; fonts live in fonts/ at the project root', '请检查路径；字体位于项目根目录的 fonts/ 下') });
      let bytes: Buffer;
      try {
        // Without the outlines, which only the subset writer needs, and for only the glyphs it
        // writes (render/font-file.ts): ~53 MB less resident memory and I/O for the four fonts.
        bytes = await readFontFile(file);
      } catch {
        throw new BulletinError([
          {
            severity: 'error',
            location: locate(['fonts', role]),
            message: t(`font file ${relative} (fonts.${role}) cannot be read`, `字体文件 ${relative}（fonts.${role}）无法读取`),
            hint: t('check the path; fonts live in fonts/ at the project root', '请检查路径；字体位于项目根目录的 fonts/ 下'),
          },
        ]);
      }
      try {
        const font = openFont(role, relative, bytes);
        attachFontFile(font, bytes);
        return [role, font];
      } catch (err) {
        throw new BulletinError([
          {
            severity: 'error',
            location: locate(['fonts', role]),
            message: t(`${relative} (fonts.${role}) is not a usable font: ${(err as Error).message}`, `${relative}（fonts.${role}）不是可用的字体：${(err as Error).message}`),
            hint: t('use a single-face TrueType (.ttf) file', '请使用单字重 TrueType（.ttf）字体文件'),
          },
        ]);
      }
    }),
  );
  return Object.fromEntries(entries) as FontSet;
}

async function readImages(projectRoot: string, doc: IssueDocument): Promise<Map<string, { width: number; height: number }>> {
  const sizes = new Map<string, { width: number; height: number }>();
  const problems: Diagnostic[] = [];
  for (const section of doc.sections) {
    for (const article of section.articles) {
      for (const block of article.blocks) {
        if (block.kind !== 'figure' || sizes.has(block.image)) continue;
        try {
          sizes.set(block.image, await readImageInfo(block.image, path.relative(projectRoot, block.image), block.source));
        } catch (err) {
          if (!(err instanceof BulletinError)) throw err;
          problems.push(...err.diagnostics);
        }
      }
    }
  }
  if (problems.length > 0) throw new BulletinError(problems);
  return sizes;
}

/**
 * Converts each placed image once, for its widest placement, at most `parallel` at a time: each
 * conversion holds a decoded full-size image, and with all of them at once (plus the heap of the
 * render running meanwhile) they made the build's peak memory.
 */
async function prepareImages(layout: LaidOutIssue, convert: (file: string, placedWidth: number) => Promise<Buffer>, parallel = Infinity): Promise<Map<string, Buffer>> {
  const widest = new Map<string, number>();
  for (const page of layout.pages) {
    for (const box of page.boxes) if (box.kind === 'image') widest.set(box.file, Math.max(widest.get(box.file) ?? 0, box.width));
  }
  const prepared = new Map<string, Buffer>();
  const queue = [...widest];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) prepared.set(next[0], await convert(next[0], next[1]));
  };
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
  // In placement order, whatever order the conversions finished in.
  return new Map([...widest.keys()].map((file) => [file, prepared.get(file)!]));
}
