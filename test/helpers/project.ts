/**
 * A throwaway copy of the project for build tests: issues/ copied (so a test may change it),
 * fonts, schemas and profiles shared (hard links, see shareInto). Remove it with `fs.rmSync(root, { recursive: true })`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');

/** Makes the copy; `edit` may change files under it before the build runs. */
export function tempProject(edit?: (root: string) => void): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-build-'));
  fs.cpSync(path.join(REPO, 'issues'), path.join(root, 'issues'), { recursive: true });
  for (const dir of ['fonts', 'schemas', 'profiles']) shareInto(path.join(REPO, dir), path.join(root, dir));
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

/**
 * Puts the repository's `from` (a folder or file) at `to` without copying megabytes: hard links
 * where the file system allows, copies where it does not. Not a symbolic link: the build refuses
 * fonts and profiles that resolve outside the project.
 */
export function shareInto(from: string, to: string): void {
  if (fs.statSync(from).isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) shareInto(path.join(from, name), path.join(to, name));
    return;
  }
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}
