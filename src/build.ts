/**
 * Builds one issue: issues/<id>/ → out/<id>/<name>.pdf. The pipeline, top to bottom; each stage
 * is timed for the CLI's report.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BulletinError, type Diagnostic, type SourceLocation } from './errors';
import { loadIssue } from './document/load';
import { lintArticle, lintIssue } from './lint';
import type { IssueDocument } from './document/types';
import { effectivePpi, imageForEmail, readImageInfo, resolutionWarning } from './images';
import { checkCoverage } from './layout/coverage';
import { layoutDocument, padPages } from './layout/document';
import type { LaidOutIssue } from './layout/types';
import type { FontSettings } from './manifest/types';
import { type Press, resolveSettings } from './settings';
import { writeFilesAtomically } from './output';
import { attachFontFile, readFontFile } from './render/font-file';
import { emailOutput, type Output, printOutput } from './outputs';
import type { PressSettings } from './render/pdf';
import { FONT_ROLES, type FontRole, type FontSet, type LoadedFont, openFont } from './text/fonts';
import { t } from './messages';
import { World } from './world';

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface BuildResult {
  /** The files written (none on a dry run), with their size and page count. */
  readonly outputs: readonly { readonly file: string; readonly bytes: number; readonly target: string; readonly pages: number }[];
  /** Pages with content: the e-mail copy's (the press file's may add blank pages for binding). */
  readonly pageCount: number;
  readonly warnings: readonly Diagnostic[];
  /** Things the build did that the editor should know (e.g. blank pages added for binding). */
  readonly notes: readonly string[];
  readonly timings: readonly StageTiming[];
  /** The press file's pages (with any binding padding). */
  readonly layout: LaidOutIssue;
  /** The e-mail copy's bytes, for a preview build. */
  readonly preview?: Buffer;
}

export interface BuildOptions {
  /** Check everything, write nothing (`bulletin check`). */
  readonly dryRun?: boolean;
  /** Called as each stage finishes, so the CLI can print progress. */
  readonly onStage?: (timing: StageTiming) => void;
  /** All file access, and what is remembered between builds (`watch` keeps one World). */
  readonly world?: World;
  /**
   * The e-mail copy only, in memory (`watch`'s preview): no press file, no preflight, nothing
   * written; its bytes are in BuildResult.preview.
   */
  readonly preview?: boolean;
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
  const world = options.world ?? new World();
  const loaded = await stage('read and validate', () => loadIssue(projectRoot, issueId, world));
  const { document, series } = loaded;
  // Every default of the series file applied once, impossible page geometry refused.
  const settings = resolveSettings(series, loaded.locateInSeries);
  // Typography lint of the articles (R4, R16, R23, R24): warnings; U+FFFD stops the build.
  const lintWarnings = await stage('lint', () => lintIssue(loaded, (file, source) => world.fromText('lint', `${file}\0${source}`, () => lintArticle(file, source))));

  // Fonts, then every character against the font that sets it (R27).
  const fonts = await stage('fonts', () => loadFonts(projectRoot, settings.fonts, loaded.locateInSeries, world));
  await stage('glyph coverage', () => checkCoverage(document, fonts, loaded.sources));

  // Image sizes (layout does no I/O).
  const images = await stage('images', () => readImages(projectRoot, document, world));

