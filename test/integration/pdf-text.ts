/**
 * Reads a PDF back for tests: its pages' content streams, decompressed, and the text they show.
 * pdf-lib writes each standard-font string as one hex string shown with Tj, so the text comes back
 * one drawn string at a time.
 */
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

function streamsOf(doc: PDFDocument, contents: PDFObject | undefined): PDFRawStream[] {
  const resolved = contents === undefined ? undefined : doc.context.lookup(contents);
  if (resolved instanceof PDFRawStream) return [resolved];
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => streamsOf(doc, item));
  return [];
}

/** Every string the pages show, in drawing order; with `raw`, each page's whole content stream instead. */
export async function pdfText(bytes: Uint8Array, options: { raw?: boolean } = {}): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const out: string[] = [];
  for (const page of doc.getPages()) {
    for (const stream of streamsOf(doc, page.node.Contents())) {
      const content = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      if (options.raw) {
        out.push(content);
        continue;
      }
      for (const match of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) out.push(decodeWinAnsi(Buffer.from(match[1]!, 'hex')));
    }
  }
  return out;
}

/** Helvetica's WinAnsi bytes back to text (the few codes above 0x7f the packs use, and Latin-1). */
function decodeWinAnsi(bytes: Uint8Array): string {
  const special: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };
  let text = '';
  for (const byte of bytes) text += special[byte] ?? String.fromCharCode(byte);
  return text;
}
