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

/** 'Scan.PDF' → 'pdf'; undefined for names without an extension (including '.pdf' alone). */
export function extensionOf(name: string): string | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : undefined;
}

/** The MIME type for a fax document (a name or a path), or undefined when Fax.Plus does not accept the extension. */
export function faxMimeType(name: string): string | undefined {
  const extension = extensionOf(name);
  // hasOwn: 'x.constructor' must not find Object.prototype.constructor.
  return extension !== undefined && Object.hasOwn(FAX_FILE_TYPES, extension)
    ? FAX_FILE_TYPES[extension as keyof typeof FAX_FILE_TYPES]
    : undefined;
}
