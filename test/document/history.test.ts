/** 题注 (front matter `history`, R31): the events of an adoption history, as listed or split before each date. */
import { historyEvents } from '../../src/document/compose';

test('history-list: a list is taken as it is, one event per item', () => {
  expect(historyEvents(['2020年12月7日最高人民法院审判委员会第1820次会议通过', '2021年1月26日最高人民法院公告公布'])).toEqual([
    '2020年12月7日最高人民法院审判委员会第1820次会议通过',
    '2021年1月26日最高人民法院公告公布',
  ]);
});

test('history-text: one text is split before each date after a space or ；, its parentheses dropped (the layout sets them)', () => {
  const text = '（1993年10月22日上海市第十届人民代表大会常务委员会第五次会议通过 2003年8月8日上海市第十二届人民代表大会常务委员会第六次会议修订；根据2012年12月20日上海市第十三届人民代表大会常务委员会第三十八次会议修正）';
  expect(historyEvents(text)).toEqual([
    '1993年10月22日上海市第十届人民代表大会常务委员会第五次会议通过',
    '2003年8月8日上海市第十二届人民代表大会常务委员会第六次会议修订',
    '根据2012年12月20日上海市第十三届人民代表大会常务委员会第三十八次会议修正',
  ]);
  // A date inside an event (no space before it) does not split it.
  expect(historyEvents('2018年5月24日通过，自2018年7月1日起施行')).toEqual(['2018年5月24日通过，自2018年7月1日起施行']);
});
