import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The network between the client and Fax.Plus, played in the HTTP layer:
 * `latencyMs` delays every request before it is handled (one round trip of
 * the real service), `bandwidthMbps` paces request and response bodies
 * through one shared link per direction (0 = unlimited). Loopback hides what
 * a person waits for; these make journeys and uploads honest.
 */
export interface LinkSettings {
  latencyMs: number;
  bandwidthMbps: number;
}

/** A direction of the link: bytes leave one after another at the configured rate. */
class Pacer {
  private busyUntil = 0;

  constructor(private readonly mbps: () => number) {}

  /** When `bytes` handed over now have crossed the link (ms, performance clock). */
  reserve(bytes: number): number {
    const now = performance.now();
    const rate = this.mbps();
    if (rate <= 0) {
      return now;
    }
    this.busyUntil = Math.max(now, this.busyUntil) + (bytes * 8) / (rate * 1000);
    return this.busyUntil;
  }
}

/**
 * Bytes the link may hold back before the socket stops reading (TCP
 * backpressure reaches the client). Enough to keep the link busy through an
 * event-loop stall of ~150 ms at 50 Mbit/s, so a busy machine does not idle it.
 */
const MAX_IN_FLIGHT = 1024 * 1024;
/** Response bodies cross the link in slices so a large answer streams at the link's pace. */
const SLICE = 16 * 1024;

const sleepUntil = (t: number): Promise<void> => {
  const ms = t - performance.now();
  return ms > 0.5 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
};

export class Link {
  private readonly up: Pacer;
  private readonly down: Pacer;

  constructor(readonly settings: LinkSettings) {
    this.up = new Pacer(() => this.settings.bandwidthMbps);
    this.down = new Pacer(() => this.settings.bandwidthMbps);
  }

  /** Applies the link to one request: throttles its body and answer, then waits one round trip. */
  async enter(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.settings.bandwidthMbps > 0) {
      this.paceRequestBody(req);
      this.paceResponse(res);
    }
    if (this.settings.latencyMs > 0) {
      await new Promise((r) => setTimeout(r, this.settings.latencyMs));
    }
  }

  /**
   * The HTTP parser hands body chunks to `req.push`; delivering each one when
   * it has crossed the link (and refusing more while much is held) throttles
   * every reader of the request, whether it pipes, iterates or listens.
   */
  private paceRequestBody(req: IncomingMessage): void {
    const push = req.push.bind(req);
    let held = 0;
    let delivery = Promise.resolve();
    req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
      const bytes = chunk === null ? 0 : (chunk as Buffer).length;
      const at = this.up.reserve(bytes);
      held += bytes;
      delivery = delivery.then(async () => {
        await sleepUntil(at);
        held -= bytes;
        if (!req.destroyed) {
          push(chunk, encoding);
        }
      });
      return held < MAX_IN_FLIGHT;
    };
  }

  /** Every write (and the end) of the answer crosses the link in order, slice by slice. */
  private paceResponse(res: ServerResponse): void {
    const write = res.write.bind(res) as (chunk: unknown, cb?: (e?: Error | null) => void) => boolean;
    const end = res.end.bind(res) as (cb?: () => void) => ServerResponse;
    let delivery = Promise.resolve();
    const send = (chunk: unknown, encoding: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') {
        return;
      }
      const buf =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array);
      for (let i = 0; i < buf.length; i += SLICE) {
        const slice = buf.subarray(i, i + SLICE);
        delivery = delivery.then(async () => {
          await sleepUntil(this.down.reserve(slice.length));
          if (!res.destroyed) {
            write(slice);
          }
        });
      }
    };
    const callbackOf = (args: unknown[]): (() => void) | undefined => args.find((a): a is () => void => typeof a === 'function');
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      send(chunk, rest[0]);
      const cb = callbackOf(rest);
      if (cb) {
        delivery = delivery.then(cb);
      }
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      send(chunk, rest[0]);
      const cb = callbackOf(typeof chunk === 'function' ? [chunk] : rest);
      delivery = delivery.then(() => {
        if (!res.destroyed) {
          end(cb);
        }
      });
      return res;
    }) as typeof res.end;
  }
}
