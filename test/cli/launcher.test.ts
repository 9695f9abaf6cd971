/**
 * The `bulletin` command (package.json "bin" → bin/bulletin): a POSIX sh launcher that sets
 * glibc's malloc arena limit (it can only be set before the process starts) and execs node on
 * bin/bulletin.js — called directly, or through a symbolic link as npm installs it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempDir } from './helpers';

const LAUNCHER = path.join(REPO, 'bin', 'bulletin');

describe('the bulletin launcher', () => {
  let dir: string;
  let probe: string;
  beforeAll(() => {
    dir = tempDir('launcher');
    // Preloaded into the node the launcher starts: what that process was given.
    probe = path.join(dir, 'probe.js');
    fs.writeFileSync(probe, "process.stderr.write(`arena=${process.env.MALLOC_ARENA_MAX} script=${require('node:path').basename(process.argv[1])}\\n`);\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (command: string, env: Record<string, string> = {}): { stdout: string; stderr: string } => {
    const child = spawnSync(command, ['--version'], { env: { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(probe)}`, ...env }, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${command} exited ${child.status}: ${child.stderr}`);
    return { stdout: child.stdout, stderr: child.stderr };
  };

  test('is the package\'s command', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ bulletin: 'bin/bulletin' });
  });

  test('runs bin/bulletin.js with two malloc arenas, directly and through a link as npm makes one', () => {
    const link = path.join(dir, 'node_modules', '.bin', 'bulletin');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.relative(path.dirname(link), LAUNCHER), link);
    for (const command of [LAUNCHER, link]) {
      const { stdout, stderr } = run(command, { MALLOC_ARENA_MAX: '' });
      expect(stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
      expect(stderr).toContain('arena=2 script=bulletin.js');
    }
  });

  test('keeps an arena limit the caller set', () => {
    expect(run(LAUNCHER, { MALLOC_ARENA_MAX: '4' }).stderr).toContain('arena=4 script=bulletin.js');
  });
});
