/**
 * The CLI's own code path (src/cli.ts main: argument parsing, the command, the editor's
 * diagnostics, exit code) run inside the jest worker instead of a child process: what it writes to
 * stdout and stderr is captured and its exit code read from process.exitCode. A child costs ~1 s
 * of node start-up and module loading per case; the few things only a real process shows (the
 * exit status the shell sees, signals, the files a killed process leaves) stay with runCli.
 * Runs one at a time: it changes the working directory and the two streams while it runs. The
 * console is captured too (jest's own would hide from the test what a child would print, such as
 * a console.error(err) with its stack trace), formatted as node's console formats it.
 */
import { format } from 'node:util';
import { main } from '../../src/cli';
import type { CliRun } from '../cli/helpers';

let running = false;

/** `env`: variables set for the run only (e.g. LANG; an empty string is set as empty, as a child would get it). */
export async function runInProcess(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  if (running) throw new Error('runInProcess: one run at a time (it changes the working directory)');
  running = true;
  const saved = { cwd: process.cwd(), exitCode: process.exitCode, out: process.stdout.write, err: process.stderr.write };
  const savedEnv = Object.keys(env).map((name) => [name, process.env[name]] as const);
  const consoleMethods = ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const;
  const savedConsole = consoleMethods.map((name) => console[name]);
  let stdout = '';
  let stderr = '';
  const capture = (append: (s: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  try {
    process.chdir(cwd);
    Object.assign(process.env, env);
    process.exitCode = undefined;
    process.stdout.write = capture((s) => (stdout += s));
    process.stderr.write = capture((s) => (stderr += s));
    for (const name of consoleMethods) {
      const toStdout = name === 'log' || name === 'info' || name === 'debug';
      console[name] = (...args: unknown[]) => {
        const line = `${name === 'trace' ? `Trace: ${format(...args)}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}` : format(...args)}\n`;
        if (toStdout) stdout += line;
        else stderr += line;
      };
    }
    await main([process.execPath, 'bulletin', ...args]);
    const code = process.exitCode ?? 0;
    return { code: typeof code === 'number' ? code : Number(code), signal: null, stdout, stderr };
  } finally {
    consoleMethods.forEach((name, k) => (console[name] = savedConsole[k] as (typeof console)[typeof name]));
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = saved.exitCode;
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.chdir(saved.cwd);
    running = false;
  }
}
