/** A fault to inject into matching API requests (see README "Faults"). */
export interface FaultSpec {
  operationId?: string;
  method?: string;
  pathIncludes?: string;
  /** Query parameters the request must carry (e.g. `{ category: 'spam' }`), so a fault hits one list and not another loading beside it. */
  query?: Record<string, string>;
  /** How many matching requests it affects; default 1, Infinity allowed. */
  times?: number;
  kind: 'latency' | 'status' | 'rateLimit' | 'reset' | 'malformedJson' | 'expireToken' | 'lateCommit' | 'gatewayHtml';
  /** latency */
  ms?: number;
  /** status; gatewayHtml (502, 503 or 504; default 502) */
  status?: number;
  body?: unknown;
  /** rateLimit */
  retryAfterSeconds?: number;
  /** reset: run the operation first, then destroy the socket instead of answering. */
  afterCommit?: boolean;
  /** reset: run the operation, send the headers and part of the body, then destroy. */
  midBody?: boolean;
  /** reset before commit: destroy once this many request-body bytes arrived (default 0). */
  afterBytes?: number;
  /**
   * lateCommit: the request is read and checked, the client is answered at once
   * with `status` (502 or 504, default 504; `html: true` for a gateway's HTML page)
   * or, with `reset: true`, the connection is destroyed; the operation itself runs
   * `commitAfterMs` REAL milliseconds later (default 3000).
   */
  commitAfterMs?: number;
  html?: boolean;
  reset?: boolean;
}

export interface ActiveFault extends FaultSpec {
  readonly id: number;
  remaining: number;
}

export interface FaultTarget {
  operationId?: string;
  method: string;
  path: string;
  query?: URLSearchParams;
}

const KINDS = new Set(['latency', 'status', 'rateLimit', 'reset', 'malformedJson', 'expireToken', 'lateCommit', 'gatewayHtml']);

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    if (!KINDS.has(spec.kind)) {
      throw new Error(`unknown fault kind ${String(spec.kind)}`);
    }
    const times = spec.times ?? 1;
    if (!(times > 0)) {
      throw new RangeError('fault times must be > 0');
    }
    const id = this.nextId++;
    this.faults.push({ ...spec, id, remaining: times });
    return id;
  }

  remove(id: number): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  /** The first fault matching the request, consuming one of its uses. */
  take(target: FaultTarget): ActiveFault | undefined {
    const f = this.faults.find(
      (x) =>
        (x.operationId === undefined || x.operationId === target.operationId) &&
        (x.method === undefined || x.method.toUpperCase() === target.method) &&
        (x.pathIncludes === undefined || target.path.includes(x.pathIncludes)) &&
        Object.entries(x.query ?? {}).every(([key, value]) => target.query?.get(key) === value),
    );
    if (!f) {
      return undefined;
    }
    f.remaining -= 1;
    if (f.remaining <= 0) {
      this.remove(f.id);
    }
    return f;
  }
}
