import * as vscode from 'vscode';
import type { SendFaxRequest } from '../api/models';
import type { ClientProvider } from '../client/clientProvider';
import { kindOf } from '../errors/errorPresenter';
import type { FaxDocument } from './faxDocument';
import type { SendAttempt } from './faxMatch';
import type { SendProgress } from './progressUi';
import { formatBytes } from '../format/bytes';
import { hashedUpload, type UploadDigest } from '../receipts/hashedUpload';
import type { ReceiptDocument, SourceFingerprint } from '../receipts/receipt';

export type SubmissionResult =
  | { readonly kind: 'sent'; readonly ids: Readonly<Record<string, string>>; readonly attempt: SendAttempt }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'uploadFailed'; readonly document: FaxDocument; readonly error: unknown }
  | { readonly kind: 'createFailed'; readonly attempt: SendAttempt; readonly error: unknown };

/** PDFs up to this size are kept in memory during the upload to count their pages for the receipt. */
const PDF_BYTES_KEPT = 20 * 1024 * 1024;

/** Uploads take this share of the progress bar; creating the fax the rest. */
const UPLOAD_SHARE = 95;

/**
 * The two requests of a fax: each document is uploaded (cancellable), then
 * the outbox request creates the fax. Cancelling is possible until the outbox
 * request starts; from then on it is not offered, because an abort could
 * leave a fax created without the person knowing.
 */
export class FaxSubmission {
  constructor(
    private readonly clients: ClientProvider,
    /** Counts a PDF's pages (undefined when unreadable); the renderer's bundle holds the PDF reader. */
    private readonly pdfPages: (bytes: Uint8Array) => Promise<number | undefined> = async () => undefined,
  ) {}

  async submit(
    documents: readonly FaxDocument[],
    request: Omit<SendFaxRequest, 'files' | 'returnIds'>,
    progress: SendProgress,
    signal: AbortSignal,
  ): Promise<SubmissionResult> {
    const client = this.clients.get();
    const totalBytes = documents.reduce((sum, d) => sum + d.size, 0);
    let uploadedBefore = 0;
    let shownPercent = 0;
    const paths: string[] = [];
    const uploaded: { readonly document: FaxDocument; readonly digest: UploadDigest }[] = [];
    for (const [index, document] of documents.entries()) {
      if (signal.aborted) return { kind: 'cancelled' };
      const label = (sent: number) =>
        vscode.l10n.t(
          'Uploading file {0} of {1}: {2} ({3} of {4})',
          index + 1,
          documents.length,
          document.name,
          formatBytes(sent),
          formatBytes(document.size),
        );
      progress.report(label(0));
      // Hashed as the bytes go out: the receipt proves what was uploaded, not what the file holds later.
      const hashed = hashedUpload(document.source, PDF_BYTES_KEPT);
      try {
        paths.push(
          await client.uploadFile(hashed.source, {
            signal,
            onProgress: (sent) => {
              const percent = Math.floor(((uploadedBefore + sent) / totalBytes) * UPLOAD_SHARE);
              if (percent > shownPercent) {
                progress.report(label(sent), percent - shownPercent);
                shownPercent = percent;
              }
            },
          }),
        );
      } catch (error) {
        if (signal.aborted || kindOf(error) === 'cancelled') return { kind: 'cancelled' };
        return { kind: 'uploadFailed', document, error };
      }
      uploadedBefore += document.size;
      const digest = hashed.digest();
      if (digest) uploaded.push({ document, digest });
    }
    if (signal.aborted) return { kind: 'cancelled' };

    progress.report(vscode.l10n.t('Creating the fax (this can no longer be cancelled)…'), UPLOAD_SHARE - shownPercent);
    const attempt: SendAttempt = {
      destinations: [...new Set(request.to)],
      from: request.from,
      filePaths: paths,
      startedAt: new Date(),
      serverClockOffsetMs: client.serverClockOffsetMs(),
    };
    let outcome: SubmissionResult;
    try {
      // No signal: once the body may reach Fax.Plus, only the answer tells what happened.
      const result = await client.sendFax({ ...request, files: paths, returnIds: true });
      outcome = { kind: 'sent', ids: result.ids, attempt: { ...attempt, answeredAt: new Date(), serverTime: result.serverTime } };
    } catch (error) {
      outcome = { kind: 'createFailed', attempt, error };
    }
    // After the outbox request, so counting a PDF's pages never delays the fax. Only a complete set proves what the fax holds.
    if (uploaded.length !== documents.length) return outcome;
    const receiptDocuments = await Promise.all(uploaded.map(({ document, digest }) => receiptDocumentOf(document, digest, this.pdfPages)));
    return { ...outcome, attempt: { ...outcome.attempt, documents: receiptDocuments } };
  }
}

/** What the receipt says about one uploaded document. */
async function receiptDocumentOf(
  document: FaxDocument,
  digest: UploadDigest,
  pdfPages: (bytes: Uint8Array) => Promise<number | undefined>,
): Promise<ReceiptDocument> {
  const { rendered } = document;
  const pageCount = rendered
    ? rendered.layout.pages.length
    : digest.bytes && isPdf(document.name)
      ? await pdfPages(digest.bytes).catch(() => undefined)
      : undefined;
  const fingerprint: SourceFingerprint | undefined = rendered
    ? rendered.textSha256
      ? { kind: 'text', sha256: rendered.textSha256 }
      : undefined
    : { kind: 'bytes', sha256: digest.sha256 };
  return {
    name: document.name,
    sourceUri: document.uri.toString(),
    size: digest.size,
    sha256: digest.sha256,
    ...(pageCount !== undefined ? { pageCount } : {}),
    ...(fingerprint ? { fingerprint } : {}),
  };
}

function isPdf(name: string): boolean {
  return /\.pdf$/i.test(name);
}
