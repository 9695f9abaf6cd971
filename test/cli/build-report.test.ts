/** The quiet build report: repeated warnings of one kind are counted after the first few. */
import type { Diagnostic } from '../../src/errors';
import { summariseWarnings, WARNINGS_SHOWN_PER_KIND } from '../../src/commands/build-report';

const warning = (file: string, line: number, message: string): Diagnostic => ({ severity: 'warning', location: { file, line }, message });

test('the first few of each kind, then a count and the command that lists them all', () => {
  const spaced = Array.from({ length: 7 }, (_, i) => warning('a.md', i + 1, `line ${i + 1} is spaced out by 0.${i + 5} em per gap`));
  const image = warning('b.md', 3, 'image images/x.jpg is 200 ppi at its printed size');
  const lines = summariseWarnings([...spaced.slice(0, 4), image, ...spaced.slice(4)], false, 'bulletin check 2024-02 --verbose');
  expect(lines.filter((l) => l.includes('spaced out'))).toHaveLength(WARNINGS_SHOWN_PER_KIND);
  expect(lines).toContain('b.md:3: warning: image images/x.jpg is 200 ppi at its printed size');
  expect(lines).toContain('  … and 4 more warning(s) like this');
  expect(lines[lines.length - 1]).toBe('4 warning(s) not shown; all of them: bulletin check 2024-02 --verbose');
});

test('everything with --verbose, nothing added when every kind fits', () => {
  const few = [warning('a.md', 1, 'one “甲”'), warning('a.md', 2, 'one “乙”')];
  expect(summariseWarnings(few, false, 'x')).toEqual(['a.md:1: warning: one “甲”', 'a.md:2: warning: one “乙”']);
  const many = Array.from({ length: 9 }, (_, i) => warning('a.md', i + 1, `same ${i}`));
  expect(summariseWarnings(many, true, 'x')).toHaveLength(9);
});
