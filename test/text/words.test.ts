/** Word boundaries for freely broken text (text/words.ts, R31 item 3), with Node's ICU segmenter. */
import { breakCosts, IN_NAME_PENALTY, IN_WORD_PENALTY } from '../../src/text/words';

const cost = (text: string, before: string) => breakCosts(text)[Array.from(text.slice(0, text.indexOf(before))).length] ?? NaN;

test('words-names: 中华人民共和国 and dates never break; ICU word interiors cost; boundaries are free', () => {
  const title = '最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释';
  expect(cost(title, '共和国')).toBe(IN_NAME_PENALTY); // 中华人民|共和国
  expect(cost(title, '人民共和国')).toBe(IN_NAME_PENALTY);
  expect(cost(title, '关于')).toBe(0);
  expect(cost(title, '适用')).toBe(0);
  expect(cost('国家信访局召开会议', '访局')).toBe(IN_NAME_PENALTY); // 信|访
  expect(cost('召开会议', '开会')).toBe(IN_WORD_PENALTY); // 召|开
  const history = '2012年12月20日上海市第十三届人民代表大会常务委员会第三十八次会议通过';
  expect(cost(history, '日上海')).toBe(IN_NAME_PENALTY); // 20|日
  expect(cost(history, '12月')).toBe(IN_NAME_PENALTY);
  expect(cost(history, '上海市')).toBe(IN_NAME_PENALTY); // the date never ends a line: it stays with its event
  expect(cost(history, '第十三届')).toBe(0);
});

test('words-book-title: a break inside 《…》 or “…” costs a little, even at a word boundary', () => {
  const text = '根据《信访工作条例》规定';
  expect(cost(text, '工作')).toBeGreaterThan(0);
  expect(cost(text, '规定')).toBe(0);
});
