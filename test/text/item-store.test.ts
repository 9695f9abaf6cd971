/**
 * A paragraph itemized into a reused store (text/items.ts ItemStore) is the same as one itemized
 * into arrays of its own: nothing of the store's previous paragraph shows through, and a store
 * that grows keeps what it holds.
 */
import { type Item, type Junction, itemAt, itemize, ItemStore, junctionAt, type Paragraph } from '../../src/text/items';
import { fakeShape, run } from './fake-shaper';

const options = { em: 1, punctuation: 'quanjiao' as const };

function columns(p: Paragraph): { items: Item[]; junctions: Junction[]; text: string } {
  const items: Item[] = [];
  const junctions: Junction[] = [];
  for (let k = 0; k < p.length; k++) {
    items.push(itemAt(p, k));
    junctions.push(junctionAt(p, k));
  }
  return { items, junctions, text: p.text };
}

const fresh = (text: string, words = false) => columns(itemize([run(text)], fakeShape, { ...options, words }));

// Punctuation with blanks and compression, ？！ pairs, Latin words and spaces, an address cut into pieces, a separator, ——.
const RICH = '“中国”（北京）：见 https://example.org/a/b 与 well-known words？！第一条　为了——完。';
const PLAIN = '一二三四五六七八九十';

describe('ItemStore', () => {
  test('a paragraph after another in the same store is the same as in a store of its own', () => {
    const store = new ItemStore();
    const first = columns(itemize([run(RICH)], fakeShape, options, store));
    expect(first).toEqual(fresh(RICH));
    // Every item of PLAIN sits where RICH had blanks, cuts, gaps and separators.
    expect(columns(itemize([run(PLAIN)], fakeShape, options, store))).toEqual(fresh(PLAIN));
    expect(columns(itemize([run(RICH)], fakeShape, options, store))).toEqual(first);
  });

  test('word costs are added to the junctions of this paragraph only', () => {
    const store = new ItemStore();
    itemize([run('中华人民共和国国务院办公厅')], fakeShape, { ...options, words: true }, store);
    expect(columns(itemize([run('中华人民共和国国务院办公厅')], fakeShape, { ...options, words: true }, store))).toEqual(fresh('中华人民共和国国务院办公厅', true));
    expect(columns(itemize([run(PLAIN)], fakeShape, options, store))).toEqual(fresh(PLAIN));
  });

  test('a store grows to a longer paragraph and keeps what it held', () => {
    const store = new ItemStore();
    itemize([run(PLAIN)], fakeShape, options, store);
    const long = RICH.repeat(40);
    expect(columns(itemize([run(long)], fakeShape, options, store))).toEqual(fresh(long));
  });
});
