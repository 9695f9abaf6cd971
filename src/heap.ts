/**
 * How big V8 lets the heap grow during a build: one policy, set in two steps. At start-up
 * (bin/bulletin.js, before the CLI is loaded) the heap is kept small; once the issue has been
 * read (build.ts) a large issue's nursery is let grow again. The flags are V8's own; each is read
 * by V8 every time it would grow a space, so setting them while running takes effect.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The article text (in characters, every source file of the issue together) from which the
 * nursery is let grow. Measured on the bench's issues, paired alternating builds with and
 * without the growth (medians): the sample (17 k characters, 22 pages) gained nothing (0.89 s
 * either way, 12 pairs) for +13 MiB. With it, against without: bench-100 (86 k, 104 pages)
 * 1.230 → 1.185 s (8 pairs, 7 won), 117 → 146 MiB; bench-200 1.710 → 1.660 s (6 of 6 won),
 * 131 → 163 MiB; bench-600 (516 k, 616 pages) 3.445 → 3.320 s (10 of 10 won), 198 → 234 MiB,
 * and 4.63 → 4.20 s (10 pairs, 8 won) while the machine ran slower. The limit lies between the
 * sample and the first size that gained.
 */
export const LARGE_ISSUE_CHARACTERS = 50_000;

/**
 * At start-up: the nursery stays at its first size and the old generation grows by at most 20 %.
 *  - V8 lets its young generation grow from 1 to 16 MB per semi-space; a short build makes
 *    mostly short-lived objects, so keeping the nursery at its start size costs it nothing:
 *    measured −20 MB peak RSS on the sample at the same wall time.
 *  - After each full GC V8 lets the old generation grow to a multiple of what survived, chosen by
 *    its own heuristics (about 2× here): a long volume's render garbage then piled up to the
 *    peak. Capped at 1.2×: the 576-page volume peaked at 313–334 MB instead of 391–395 MB (20
 *    full GCs instead of 6, the same user+sys time within noise).
 * (Flags like --max-semi-space-size cannot be given this way: the heap is configured before any
 * JavaScript runs.)
 */
export function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * After reading an issue of `characters` characters: a large one's nursery may grow again (V8's
 * default factor, 2), up to 16 MB per semi-space. On 616 pages the 1 MB nursery was scavenged
 * ~860 times, 0.7–0.9 s of the main thread's GC pauses; grown, ~150 times and 0.3–0.4 s, because
 * a line's or a page's objects die before the next scavenge instead of being copied out.
 */
export function sizeHeapForIssue(characters: number): void {
  if (characters >= LARGE_ISSUE_CHARACTERS) setFlagsFromString('--semi-space-growth-factor=2');
}
