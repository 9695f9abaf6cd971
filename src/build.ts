/**
 * Builds one issue: issues/<id>/ → out/<id>/<name>.pdf. The pipeline, top to bottom; each stage
 * is timed for the CLI's report.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { BulletinError, type Diagnostic, errorsFirst, type SourceLocation } from './errors';
import { IssueLoadError, loadIssue } from './document/load';
import { articleFiles, lintArticle, lintFiles } from './lint';
import { checkFrames } from './layout/frames';
import type { IssueDocument } from './document/types';
import { effectivePpi, imageForEmail, imageForPrint, readImageInfo, resolutionWarning } from './images';
import { missingGlyphDiagnostics } from './layout/coverage';
import { layoutDocument, padPages } from './layout/document';
import { expectedImageWidths } from './layout/blocks';
import type { LaidOutIssue } from './layout/types';
import { pageJson } from './layout/page-json';
import type { FontSettings } from './manifest/types';
import { type Press, resolveSettings } from './settings';
import { writeFilesAtomically } from './output';
import { attachFontFile, readFontFile } from './render/font-file';
import { emailOutput, ImageConversions, type Output, printOutput, type Rendered } from './outputs';
import type { PressSettings, Target } from './render/pdf';
import { deferredFont, FONT_ROLES, type FontKey, type FontRole, type FontSet, type LoadedFont, openFont } from './text/fonts';
import { type Message, message } from './messages';
import { sizeHeapForIssue } from './heap';
import { World } from './world';
import { checkReadableFile, MAX_FONT_BYTES, MAX_ICC_BYTES, MAX_IMAGE_BYTES, readBytes, readFileStart, resolveInside } from './workspace';

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
  /** How many of the warnings `check --fix` would correct. */
  readonly fixable: number;
  /** Things the build did that the editor should know (e.g. blank pages added for binding). */
  readonly notes: readonly Message[];
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
  /**
   * Sees (and may replace) each file as rendered, before our own check of it: how the tests put a
   * defect into the writer's output and see the build refuse it.
   */
  readonly beforeCheck?: (target: Target, rendered: Rendered) => Rendered;
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

  // Everything the editor must hear is collected, so `check` reports it in one run (#8): a
  // stage that fails adds its errors and the build goes on as far as it can.
  const heard = new Heard();

  // Read and validate every file; all of the editor's mistakes are reported together.
  const world = options.world ?? new World();
  const loaded = await stage('read and validate', () => loadIssue(projectRoot, issueId, world)).catch((err: unknown) => {
    // The structure is broken: the articles that could be read are still linted.
    if (err instanceof IssueLoadError) heard.lint(err.diagnostics, err.sources, [...err.sources.keys()].filter((f) => f.endsWith('.md')));
    throw err instanceof IssueLoadError ? heard.failure() : err;
  });
  const { document, series } = loaded;
  // Now that its size is known: a large issue's nursery may grow (heap.ts).
  let characters = 0;
  for (const text of loaded.sources.values()) characters += text.length;
  sizeHeapForIssue(characters);
  // Every default of the series file applied once, impossible page geometry refused.
  const settings = await heard.fatal(() => resolveSettings(series, loaded.locateInSeries));
  // Typography lint of the articles (R4, R16, R23, R24): warnings; U+FFFD is an error. Unchanged
  // articles are remembered by the World (\`watch\`).
  const lint: typeof lintArticle = (file, source) => world.fromText('lint', `${file}\0${source}`, () => lintArticle(file, source));
  await stage('lint', () => heard.lint(loaded.warnings, loaded.sources, articleFiles(document), lint));

  // The four faces and the fallback fonts for characters they lack (R27).
  const fonts = await stage('fonts', () => heard.fatal(() => loadFonts(projectRoot, settings.fonts, loaded.locateInSeries, world)));

  // Image sizes (layout does no I/O).
  const images = await stage('images', () => heard.fatal(() => readImages(projectRoot, document, world)));
  // The pictures' conversions start now, at the widths layout will place them (known from the
  // articles and the pixel sizes), on libvips' threads while this thread sets the text (started
  // after layout, the sample's build waited for them). The press profile they need is read
  // now too, though a bad one is still reported at 'print settings', with everything layout finds.
  // (A preview converts its own e-mail images, remembered by the World, and has no press file.)
  const started = startImageConversions(projectRoot, settings.press, loaded.locateInSeries, images, options.preview ? new Map() : expectedImageWidths(document.sections, settings.page, images));

  // Typeset and paginate; TOC folios come from where the articles landed.
  const typeset = await stage('typeset', () =>
    layoutDocument(document, {
      style: settings.page,
      typography: settings.typography,
      fonts,
      images,
      // Unchanged articles are not set again, as long as nothing they all depend on changed.
      articleCache: world.articleCache(JSON.stringify([settings.page, settings.typography, [...FONT_ROLES.map((role) => settings.fonts[role]), ...(settings.fonts.fallback ?? [])].map((file) => world.stamp(path.resolve(projectRoot, file)))])),
    }),
  );
  // A saddle-stitched booklet is folded sheets: 4n pages. The padding is the press file's only:
  // the e-mail copy ends with its last page of content (folios and labels are the same).
  const notes: Message[] = [];
  const layout = settings.press.binding === 'saddle-stitch' ? padPages(typeset, 4) : typeset;
  if (layout.pages.length !== typeset.pages.length) {
    notes.push(message('build.saddle-stitch-padded', { pages: typeset.pages.length, padded: layout.pages.length }));
  }
  heard.add(bindingLimitWarnings(settings.press, series.print?.binding !== undefined, layout.pages.length, loaded.locateInSeries));
  // What layout found, then every page checked geometrically: no ink outside its frame.
  // (Ink a layout error already explains, such as a block taller than a page, is not reported twice.)
  // Characters no font has were found at shaping; each is reported at its own line and column.
  heard.add(layout.problems);
  heard.add(missingGlyphDiagnostics(layout.missingGlyphs, fonts, loaded.sources));
  const explained = new Set(layout.problems.filter((d) => d.severity === 'error').map((d) => `${d.location.file}:${d.location.line}`));
  const frameOptions = { hang: settings.typography.hang === 'stops' ? settings.page.em / 2 : 0, fallbackSource: loaded.locateInSeries([]) };
  await stage('frames', () => heard.add(checkFrames(layout, settings.page, frameOptions).filter((d) => !explained.has(`${d.location.file}:${d.location.line}`))));

  if (options.preview) {
    // The preview's ids need not be stable across edits: the title is enough.
    const inputs = { fonts, meta: document.meta, contentHash: createHash('sha256').update(document.meta.title).digest('hex'), outputName: document.outputName };
    // The e-mail copy has the pages as set, without the press file's padding.
    const email = emailOutput(inputs, typeset, new ImageConversions((file, width) => world.fromFiles('email-image', `${file}\0${width}`, [file], () => imageForEmail(file, width))));
    const emailImages = await stage('images (e-mail)', () => email.prepareImages());
    const preview = (await stage('render e-mail', () => email.render(emailImages, false))).bytes;
    return { outputs: [], pageCount: typeset.pages.length, warnings: heard.diagnostics(), fixable: heard.fixable, notes, timings, layout, preview };
  }

  const press = await stage('print settings', () => heard.fatal(() => started.press));
  heard.add(resolutionWarnings(projectRoot, layout, images));
  // Nothing is rendered for an issue with an error: the editor gets the whole list instead.
  if (heard.hasErrors()) throw heard.failure();
  const warnings = heard.diagnostics();

  // Only now does the PDF writer appear: the outputs, all from the one layout.
  // Hashed from the image sources (and the profile), not the converted bytes, which are not
  // ready yet; the converted bytes are a function of these and the layout's placed sizes.
  const contentHash = await stage('content hash', () => hashContent(projectRoot, layout, document.meta.title, press.settings.iccProfile));
  const inputs = { fonts, meta: document.meta, contentHash, outputName: document.outputName };
  const outputs: readonly Output[] = [emailOutput(inputs, typeset, started.email), printOutput(inputs, layout, press.settings, started.print)];
  // Every output's images (most of them converting since before layout) are awaited only before
  // its render: sharp works on libuv's threads while this thread renders and preflights the
  // earlier outputs, so on two cores they overlap (the press images, CMYK through the profile,
  // are the slowest). The no-op catch only keeps a failure from being reported as unhandled
  // before it is awaited (and thrown) below.
  const pendingImages = outputs.map((output) => {
    const pending = output.prepareImages();
    pending.catch(() => undefined);
    return pending;
  });
  const written: { readonly output: Output; readonly bytes: Buffer }[] = [];
  for (const [i, output] of outputs.entries()) {
    const images = await stage(`images (${output.label})`, () => pendingImages[i]!);
    const made = await stage(`render ${output.label}`, () => output.render(images));
    const rendered = options.beforeCheck?.(output.id, made) ?? made;
    await stage(`preflight ${output.label}`, () => output.preflight(rendered));
    written.push({ output, bytes: rendered.bytes });
  }

  const outDir = path.join(projectRoot, 'out', issueId);
  const files = written.map(({ output, bytes }) => ({ file: path.join(outDir, output.fileName), bytes, output }));
  if (!options.dryRun) await stage('write', () => writeFilesAtomically(projectRoot, files.map(({ file, bytes }) => ({ file, bytes }))));
  return {
    outputs: options.dryRun ? [] : files.map(({ file, bytes, output }) => ({ file, bytes: bytes.length, target: output.id, pages: output.layout.pages.length })),
    pageCount: typeset.pages.length,
    warnings,
    fixable: heard.fixable,
    notes,
    timings,
    layout,
  };
}

