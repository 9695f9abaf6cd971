#!/usr/bin/env node
// paragraphs-check.mjs — does a text extractor give every Markdown paragraph of an issue back
// exactly? Shared by the poppler and MuPDF cross-checks (poppler-check.sh, mutool-check.sh).
//
//   node test/e2e/paragraphs-check.mjs ENGINE TEXT_FILE ISSUE_DIR
//
// TEXT_FILE is what the engine extracted from the body pages. Only its line and page breaks are
// removed, never its spaces, so a space invented by justification, compressed punctuation or a
// CJK–Latin gap fails (issue 3 §5, issue 10). Source spaces next to Chinese are dropped first, as
// the typesetter does (R4, R15); spaces between Latin words must come back.
import fs from 'node:fs';
import path from 'node:path';

const [engine, textFile, issueDir] = process.argv.slice(2);
if (!engine || !textFile || !issueDir) {
  console.error('usage: paragraphs-check.mjs ENGINE TEXT_FILE ISSUE_DIR');
  process.exit(2);
}
const text = fs.readFileSync(textFile, 'utf8').replace(/[\n\f]/g, '');
const files = fs.readdirSync(path.join(issueDir, 'articles')).filter((f) => f.endsWith('.md')).sort();
let missing = 0;
let checked = 0;
for (const f of files) {
  const body = fs.readFileSync(path.join(issueDir, 'articles', f), 'utf8').replace(/\r\n/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const chunk of body.split(/\n\s*\n/)) {
    const para = chunk
      .replace(/^#+\s+/, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*/g, '')
      .trim()
      .replace(/(?<=[\p{Script=Han}\p{P}]) +| +(?=[\p{Script=Han}\p{P}])/gu, '');
    if (!para) continue;
    checked++;
    if (!text.includes(para)) {
      console.log(`FAIL: ${engine} does not give exactly ${f}: ${para.slice(0, 30)}…`);
      missing++;
    }
  }
}
console.log(`${engine}: ${checked - missing} of ${checked} paragraphs come back exactly`);
process.exit(missing ? 1 : 0);
