/**
 * The messages between the extension and the fax viewer webview
 * (media/viewer/viewer.js). Kept free of `vscode` so it is unit tested.
 */

/** Extension → webview. */
export type ToViewerMessage =
  | {
      readonly type: 'document';
      readonly format: 'tiff';
      readonly bytes: Uint8Array;
      /** Zero-based page to show first when the webview has no saved page (a restored tab). */
      readonly page?: number;
    }
  /** The document cannot be shown; the text says why and what to do. */
  | { readonly type: 'unavailable'; readonly message: string };

/** What the webview saves with `setState`, and VS Code hands back after a window reload. */
export interface SavedViewerState {
  readonly faxId: string;
  /** Zero-based page on screen. */
  readonly page: number;
}

/** A reloaded window's saved state comes from disk: check it before using it. */
export function parseSavedViewerState(value: unknown): SavedViewerState | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const s = value as Record<string, unknown>;
  // Fax ids are hex strings; anything else did not come from our page.
  if (typeof s.faxId !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(s.faxId)) {
    return undefined;
  }
  const page = Number.isInteger(s.index) && (s.index as number) >= 0 ? (s.index as number) : 0;
  return { faxId: s.faxId, page };
}

/** What the webview painted, reported back after each document it receives. */
export interface RenderReport {
  readonly pageCount: number;
  /** One-based page on screen. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  /** Bytes the webview received: proves the document crossed intact. */
  readonly byteLength: number;
}

/** Webview → extension. */
export type FromViewerMessage =
  { readonly type: 'ready' } | ({ readonly type: 'rendered' } & RenderReport) | { readonly type: 'failed'; readonly message: string };

/** The webview is another process's page: check what it sends before trusting it. */
export function parseViewerMessage(value: unknown): FromViewerMessage | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered': {
      const numbers = ['pageCount', 'page', 'width', 'height', 'byteLength'] as const;
      if (!numbers.every((k) => Number.isInteger(m[k]) && (m[k] as number) >= 0)) {
        return undefined;
      }
      return {
        type: 'rendered',
        pageCount: m.pageCount as number,
        page: m.page as number,
        width: m.width as number,
        height: m.height as number,
        byteLength: m.byteLength as number,
      };
    }
    case 'failed':
      return { type: 'failed', message: typeof m.message === 'string' ? m.message.slice(0, 500) : '' };
    default:
      return undefined;
  }
}
