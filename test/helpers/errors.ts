/** Test helper: runs fn and returns the BulletinError it throws (any other outcome fails the test). */
import { BulletinError } from '../../src/errors';

export function errorOf(fn: () => unknown): BulletinError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BulletinError) return err;
    throw err;
  }
  throw new Error('expected a BulletinError');
}
