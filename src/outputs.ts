/**
 * The files one build writes, as a list (REVIEW.md 7): each output says what it is called, how
 * its images are converted, how it is rendered and which of our preflight profiles it must pass.
 * build.ts loops over the list; adding a third file is adding an entry here.
 */
import type { DocumentMeta } from './document/types';
import { imageForEmail } from './images';
import type { LaidOutIssue } from './layout/types';
import { say } from './messages';
import type { WrittenStream } from './preflight/own-source';
import { checkOwnOutput, formatReport } from './preflight/preflight';
import { type PressSettings, renderPdf, type Target } from './render/pdf';
import type { FontSet } from './text/fonts';

export interface Output {
  readonly id: Target;
  /** For progress and messages: "e-mail", "print". */
  readonly label: string;
  readonly fileName: string;
  /** The pages this file has (the press file's may be padded for binding). */
  readonly layout: LaidOutIssue;
  /** Converts the placed images for this file (reusing conversions started before layout); awaited before `render`. */
  prepareImages(): Promise<Map<string, Buffer>>;
  /** `forCheck: false` (watch's preview, which is not checked): the streams are not kept for `preflight`. */
  render(images: ReadonlyMap<string, Buffer>, forCheck?: boolean): Promise<Rendered>;
  /**
   * Our own preflight of what `render` wrote (preflight.ts, checkOwnOutput). Our output failing it
   * is a bug of ours, not the editor's mistake (a bad custom ICC profile is refused before
   * rendering), so it throws a plain Error.
   */
  preflight(rendered: Rendered): void;
}

/** A rendered file, and its big streams as they were before compression (for `preflight`). */
export interface Rendered {
  readonly bytes: Buffer;
  readonly written: ReadonlyMap<number, WrittenStream>;
}

/** What every output is made from. */
export interface OutputInputs {
  readonly fonts: FontSet;
  readonly meta: DocumentMeta;
  /** Seeds file IDs and XMP ids (stable, content-dependent). */
  readonly contentHash: string;
  /** Output file name without extension (the series' template). */
  readonly outputName: string;
}

/**
 * One output's image conversions, each (file, placed width) converted once: build.ts starts them
 * before layout, from the widths the pictures are expected at, and prepareImages takes the ones
 * the layout confirms (and starts any it does not). A conversion that fails is reported when it
 * is awaited, not as an unhandled rejection while the text is still being set.
 */
export class ImageConversions {
  private readonly started = new Map<string, Promise<Buffer>>();
  private last: Promise<unknown> | undefined;

  /**
   * `oneAtATime`: the press conversions run one after another, so that only one full-size image
   * is decoded at any moment (all at once, they raised the sample's peak RSS by ~16 MB). The
   * first starts at once, as one libvips job that needs nothing more of this thread; the next
   * starts when this thread is free again (during the renders). The e-mail ones are quick and
   * needed first: all at once.
   */
  constructor(
    private readonly convertImage: (file: string, placedWidth: number) => Promise<Buffer>,
    private readonly oneAtATime = false,
  ) {}

  convert(file: string, placedWidth: number): Promise<Buffer> {
    const key = `${file}\0${placedWidth}`;
    let pending = this.started.get(key);
    if (pending === undefined) {
      const convert = () => this.convertImage(file, placedWidth);
      pending = this.oneAtATime && this.last !== undefined ? this.last.then(convert) : convert();
      pending.catch(() => undefined);
      if (this.oneAtATime) this.last = pending.catch(() => undefined);
      this.started.set(key, pending);
    }
    return pending;
  }
}

/** The e-mail copy: PDF/A-2a and PDF/UA-1 (tagged), sRGB images at screen resolution, links, bookmarks. */
export function emailOutput(inputs: OutputInputs, layout: LaidOutIssue, conversions = new ImageConversions(imageForEmail)): Output {
  return {
    id: 'email',
    label: 'e-mail',
    fileName: `${inputs.outputName}.pdf`,
    layout,
    prepareImages: () => prepareImages(layout, conversions),
    render: (images, forCheck = true) => rendered(forCheck, (kept) => renderPdf(layout, inputs.fonts, { target: 'email', meta: inputs.meta, images, contentHash: inputs.contentHash, ...kept })),
    preflight: (file) => ownPreflight('e-mail', file, 'email'),
  };
}

/** The press file: PDF/X-4, CMYK through the press profile at 300 ppi, bleed, no annotations. */
export function printOutput(inputs: OutputInputs, layout: LaidOutIssue, press: PressSettings, conversions: ImageConversions): Output {
  return {
    id: 'print',
    label: 'print',
    fileName: `${inputs.outputName}-print.pdf`,
    layout,
    prepareImages: () => prepareImages(layout, conversions),
    render: (images, forCheck = true) => rendered(forCheck, (kept) => renderPdf(layout, inputs.fonts, { target: 'print', meta: inputs.meta, images, contentHash: inputs.contentHash, press, ...kept })),
    preflight: (file) => ownPreflight('print', file, 'print'),
  };
}

/** Renders with the render option that keeps the big streams, when the file will be checked. */
async function rendered(forCheck: boolean, render: (kept: { kept?: Map<number, WrittenStream> }) => Promise<Buffer>): Promise<Rendered> {
  const written = new Map<number, WrittenStream>();
  return { bytes: await render(forCheck ? { kept: written } : {}), written };
}

function ownPreflight(name: string, { bytes, written }: Rendered, profile: 'email' | 'print'): void {
  const report = checkOwnOutput(bytes, profile, written);
  if (!report.passed) throw new Error(say('preflight.self-check.failed', { file: name, report: formatReport(report) }));
}

/** Converts each placed image once, for its widest placement; in placement order, whatever order the conversions finish in. */
async function prepareImages(layout: LaidOutIssue, conversions: ImageConversions): Promise<Map<string, Buffer>> {
  const widest = new Map<string, number>();
  for (const page of layout.pages) {
    for (const box of page.boxes) if (box.kind === 'image') widest.set(box.file, Math.max(widest.get(box.file) ?? 0, box.width));
  }
  const files = [...widest.keys()];
  const converted = await Promise.all(files.map((file) => conversions.convert(file, widest.get(file)!)));
  return new Map(files.map((file, k) => [file, converted[k]!]));
}
