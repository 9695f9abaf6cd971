/**
 * R16: full-width digits １２３. Chinese text uses proportional Arabic digits; full-width ones
 * come from an input method left in full-width mode.
 */
import { message } from '../../messages';
import { fixable, matches, type Finding } from '../finding';
import type { Segment } from '../segments';

export function fullWidthDigits(segment: Segment): Finding[] {
  return matches(segment, /[０-９]+/g).map((m) => {
    const half = [...m[0]].map((ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).join('');
    return fixable('R16', m.index, m[0], half, message('lint.full-width-digits', { m: m[0] }));
  });
}
