/** R4: ASCII , : ; ? ! ( ) in Chinese text, and none in Latin runs. */
import { BODY_LINE as L, fixed, lint } from './helpers';

describe('R4 ASCII punctuation in Chinese text', () => {
  it('flags each mark with its exact line and column', () => {
    expect(lint('会议指出,要做好工作;并强调:谁负责?答:我们!')).toEqual([
      `${L}:5 ,→，`,
      `${L}:11 ;→；`,
      `${L}:15 :→：`,
      `${L}:19 ?→？`,
      `${L}:21 :→：`,
      `${L}:24 !→！`,
    ]);
  });

  it('turns the seed line 编委：(按姓氏拼音) into full-width parentheses (TYPOGRAPHY R4 test)', () => {
    expect(lint('编委：(按姓氏拼音)')).toEqual([`${L}:4 (→（`, `${L}:10 )→）`]);
    expect(fixed('编委：(按姓氏拼音)')).toBe('编委：（按姓氏拼音）');
  });

  it('treats a pair as Chinese by its content or its neighbours, and drops the spaces around it', () => {
    expect(fixed('世界卫生组织(WHO)发布')).toBe('世界卫生组织（WHO）发布');
    expect(fixed('(1)加强培训')).toBe('（1）加强培训');
    expect(fixed('召开会议 (线上) 讨论')).toBe('召开会议（线上）讨论');
    expect(fixed('一是, 二是')).toBe('一是，二是');
    expect(fixed('真的吗?!')).toBe('真的吗？！');
  });

  it('keeps ASCII inside Latin runs', () => {
    for (const body of ['金额1,000元', '增长11.6%', '邮箱starsh1021@163.com', '7×24小时', '网址https://a.b/c?d=1', '2023,2024', '上午9:30开会', 'Hello, world!', '函数f(x)的值', 'See (Smith, 2020).']) {
      expect([body, lint(body)]).toEqual([body, []]);
    }
  });

  it('counts a line break inside a paragraph as nothing between the neighbours', () => {
    expect(lint('第一行结尾\n(续)')).toEqual([`${L + 1}:1 (→（`, `${L + 1}:3 )→）`]);
  });

  it('fixes an escaped mark together with its backslash', () => {
    expect(lint('编委\\(按姓氏拼音)')).toEqual([`${L}:3 \\(→（`, `${L}:10 )→）`]);
  });
});
