/** The stamps of the other issues, which the issue sequence compares an issue with. */
import * as path from 'node:path';
import { readIssueStamps } from '../../src/document/issue-stamps';

const MINI = path.join(__dirname, '..', 'fixtures', 'mini');

describe('readIssueStamps', () => {
  it('reads every issue of the project', () => {
    expect(readIssueStamps(MINI).map((s) => s.id)).toContain('2024-03');
  });

  it('leaves out the issue being built, whose file the loader has parsed already', () => {
    const all = readIssueStamps(MINI);
    const others = readIssueStamps(MINI, '2024-03');
    expect(others.map((s) => s.id)).not.toContain('2024-03');
    expect(others).toEqual(all.filter((s) => s.id !== '2024-03'));
  });
});
