/** R24 dashes and connectors, R16 full-width digits. */
import { BODY_LINE as L, fixed, lint } from './helpers';

describe('R24 dashes', () => {
  it('replaces 一 and － typed as a range dash between digits', () => {
    expect(lint('2023一2027年')).toEqual([`${L}:5 一→—`]);
    expect(lint('2023－2027年')).toEqual([`${L}:5 －→—`]);
  });

  it('warns (no fix) on a single — between Han characters', () => {
    expect(lint('发展—全国')).toEqual([`${L}:3 warning`]);
  });

  it('turns an ASCII ~ in a Chinese number range into ～', () => {
    expect(lint('约3~5天')).toEqual([`${L}:3 ~→～`]);
    expect(fixed('10~20人')).toBe('10～20人');
    expect(lint('pages 3~5 only')).toEqual([]);
  });

  it('accepts the right forms', () => {
    for (const body of ['2023—2027年', '（2023—2027年）', '发展——全国', '3～5天', '2024-02-02', '第一二三']) {
      expect([body, lint(body)]).toEqual([body, []]);
    }
  });
});

describe('R16 full-width digits', () => {
  it('flags each run and gives the half-width digits', () => {
    expect(lint('２０２４年２月')).toEqual([`${L}:1 ２０２４→2024`, `${L}:6 ２→2`]);
  });
});
