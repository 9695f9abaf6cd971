/**
 * Shared by the CLI tests: throw-away projects made from the mini fixture, bad-input cases
 * applied to them, and the real CLI (bin/bulletin.js → dist/) run as a child process.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { shareInto } from '../helpers/project';

export const REPO = path.resolve(__dirname, '..', '..');
export const MINI = path.join(REPO, 'test', 'fixtures', 'mini');
export const BAD = path.join(REPO, 'test', 'fixtures', 'bad');
export const BAD_MULTI = path.join(REPO, 'test', 'fixtures', 'bad-multi');
export const BIN = path.join(REPO, 'bin', 'bulletin.js');

/** Something made at test time, because committing it would add megabytes to the repository. */
export type Generated =
  | { readonly kind: 'long-paragraph'; readonly file: string; readonly chars: number }
  | { readonly kind: 'png'; readonly file: string; readonly width: number; readonly height: number }
  /** A named pipe (nobody writes to it: reading it would wait for ever). */
  | { readonly kind: 'fifo'; readonly file: string }
  /** `text` appended `repeat` times, with `{i}` replaced by 0, 1, 2, … (e.g. 100,000 distinct keys). */
  | { readonly kind: 'append'; readonly file: string; readonly text: string; readonly repeat: number };

/** Where the CLI must report the defect (English wording, LANG=C). */
export interface Expectation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly messageIncludes: string;
  readonly hintIncludes?: string;
}

/** One defect, as a patch over the mini fixture: test/fixtures/bad/<name>/case.json. */
export interface BadCase {
  readonly name: string;
  readonly description: string;
  /** Project-relative path → full new text, or "base64:…" for bytes. */
  readonly files?: Readonly<Record<string, string>>;
  readonly delete?: readonly string[];
  readonly mkdir?: readonly string[];
  /** Project-relative link path → link target (as written into the link). */
  readonly symlinks?: Readonly<Record<string, string>>;
  readonly generate?: readonly Generated[];
  readonly expect: Expectation;
  /** For a case with several defects: every problem, in the order `check` must print them. */
  readonly expectAll?: readonly Expectation[];
}

/** Reads every case under a fixtures folder, sorted by name. */
export function readCases(dir: string = BAD): BadCase[] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => ({ name, ...(JSON.parse(fs.readFileSync(path.join(dir, name, 'case.json'), 'utf8')) as Omit<BadCase, 'name'>) }));
}

/** A fresh temp folder; the caller removes it. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `bulletin-${prefix}-`));
}

/**
 * Copies a fixture project to `dir`. fonts/ and profiles/ are hard links to the repository's (the
 * fonts are megabytes and never changed by a case); schemas come from dist/ itself.
 */
export function makeProject(dir: string, from: string = MINI): string {
  fs.cpSync(from, dir, { recursive: true });
  shareInto(path.join(REPO, 'fonts'), path.join(dir, 'fonts'));
  shareInto(path.join(REPO, 'profiles'), path.join(dir, 'profiles'));
  return dir;
}

/** Applies a case's changes to a project made by makeProject. */
export async function applyCase(project: string, c: BadCase): Promise<void> {
  const at = (rel: string): string => path.join(project, rel);
  for (const rel of c.delete ?? []) fs.rmSync(at(rel), { recursive: true, force: true });
  for (const rel of c.mkdir ?? []) fs.mkdirSync(at(rel), { recursive: true });
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
    fs.writeFileSync(at(rel), content.startsWith('base64:') ? Buffer.from(content.slice('base64:'.length), 'base64') : content);
  }
  for (const [rel, target] of Object.entries(c.symlinks ?? {})) fs.symlinkSync(target, at(rel));
  for (const g of c.generate ?? []) await generate(at(g.file), g);
}

async function generate(file: string, g: Generated): Promise<void> {
  switch (g.kind) {
    case 'long-paragraph': {
      // One paragraph, no line breaks, appended after a blank line to a valid article.
      const unit = '长段落没有空行。';
      fs.appendFileSync(file, `\n${unit.repeat(Math.ceil(g.chars / unit.length)).slice(0, g.chars)}\n`);
      return;
    }
    case 'fifo':
      execFileSync('mkfifo', [file]);
      return;
    case 'append': {
      const parts: string[] = [];
      for (let i = 0; i < g.repeat; i++) parts.push(g.text.split('{i}').join(String(i)));
      fs.appendFileSync(file, parts.join(''));
      return;
    }
    case 'png':
      // A solid colour compresses to a few MB and is written in well under a second.
      await sharp({ create: { width: g.width, height: g.height, channels: 3, background: '#ffffff' } })
        .png({ compressionLevel: 1 })
        .toFile(file);
      return;
  }
}

/** The outcome of one CLI run. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/bulletin.js …args` in `cwd`; LANG defaults to C (English messages). */
export function runCli(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return runNode([BIN, ...args], { cwd, env: { ...process.env, LANG: 'C', ...env } });
}

/** Runs `node …args` in a child process: its exit code or signal, and what it printed. */
export function runNode(args: readonly string[], options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** sha256 of every file under `dir` (relative path → hash); empty when it does not exist. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const rel of listFiles(dir)) out.set(rel, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, rel))).digest('hex'));
  return out;
}

/** Files under `dir`, relative, not following symlinked folders (fonts/, profiles/). */
export function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, child));
    else out.push(child);
  }
  return out.sort();
}

/** Temporary files the writer leaves if it is interrupted at the wrong moment (`.<name>.<pid>.tmp`). */
export function tempFilesIn(project: string): string[] {
  return listFiles(project).filter((rel) => /(^|\/)\..*\.tmp$/.test(rel) || rel.endsWith('.tmp'));
}

/** Runs `work` over `items`, at most `limit` at a time (the CI machine has 2 cores). */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `file:line:col` (or less, when the expectation has no line/column), as formatDiagnostic prints it. */
export function where(e: Expectation): string {
  return e.line === undefined ? `${e.file}:` : e.column === undefined ? `${e.file}:${e.line}:` : `${e.file}:${e.line}:${e.column}:`;
}
