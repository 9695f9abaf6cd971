/** R4: "..." / "。。。" → "……", "--" → "——" in Chinese text. */
import { BODY_LINE as L, fixed, lint } from './helpers';

describe('R4 ellipses and dashes typed in ASCII', () => {
  it('flags them with exact positions', () => {
    expect(lint('等等...还有。。。以及......')).toEqual([`${L}:3 ...→……`, `${L}:8 。。。→……`, `${L}:13 ......→……`]);
    expect(lint('发展--全国')).toEqual([`${L}:3 --→——`]);
  });

  it('fixes them', () => {
    expect(fixed('他说--我们等着...')).toBe('他说——我们等着……');
  });

  it('leaves Latin text alone', () => {
    expect(lint('Wait... run npm --version now')).toEqual([]);
    expect(lint('分隔线不是--')).toEqual([`${L}:6 --→——`]);
  });
});
