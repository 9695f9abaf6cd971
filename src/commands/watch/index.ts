/**
 * `bulletin watch <issue>`: builds the e-mail copy in memory on every change to the issue, the
 * series file, the fonts or the images, and serves it on a preview page. One World lives for the
 * whole session, so a rebuild reads only what changed, loads the fonts once and sets only the
 * articles that changed. While the input is broken the page keeps the last good PDF and shows
 * the problems over it. Ends on Ctrl-C.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../build';
import { loadIssue } from '../../document/load';
import { BulletinError, type Diagnostic, formatDiagnostic } from '../../errors';
import { say } from '../../messages';
import { World } from '../../world';
import { openInViewer } from '../open';
import { PreviewServer } from './server';

export interface WatchOptions {
  readonly open: boolean;
  /** 0: a free port. */
  readonly port: number;
  /** A bug of ours during a rebuild (the CLI reports it and exits 70). */
  readonly onBug?: (err: unknown) => void;
}

/** A running watch session (returned for tests; the CLI just lets it run). */
export interface WatchSession {
  readonly url: string;
  close(): Promise<void>;
}

// Editors save in bursts (temp file, rename, touch): one build for the burst.
const SETTLE_MS = 15;

export async function watchIssue(root: string, issueId: string, options: WatchOptions): Promise<WatchSession> {
  // A folder that is not an issue at all is the editor's typo, not something to wait for.
  if (!fs.existsSync(path.join(root, 'issues', issueId, 'issue.yaml'))) await loadIssue(root, issueId);
  const world = new World(true);
  const server = new PreviewServer();
  const url = await server.listen(options.port);
  let build = 0;
  let version = 0;
  let running = false;
  let again = false;

  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = process.hrtime.bigint();
    build++;
    try {
      const result = await buildIssue(root, issueId, { world, preview: true });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      version++;
      const status = say('watch.status.built', { build, pageCount: result.pageCount, ms: ms.toFixed(0) });
      server.publish({ build, version, ok: true, diagnostics: result.warnings.map(shown), headline: '', status }, result.preview);
      process.stdout.write(`${status}${result.warnings.length > 0 ? say('watch.status.warnings', { warningsCount: result.warnings.length }) : ''}\n`);
      for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
    } catch (err) {
      if (!(err instanceof BulletinError)) throw err;
      const errors = err.diagnostics.filter((d) => d.severity === 'error').length;
      const headline = version > 0 ? say('watch.status.problems-last-good', { errors }) : say('watch.status.problems-no-pdf', { errors });
      server.publish({ build, version, ok: false, diagnostics: err.diagnostics.map(shown), headline, status: headline });
      process.stderr.write(`${err.diagnostics.map(formatDiagnostic).join('\n')}\n${headline}\n`);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await rebuild();
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      rebuild().catch((err: unknown) => {
        void close();
        (options.onBug ?? ((e: unknown) => { throw e; }))(err);
      });
    }, SETTLE_MS);
  };
  // issues/ holds the issue, its images and the series file; fonts/ and profiles/ the rest.
  const watchers = new DirectoryWatchers(['issues', 'fonts', 'profiles'].map((dir) => path.join(root, dir)), changed);

  process.stdout.write(say('watch.status.serving', { url, issueId }));
  await rebuild();
  if (options.open) {
    const problem = await openInViewer(url);
    if (problem !== undefined) process.stderr.write(`${problem}\n`);
  }

  const close = async (): Promise<void> => {
    watchers.close();
    if (timer !== undefined) clearTimeout(timer);
    await server.close();
  };
  return { url, close };
}

function shown(d: Diagnostic): { severity: 'error' | 'warning'; text: string } {
  return { severity: d.severity, text: formatDiagnostic(d) };
}

/**
 * Watches every folder under the given roots, one non-recursive watcher per folder: a folder's
 * watcher sees a file replaced by rename (how editors and `sed -i` save), where a watcher on the
 * file itself — and Node 20's recursive watching on Linux, built from such — loses it. Folders
 * made later are picked up on the next change.
 */
class DirectoryWatchers {
  private readonly watchers = new Map<string, fs.FSWatcher>();

  constructor(private readonly roots: readonly string[], private readonly onChange: () => void) {
    this.scan();
  }

  private scan(): void {
    const seen = new Set<string>();
    const visit = (dir: string): void => {
      seen.add(dir);
      if (!this.watchers.has(dir)) {
        try {
          this.watchers.set(dir, fs.watch(dir, (_event, name) => this.changed(name)));
        } catch {
          return;
        }
      }
      for (const entry of safeList(dir)) if (entry.isDirectory() && !entry.name.startsWith('.')) visit(path.join(dir, entry.name));
    };
    for (const root of this.roots) if (fs.existsSync(root)) visit(root);
    for (const [dir, watcher] of this.watchers) {
      if (!seen.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
  }

  private changed(name: string | Buffer | null): void {
    // Temp and swap files (`.x.tmp`, `x~`) are not changes to the input; their rename is.
    if (name !== null && /^\.|~$/.test(String(name))) return;
    this.scan();
    this.onChange();
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

function safeList(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