  // Typeset and paginate; TOC folios come from where the articles landed.
  const typeset = await stage('typeset', () =>
    layoutDocument(document, {
      style: settings.page,
      typography: settings.typography,
      fonts,
      images,
      // Unchanged articles are not set again, as long as nothing they all depend on changed.
      articleCache: world.articleCache(JSON.stringify([settings.page, settings.typography, FONT_ROLES.map((role) => world.stamp(path.resolve(projectRoot, settings.fonts[role])))])),
    }),
  );
  // A saddle-stitched booklet is folded sheets: 4n pages. The padding is the press file's only:
  // the e-mail copy ends with its last page of content (folios and labels are the same).
  const notes: string[] = [];
  const layout = settings.press.binding === 'saddle-stitch' ? padPages(typeset, 4) : typeset;
  if (layout.pages.length !== typeset.pages.length) {
    notes.push(t(`saddle-stitch: padded ${typeset.pages.length} → ${layout.pages.length} pages in the press file (blank pages at the end)`, `骑马钉：印刷文件补空白页 ${typeset.pages.length} → ${layout.pages.length} 页（加在末尾）`));
  }
  const bindingWarnings = bindingLimitWarnings(settings.press, series.print?.binding !== undefined, layout.pages.length, loaded.locateInSeries);

  if (options.preview) {
    // The preview's ids need not be stable across edits: the title is enough.
    const inputs = { fonts, meta: document.meta, contentHash: createHash('sha256').update(document.meta.title).digest('hex'), outputName: document.outputName };
    // The e-mail copy has the pages as set, without the press file's padding.
    const email = emailOutput(inputs, typeset, (file, width) => world.fromFiles('email-image', `${file}\0${width}`, [file], () => imageForEmail(file, width)));
    const emailImages = await stage('images (e-mail)', () => email.prepareImages());
    const preview = await stage('render e-mail', () => email.render(emailImages));
    return { outputs: [], pageCount: typeset.pages.length, warnings: [...loaded.warnings, ...lintWarnings], notes, timings, layout, preview };
  }

  const press = await stage('print settings', () => pressSettings(projectRoot, settings.press, loaded.locateInSeries));
  const warnings = [...loaded.warnings, ...lintWarnings, ...bindingWarnings, ...resolutionWarnings(projectRoot, layout, images)];

  // Only now does the PDF writer appear: the outputs, all from the one layout.
  // Hashed from the image sources (and the profile), not the converted bytes, which are not
  // ready yet; the converted bytes are a function of these and the layout's placed sizes.
  const contentHash = await hashContent(projectRoot, layout, document.meta.title, press.settings.iccProfile);
  const inputs = { fonts, meta: document.meta, contentHash, outputName: document.outputName };
  const outputs: readonly Output[] = [emailOutput(inputs, typeset), printOutput(inputs, layout, press.settings, press.iccPath)];
  // Every output's image conversions are queued now and awaited only before its render: sharp
  // works on libuv's threads while this thread renders and preflights the earlier outputs, so on
  // two cores they overlap (the press images, CMYK through the profile, are the slowest). The
  // no-op catch only keeps a failure from being reported as unhandled before it is awaited (and
  // thrown) below.
  const pendingImages = outputs.map((output) => {
    const pending = output.prepareImages();
    pending.catch(() => undefined);
    return pending;
  });
  const written: { readonly output: Output; readonly bytes: Buffer }[] = [];
  for (const [i, output] of outputs.entries()) {
    const images = await stage(`images (${output.label})`, () => pendingImages[i]!);
    const bytes = await stage(`render ${output.label}`, () => output.render(images));
    await stage(`preflight ${output.label}`, () => output.preflight(bytes));
    written.push({ output, bytes });
  }

  const outDir = path.join(projectRoot, 'out', issueId);
  const files = written.map(({ output, bytes }) => ({ file: path.join(outDir, output.fileName), bytes, output }));
  if (!options.dryRun) await stage('write', () => writeFilesAtomically(files.map(({ file, bytes }) => ({ file, bytes }))));
  return {
    outputs: options.dryRun ? [] : files.map(({ file, bytes, output }) => ({ file, bytes: bytes.length, target: output.id, pages: output.layout.pages.length })),
    pageCount: typeset.pages.length,
    warnings,
    notes,
    timings,
    layout,
  };
}