/**
 * The diagnostics of one build, from every stage: `check` reports errors and warnings together,
 * errors first, and how many `check --fix` would correct.
 */
class Heard {
  private readonly found: Diagnostic[] = [];
  fixable = 0;

  add(diagnostics: readonly Diagnostic[]): void {
    this.found.push(...diagnostics);
  }

  /** The loader's warnings and the lint of each article (whose certain fixes are counted). */
  lint(loaderDiagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, files: readonly string[], lint: typeof lintArticle = lintArticle): void {
    const linted = lintFiles(sources, files, lint);
    this.add([...loaderDiagnostics, ...linted.diagnostics]);
    this.fixable += linted.fixable;
  }

  /** Runs a stage the rest cannot do without: its errors end the build with everything heard. */
  async fatal<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof BulletinError)) throw err;
      this.add(err.diagnostics);
      throw this.failure();
    }
  }

  hasErrors(): boolean {
    return this.found.some((d) => d.severity === 'error');
  }

  diagnostics(): Diagnostic[] {
    return errorsFirst(this.found);
  }

  failure(): BulletinError {
    return new BulletinError(this.diagnostics(), this.fixable);
  }
}

/**
 * Reads the press profile and starts converting the pictures for both files at the widths given,
 * each as one libvips job (the sizes as shown are given, so no metadata is read first): the
 * e-mail ones and the first press one run while layout sets the text. The profile's errors stay
 * in the returned promise, for 'print settings' to report.
 */
