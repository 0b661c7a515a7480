import type { ApiContext, OperationTable } from '../context';
import type { DocumentSubject } from '../documents';
import { formatFaxDate } from '../dates';
import { ApiError } from '../http';
import { uploadFile } from './upload';

function subject(ctx: ApiContext): DocumentSubject {
  const { state } = ctx.env;
  const found = state.findFax(ctx.params.fax_id);
  if (found && found.uid === ctx.targetUid) {
    const f = found.fax;
    return {
      id: f.id,
      from: f.from ?? f.from_number ?? '',
      to: f.to,
      date: f.start_time,
      pages: f.pages,
      status: f.status,
      title: f.direction === 'outgoing' ? 'Sent fax' : 'Received fax',
    };
  }
  const pending = state.outbox.get(ctx.params.fax_id);
  if (pending && pending.uid === ctx.targetUid) {
    return {
      id: pending.id,
      from: pending.from,
      to: pending.to,
      date: formatFaxDate(pending.submitMs),
      pages: pending.pages,
      status: 'pending',
      title: 'Outgoing fax',
    };
  }
  throw new ApiError(404, 'fax_not_found', `No fax with id ${ctx.params.fax_id}`);
}

/** Reports refused so far per fax (variant `reportNotReady`), per state: a reset starts again. */
const reportMisses = new WeakMap<object, Map<string, number>>();

function reportMissesOf(ctx: ApiContext, faxId: string): number {
  return reportMisses.get(ctx.env.state)?.get(faxId) ?? 0;
}

function countReportMiss(ctx: ApiContext, faxId: string): void {
  const misses = reportMisses.get(ctx.env.state) ?? new Map<string, number>();
  misses.set(faxId, (misses.get(faxId) ?? 0) + 1);
  reportMisses.set(ctx.env.state, misses);
}

function wantsTiff(ctx: ApiContext): boolean {
  const format = ctx.query.get('format');
  if (format !== null) {
    if (format !== 'pdf' && format !== 'tiff') {
      throw new ApiError(400, 'invalid_request', "format must be 'pdf' or 'tiff'");
    }
    return format === 'tiff';
  }
  return /image\/tiff/i.test(ctx.req.headers.accept ?? '');
}

export const fileOperations: OperationTable = {
  uploadFile,

  getFile: async (ctx) => {
    const s = subject(ctx);
    if (wantsTiff(ctx)) {
      return {
        status: 200,
        body: await ctx.env.documents.faxTiff(s),
        contentType: 'image/tiff',
        headers: { 'content-disposition': `attachment; filename="${s.id}.tiff"` },
      };
    }
    return {
      status: 200,
      body: await ctx.env.documents.faxPdf(s),
      contentType: 'application/pdf',
      headers: { 'content-disposition': `attachment; filename="${s.id}.pdf"` },
    };
  },

  getFaxReport: async (ctx) => {
    const s = subject(ctx);
    if (s.status === 'pending') {
      throw new ApiError(404, 'report_not_ready', 'The fax has not been sent yet');
    }
    if (reportMissesOf(ctx, s.id) < ctx.env.variants.reportNotReady) {
      countReportMiss(ctx, s.id);
      throw new ApiError(404, 'report_not_ready', 'The confirmation report is not ready yet');
    }
    return {
      status: 200,
      body: await ctx.env.documents.reportPdf(s),
      contentType: 'application/pdf',
      headers: { 'content-disposition': `attachment; filename="report-${s.id}.pdf"` },
    };
  },
};
