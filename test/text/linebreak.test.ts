/**
 * The line breaker on plain strings with synthetic advances (ideograph = 1 em, Latin = ½ em):
 * the spec's test strings from TYPOGRAPHY.md with their exact expected lines.
 */
import { junctionAt } from '../../src/text/items';
import { adv, lines, set } from './fake-shaper';

describe('kinsoku: line-start and line-end prohibitions (R6, R7)', () => {
  test('an interpunct never starts a line; the character before it moves down (R6)', () => {
    expect(lines('一二三四·五六七八九', 4)).toEqual(['一二三', '四·五六', '七八九']);
  });
  test('an ellipsis never starts a line (R6)', () => {
    expect(lines('一二三四……五六七八九', 5)).toEqual(['一二三', '四……五六', '七八九']);
  });
  test('a 破折号 may start a line and is two ems wide (R2, R6)', () => {
    const result = set('一二三四——五六七八九', 5);
    expect(result.lines).toEqual(['一二三四', '——五六七', '八九']);
    expect(result.placed[1]?.right).toBeCloseTo(5, 3);
  });
  test('an opening quote never ends a line; both quote blanks trimmed at the edges (R7, R11, R12)', () => {
    const result = set('一二三四“五六七八”九十', 5);
    expect(result.lines).toEqual(['一二三四', '“五六七八”', '九十']);
    expect(result.placed[0]?.extraPerGap).toBeCloseTo(1 / 3, 3);
    expect(result.placed[1]?.xs[0]).toBeCloseTo(-0.5, 3);
    expect(result.placed[1]?.right).toBeCloseTo(5, 3);
  });
});

describe('push-in before push-out, never ragged (R9, R11, R14)', () => {
  test('push-in: ， compressed mid-line and 。 half width at the end', () => {
    expect(lines('一二，三四。五六七', 5)).toEqual(['一二，三四。', '五六七']);
  });
  test('push-out: the shortened line is justified with 1/3 em gaps', () => {
    const result = set('一二三四五，六七', 5);
    expect(result.lines).toEqual(['一二三四', '五，六七']);
    expect(result.placed[0]?.extraPerGap).toBeCloseTo(1 / 3, 3);
    expect(result.placed[0]?.right).toBeCloseTo(5, 3);
  });
  test('line-end stop is half width during breaking (R11)', () => {
    const result = set('一二三四五。六七八', 5.5);
    expect(result.lines).toEqual(['一二三四五。', '六七八']);
    expect(result.placed[0]?.right).toBeCloseTo(5.5, 3);
    expect(lines('一二三四五。六七八', 5)).toEqual(['一二三四', '五。六七八']);
  });
  test('hanging stops only when asked (R13)', () => {
    expect(lines('一二三四五，六七八', 5)).toEqual(['一二三四', '五，六七八']);
    expect(lines('一二三四五，六七八', 5, { hang: 'stops' })).toEqual(['一二三四五，', '六七八']);
  });
  test('every non-last line fills the measure exactly', () => {
    const text = '国家信访局召开 2023 年度全局工作总结大会，深入学习贯彻党的二十大和二十届二中全会精神，全面贯彻落实习近平总书记关于信访工作的重要指示精神。';
    for (let width = 8; width <= 40; width++) {
      const result = set(text, width);
      result.placed.slice(0, -1).forEach((line) => expect(line.right).toBeCloseTo(width, 6));
    }
  });
});

describe('no single character on the last line (R18)', () => {
  test('the last line keeps two ideographs', () => {
    const result = lines('天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋。', 10);
    expect(result).toEqual(['天地玄黄宇宙洪荒日月', '盈昃辰宿列张寒来暑', '往秋。']);
  });
});

