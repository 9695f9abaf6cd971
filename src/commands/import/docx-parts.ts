/**
 * What mammoth's document model does not tell: where a Word file has text boxes (it reads their
 * paragraphs as if they were body text). Reads word/document.xml straight from the .docx (a zip
 * file: its central directory, then one deflated entry, with node's zlib) and lists the text of
 * each box.
 */
import { inflateRawSync } from 'node:zlib';

/** The bytes of one entry of a zip file, or undefined when it is not there or not readable. */
export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; k++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      try {
        return method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : undefined;
      } catch {
        return undefined;
      }
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

/** The text of each text box in a document.xml, in document order (nested boxes not repeated). */
export function textBoxTexts(documentXml: string): string[] {
  const texts: string[] = [];
  const box = /<w:txbxContent\b[^>]*>([\s\S]*?)<\/w:txbxContent>/g;
  for (let m = box.exec(documentXml); m !== null; m = box.exec(documentXml)) {
    const paragraphs = (m[1] ?? '').split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''));
    const text = paragraphs.filter((p) => p.trim() !== '');
    if (text.length > 0) texts.push(text[0] ?? '');
  }
  // Word writes a box twice (the DrawingML one and its VML fallback): once is enough.
  return [...new Set(texts)];
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
