/**
 * The tagged e-mail copy (PDF/UA-1, issue 10), read back with pdf.js (page.getStructTree and the
 * marked content of getTextContent), not with the code that wrote it: the hierarchy; every text
 * glyph in exactly one element or artifact; the tree's text in reading order is the source text;
 * every figure has alt text; TOC entries are Links holding their annotation. The press file has
 * no tags.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildIssue } from '../../src/build';
import { readPdf, type PdfMarkedText, type PdfPage, type PdfReport, type PdfStructNode } from '../helpers/pdf';
import { type SharedBuild, sharedReport, sharedSample } from '../support/shared';
import { dropHanLatinSpaces, loadSourceIssue, makeTempProject, noSpace, removeTempProject, REPO_ROOT, type SourceIssue } from './helpers';

let built: SharedBuild | undefined;
let report: PdfReport;
let source: SourceIssue;

beforeAll(async () => {
  source = loadSourceIssue();
  built = await sharedSample();
  report = await sharedReport(built.pdfFile);
});

type Element = Extract<PdfStructNode, { role: string }>;
const isElement = (node: PdfStructNode): node is Element => 'role' in node;

/** The page's Document element (the tree's root holds exactly one). */
function documentOf(page: PdfPage): Element {
  const root = page.structTree;
  if (!root || !isElement(root)) throw new Error(`page ${page.index + 1} has no structure tree`);
  const [document, ...others] = root.children;
  if (!document || !isElement(document) || document.role !== 'Document' || others.length > 0) throw new Error(`page ${page.index + 1}: the tree's root is not one Document`);
  return document;
}

/** Elements depth first, with their ancestors' roles. */
function* elements(node: Element, path: readonly string[] = []): Generator<{ element: Element; path: readonly string[] }> {
  yield { element: node, path };
  for (const child of node.children) if (isElement(child)) yield* elements(child, [...path, node.role]);
}

/** Marked-content ids under `node`, in tree order. */
function contentIds(node: Element): string[] {
  return node.children.flatMap((child) => (isElement(child) ? contentIds(child) : child.type === 'content' && child.id ? [child.id] : []));
}

/** The text of the whole tree in reading order: every page's tree walked in order, each content by its marked text. */
function treeText(pages: readonly PdfPage[]): string {
  return pages
    .map((page) => {
      const text = new Map(page.marked.filter((m) => m.id !== null).map((m) => [m.id as string, m.text]));
      return contentIds(documentOf(page))
        .map((id) => text.get(id) ?? '')
        .join('');
    })
    .join('');
}

