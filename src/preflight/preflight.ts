/**
 * `bulletin preflight`: reads a PDF and runs the press (PDF/X-4) or e-mail (PDF/A-2a, PDF/UA-1) checks,
 * giving a pass/fail report with figures. The build runs it on its own two outputs.
 */
import { message, render } from '../messages';
import { type Check, type CheckOptions, type Profile, runChecks, xmpValue } from './checks';
import { readPdfModel } from './reader';

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
    const checks: Check[] = [{ status: 'FAIL', id: 'structure.read', message: message('preflight.structure.read', { message: (err as Error).message }) }];
    return { profile: profile ?? 'general', checks, passed: false };
  }
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
