/**
 * A small XML well-formedness check for XMP packets: balanced tags, quoted attributes, and `&`
 * only in entity or character references (pdfkit's unescaped `&` in a title is the usual fault).
 */

/** Returns the first problem found, or undefined when the text is well-formed. */
export function xmlProblem(xml: string): string | undefined {
  const open: string[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    const bad = /&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/.exec(xml.slice(i, textEnd));
    if (bad) return `bare "&" at offset ${i + bad.index}`;
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) return 'unterminated processing instruction';
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) return 'unterminated comment';
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) return 'unterminated CDATA section';
      i = end + 3;
    } else {
      const tag = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(lt));
      if (!tag) return `malformed tag at offset ${lt}`;
      const [whole, closing, name, attributes, selfClosing] = tag;
      if (/&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/.test(attributes ?? '')) return `bare "&" in an attribute of <${name}>`;
      if (closing) {
        const expected = open.pop();
        if (expected !== name) return `</${name}> closes <${expected ?? 'nothing'}>`;
      } else if (!selfClosing) open.push(name!);
      i = lt + whole.length;
    }
  }
  return open.length > 0 ? `<${open[open.length - 1]}> is never closed` : undefined;
}

/** Decodes the five predefined entities and character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );
}
