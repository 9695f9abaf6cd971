/**
 * Builds one issue: issues/<id>/ → out/<id>/<name>.pdf. The pipeline, top to bottom; each stage
 * is timed for the CLI's report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError, type Diagnostic, type SourceLocation } from './errors';
import { loadIssue } from './document/load';
import type { IssueDocument } from './document/types';
import { imageForEmail, readImageInfo } from './images';
import { checkCoverage } from './layout/coverage';
import { layoutDocument } from './layout/document';
import { pageStyleFrom } from './layout/page-style';
import type { LaidOutIssue } from './layout/types';
import type { SeriesManifest } from './manifest/types';
import { writeFilesAtomically } from './output';
import { renderPdf } from './render/pdf';
import { FONT_ROLES, type FontRole, type FontSet, type LoadedFont, openFont } from './text/fonts';
import { t } from './messages';

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface BuildResult {
  readonly outputs: readonly { readonly file: string; readonly bytes: number; readonly target: string }[];
  readonly pageCount: number;
  readonly warnings: readonly Diagnostic[];
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

  // Fonts, then every character against the font that sets it (R27).
  const fonts = await stage('fonts', () => loadFonts(projectRoot, series, loaded.locateInSeries));
  await stage('glyph coverage', () => checkCoverage(document, fonts, loaded.sources));

  // Image sizes (layout does no I/O).
  const images = await stage('images', () => readImages(projectRoot, document));

  // Typeset and paginate; TOC folios come from where the articles landed.
  const layout = await stage('typeset', () =>
    layoutDocument(document, {
      style: pageStyleFrom(series.page),
      fonts,
      images,
      punctuation: series.typography?.punctuation ?? 'quanjiao',
      hang: series.typography?.hang ?? 'none',
    }),
  );

  // Only now does the PDF writer appear.
  const emailImages = await stage('prepare images', () => imagesForEmail(layout));
  const emailPdf = await stage('render', () => renderPdf(layout, fonts, { target: 'email', meta: document.meta, images: emailImages }));

  const outDir = path.join(projectRoot, 'out', issueId);
  const emailFile = path.join(outDir, `${document.outputName}.pdf`);
  if (!options.dryRun) await stage('write', () => writeFilesAtomically([{ file: emailFile, bytes: emailPdf }]));
  return {
    outputs: options.dryRun ? [] : [{ file: emailFile, bytes: emailPdf.length, target: 'email' }],
    pageCount: layout.pages.length,
    warnings: loaded.warnings,
    timings,
    layout,
  };
}

async function loadFonts(projectRoot: string, series: SeriesManifest, locate: (path: readonly (string | number)[]) => SourceLocation): Promise<FontSet> {
  const entries = await Promise.all(
    FONT_ROLES.map(async (role): Promise<[FontRole, LoadedFont]> => {
      const relative = series.fonts[role];
      const file = path.resolve(projectRoot, relative);
      let bytes: Buffer;
      try {
        bytes = await fs.promises.readFile(file);
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
        return [role, openFont(role, relative, bytes)];
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

async function imagesForEmail(layout: LaidOutIssue): Promise<Map<string, Buffer>> {
  const widest = new Map<string, number>();
  for (const page of layout.pages) {
    for (const box of page.boxes) if (box.kind === 'image') widest.set(box.file, Math.max(widest.get(box.file) ?? 0, box.width));
  }
  const prepared = new Map<string, Buffer>();
  await Promise.all([...widest].map(async ([file, width]) => prepared.set(file, await imageForEmail(file, width))));
  return prepared;
}
