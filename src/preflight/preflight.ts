/**
 * `bulletin preflight`: reads a PDF and runs the press (PDF/X-4) or e-mail (PDF/A-2a, PDF/UA-1) checks,
 * giving a pass/fail report with figures. The build runs the same checks on its own two outputs,
 * read by our own parser instead of pdf-lib (checkOwnOutput).
 */
import { message, render } from '../messages';
import { type Check, type CheckOptions, type Profile, runChecks, xmpValue } from './checks';
import { ownSource, type WrittenStreams } from './own-source';
import { modelOf, type PdfModel, readPdfModel } from './reader';

export type { Check, CheckOptions, Profile } from './checks';

/** The outcome of one preflight run. */
export interface PreflightReport {
  readonly profile: Profile;
  readonly checks: readonly Check[];
  readonly passed: boolean;
}

/** Checks PDF bytes; without a profile it follows the file's own PDF/X or PDF/A claim. */
export async function preflightPdf(bytes: Uint8Array, profile?: 'print' | 'email', options: CheckOptions = {}): Promise<PreflightReport> {
  let model;
  try {
    model = await readPdfModel(bytes);
  } catch (err) {
    return unreadable(err, profile ?? 'general');
  }
  return checkModel(model, profile, options);
}

/**
 * The build's check of a file it has just written: every check `bulletin preflight` makes (the
 * same runChecks, clause for clause: nothing is left to `bulletin preflight` alone), on a model
 * read by own-source.ts, a parser of exactly the structure pdfkit writes (one xref table, plain
 * objects), which refuses anything else. What it does not redo, and why that is safe:
 *  - parse with pdf-lib: pdf-lib reads any PDF, ours is one classic xref table and plain objects;
 *    any other structure fails the check (structure.read) instead of being misread. Tests read
 *    the build's files with pdf-lib too and require the same report (test/preflight/own-output).
 *  - inflate the page contents and font programs (~8 MB at 600 pages, more than all the checks):
 *    they are scanned as the writer handed them to zlib (`written`); each font program's deflated
 *    bytes must be exactly the bytes in the file, so the widths are checked against what is there.
 *    What is left unchecked is zlib's deflate of the page contents, which `bulletin preflight`
 *    and .ci/run (qpdf, poppler, MuPDF) read back on the sample.
 */
export function checkOwnOutput(bytes: Uint8Array, profile: 'print' | 'email', written: WrittenStreams): PreflightReport {
  let model;
  try {
    model = modelOf(bytes, ownSource(bytes, written));
  } catch (err) {
    return unreadable(err, profile);
  }
  return checkModel(model, profile, {});
}

function unreadable(err: unknown, profile: Profile): PreflightReport {
  const checks: Check[] = [{ status: 'FAIL', id: 'structure.read', message: message('preflight.structure.read', { message: (err as Error).message }) }];
  return { profile, checks, passed: false };
}

function checkModel(model: PdfModel, profile: 'print' | 'email' | undefined, options: CheckOptions): PreflightReport {
  const claimsX = model.info.has('GTS_PDFXVersion') || (model.xmp !== undefined && xmpValue(model.xmp, 'pdfxid:GTS_PDFXVersion') !== undefined);
  const claimsA = model.xmp !== undefined && xmpValue(model.xmp, 'pdfaid:part') !== undefined;
  const chosen: Profile = profile ?? (claimsX ? 'print' : claimsA ? 'email' : 'general');
  const checks = runChecks(model, chosen, options);
  return { profile: chosen, checks, passed: checks.every((c) => c.status !== 'FAIL') };
}

/** The report as text: one `[STATUS] id: message` line per check, then `RESULT: PASS|FAIL (…)`. */
export function formatReport(report: PreflightReport): string {
  const count = (s: Check['status']) => report.checks.filter((c) => c.status === s).length;
  // Statuses, ids and RESULT stay as they are in every language: scripts look for them.
  const lines = report.checks.map((c) => `[${c.status}] ${c.id}: ${render(c.message)}${c.matterhorn === undefined ? '' : ` [Matterhorn ${c.matterhorn}]`}`);
  const counts = { failed: count('FAIL'), warnings: count('WARN'), passed: count('PASS'), info: count('INFO') };
  lines.push(`RESULT: ${report.passed ? 'PASS' : 'FAIL'} ${render(message('preflight.result', { profile: report.profile, ...counts }))}`);
  return `${lines.join('\n')}\n`;
}
