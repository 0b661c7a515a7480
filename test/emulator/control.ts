import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from './faults';
import { ApiError, readBody, sendJson } from './http';
import type { Emulator } from './index';
import type { EmulatorVariants, VariantsInput } from './variants';

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req)).toString('utf8');
  if (!raw) {
    return {};
  }
  try {
    const v = JSON.parse(raw) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return v as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw new ApiError(400, 'invalid_request', 'Send a JSON object');
}

function summary(emu: Emulator): Record<string, unknown> {
  return {
    apiUrl: emu.apiUrl,
    loginUrl: emu.loginUrl,
    tokenUrl: emu.tokenUrl,
    controlUrl: emu.controlUrl,
    accounts: emu.accounts,
    demoTokens: emu.demoTokens,
    oauthClient: emu.oauthClient,
    clock: { now: emu.clock.now(), speed: emu.clock.speed },
    link: emu.link,
    faults: emu.faults.list(),
    variants: emu.variants,
  };
}

/** `/__emulator/...`: control for out-of-process users (sandbox, benchmarks). */
export async function handleControl(emu: Emulator, req: IncomingMessage, res: ServerResponse, sub: string): Promise<void> {
  const method = req.method ?? 'GET';
  const key = `${method} ${sub.replace(/\/+$/, '') || '/'}`;
  try {
    switch (key) {
      case 'GET /':
        return sendJson(res, 200, summary(emu));
      case 'GET /requests':
        return sendJson(res, 200, { requests: emu.requests });
      case 'POST /clear-requests':
        emu.clearRequests();
        return sendJson(res, 200, {});
      case 'GET /faults':
        return sendJson(res, 200, { faults: emu.faults.list() });
      case 'POST /faults': {
        const body = await jsonBody(req);
        const times = body.times === null || body.times === 'Infinity' ? Infinity : (body.times as number | undefined);
        const id = emu.faults.add({ ...(body as unknown as FaultSpec), times });
        return sendJson(res, 200, { id });
      }
      case 'POST /clear-faults':
        emu.faults.clear();
        return sendJson(res, 200, {});
      case 'POST /advance': {
        const { ms } = await jsonBody(req);
        emu.clock.advance(Number(ms));
        return sendJson(res, 200, { now: emu.clock.now() });
      }
      case 'POST /speed': {
        const { factor } = await jsonBody(req);
        emu.clock.setSpeed(Number(factor));
        return sendJson(res, 200, { speed: emu.clock.speed });
      }
      case 'POST /reset': {
        const { keepTokens } = await jsonBody(req);
        emu.reset({ keepTokens: keepTokens === true });
        return sendJson(res, 200, {});
      }
      case 'GET /variants':
        return sendJson(res, 200, { variants: emu.variants });
      case 'POST /variants': {
        // `{preset: 'hostile'}` replaces all; other keys change only themselves (after the preset).
        const { preset, ...keys } = await jsonBody(req);
        if (preset !== undefined) {
          emu.setVariants(String(preset) as VariantsInput);
        }
        return sendJson(res, 200, { variants: emu.setVariants(keys as Partial<EmulatorVariants>) });
      }
      case 'GET /link':
        return sendJson(res, 200, emu.link);
      case 'POST /link': {
        const body = await jsonBody(req);
        for (const key of ['latencyMs', 'bandwidthMbps'] as const) {
          if (body[key] !== undefined) {
            const v = Number(body[key]);
            if (!Number.isFinite(v) || v < 0) {
              throw new ApiError(400, 'invalid_request', `${key} must be a number ≥ 0`);
            }
            emu.link[key] = v;
          }
        }
        return sendJson(res, 200, emu.link);
      }
      case 'GET /demo-tokens':
        return sendJson(res, 200, emu.demoTokens);
      case 'POST /issue-pat': {
        const body = await jsonBody(req);
        if (!Array.isArray(body.scopes)) {
          throw new ApiError(400, 'invalid_request', 'scopes (array) is required');
        }
        const token = emu.issuePat({
          scopes: body.scopes as string[],
          expiresInMs: body.expiresInMs as number | undefined,
          name: body.name as string | undefined,
          account: body.account as string | undefined,
        });
        return sendJson(res, 200, { token });
      }
      default:
        return sendJson(res, 404, { error: 'not_found', description: `No control endpoint ${key}` });
    }
  } catch (err) {
    if (err instanceof ApiError) {
      return sendJson(res, err.status, err.body);
    }
    // An unknown variant or value names what is allowed.
    return sendJson(res, 400, { error: 'invalid_request', description: err instanceof Error ? err.message : String(err) });
  }
}
