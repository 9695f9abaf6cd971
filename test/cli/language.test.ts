/**
 * Complete in Chinese (bulletin issue #11): under a zh locale help, usage errors, a check with
 * errors, the build summary, the --verbose timings and the preflight report hold no English
 * sentence; under LANG=C they are English.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInProcess } from '../support/in-process-cli';
import { applyCase, BAD, type CliRun, makeProject, readCases, runCli, tempDir } from './helpers';

let root = '';
let good = '';
let bad = '';

beforeAll(async () => {
  root = tempDir('language');
  good = makeProject(path.join(root, 'good'));
  bad = makeProject(path.join(root, 'bad'));
  const c = readCases(BAD).find((x) => x.name === 'unknown-key-issue-did-you-mean');
  if (c === undefined) throw new Error('fixture unknown-key-issue-did-you-mean is missing');
  await applyCase(bad, c);
});

afterAll(() => {
  if (root !== '') fs.rmSync(root, { recursive: true, force: true });
});

/**
 * Runs of three or more English words: what is left of a line once file names, paths, codes,
 * URLs, quoted text, options and figures are taken out.
 */
function englishRuns(text: string): string[] {
  const stripped = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[“"'‘][^”"'’\n]*[”"'’]/g, ' ')
    .replace(/\S*[/\\.]\S*/g, ' ')
    .replace(/(^|\s)--?[\w-]+/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ');
  return [...stripped.matchAll(/\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b/g)].map((m) => m[0]);
}

// LC_ALL and LC_MESSAGES would override LANG: empty, they do not.
const ZH = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };

/**
 * How a case is run: help and usage errors end in commander's process.exit, so they run in a
 * child, where the locale is also read from a real process environment; the rest run in-process
 * (the same main(), the locale read at print time from process.env), one after the other.
 */
type Runner = 'child' | 'in-process';

async function both(cwd: () => string, args: readonly string[], runner: Runner = 'in-process'): Promise<{ zh: string; en: string }> {
  const [zh, en] =
    runner === 'child'
      ? await Promise.all([runCli(cwd(), args, ZH), runCli(cwd(), args, EN)])
      : [await runInProcess(cwd(), args, ZH), await runInProcess(cwd(), args, EN)];
  return { zh: text(zh), en: text(en) };
}

const text = (run: CliRun): string => run.stdout + run.stderr;

function expectChineseAndEnglish({ zh, en }: { zh: string; en: string }): void {
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  expect(englishRuns(zh)).toEqual([]);
  // English: words, and no Chinese outside quoted text (titles, names) and file names.
  expect(en).toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  expect(en.replace(/[“"'‘][^”"'’\n]*[”"'’]/g, '').replace(/\S*[/\\.]\S*/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
}

const MESSAGES = [
  ['help', () => good, ['--help'], 'child'],
  ['the help of build', () => good, ['build', '--help'], 'child'],
  ['an unknown option', () => good, ['build', '2024-03', '--bogus'], 'child'],
  ['a missing issue argument', () => good, ['build'], 'child'],
  ['an issue that does not exist', () => good, ['check', '2099-01'], 'in-process'],
  ['a check with errors', () => bad, ['check', '2024-03'], 'in-process'],
] as const;
// None of these writes anything: the children all at once, the in-process runs in turn, then each
// pair checked by its test.
const heard = new Map<string, { zh: string; en: string }>();
beforeAll(async () => {
  const children = Promise.all(MESSAGES.map(([, cwd, args, runner]) => (runner === 'child' ? both(cwd, args, 'child') : undefined)));
  for (const [name, cwd, args, runner] of MESSAGES) if (runner === 'in-process') heard.set(name, await both(cwd, args));
  (await children).forEach((output, k) => output !== undefined && heard.set(MESSAGES[k]![0], output));
}, 120_000);

describe.each(MESSAGES)('%s', (name) => {
  it('is Chinese under LANG=zh_CN.UTF-8 and English under LANG=C', () => {
    const output = heard.get(name);
    if (output === undefined) throw new Error(`${name} did not run`);
    expectChineseAndEnglish(output);
  });
});

describe('a build with --verbose, then preflight of its PDFs', () => {
  it('summary, stage timings and both preflight reports are Chinese under zh and English under C', async () => {
    const zh = await runInProcess(good, ['build', '2024-03', '--verbose'], ZH);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^ {2}排版\s+\d+ ms$/m);
    expect(zh.stdout).toMatch(/^完成，用时 \d+ ms$/m);
    const en = await runInProcess(good, ['build', '2024-03', '--verbose'], EN);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^ {2}typeset\s+\d+ ms$/m);
    expectChineseAndEnglish({ zh: text(zh), en: text(en) });
    const pdfs = fs.readdirSync(path.join(good, 'out', '2024-03')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(2);
    const reports: { zh: string; en: string }[] = [];
    for (const pdf of pdfs) reports.push(await both(() => good, ['preflight', path.join('out', '2024-03', pdf)]));
    for (const report of reports) {
      expect(report.zh).toMatch(/^RESULT: PASS （/m);
      expectChineseAndEnglish(report);
    }
  }, 120_000);
});