/** Reads the press profile the settings name and checks it is a CMYK output profile. */
async function pressSettings(projectRoot: string, press: Press, locate: (path: readonly (string | number)[]) => SourceLocation): Promise<{ settings: PressSettings; iccPath: string }> {
  const relative = press.iccProfile;
  const iccPath = path.resolve(projectRoot, relative);
  const refuse = (message: string, hint: string): never => {
    throw new BulletinError([{ severity: 'error', location: locate(press.customProfile ? ['print', 'iccProfile'] : ['print']), message, hint }]);
  };
  let icc: Buffer;
  try {
    icc = await fs.promises.readFile(iccPath);
  } catch {
    return refuse(t(`ICC profile ${relative} (print.iccProfile) cannot be read`, `ICC 配置文件 ${relative}（print.iccProfile）无法读取`), t('check the path; profiles live in profiles/ at the project root', '请检查路径；配置文件位于项目根目录的 profiles/ 下'));
  }
  const header = (a: number, b: number) => icc.subarray(a, b).toString('latin1');
  if (icc.length < 128 || header(36, 40) !== 'acsp' || header(12, 16) !== 'prtr' || header(16, 20) !== 'CMYK') {
    refuse(t(`${relative} is not a CMYK output (printer) ICC profile`, `${relative} 不是 CMYK 输出（印刷）ICC 配置文件`), t("ask the print shop for their press profile (a .icc file for CMYK printing)", '请向印刷厂索取其印刷用 CMYK 配置文件（.icc）'));
  }
  return {
    iccPath,
    settings: { bleed: press.bleed, cropMarks: press.cropMarks, iccProfile: icc, outputCondition: press.outputCondition, outputConditionInfo: press.outputConditionInfo },
  };
}

/** A warning when a saddle-stitched press file has more pages than the series' binding limit (PRINT.md §2.4). */
function bindingLimitWarnings(press: Press, bindingGiven: boolean, pages: number, locate: (path: readonly (string | number)[]) => SourceLocation): Diagnostic[] {
  if (press.binding !== 'saddle-stitch' || pages <= press.bindingLimit) return [];
  return [
    {
      severity: 'warning',
      location: locate(bindingGiven ? ['print', 'binding'] : ['print']),
      message: t(`the press file has ${pages} pages, more than saddle stitching takes (print.bindingLimit ${press.bindingLimit})`, `印刷文件共 ${pages} 页，超过骑马钉的页数上限（print.bindingLimit ${press.bindingLimit}）`),
      hint: t('set `binding: perfect` under print: in series.yaml (a glued spine), or raise print.bindingLimit if the shop agrees', '请在 series.yaml 的 print: 下设 `binding: perfect`（胶装），或经印厂同意后提高 print.bindingLimit'),
    },
  ];
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

export async function loadFonts(projectRoot: string, paths: FontSettings, locate: (path: readonly (string | number)[]) => SourceLocation, world: World = new World()): Promise<FontSet> {
  const entries = await Promise.all(
    FONT_ROLES.map(async (role): Promise<[FontRole, LoadedFont]> => {
      const relative = paths[role];
      const file = path.resolve(projectRoot, relative);
      return [role, await world.fromFiles('font', `${role}\0${file}`, [file], () => loadFont(role, relative, file, locate))];
    }),
  );
  return Object.fromEntries(entries) as FontSet;
}

async function loadFont(role: FontRole, relative: string, file: string, locate: (path: readonly (string | number)[]) => SourceLocation): Promise<LoadedFont> {
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
    return font;
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
}

async function readImages(projectRoot: string, doc: IssueDocument, world: World): Promise<Map<string, { width: number; height: number }>> {
  const sizes = new Map<string, { width: number; height: number }>();
  const problems: Diagnostic[] = [];
  for (const section of doc.sections) {
    for (const article of section.articles) {
      for (const block of article.blocks) {
        if (block.kind !== 'figure' || sizes.has(block.image)) continue;
        try {
          const image = block.image;
          sizes.set(image, await world.fromFiles('image-size', image, [image], () => readImageInfo(image, path.relative(projectRoot, image), block.source)));
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
