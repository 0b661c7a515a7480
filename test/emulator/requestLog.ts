/** One request as the emulator saw it. Never holds a token: only its preview. */
export interface LoggedRequest {
  at: number;
  /** Place of the arrival in the emulator's sequence of arrivals and answers. */
  seq: number;
  /** Place in the same sequence when the answer was finished (or the socket closed); absent while pending. */
  answeredSeq?: number;
  /** The emulator's clock when the answer was finished (or the socket closed); absent while pending. */
  answeredAt?: number;
  method: string;
  path: string;
  query: Record<string, string>;
  operationId?: string;
  /** 0 when the socket was destroyed without an answer. */
  status: number;
  tokenPreview?: string;
  hasAuthorization: boolean;
  headers: Record<string, string>;
  bodyJson?: unknown;
  uploadBytes?: number;
}

export function loggableHeaders(raw: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const key = k.toLowerCase();
    if (key === 'authorization' || key === 'cookie' || v === undefined) {
      continue;
    }
    out[key] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
