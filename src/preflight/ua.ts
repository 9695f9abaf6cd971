/**
 * PDF/UA-1 (ISO 14289-1) checks: the machine-checkable failure conditions of the Matterhorn
 * Protocol 1.1 that apply to what a bulletin contains (text, headings, pictures with captions,
 * a linked TOC; no tables, forms, lists, notes or media). Each check names its conditions. Run on
 * the e-mail copy, which must be tagged, and on any file that claims PDF/UA.
 */
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
  const add = (status: Status, id: string, conditions: string, message: string) => checks.push({ status, id, message: `${message} [Matterhorn ${conditions}]` });
  const { structure } = pdf;

  // Identification and metadata.
  const part = xmpValue('pdfuaid:part');
  add(part === '1' ? 'PASS' : 'FAIL', 'ua.id', '06-001 06-002', part ? `claims PDF/UA-${part}` : 'no pdfuaid:part in the XMP');
  const title = xmpValue('dc:title');
  add(title ? 'PASS' : 'FAIL', 'ua.title', '06-003 07-001 07-002', title && pdf.displayDocTitle ? `dc:title "${title}", DisplayDocTitle true` : `${title ? '' : 'no dc:title; '}${pdf.displayDocTitle ? '' : 'DisplayDocTitle not true'}`);
  add(pdf.lang ? 'PASS' : 'FAIL', 'ua.lang', '11-006', pdf.lang ? `document language ${pdf.lang}` : 'no /Lang in the catalog');

  // Tagged at all, and every piece of content either real content in the tree or an artifact.
  const tagged = structure.marked && structure.hasTree && !structure.suspects;
  add(tagged ? 'PASS' : 'FAIL', 'ua.tagged', '01-007', tagged ? `MarkInfo /Marked true, StructTreeRoot with ${structure.elements.length} elements` : `not a tagged PDF (MarkInfo /Marked ${structure.marked}, StructTreeRoot ${structure.hasTree ? 'present' : 'missing'}, Suspects ${structure.suspects})`);
  const unmarked = scans.reduce((n, s) => n + s.marks.unmarkedPaints, 0);
  const untreed = scans.flatMap((scan, i) => scan.marks.mcids.filter((mcid) => !pdf.pages[i]?.taggedMcids.has(mcid)).map((mcid) => `p${i + 1} MCID ${mcid}`));
  add(
    unmarked === 0 && untreed.length === 0 ? 'PASS' : 'FAIL',
    'ua.content',
    '01-005',
    unmarked === 0 && untreed.length === 0
      ? `all page content is marked: ${scans.reduce((n, s) => n + s.marks.mcids.length, 0)} marked-content sequences in the tree, the rest artifacts`
      : `${unmarked} painting operator(s) neither artifact nor tagged; ${untreed.length} MCID(s) not in the ParentTree${untreed.length ? ` (${untreed.slice(0, 3).join(', ')})` : ''}`,
  );
  const nesting = scans.reduce((n, s) => n + s.marks.artifactInTagged + s.marks.taggedInArtifact + s.marks.unbalanced, 0);
  add(nesting === 0 ? 'PASS' : 'FAIL', 'ua.nesting', '01-003 01-004', nesting === 0 ? 'no artifact inside tagged content nor tagged content inside an artifact; BDC/EMC balanced' : `${nesting} wrongly nested or unbalanced marked-content sequence(s)`);

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
  add(unknown.length === 0 && remapped.length === 0 ? 'PASS' : 'FAIL', 'ua.types', '02-001 02-003 02-004', unknown.length === 0 && remapped.length === 0 ? `${new Set(structure.elements.map((e) => e.type)).size} structure types, all standard or mapped to one` : `${unknown.length ? `non-standard types without a mapping: ${unknown.slice(0, 5).join(', ')}` : ''}${remapped.length ? ` standard types remapped: ${remapped.join(', ')}` : ''}`);

  // Headings: the first is H1, and no level is skipped going down.
  const levels = structure.elements.map((e) => /^H([1-6])$/.exec(resolve(e.type) ?? '')?.[1]).filter((l): l is string => l !== undefined).map(Number);
  const skips: string[] = [];
  levels.forEach((level, i) => {
    const before = i === 0 ? 0 : levels[i - 1]!;
    if (level > before + 1) skips.push(`H${before || '–'} → H${level}`);
  });
  add(skips.length === 0 ? 'PASS' : 'FAIL', 'ua.headings', '14-002 14-003', skips.length === 0 ? `${levels.length} headings, starting at H1, no level skipped` : `heading levels skipped: ${skips.slice(0, 5).join(', ')}`);

  // Figures: alternate text.
  const figures = structure.elements.filter((e) => resolve(e.type) === 'Figure');
  const bare = figures.filter((f) => !f.alt && !f.actualText).length;
  add(bare === 0 ? 'PASS' : 'FAIL', 'ua.figures', '13-004', bare === 0 ? `all ${figures.length} figures have alternate text` : `${bare} of ${figures.length} figures without /Alt or /ActualText`);

  // The TOC: TOCI only in TOC; TOC holds TOC or TOCI only.
  const badToc = structure.elements.filter((e) => (resolve(e.type) === 'TOCI' && resolve(e.parent) !== 'TOC') || (resolve(e.parent) === 'TOC' && !['TOC', 'TOCI'].includes(resolve(e.type) ?? '')));
  add(badToc.length === 0 ? 'PASS' : 'FAIL', 'ua.toc', '09-006', badToc.length === 0 ? 'TOC and TOCI nest as ISO 32000-1 Table 333 says' : `${badToc.length} TOC/TOCI element(s) out of place`);

  // Lists: L holds LI (and a Caption), LI holds Lbl and LBody (ISO 32000-1 Table 336).
  const badList = structure.elements.filter((e) => (resolve(e.parent) === 'L' && !['LI', 'L', 'Caption'].includes(resolve(e.type) ?? '')) || (resolve(e.parent) === 'LI' && !['Lbl', 'LBody', 'L'].includes(resolve(e.type) ?? '')) || (['LI'].includes(resolve(e.type) ?? '') && resolve(e.parent) !== 'L'));
  const lists = structure.elements.filter((e) => resolve(e.type) === 'L').length;
  add(badList.length === 0 ? 'PASS' : 'FAIL', 'ua.lists', '09-005', badList.length === 0 ? `${lists} list(s), L → LI → Lbl/LBody as ISO 32000-1 Table 336 says` : `${badList.length} list element(s) out of place`);

  // Annotations: structure tab order, and links inside Link elements that describe themselves.
  const annotated = pdf.pages.flatMap((p, i) => (p.annotations.length > 0 ? [{ page: p, index: i }] : []));
  const noTabs = annotated.filter(({ page }) => page.tabs !== 'S').map(({ index }) => index + 1);
  add(noTabs.length === 0 ? 'PASS' : 'FAIL', 'ua.tabs', '28-008 28-009', noTabs.length === 0 ? `${annotated.length} page(s) with annotations, each /Tabs /S` : `/Tabs is not /S on page(s) ${noTabs.slice(0, 8).join(', ')}`);
  const links = pdf.pages.flatMap((p) => p.annotations.filter((a) => a.subtype === 'Link'));
  const outsideLink = links.filter((a) => a.structElement === undefined || resolve(a.structElement) !== 'Link').length;
  const undescribed = links.filter((a) => !a.contents).length;
  add(
    outsideLink === 0 && undescribed === 0 ? 'PASS' : 'FAIL',
    'ua.links',
    '28-011 28-012',
    outsideLink === 0 && undescribed === 0 ? `all ${links.length} link annotations are in Link elements and have /Contents` : `${outsideLink} of ${links.length} link annotation(s) not in a Link element, ${undescribed} without /Contents`,
  );
  return checks;
}
