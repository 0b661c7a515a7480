// Cover page choices of the send flow, in the shape the user edits (the client maps them to the API).

/** Cover page check boxes, as the API spells them (CoverPageFlags). */
export const COVER_PAGE_FLAGS = ['urgent', 'for_review', 'please_reply', 'confidential'] as const;
export type CoverPageFlag = (typeof COVER_PAGE_FLAGS)[number];

export interface CoverPageFields {
  to?: string;
  from?: string;
  subject?: string;
  message?: string;
  flags?: CoverPageFlag[];
}
