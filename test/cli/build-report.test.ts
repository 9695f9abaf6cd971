/** The quiet build report: repeated warnings of one kind (one code) are counted after the first few. */
import type { Diagnostic } from '../../src/errors';
import { summariseWarnings, WARNINGS_SHOWN_PER_KIND } from '../../src/commands/build-report';
import { type Message, message } from '../../src/messages';

const warning = (file: string, line: number, what: Message): Diagnostic => ({ severity: 'warning', location: { file, line }, ...what });
const asciiMark = (ch: string) => message('lint.ascii-punctuation', { ch });

test('the first few of each kind, then a count and the command that lists them all', () => {
  const marks = Array.from({ length: 7 }, (_, i) => warning('a.md', i + 1, asciiMark(',:;?!()'[i] as string)));
  const image = warning('b.md', 3, message('images.low-resolution', { displayName: 'images/x.jpg', shown: 200, minPpi: 300 }));
  const lines = summariseWarnings([...marks.slice(0, 4), image, ...marks.slice(4)], false, 'bulletin check 2024-02 --verbose');
  expect(lines.filter((l) => l.includes('in Chinese text (R4)'))).toHaveLength(WARNINGS_SHOWN_PER_KIND);
  expect(lines).toContain('b.md:3: warning: image images/x.jpg is 200 ppi at its printed size (the press needs 300 ppi); it will print soft');
  expect(lines).toContain('  … and 4 more warning(s) like this');
  expect(lines[lines.length - 1]).toBe('4 warning(s) not shown; all of them: bulletin check 2024-02 --verbose');
});

test('everything with --verbose, nothing added when every kind fits', () => {
  const few = [warning('a.md', 1, asciiMark(',')), warning('a.md', 2, asciiMark(':'))];
  expect(summariseWarnings(few, false, 'x')).toHaveLength(2);
  const many = Array.from({ length: 9 }, (_, i) => warning('a.md', i + 1, asciiMark(',')));
  expect(summariseWarnings(many, true, 'x')).toHaveLength(9);
});
