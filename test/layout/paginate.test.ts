/** Pagination on abstract slots: forced breaks, keep-with-next chains, widows and orphans (R19, R20). */
import type { FlowItem } from '../../src/layout/flow';
import { paginate } from '../../src/layout/paginate';

const line = (where: string, keepWithNext = false, breakBefore = false): FlowItem => ({ height: 1, boxes: [], keepWithNext, breakBefore, where });

/** A paragraph of n lines with the keep flags blocks.ts sets: first two and last two lines together. */
function paragraph(name: string, n: number): FlowItem[] {
  return Array.from({ length: n }, (_, k) => line(`${name}${k + 1}`, (k === 0 && n > 1) || (k === n - 2 && n > 1)));
}

const names = (result: ReturnType<typeof paginate>) => result.pages.map((p) => p.items.map((i) => i.item.where).join(' '));

test('a page holds as many slots as its capacity', () => {
  expect(names(paginate(paragraph('a', 7), 10))).toEqual(['a1 a2 a3 a4 a5 a6 a7']);
});

test('an article always starts a new page', () => {
  const galley = [...paragraph('a', 2), line('title', true, true), ...paragraph('b', 2)];
  expect(names(paginate(galley, 10))).toEqual(['a1 a2', 'title b1 b2']);
});

test('no orphan: a paragraph never leaves its first line alone at the foot of a page', () => {
  const galley = [...paragraph('a', 4), ...paragraph('b', 5)];
  expect(names(paginate(galley, 5))).toEqual(['a1 a2 a3 a4', 'b1 b2 b3 b4 b5']);
});

test('no widow: a paragraph never leaves its last line alone at the top of a page', () => {
  const galley = [...paragraph('a', 2), ...paragraph('b', 4)];
  expect(names(paginate(galley, 5))).toEqual(['a1 a2 b1 b2', 'b3 b4']);
});

test('a heading stays with the first two lines of the text after it', () => {
  const galley = [...paragraph('a', 3), line('heading', true), ...paragraph('b', 4)];
  expect(names(paginate(galley, 5))).toEqual(['a1 a2 a3', 'heading b1 b2 b3 b4']);
});

test('a chain taller than a page is reported, not looped over', () => {
  const galley = Array.from({ length: 8 }, (_, k) => line(`t${k}`, true));
  const result = paginate(galley, 5);
  expect(result.pages.length).toBe(2);
  expect(result.problems.length).toBeGreaterThan(0);
});