function startImageConversions(projectRoot: string, press: Press, locate: (path: readonly (string | number)[]) => SourceLocation, shown: ReadonlyMap<string, { width: number; height: number }>, widths: ReadonlyMap<string, number>): { press: Promise<{ settings: PressSettings; iccPath: string }>; email: ImageConversions; print: ImageConversions } {
  let read: Promise<{ settings: PressSettings; iccPath: string }>;
  let iccPath: string | undefined;
  try {
    const settings = pressSettings(projectRoot, press, locate);
    iccPath = settings.iccPath;
    read = Promise.resolve(settings);
  } catch (err) {
    read = Promise.reject(err);
    read.catch(() => undefined);
  }
  const email = new ImageConversions((file, width) => imageForEmail(file, width, shown.get(file)));
  // Without a usable profile there is no press file (the build stops at 'print settings'): any
  // conversion asked for fails with the profile's error.
  const print = new ImageConversions((file, width) => (iccPath === undefined ? read.then(() => Promise.reject(new Error('no press profile'))) : imageForPrint(file, width, iccPath, shown.get(file))), true);
  for (const [file, width] of widths) {
    email.convert(file, width);
    if (iccPath !== undefined) print.convert(file, width);
  }
  return { press: read, email, print };
}

/** Reads the press profile the settings name and checks it is a CMYK output profile. */
function pressSettings(projectRoot: string, press: Press, locate: (path: readonly (string | number)[]) => SourceLocation): { settings: PressSettings; iccPath: string } {
  const relative = press.iccProfile;
  const from = locate(press.customProfile ? ['print', 'iccProfile'] : ['print']);
  const refuse = (what: Message, hint: Message): never => {
    throw new BulletinError([{ severity: 'error', location: from, ...what, hint }]);
  };
  // Inside the project, a regular file, bounded: /dev/urandom or a FIFO would never end.
  const iccPath = resolveInside(projectRoot, relative, from);
  const icc = readBytes(iccPath, { display: relative, from, maxBytes: MAX_ICC_BYTES, notFoundHint: message('build.profiles-folder') });
  const header = (a: number, b: number) => icc.subarray(a, b).toString('latin1');
  if (icc.length < 128 || header(36, 40) !== 'acsp' || header(12, 16) !== 'prtr' || header(16, 20) !== 'CMYK') {
    refuse(message('build.profile-not-cmyk-output', { relative }), message('build.profile-not-cmyk-output.hint'));
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
      ...message('build.too-many-pages-for-saddle-stitch', { pages, bindingLimit: press.bindingLimit }),
      hint: message('build.too-many-pages-for-saddle-stitch.hint'),
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
  // pageJson: JSON.stringify's text of the page as it was with an object per glyph.
  const root = JSON.stringify(projectRoot + path.sep).slice(1, -1);
  const hash = createHash('sha256').update(title);
  layout.pages.forEach((page, i) => hash.update(`${i === 0 ? '[' : ','}${pageJson(page).replaceAll(root, '')}`));
  hash.update(']');
  const files = new Set<string>();
  for (const page of layout.pages) for (const box of page.boxes) if (box.kind === 'image') files.add(box.file);
  // Through the bounded reader like every other input (a regular file, its size checked first).
  for (const file of [...files].sort((a, b) => a.localeCompare(b))) hash.update(readBytes(file, { maxBytes: MAX_IMAGE_BYTES }));
  return hash.update(iccProfile).digest('hex');
}

export async function loadFonts(projectRoot: string, paths: FontSettings, locate: (path: readonly (string | number)[]) => SourceLocation, world: World = new World()): Promise<FontSet> {
  const load = (key: FontKey, relative: string, setting: string, location: readonly (string | number)[]) => {
    const from = locate(location);
    const file = resolveInside(projectRoot, relative, from);
    // A FIFO or /dev/zero named as a font would hang the reader or fill the memory.
    checkReadableFile(file, { display: relative, from, maxBytes: MAX_FONT_BYTES, notFoundHint: message('build.fonts-folder') });
    // A fallback font is opened when shaping first needs one of its characters (deferredFont):
    // the default HanaMinB is 30 MB that most issues never use. Its header is checked now, so a
    // file that is no font is still reported with everything else.
    const open = (owner?: LoadedFont) => loadFont(key, relative, file, setting, from, owner);
    return world.fromFiles('font', `${key}\0${file}`, [file], () => {
      if (!key.startsWith('fallback')) return open();
      checkFontHeader(file, relative, setting, from);
      return deferredFont(key, relative, open);
    });
  };
  const [roles, fallbacks] = await Promise.all([
    Promise.all(FONT_ROLES.map(async (role): Promise<[FontRole, LoadedFont]> => [role, await load(role, paths[role], `fonts.${role}`, ['fonts', role])])),
    // async, like the roles': a refused path rejects here instead of throwing past the other loads.
    Promise.all((paths.fallback ?? []).map(async (relative, k) => load(`fallback${k}`, relative, `fonts.fallback[${k}]`, ['fonts', 'fallback', k]))),
  ]);
  return { ...(Object.fromEntries(roles) as Record<FontRole, LoadedFont>), fallbacks };
}

/** Reads and opens a font file; `owner`: the deferred font that will stand for it (deferredFont). */
function loadFont(key: FontKey, relative: string, file: string, setting: string, location: SourceLocation, owner?: LoadedFont): LoadedFont {
  let bytes: Buffer;
  try {
    // Without the outlines, which only the subset writer needs, and for only the glyphs it
    // writes (render/font-file.ts): ~53 MB less resident memory and I/O for the four fonts.
    bytes = readFontFile(file);
  } catch {
    throw cannotReadFont(relative, setting, location);
  }
  try {
    const font = openFont(key, relative, bytes);
    attachFontFile(owner ?? font, bytes);
    return font;
  } catch (err) {
    throw notUsableFont(relative, setting, location, (err as Error).message);
  }
}

function cannotReadFont(relative: string, setting: string, location: SourceLocation): BulletinError {
  return new BulletinError([{ severity: 'error', location, ...message('build.font-unreadable', { relative, setting }), hint: message('build.fonts-folder') }]);
}

function notUsableFont(relative: string, setting: string, location: SourceLocation, reason: string): BulletinError {
  return new BulletinError([{ severity: 'error', location, ...message('build.font-unusable', { relative, setting, message: reason }), hint: message('build.font-unusable.hint') }]);
}

/** What fontkit would refuse at once: a file that does not start like a TrueType or OpenType font. */
function checkFontHeader(file: string, relative: string, setting: string, location: SourceLocation): void {
  const header = readFileStart(file, 4, { display: relative, from: location, maxBytes: MAX_FONT_BYTES });
  // 1.0 and 'true' (TrueType), 'OTTO' (CFF), 'ttcf' (a collection, refused by openFont with its reason).
  if (header.length < 4 || ![0x00010000, 0x74727565, 0x4f54544f, 0x74746366].includes(header.readUInt32BE(0))) throw notUsableFont(relative, setting, location, 'Unknown font format');
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
