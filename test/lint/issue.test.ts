/** The lint stage over a whole issue: the sample issue is clean; U+FFFD stops the build. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadIssue } from '../../src/document/load';
import { BulletinError } from '../../src/errors';
import { lintIssue } from '../../src/lint';
import { makeProject, REPO, tempDir } from '../cli/helpers';

describe('lintIssue', () => {
  it('finds nothing in the sample issue 2024-02', async () => {
    const loaded = await loadIssue(REPO, '2024-02');
    expect(lintIssue(loaded)).toEqual([]);
  });

  it('throws every finding, with the loader warnings, when an article contains U+FFFD', async () => {
    const root = tempDir('lint-issue');
    try {
      makeProject(root);
      const file = path.join(root, 'issues/2024-03/articles/02-second.md');
      fs.appendFileSync(file, '\n损坏\uFFFD的文字,\n');
      const loaded = await loadIssue(root, '2024-03');
      let error: unknown;
      try {
        lintIssue(loaded);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(BulletinError);
      const found = (error as BulletinError).diagnostics.map((d) => `${d.location.file}:${d.location.line}:${d.location.column} ${d.severity}`);
      expect(found).toEqual(['issues/2024-03/articles/02-second.md:9:3 error', 'issues/2024-03/articles/02-second.md:9:7 warning']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
