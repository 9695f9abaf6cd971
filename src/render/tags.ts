/**
 * The structure tree of the tagged e-mail copy (PDF/UA-1, ISO 14289-1): Document → the cover's
 * Sect, the TOC heading and TOC (TOCI → Reference → Link, or P for a section line), section
 * headings (H1) and per article a Sect (title H1, headings H2–H5, P, lists L → LI → LBody → P,
 * Figure with /Alt, Caption).
 * Every piece of page content is either marked content with an MCID in the tree or an /Artifact.
 * Elements come from the layout's tags (layout/types.ts StructureTag): boxes with one id are one
 * element, in the order they first appear, which is reading order; a box without a tag is an
 * artifact. pdfkit keeps the ParentTree and the pages' /StructParents; the press file is untagged.
 */
import type { Page, StructureTag } from '../layout/types';
import type { PageContent } from './byte-sink';
import type { PdfDoc } from './document';

type Element = PDFKit.PDFStructureElement;

type Content = PDFKit.PDFStructureContent;

/** pdfkit's structure API as its JavaScript has it: the typings lack `structParent` on links. */
interface TaggingDoc {
  struct(type: string, options?: Record<string, unknown>): Element;
  addStructure(element: Element): unknown;
  markStructureContent(tag: string, options?: Record<string, unknown>): Content;
  endMarkedContent(): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string, options: Record<string, unknown>): unknown;
  /** pdfkit internals: the number tree of each page's MCIDs → elements, and the page's key in it. */
  getStructParentTree(): { get(key: number): unknown[] };
  page: { readonly structParentTreeKey: number; readonly dictionary: unknown };
}

/** An artifact's kind: a running head or folio (untagged text), or any other furniture. */
export type ArtifactKind = 'Pagination' | 'Layout';

/** The BDC pdfkit's markContent writes for an artifact (its dictionary as PDFObject.convert writes it). */
const ARTIFACT_BEGIN: Readonly<Record<ArtifactKind, string>> = {
  Pagination: '/Artifact <<\n/Type /Pagination\n>> BDC\n',
  Layout: '/Artifact <<\n/Type /Layout\n>> BDC\n',
};


export class StructureWriter {
  private readonly doc: TaggingDoc;
  private readonly root: Element;
  private readonly groups = new Map<string, Element>();
  private readonly elements = new Map<string, Element>();
  /** A TOC entry's marked contents since its last link box: they become that Link's content. */
  private readonly pendingLink = new Map<string, PDFKit.PDFStructureContent[]>();
  private readonly all: Element[] = [];
  /** TOC entries that link to their article: TOCI → Reference → Link rather than TOCI → P. */
  private readonly linked = new Set<string>();

  /** pdfkit's PDFStructureContent.prototype, learnt from its first instance. */
  private contentPrototype: object | undefined;
  /** How the open box's marked content was begun (and so is to be ended), if one is open. */
  private opened: 'artifact' | 'direct' | 'pdfkit' | undefined;
  /** The open tagged box's marked content, and where it goes once closed: its tag and element. */
  private content: Content | undefined;
  private contentTag: StructureTag | undefined;
  private contentElement: Element | undefined;
  private readonly out: () => PageContent;

  constructor(doc: PdfDoc, pages: readonly Page[]) {
    this.doc = doc as unknown as TaggingDoc;
    this.out = () => doc.pageContent();
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    for (const page of pages) {
      const { boxes } = page;
      for (let b = 0; b < boxes.length; b++) {
        const box = boxes[b]!;
        if (box.kind === 'link' && box.tag) this.linked.add(box.tag.id);
      }
    }
  }

  /**
   * Opens the marked content of the box about to be drawn: of the element its tag names, or an
   * artifact. Written into the page's bytes as pdfkit's markContent / markStructureContent write
   * them (the same operators, MCIDs and parent tree entries): pdfkit made a markings record,
   * an options object, a dictionary and its string per box, a tenth of an e-mail render's
   * allocations. Every box's content is closed (`close`) before the next opens, so pdfkit's
   * open markings, which it would close and reopen across pages, are never needed.
   */
  open(tag: StructureTag | undefined, artifact: ArtifactKind): void {
    if (this.opened !== undefined) throw new Error('StructureWriter.open: the previous box is still open');
    const out = this.out();
    if (tag === undefined) {
      out.text(ARTIFACT_BEGIN[artifact]);
      this.opened = 'artifact';
      return;
    }
    const element = this.element(tag);
    const linked = this.linked.has(tag.id);
    // The marked-content tag is the type of the element that holds it.
    const type = tag.role !== 'TOCI' ? tag.role : linked ? 'Link' : 'P';
    let content: Content;
    if (this.contentPrototype === undefined) {
      // pdfkit's own call the first time: its PDFStructureContent class is not exported, and
      // elements accept only its instances.
      content = this.doc.markStructureContent(type);
      this.contentPrototype = Object.getPrototypeOf(content) as object;
      this.opened = 'pdfkit';
    } else {
      const page = this.doc.page;
      const pageParents = this.doc.getStructParentTree().get(page.structParentTreeKey);
      const mcid = pageParents.length;
      pageParents.push(null);
      out.text('/');
      out.text(type);
      out.text(' <<\n/MCID ');
      out.number(mcid);
      out.text('\n>> BDC\n');
      content = Object.create(this.contentPrototype) as Content;
      (content as unknown as { refs: unknown[] }).refs = [{ pageRef: page.dictionary, mcid }];
      this.opened = 'direct';
    }
    this.content = content;
    this.contentTag = tag;
    this.contentElement = element;
  }

