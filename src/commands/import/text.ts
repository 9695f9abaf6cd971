/**
 * Plain text pasted from anywhere. Paragraphs are separated by blank lines when the text has
 * any; otherwise every line is a paragraph (text copied from a web page). Inside a paragraph a
 * line break between two Chinese characters is dropped (R4: text copied from a PDF breaks lines
 * mid-sentence), elsewhere it becomes a space. The R4 character fixes are applied by the writer,
 * for every kind of import alike.
 */
import { emptyDraft, type Draft } from './draft';

const HAN_OR_MARK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u;

export function draftFromText(text: string): Draft {
  const draft = emptyDraft();
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const hasBlankLines = lines.some((line, i) => line.trim() === '' && i > 0 && i < lines.length - 1 && lines[i - 1]?.trim() !== '');
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    const trimmed = line.replace(/^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$/g, '');
    if (trimmed === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else if (hasBlankLines) current.push(trimmed);
    else paragraphs.push([trimmed]);
  }
  if (current.length > 0) paragraphs.push(current);
  for (const paragraph of paragraphs) {
    const joined = paragraph.reduce((text, line) => {
      if (text === '') return line;
      const before = [...text].pop() ?? '';
      const after = [...line][0] ?? '';
      return HAN_OR_MARK.test(before) && HAN_OR_MARK.test(after) ? text + line : `${text} ${line}`;
    }, '');
    draft.blocks.push({ kind: 'paragraph', runs: [{ text: joined, bold: false }] });
  }
  return draft;
}
