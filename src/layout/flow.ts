/**
 * The galley: body content as a column of slots, each a whole number of baseline pitches high,
 * with the keep rules pagination must honour. Boxes are relative to the slot's top-left corner.
 */
import type { AnchorId } from '../document/types';
import type { SourceLocation } from '../errors';
import type { Box } from './types';

export interface FlowItem {
  /** Height in points; always a multiple of the pitch, so body lines stay on the grid (R26). */
  readonly height: number;
  readonly boxes: readonly Box[];
  /** Must sit on the same page as the next item (titles, headings, orphan and widow lines). */
  readonly keepWithNext: boolean;
  /** Starts a new page (each article does). */
  readonly breakBefore: boolean;
  /** Dropped when it would start a page (space above a heading). */
  readonly discardAtTop?: boolean;
  readonly anchors?: readonly AnchorId[];
  /** Sets the running head from here on. */
  readonly runningTitle?: string;
  /** Human-readable place, for messages. */
  readonly where: string;
  /** Where the item's text is in the editor's files (file:line), for diagnostics. */
  readonly source?: SourceLocation;
}

/**
 * Moves a box by (dx, dy); with `source`, the copy also carries that place (the key after the
 * box's own, as a second copy adding it would: one copy per box placed, not two).
 */
export function offsetBox(box: Box, dx: number, dy: number, source?: SourceLocation): Box {
  switch (box.kind) {
    case 'rule':
      return source === undefined
        ? { ...box, x1: box.x1 + dx, x2: box.x2 + dx, y1: box.y1 + dy, y2: box.y2 + dy }
        : { ...box, x1: box.x1 + dx, x2: box.x2 + dx, y1: box.y1 + dy, y2: box.y2 + dy, source };
    case 'text':
    case 'dot':
    case 'image':
    case 'link':
      return source === undefined ? { ...box, x: box.x + dx, y: box.y + dy } : { ...box, x: box.x + dx, y: box.y + dy, source };
    default:
      return assertNever(box);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