  /** Closes what `open` opened; a tagged box's content joins its element (or its TOC entry's next Link). */
  close(): void {
    if (this.opened === 'pdfkit') this.doc.endMarkedContent();
    else if (this.opened !== undefined) this.out().text('EMC\n');
    else throw new Error('StructureWriter.close: nothing is open');
    this.opened = undefined;
    const { content, contentTag: tag, contentElement: element } = this;
    if (content === undefined || tag === undefined || element === undefined) return;
    this.content = this.contentTag = this.contentElement = undefined;
    if (this.linked.has(tag.id)) {
      const pending = this.pendingLink.get(tag.id);
      if (pending) pending.push(content);
      else this.pendingLink.set(tag.id, [content]);
    } else element.add(content);
  }

  /**
   * A link annotation of a TOC entry: a Link element (in the entry's Reference) holding the text
   * drawn since the entry's previous link and the annotation (an OBJR), which describes itself by
   * that text (/Contents). Ended at once, on its page: pdfkit writes the OBJR's /Pg then.
   */
  link(tag: StructureTag, description: string, annotate: (options: Record<string, unknown>) => void): void {
    const reference = this.element(tag);
    const link = this.doc.struct('Link');
    reference.add(link);
    for (const content of this.pendingLink.get(tag.id) ?? []) link.add(content);
    this.pendingLink.set(tag.id, []);
    annotate({ structParent: link, Contents: new String(description) });
    link.end();
  }

  /**
   * A web link inside tagged text (its glyphs are marked content of the text's element): a Link
   * element in that element holding the annotation (an OBJR) with its /Contents. Ended at once.
   */
  annotationIn(tag: StructureTag, description: string, annotate: (options: Record<string, unknown>) => void): void {
    const link = this.doc.struct('Link');
    this.element(tag).add(link);
    annotate({ structParent: link, Contents: new String(description) });
    link.end();
  }

  /** Ends every element (pdfkit writes each once it and its children are complete). */
  finish(): void {
    for (const element of this.all) element.end();
    this.root.end();
  }

  /** The element a tag names, made (under its group, under Document) the first time it is seen. */
  private element(tag: StructureTag): Element {
    const known = this.elements.get(tag.id);
    if (known) return known;
    const group = tag.group === undefined ? this.root : this.group(tag.group);
    const parent = tag.listItem ? this.listBody(group, tag.listItem.list, tag.listItem.item) : group;
    let element: Element;
    if (tag.role === 'TOCI') {
      const item = this.doc.struct('TOCI');
      parent.add(item);
      this.all.push(item);
      // An entry that links to its article reads as a Reference; a section line as a paragraph.
      element = this.doc.struct(this.linked.has(tag.id) ? 'Reference' : 'P');
      item.add(element);
    } else {
      element = this.doc.struct(tag.role, tag.alt !== undefined ? { alt: tag.alt } : {});
      parent.add(element);
    }
    this.all.push(element);
    this.elements.set(tag.id, element);
    return element;
  }

  /** A list item's body: L (made in `parent` on first use) → LI → LBody, which holds the item's paragraphs. */
  private listBody(parent: Element, list: string, item: string): Element {
    const known = this.elements.get(item);
    if (known) return known;
    let l = this.elements.get(list);
    if (!l) {
      l = this.doc.struct('L');
      parent.add(l);
      this.all.push(l);
      this.elements.set(list, l);
    }
    const li = this.doc.struct('LI');
    l.add(li);
    const body = this.doc.struct('LBody');
    li.add(body);
    this.all.push(li, body);
    this.elements.set(item, body);
    return body;
  }

  private group(id: string): Element {
    let group = this.groups.get(id);
    if (!group) {
      group = this.doc.struct(id === 'toc' ? 'TOC' : 'Sect');
      this.root.add(group);
      this.all.push(group);
      this.groups.set(id, group);
    }
    return group;
  }
}
