/**
 * Writing the PDFs: to a temporary file beside the target, then an atomic rename, so the print
 * shop never receives a half-written file and an interrupted build leaves the last good PDF as
 * it was. Temporary files are removed on SIGINT/SIGTERM.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from './messages';

const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const file of pending) fs.rmSync(file, { force: true });
  pending.clear();
}

/**
 * Turns SIGINT/SIGTERM into a clean exit (130/143) that removes any temp file. The CLI calls
 * this at start, so a signal during rendering is handled too, not only one during writing.
 */
export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removePending();
      process.stderr.write(
        t(`\ninterrupted (${signal}): no output written; earlier PDFs are unchanged\n`, `\n已中断（${signal}）：未写任何文件，原有 PDF 保持不变\n`),
      );
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.once('exit', removePending);
}

/** Writes all files or none: each goes to a temp file first, and all are renamed at the end. */
export function writeFilesAtomically(files: readonly { readonly file: string; readonly bytes: Uint8Array }[]): void {
  installSignalHandlers();
  const staged: { temp: string; file: string }[] = [];
  try {
    for (const { file, bytes } of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
      pending.add(temp);
      fs.writeFileSync(temp, bytes);
      staged.push({ temp, file });
    }
    for (const { temp, file } of staged) {
      fs.renameSync(temp, file);
      pending.delete(temp);
    }
  } finally {
    removePending();
  }
}
