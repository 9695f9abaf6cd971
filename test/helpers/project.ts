/**
 * A throwaway copy of the project for build tests: issues/ copied (so a test may change it),
 * fonts, schemas and profiles symlinked. Remove it with `fs.rmSync(root, { recursive: true })`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');

/** Makes the copy; `edit` may change files under it before the build runs. */
export function tempProject(edit?: (root: string) => void): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-build-'));
  fs.cpSync(path.join(REPO, 'issues'), path.join(root, 'issues'), { recursive: true });
  for (const dir of ['fonts', 'schemas', 'profiles']) fs.symlinkSync(path.join(REPO, dir), path.join(root, dir));
  edit?.(root);
  return root;
}

/** Replaces `from` by `to` in a file of the copy (e.g. a series setting). */
export function editFile(root: string, relative: string, from: string | RegExp, to: string): void {
  const file = path.join(root, relative);
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${relative}: ${String(from)} not found`);
  fs.writeFileSync(file, changed);
}
