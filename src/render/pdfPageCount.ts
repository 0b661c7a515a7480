import { PDFDocument } from 'pdf-lib';

/**
 * The number of pages of a PDF, for the receipt of a fax; undefined when pdf-lib cannot read
 * it (encrypted, damaged): a receipt says nothing rather than a wrong number.
 */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | undefined> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
    return doc.getPageCount();
  } catch {
    return undefined;
  }
}
