/**
 * `--open`: hands a file or URL to the desktop's default viewer (xdg-open, macOS open, Windows
 * start). Detached and without waiting: the viewer outlives the command. On a machine without a
 * desktop the editor is told where the file is instead of getting an error.
 */
import { spawn } from 'node:child_process';
import { say } from '../messages';

/** Opens `target`; returns a sentence for the editor when no viewer could be started. */
export function openInViewer(target: string): Promise<string | undefined> {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [target]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', target]] : ['xdg-open', [target]];
  return new Promise((resolve) => {
    const failed = () => resolve(say('open.viewer-failed', { command, target }));
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.on('error', failed);
      child.on('spawn', () => {
        child.unref();
        resolve(undefined);
      });
    } catch {
      failed();
    }
  });
}
