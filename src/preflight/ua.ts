/**
 * PDF/UA-1 (ISO 14289-1) checks: the machine-checkable failure conditions of the Matterhorn
 * Protocol 1.1 that apply to what a bulletin contains (text, headings, pictures with captions,
 * a linked TOC; no tables, forms, lists, notes or media). Each check names its conditions. Run on
 * the e-mail copy, which must be tagged, and on any file that claims PDF/UA.
 */
import { type Message, message } from '../messages';
import type { Check, Status } from './checks';
import type { ContentScan } from './content';
import type { PdfModel } from './reader';

/** The standard structure types of ISO 32000-1 §14.8.4. */
const STANDARD_TYPES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

/** The checks, with the Matterhorn failure conditions each covers. */
export function uaChecks(pdf: PdfModel, scans: readonly ContentScan[], xmpValue: (property: string) => string | undefined): Check[] {
  const checks: Check[] = [];
  const add = (status: Status, id: string, conditions: string, what: Message) => checks.push({ status, id, message: what, matterhorn: conditions });
  const { structure } = pdf;

  // Identification and metadata.
  const part = xmpValue('pdfuaid:part');
  add(part === '1' ? 'PASS' : 'FAIL', 'ua.id', '06-001 06-002', part ? message('preflight.ua.id', { part }) : message('preflight.ua.id.missing'));
  const title = xmpValue('dc:title');
  add(title ? 'PASS' : 'FAIL', 'ua.title', '06-003 07-001 07-002', title && pdf.displayDocTitle ? message('preflight.ua.title', { title }) : message('preflight.ua.title.missing', { hasTitle: Boolean(title), displayTitle: pdf.displayDocTitle }));
  add(pdf.lang ? 'PASS' : 'FAIL', 'ua.lang', '11-006', pdf.lang ? message('preflight.ua.lang', { lang: pdf.lang }) : message('preflight.ua.lang.missing'));

  // Tagged at all, and every piece of content either real content in the tree or an artifact.
  const tagged = structure.marked && structure.hasTree && !structure.suspects;
  add(tagged ? 'PASS' : 'FAIL', 'ua.tagged', '01-007', tagged ? message('preflight.ua.tagged', { elementsCount: structure.elements.length }) : message('preflight.ua.tagged.not-tagged', { marked: String(structure.marked), hasTree: structure.hasTree, suspects: String(structure.suspects) }));
  const unmarked = scans.reduce((n, s) => n + s.marks.unmarkedPaints, 0);
  const untreed = scans.flatMap((scan, i) => scan.marks.mcids.filter((mcid) => !pdf.pages[i]?.taggedMcids.has(mcid)).map((mcid) => `p${i + 1} MCID ${mcid}`));
  add(
    unmarked === 0 && untreed.length === 0 ? 'PASS' : 'FAIL',
    'ua.content',
    '01-005',
    unmarked === 0 && untreed.length === 0 ? message('preflight.ua.content', { scans: scans.reduce((n, s) => n + s.marks.mcids.length, 0) }) : message('preflight.ua.content.unmarked', { unmarked, untreedCount: untreed.length, untreed: untreed.slice(0, 3).join(', ') }),
  );
  const nesting = scans.reduce((n, s) => n + s.marks.artifactInTagged + s.marks.taggedInArtifact + s.marks.unbalanced, 0);
  add(nesting === 0 ? 'PASS' : 'FAIL', 'ua.nesting', '01-003 01-004', nesting === 0 ? message('preflight.ua.nesting') : message('preflight.ua.nesting.wrong', { nesting }));

  // Structure types: standard, or role-mapped to a standard type, without cycles.
  const resolve = (type: string): string | undefined => {
    let current = type;
    for (let hops = 0; hops <= structure.roleMap.size; hops++) {
      if (STANDARD_TYPES.has(current) && (hops > 0 || !structure.roleMap.has(current))) return current;
      const next = structure.roleMap.get(current);
      if (next === undefined) return undefined;
      current = next;
    }
    return undefined;
  };
  const unknown = [...new Set(structure.elements.map((e) => e.type).filter((t) => resolve(t) === undefined))];
  const remapped = [...structure.roleMap.keys()].filter((t) => STANDARD_TYPES.has(t));
  add(unknown.length === 0 && remapped.length === 0 ? 'PASS' : 'FAIL', 'ua.types', '02-001 02-003 02-004', unknown.length === 0 && remapped.length === 0 ? message('preflight.ua.types', { size: new Set(structure.elements.map((e) => e.type)).size }) : message('preflight.ua.types.nonstandard', { unknown: unknown.slice(0, 5).join(', '), remapped: remapped.join(', ') }));

  // Headings: the first is H1, and no level is skipped going down.
  const levels = structure.elements.map((e) => /^H([1-6])$/.exec(resolve(e.type) ?? '')?.[1]).filter((l): l is string => l !== undefined).map(Number);
  const skips: string[] = [];
  levels.forEach((level, i) => {
    const before = i === 0 ? 0 : levels[i - 1]!;
    if (level > before + 1) skips.push(`H${before || '–'} → H${level}`);
  });
  add(skips.length === 0 ? 'PASS' : 'FAIL', 'ua.headings', '14-002 14-003', skips.length === 0 ? message('preflight.ua.headings', { levelsCount: levels.length }) : message('preflight.ua.headings.skipped', { skips: skips.slice(0, 5).join(', ') }));

  // Figures: alternate text.
  const figures = structure.elements.filter((e) => resolve(e.type) === 'Figure');
  const bare = figures.filter((f) => !f.alt && !f.actualText).length;
  add(bare === 0 ? 'PASS' : 'FAIL', 'ua.figures', '13-004', bare === 0 ? message('preflight.ua.figures', { figuresCount: figures.length }) : message('preflight.ua.figures.no-alt', { bare, figuresCount: figures.length }));

  // The TOC: TOCI only in TOC; TOC holds TOC or TOCI only.
  const badToc = structure.elements.filter((e) => (resolve(e.type) === 'TOCI' && resolve(e.parent) !== 'TOC') || (resolve(e.parent) === 'TOC' && !['TOC', 'TOCI'].includes(resolve(e.type) ?? '')));
  add(badToc.length === 0 ? 'PASS' : 'FAIL', 'ua.toc', '09-006', badToc.length === 0 ? message('preflight.ua.toc') : message('preflight.ua.toc.misplaced', { badTocCount: badToc.length }));

  // Lists: L holds LI (and a Caption), LI holds Lbl and LBody (ISO 32000-1 Table 336).
  const badList = structure.elements.filter((e) => (resolve(e.parent) === 'L' && !['LI', 'L', 'Caption'].includes(resolve(e.type) ?? '')) || (resolve(e.parent) === 'LI' && !['Lbl', 'LBody', 'L'].includes(resolve(e.type) ?? '')) || (['LI'].includes(resolve(e.type) ?? '') && resolve(e.parent) !== 'L'));
  const lists = structure.elements.filter((e) => resolve(e.type) === 'L').length;
  add(badList.length === 0 ? 'PASS' : 'FAIL', 'ua.lists', '09-005', badList.length === 0 ? message('preflight.ua.lists', { lists }) : message('preflight.ua.lists.misplaced', { badListCount: badList.length }));

  // Annotations: structure tab order, and links inside Link elements that describe themselves.
  const annotated = pdf.pages.flatMap((p, i) => (p.annotations.length > 0 ? [{ page: p, index: i }] : []));
  const noTabs = annotated.filter(({ page }) => page.tabs !== 'S').map(({ index }) => index + 1);
  add(noTabs.length === 0 ? 'PASS' : 'FAIL', 'ua.tabs', '28-008 28-009', noTabs.length === 0 ? message('preflight.ua.tabs', { annotatedCount: annotated.length }) : message('preflight.ua.tabs.wrong', { noTabs: noTabs.slice(0, 8).join(', ') }));
  const links = pdf.pages.flatMap((p) => p.annotations.filter((a) => a.subtype === 'Link'));
  const outsideLink = links.filter((a) => a.structElement === undefined || resolve(a.structElement) !== 'Link').length;
  const undescribed = links.filter((a) => !a.contents).length;
  add(
    outsideLink === 0 && undescribed === 0 ? 'PASS' : 'FAIL',
    'ua.links',
    '28-011 28-012',
    outsideLink === 0 && undescribed === 0 ? message('preflight.ua.links', { linksCount: links.length }) : message('preflight.ua.links.incomplete', { outsideLink, linksCount: links.length, undescribed }),
  );
  return checks;
}
