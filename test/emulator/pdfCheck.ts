import { PDFDocument } from 'pdf-lib';
import type { UploadedFile } from './records';

export type PdfCheck = { readonly wellFormed: true; readonly pageCount: number } | { readonly wellFormed: false; readonly problem: string };

/**
 * Whether an uploaded PDF is one Fax.Plus could convert: a `%PDF-` header, an `%%EOF`
 * trailer, and a document pdf-lib can parse with at least one page. Tests of documents the
 * extension writes itself (rendered text) assert it, with the page count.
 */
export async function checkUploadedPdf(file: UploadedFile): Promise<PdfCheck> {
  const content = file.content;
  if (!content) return { wellFormed: false, problem: file.note ?? 'content not kept' };
  if (content.subarray(0, 5).toString('latin1') !== '%PDF-') return { wellFormed: false, problem: 'no %PDF- header' };
  if (
    !content
      .subarray(Math.max(0, content.length - 1024))
      .toString('latin1')
      .includes('%%EOF')
  ) {
    return { wellFormed: false, problem: 'no %%EOF trailer' };
  }
  try {
    const doc = await PDFDocument.load(content, { updateMetadata: false, throwOnInvalidObject: true });
    const pageCount = doc.getPageCount();
    return pageCount > 0 ? { wellFormed: true, pageCount } : { wellFormed: false, problem: 'no pages' };
  } catch (e) {
    return { wellFormed: false, problem: e instanceof Error ? e.message : String(e) };
  }
}
