/**
 * The heap policy (src/heap.ts): kept small at start-up, a large issue's nursery let grow once it
 * has been read. V8 flags changed while running are V8's business, so what is tested is their
 * effect, in a fresh node as bin/bulletin.js starts one: the size of the young generation after
 * a churn of short-lived objects.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from './helpers';

/** The young generation's size in MB after the policy for an issue of `characters` characters. */
function nurseryAfter(characters: number | undefined): number {
  const script = `
    const heap = require(${JSON.stringify(path.join(REPO, 'dist', 'heap.js'))});
    heap.keepHeapSmall();
    ${characters === undefined ? '' : `heap.sizeHeapForIssue(${characters});`}
    let live = [];
    for (let i = 0; i < 3e6; i++) {
      live.push({ i, text: 'x' + i });
      if (live.length > 20000) live = [];
    }
    const young = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(young.space_size / 1048576));
  `;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return Number(child.stdout);
}

describe('the heap policy', () => {
  const { LARGE_ISSUE_CHARACTERS } = require(path.join(REPO, 'dist', 'heap.js')) as { LARGE_ISSUE_CHARACTERS: number };

  test('keeps the nursery at its first size at start-up and for an issue below the limit', () => {
    // 1 MB per semi-space, two of them.
    expect(nurseryAfter(undefined)).toBeLessThanOrEqual(2);
    expect(nurseryAfter(LARGE_ISSUE_CHARACTERS - 1)).toBeLessThanOrEqual(2);
  });

  test('lets a large issue\'s nursery grow', () => {
    expect(nurseryAfter(LARGE_ISSUE_CHARACTERS)).toBeGreaterThanOrEqual(16);
  });
});
