/**
 * Cuts the galley into pages: forced breaks before articles, keep-with-next chains (headings
 * with their first lines, no orphan or widow lines, R19–R20), whole-pitch slots so every page's
 * body lines sit on the same baseline grid.
 */
import type { FlowItem } from './flow';

export interface PaginatedPage {
  readonly items: readonly { readonly item: FlowItem; readonly top: number }[];
}

/** What pagination could not honour, at the item it concerns. */
export interface PaginationProblem {
  readonly kind: 'keep-chain-too-tall' | 'taller-than-page';
  readonly item: FlowItem;
}

export interface PaginationResult {
  readonly pages: readonly PaginatedPage[];
  /** Keep rules that could not be honoured (a chain longer than a page), items taller than a page. */
  readonly problems: readonly PaginationProblem[];
}

/** Fills pages of `capacity` points from the galley. */
export function paginate(galley: readonly FlowItem[], capacity: number): PaginationResult {
  const pages: FlowItem[][] = [];
  const problems: PaginationProblem[] = [];
  let page: FlowItem[] = [];
  let used = 0;
  const startPage = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  for (let i = 0; i < galley.length; i++) {
    const item = galley[i] as FlowItem;
    if (item.breakBefore && page.length > 0) startPage();
    if (page.length === 0 && item.discardAtTop) continue;
    if (used + item.height <= capacity + 1e-6) {
      page.push(item);
      used += item.height;
      continue;
    }
    // Does not fit: move the keep-with-next chain that ends here to the next page with it.
    let chainStart = page.length;
    while (chainStart > 0 && (page[chainStart - 1] as FlowItem).keepWithNext) chainStart--;
    if (chainStart === 0) {
      problems.push({ kind: 'keep-chain-too-tall', item });
      chainStart = page.length;
    }
    const moved = page.splice(chainStart);
    startPage();
    for (const m of moved) {
      if (page.length === 0 && m.discardAtTop) continue;
      page.push(m);
      used += m.height;
    }
    i--; // place the item again on the new page
    if (moved.length === 0 && used === 0 && item.height > capacity) {
      // Taller than a page on its own: place it anyway and say so.
      page.push(item);
      used += item.height;
      problems.push({ kind: 'taller-than-page', item });
      i++;
    }
  }
  startPage();
  return {
    pages: pages.map((items) => {
      let top = 0;
      return {
        items: items.map((item) => {
          const placed = { item, top };
          top += item.height;
          return placed;
        }),
      };
    }),
    problems,
  };
}
