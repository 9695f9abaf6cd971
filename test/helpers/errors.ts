/** Test helper: runs fn and returns the BulletinError it throws (any other outcome fails the test). */
import { BulletinError } from '../../src/errors';
import { type Message, render } from '../../src/messages';

export function errorOf(fn: () => unknown): BulletinError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BulletinError) return err;
    throw err;
  }
  throw new Error('expected a BulletinError');
}

/** The wording of a diagnostic (or hint) in the language of this moment (undefined when there is none). */
export function wording(d: Message | undefined): string | undefined {
  return d === undefined ? undefined : render(d);
}
