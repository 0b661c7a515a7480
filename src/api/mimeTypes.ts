/**
 * The file types Fax.Plus accepts, by extension, with the Content-Type sent on
 * upload. The one list: the send rules (src/send/fileRules.ts) use it too.
 */
export const FAX_FILE_TYPES = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  rtf: 'application/rtf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = FAX_FILE_TYPES;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The MIME type for a fax document, or undefined when Fax.Plus does not accept the extension. */
export function faxMimeType(fileName: string): string | undefined {
  return MIME_BY_EXTENSION[extensionOf(fileName)];
}