describe('punctuation widths (R3, R10, R15)', () => {
  test('consecutive punctuation is compressed as in quanjiao (R10)', () => {
    expect(['好。”', '（《书》）', '。”）', '”“', '“”', '：“', '你好？！'].map((s) => adv(s))).toEqual([2.5, 4, 2, 1.5, 2, 1.5, 3]);
  });
  test('kaiming and banjiao styles (R10)', () => {
    expect(adv('好，好', 'kaiming')).toBeCloseTo(2.5, 6);
    expect(adv('好。好', 'kaiming')).toBeCloseTo(3, 6);
    expect(adv('好。好', 'banjiao')).toBeCloseTo(2.5, 6);
  });
  test('the interpunct sits in a half-em box (R3)', () => {
    expect(adv('罗兰·巴特')).toBeCloseTo(4.5, 6);
  });
  test('a quarter-em CJK–Latin gap replaces source spaces (R15)', () => {
    expect(adv('第1回')).toBeCloseTo(3, 6);
    expect(adv('召开 2023 年度')).toBeCloseTo(adv('召开2023年度'), 6);
    // No gap after ，: only the one before 年.
    expect(adv('，2023年')).toBeCloseTo(1 + 2 + 0.25 + 1, 6);
  });
});

describe('unbreakable runs (R5, R8)', () => {
  test('numbers are never split', () => {
    for (let width = 3; width <= 12; width++) {
      for (const line of lines('累计发放1500余份问卷调查', width)) expect(line).not.toMatch(/^\d{1,3}[^\d]|[^\d]\d{1,3}$/);
    }
  });
  test('an e-mail address breaks only before @ or after . (issue #8)', () => {
    const result = lines('联系邮箱：starsh1021@163.com', 10);
    expect(result).toEqual(['联系邮箱：starsh1021', '@163.com']);
  });
  test('a URL breaks after / ? & = # _ . and never inside ://', () => {
    const url = 'https://a.example.org/path/to/page?x=1&y=2#top_of_page';
    for (let width = 4; width <= 12; width++) {
      const result = lines(`见${url}。`, width);
      expect(result.join('')).toBe(`见${url}。`);
      for (const line of result.slice(0, -1)) expect(line).toMatch(/[/?&=#_.见]$/);
      expect(result.join('|')).toContain('https://');
    }
  });
  test('7×24 stays whole', () => {
    for (let width = 3; width <= 8; width++) expect(lines('“7×24小时”接听市民来电', width).join('|')).toContain('7×24');
  });
});

describe('indents and dashes (R12, R17, R21, R24)', () => {
  test('an opening mark at a paragraph start is pulled half an em into the 2-em indent (R12, R17)', () => {
    const result = set('《新生》的出版之期接近了，一二三四五六七八九十', 10, { firstIndent: 2 });
    expect(result.placed[0]?.xs[0]).toBeCloseTo(1.5, 6);
    expect(result.placed[1]?.xs[0]).toBeCloseTo(0, 6);
  });
  test('wrapped lines can hang under a heading number (R21)', () => {
    const result = set('一、重要意义和总体要求重要意义和总体要求', 10, { firstIndent: 2, restIndent: 4 });
    expect(result.placed[1]?.xs[0]).toBeCloseTo(4, 6);
    result.placed.slice(0, -1).forEach((line) => expect(line.right).toBeCloseTo(10, 6));
  });
  test('破折号 is two ems and never compressed; a connector is one em with no CJK–Latin gap (R24)', () => {
    expect(adv('发展——全国')).toBeCloseTo(6, 6);
    expect(adv('（2023—2027年）')).toBeCloseTo(1 + 2 + 1 + 2 + 0.25 + 1 + 1, 6);
  });
});

test('no CJK–Latin gap after the full stop of a "1." heading number (R21)', () => {
  // adv() sets the text between two ideographs: the gap before "1" stays, the one after "." goes.
  expect(adv('1.国家')).toBeCloseTo(0.25 + 1 + 2, 6);
  expect(adv('第1回')).toBeCloseTo(3, 6);
});

test('the line-start trim of opening marks can be switched off (R12 trimLineStartOpen)', () => {
  const trimmed = set('一二三四五“六七八九”十一', 5);
  const kept = set('一二三四五“六七八九”十一', 5.5, { trimLineStartOpen: false });
  expect(trimmed.lines[1]).toBe('“六七八九”');
  expect(trimmed.placed[1]?.xs[0]).toBeCloseTo(-0.5, 6);
  expect(kept.lines[1]).toBe('“六七八九”');
  expect(kept.placed[1]?.xs[0]).toBeCloseTo(0, 6);
  expect(kept.placed[1]?.right).toBeCloseTo(5.5, 6);
});

describe('r4-separator: a typed space between two ideographs is a one-em separator (R4 as corrected)', () => {
  test('r4-separator-width: U+0020, U+00A0 and U+3000 print alike, one em, never deleted', () => {
    expect(adv('第一条 为了')).toBe(6);
    expect(adv('第一条\u00a0为了')).toBe(6);
    expect(adv('第一条　为了')).toBe(6);
    expect(adv('第一条  为了')).toBe(6);
    expect(adv('中共中央办公厅 国务院办公厅')).toBe(14);
  });

  test('r4-separator-noise: next to punctuation or at the ends a space is dropped; a source newline between ideographs too', () => {
    expect(adv('。 为')).toBe(2);
    expect(adv('为 ，')).toBe(2);
    expect(lines('　　第一条', 10)).toEqual(['第一条']);
    expect(adv('顾晓\n燕')).toBe(3);
  });

  test('r4-separator-edge: at a line break the separator vanishes and the next line starts flush', () => {
    const s = set('第一条第一条 为了保障公民', 6);
    expect(s.lines).toEqual(['第一条第一条', '为了保障公民']);
    expect(s.placed[1]?.xs[0]).toBe(0);
  });
});

describe('r31-numbers-and-labels', () => {
  test('r31-number-unit: a number never parts from its unit at a line break (20|日)', () => {
    // Width 9 would end line 1 after "20" if number|unit could break.
    for (let w = 6; w <= 12; w++) {
      const s = set('于2012年12月20日发布施行本条例', w);
      for (let k = 1; k < s.lines.length; k++) expect(`${s.lines[k - 1]}|${s.lines[k]}`).not.toMatch(/\d\|[年月日]/);
    }
  });

  test('r31-enclosed-label: ⒈ ① are one-em labels with the same gap on every line, a typed space after them dropped', () => {
    expect(adv('⒈国家')).toBe(3);
    expect(adv('⒈ 国家')).toBe(3);
    const s = set('⒈国家信访局重点培训省级信访部门领导干部', 9);
    const label = s.paragraph.texts.slice(0, s.paragraph.length).indexOf('⒈');
    expect(junctionAt(s.paragraph, label + 1).justifiable).toBe(false);
    expect(junctionAt(s.paragraph, label + 1).gap).toBe(0);
  });

  test('r4-ascii-stop: an ASCII comma after Chinese is spaced as ，: no gap before it, one em in all', () => {
    expect(adv('中国,北京')).toBe(adv('中国，北京'));
    expect(adv('1,000')).toBe(3); // 2.5 for 1,000 and two CJK–Latin gaps: a comma inside a number stays Latin
    const s = set('中国,北京', 20);
    expect(junctionAt(s.paragraph, 2).gap).toBe(0);
  });
});

describe('skipping short candidate lines changes no choice', () => {
  // Deterministic pseudo-random paragraphs: ideographs, marks, numbers, Latin words and spaces.
  // Long words leave only short lines at some breaks: there a short line must still win.
  const pieces = ['一', '二', '三', '国', '家', '，', '。', '、', '“', '”', '《', '》', '（', '）', '——', '……', '2024', 'PDF', ' ', '·', '第一条　', ' internationalization ', '12345678901234567890'];
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const paragraph = (length: number): string => Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)] as string).join('');
  test('the same lines as measuring every candidate, over 300 paragraphs and widths', () => {
    for (let k = 0; k < 300; k++) {
      const text = paragraph(40 + Math.floor(next() * 400));
      const width = 8 + Math.floor(next() * 36);
      const options = { firstIndent: k % 2 === 0 ? 2 : 0, restIndent: k % 3 === 0 ? 1 : 0, hang: k % 4 === 0 ? ('stops' as const) : ('none' as const) };
      expect(set(text, width, options).spans).toEqual(set(text, width, { ...options, exhaustive: true }).spans);
    }
  });
});
