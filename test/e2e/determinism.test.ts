/**
 * Rebuilding the same sources gives the same bytes: two builds of issue 2024-02 into two separate
 * temporary projects produce byte-identical PDFs (same sha256) — no timestamps, random subset tags
 * or absolute paths leak into the file. The two builds are the run's shared ones
 * (test/support/shared.ts): the second ran in another project, over a copy of the first's output,
 * and found every picture already converted in the image cache the first one filled.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type SharedBuild, sharedRebuild, sharedSample } from '../support/shared';

type BuiltIssue = SharedBuild;
const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let first: BuiltIssue | undefined;
let second: BuiltIssue | undefined;

beforeAll(async () => {
  first = await sharedSample();
  second = await sharedRebuild();
});

test('the two builds ran in different project directories', () => {
  expect(first?.root).not.toBe(second?.root);
  expect(path.basename(first?.pdfFile ?? '')).toBe(path.basename(second?.pdfFile ?? ''));
});

test('the first build converted the pictures, the second took them all from the image cache', () => {
  // The sample's 4 pictures: each read, converted for the e-mail copy and for the press file.
  expect(first?.images).toEqual({ made: 12, used: 0 });
  expect(second?.images).toEqual({ made: 0, used: 12 });
});

test('two builds give byte-identical e-mail PDFs (sha256)', () => {
  const a = first as BuiltIssue;
  const b = second as BuiltIssue;
  // The second build replaced the copies it found in out/ with files of its own.
  expect(b.wroteAnew).toBe(true);
  expect(fs.statSync(a.pdfFile).size).toBe(fs.statSync(b.pdfFile).size);
  expect(sha256(a.pdfFile)).toBe(sha256(b.pdfFile));
});

test('every output of the two builds (e-mail and any press copy) is byte-identical', () => {
  const a = first as BuiltIssue;
  const b = second as BuiltIssue;
  const byName = (built: BuiltIssue): Record<string, string> =>
    Object.fromEntries(built.result.outputs.map((o) => [path.basename(o.file), sha256(o.file)]));
  expect(byName(a)).toEqual(byName(b));
});
