/**
 * R4: ellipses and dashes typed with ASCII: "..." or "。。。" for "……", "--" for "——", in
 * Chinese text. A Latin "etc..." or a command-line "--fix" has no CJK neighbour and is left.
 */
import { message } from '../../messages';
import { charAt, charBefore, isCjk } from '../chars';
import { fixable, matches, type Finding } from '../finding';
import type { Segment } from '../segments';

export function asciiSequences(segment: Segment): Finding[] {
  const text = segment.text;
  const found: Finding[] = [];
  const chinese = (m: RegExpExecArray): boolean => isCjk(charBefore(text, m.index)) || isCjk(charAt(text, m.index + m[0].length));
  for (const m of matches(segment, /\.{3,}|。{3,}/g)) {
    if (m[0].startsWith('.') && !chinese(m)) continue;
    found.push(fixable('R4', m.index, m[0], '……', message('lint.ellipsis', { m: m[0] })));
  }
  for (const m of matches(segment, /-{2,}/g)) {
    if (!chinese(m)) continue;
    found.push(fixable('R4', m.index, m[0], '——', message('lint.dash', { m: m[0] })));
  }
  return found;
}
