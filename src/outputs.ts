/**
 * The files one build writes, as a list (REVIEW.md 7): each output says what it is called, how
 * its images are converted, how it is rendered and which of our preflight profiles it must pass.
 * build.ts loops over the list; adding a third file is adding an entry here.
 */
import type { DocumentMeta } from './document/types';
import { imageForEmail, imageForPrint } from './images';
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
  /** Converts the placed images for this file; started early, awaited before `render`. */
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

/** The e-mail copy: PDF/A-2a and PDF/UA-1 (tagged), sRGB images at screen resolution, links, bookmarks. */
export function emailOutput(inputs: OutputInputs, layout: LaidOutIssue, convert: (file: string, placedWidth: number) => Promise<Buffer> = imageForEmail): Output {
  return {
    id: 'email',
    label: 'e-mail',
    fileName: `${inputs.outputName}.pdf`,
    layout,
    // The e-mail conversions are quick and needed first: all at once.
    prepareImages: () => prepareImages(layout, (file, width) => convert(file, width)),
    render: (images, forCheck = true) => rendered(forCheck, (kept) => renderPdf(layout, inputs.fonts, { target: 'email', meta: inputs.meta, images, contentHash: inputs.contentHash, ...kept })),
    preflight: (file) => ownPreflight('e-mail', file, 'email'),
  };
}

/** The press file: PDF/X-4, CMYK through the press profile at 300 ppi, bleed, no annotations. */
export function printOutput(inputs: OutputInputs, layout: LaidOutIssue, press: PressSettings, iccPath: string): Output {
  return {
    id: 'print',
    label: 'print',
    fileName: `${inputs.outputName}-print.pdf`,
    layout,
    // One at a time: the main thread renders meanwhile, so one sharp thread uses the other core,
    // and only one full-size image is decoded at any moment (peak memory).
    prepareImages: () => prepareImages(layout, (file, width) => imageForPrint(file, width, iccPath), 1),
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
