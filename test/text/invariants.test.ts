/**
 * The invariant suite of TYPOGRAPHY.md (I1–I8) over every paragraph of the seed issue at every
 * measure from 8 to 40 em, with synthetic advances: catches interactions single examples miss.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { set } from './fake-shaper';

const SEED = path.resolve(__dirname, '../../issues/2024-02/articles');
const paragraphs = fs
  .readdirSync(SEED)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => fs.readFileSync(path.join(SEED, f), 'utf8').split(/\n\s*\n/))
  .map((p) => p.replace(/^---[\s\S]*?---/, '').replace(/[*#!]|\[|\]\(.*?\)/g, '').trim())
  .filter((p) => p.length > 0);

const CANNOT_START = /^[，。、：；？！）》”’〉】〕·…]/u;
const CANNOT_END = /[（《“‘〈【〔]$/u;
const HAN = /\p{Script=Han}/gu;

test('the seed gives enough paragraphs to be meaningful', () => {
  expect(paragraphs.length).toBeGreaterThan(60);
});

/** What `toBeCloseTo(expected, 6)` accepts: |received − expected| < 10^−6 / 2. */
const closeTo6 = (received: number, expected: number): boolean => Math.abs(received - expected) < 1e-6 / 2;

// Violations are collected and asserted once per measure: an expect() per line (27,510 lines)
// cost ~98 % of the suite's time; the list names every failing line, so nothing is lost.
test.each(Array.from({ length: 33 }, (_, k) => k + 8))('I1–I8 hold for every seed paragraph at %i em', (width) => {
  const extraPerGap: number[] = [];
  const violations: string[] = [];
  const fail = (rule: string, text: string, k: number, line: string): void => {
    violations.push(`${rule} line ${k + 1} “${line}” of “${text.slice(0, 20)}…”`);
  };
  for (const text of paragraphs) {
    const result = set(text, width);
    result.lines.forEach((line, k) => {
      const placed = result.placed[k];
      if (!placed) throw new Error('missing placed line');
      const isLast = k === result.lines.length - 1;
      if (CANNOT_START.test(line)) fail('I1', text, k, line);
      if (CANNOT_END.test(line)) fail('I2', text, k, line);
      if (!isLast) {
        const next = result.lines[k + 1] ?? '';
        if (line.endsWith('—') && next.startsWith('—')) fail('I3 ——', text, k, line);
        if (line.endsWith('…') && next.startsWith('…')) fail('I3 ……', text, k, line);
        if (/[A-Za-z0-9]$/.test(line) && /^[A-Za-z0-9]/.test(next)) fail('I3 Latin run', text, k, line);
        if (!closeTo6(placed.right, width)) fail(`I4 right ${placed.right}`, text, k, line);
        extraPerGap.push(placed.extraPerGap);
      }
      if (!(placed.right <= width + 1e-6)) fail(`I8 right ${placed.right}`, text, k, line);
    });
    const last = result.lines[result.lines.length - 1] ?? '';
    const hanInParagraph = (text.match(HAN) ?? []).length;
    if (hanInParagraph >= 2 && result.lines.length > 1 && !((last.match(HAN) ?? []).length >= 2)) fail('I6', text, result.lines.length - 1, last);
  }
  expect(violations).toEqual([]);
  // I7: reported, not failed — short measures can force wide spacing.
  const over = extraPerGap.filter((e) => e > 0.5).length;
  if (over > 0) console.log(`${width} em: ${over} lines over 0.5 em extra per gap`);
});

test('I5: pure-Han text at a whole-number measure needs no adjustment', () => {
  const text = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜';
  for (let width = 8; width <= 40; width++) {
    // Where the last line would hold one ideograph, R18 rightly spreads the lines before it.
    if (Array.from(text).length % width === 1) continue;
    for (const line of set(text, width).placed.slice(0, -1)) expect(line.extraPerGap).toBe(0);
  }
});