describe('structure tree (PDF/UA-1)', () => {
  test('every page has the tree: Document, then the cover Sect, the TOC, section headings and one Sect per article', () => {
    const roles = new Set<string>();
    for (const page of report.pages) for (const { element } of elements(documentOf(page))) roles.add(element.role);
    expect([...roles].sort()).toEqual(['Caption', 'Document', 'Figure', 'H1', 'H2', 'H3', 'Link', 'P', 'Reference', 'Sect', 'TOC', 'TOCI'].sort());
    // The TOC lives on the TOC page, its entries TOCI; each article's Sect opens with its title as H1.
    const tocPage = documentOf(report.pages[1] as PdfPage);
    expect(tocPage.children.filter(isElement).map((e) => e.role)).toEqual(['H1', 'TOC']);
    const sectsStartingWithH1 = report.pages.slice(2).flatMap((page) =>
      documentOf(page)
        .children.filter(isElement)
        .filter((e) => e.role === 'Sect' && isElement(e.children[0] as PdfStructNode) && (e.children[0] as Element).role === 'H1'),
    );
    // Each article's title opens its Sect on the page it starts (a Sect continued from an earlier page starts otherwise).
    expect(sectsStartingWithH1).toHaveLength(source.articles.length);
    // Headings, paragraphs, figures and captions only inside an article's Sect; TOCI only inside TOC.
    for (const page of report.pages) {
      for (const { element, path } of elements(documentOf(page))) {
        if (['H2', 'H3', 'Figure', 'Caption'].includes(element.role)) expect({ role: element.role, path }).toEqual({ role: element.role, path: ['Document', 'Sect'] });
        if (element.role === 'TOCI') expect(path).toEqual(['Document', 'TOC']);
        if (element.role === 'Link') expect(path).toEqual(['Document', 'TOC', 'TOCI', 'Reference']);
      }
    }
  });

  test('every text glyph belongs to exactly one element or artifact', () => {
    const problems: string[] = [];
    for (const page of report.pages) {
      const inTree = contentIds(documentOf(page));
      const once = new Set(inTree);
      if (once.size !== inTree.length) problems.push(`page ${page.index + 1}: a marked content appears twice in the tree`);
      for (const m of page.marked as PdfMarkedText[]) {
        const where = `page ${page.index + 1} "${m.text.slice(0, 12)}"`;
        if (m.tag === null) problems.push(`${where}: text outside any marked content`);
        else if (m.depth !== 1) problems.push(`${where}: nested ${m.depth} deep`);
        else if (m.tag === 'Artifact' ? m.id !== null : m.id === null || !once.has(m.id)) problems.push(`${where}: ${m.tag} ${m.id} is neither in the tree nor an artifact`);
      }
      // The marked text is all the page's text: every glyph pdf.js paints is in one of them.
      expect({ page: page.index + 1, chars: noSpace(page.marked.map((m) => m.text).join('')).length }).toEqual({ page: page.index + 1, chars: noSpace(page.glyphs.map((g) => g.ch).join('')).length });
    }
    expect(problems).toEqual([]);
  });

  test('running heads and folios are artifacts, not in the tree', () => {
    const artifacts = report.pages.slice(2).flatMap((page) => page.marked.filter((m) => m.tag === 'Artifact').map((m) => m.text));
    expect(artifacts.some((text) => /^—\d+—$/.test(noSpace(text)))).toBe(true);
    const tree = treeText(report.pages);
    // The running head's issue line appears on every body page but never in the tree's text.
    const head = artifacts.find((text) => /期$/.test(text));
    expect(head).toBeDefined();
    expect(tree).not.toContain(head as string);
  });

  test("the tree's text in reading order is the source text: every block of every article, in order", () => {
    const text = treeText(report.pages);
    const problems: string[] = [];
    let from = 0;
    for (const article of source.articles) {
      const title = text.indexOf(noSpace(article.title).slice(0, 8), from);
      if (title < 0) problems.push(`${article.file}: title not found after offset ${from}`);
      else from = title;
      for (const block of article.blocks) {
        const want = dropHanLatinSpaces(block.text);
        const at = text.indexOf(want, from);
        if (at < 0) problems.push(`${article.file} [${block.kind}] ${want.slice(0, 20)}… not found in order`);
        else from = at + want.length;
      }
    }
    expect(problems).toEqual([]);
  });

  test('every figure has alt text, its caption, and is followed by that Caption', () => {
    const figures: { alt?: string; caption: string }[] = [];
    for (const page of report.pages) {
      const text = new Map(page.marked.filter((m) => m.id !== null).map((m) => [m.id as string, m.text]));
      for (const { element } of elements(documentOf(page))) {
        element.children.forEach((child, k) => {
          if (!isElement(child) || child.role !== 'Figure') return;
          const next = element.children[k + 1];
          const caption = next && isElement(next) && next.role === 'Caption' ? contentIds(next).map((id) => text.get(id) ?? '').join('') : '';
          figures.push({ ...(child.alt !== undefined ? { alt: child.alt } : {}), caption });
        });
      }
    }
    const captions = source.articles.flatMap((a) => a.blocks.filter((b) => b.kind === 'caption').map((b) => b.text));
    expect(figures).toHaveLength(captions.length);
    for (const figure of figures) {
      expect(figure.alt?.length).toBeGreaterThan(0);
      expect(noSpace(figure.caption)).toBe(noSpace(figure.alt ?? ''));
    }
    expect(figures.map((f) => noSpace(f.alt ?? '')).sort()).toEqual(captions.map(noSpace).sort());
  });

  test('each TOC link annotation is in a Link element with the entry text, and describes itself', () => {
    const toc = report.pages[1] as PdfPage;
    const links = [...elements(documentOf(toc))].filter(({ element }) => element.role === 'Link').map(({ element }) => element);
    const annotations = toc.annotations.filter((a) => a.subtype === 'Link');
    expect(links.length).toBe(annotations.length);
    for (const link of links) {
      expect(link.children.filter((c) => !isElement(c) && c.type !== 'content')).toHaveLength(1);
      expect(contentIds(link).length).toBeGreaterThan(0);
    }
    for (const annotation of annotations) expect(annotation.contents?.length).toBeGreaterThan(0);
  });
});

const MINI_ISSUE = '2024-03';

describe('a list in an article', () => {
  let project: string | undefined;
  let listed: PdfReport;
  beforeAll(async () => {
    // The mini fixture (3 short articles), not the 22-page sample: only the list's tags are read.
    project = makeTempProject(path.join(REPO_ROOT, 'test', 'fixtures', 'mini', 'issues'));
    const articles = path.join(project, 'issues', MINI_ISSUE, 'articles');
    const article = path.join(articles, fs.readdirSync(articles).sort()[0] as string);
    fs.appendFileSync(article, '\n\n工作安排如下：\n\n1. 第一项，做好前期准备。\n2. 第二项，组织专题培训。\n\n   第二项的补充说明。\n3. 第三项，开展督导检查。\n');
    const result = await buildIssue(project, MINI_ISSUE);
    listed = readPdf(result.outputs.find((o) => o.target === 'email')!.file);
  });
  afterAll(() => removeTempProject(project));

  test('is L → LI → LBody → P, one LI per item, a continued paragraph in its item', () => {
    const items: string[][] = [];
    for (const page of listed.pages) {
      const text = new Map(page.marked.filter((m) => m.id !== null).map((m) => [m.id as string, m.text]));
      for (const { element, path: ancestors } of elements(documentOf(page))) {
        if (element.role !== 'LI') continue;
        expect(ancestors.slice(-2)).toEqual(['Sect', 'L']);
        const bodies = element.children.filter(isElement);
        expect(bodies.map((b) => b.role)).toEqual(['LBody']);
        items.push((bodies[0] as Element).children.filter(isElement).map((p) => `${p.role}:${contentIds(p).map((id) => text.get(id) ?? '').join('')}`));
      }
    }
    expect(items).toEqual([['P:1.第一项，做好前期准备。'], ['P:2.第二项，组织专题培训。', 'P:第二项的补充说明。'], ['P:3.第三项，开展督导检查。']]);
  });
});

describe('the press file is not tagged', () => {
  test('no structure tree, no marked content', async () => {
    const press = built!.result.outputs.find((o) => o.target === 'print')!.file;
    const bytes = fs.readFileSync(press).toString('latin1');
    expect(bytes).not.toMatch(/\/StructTreeRoot|\/MarkInfo|\/StructParents/);
    const pages = (await sharedReport(press)).pages;
    expect(pages.every((p) => p.structTree === null && p.marked.every((m) => m.tag === null))).toBe(true);
  });
});
