import { randomBytes } from 'node:crypto';
import type { OperationTable } from '../context';
import { ApiError, jsonResult } from '../http';

const EVENTS = ['fax_received', 'fax_sent'];

export const webhookOperations: OperationTable = {
  getWebhooks: (ctx) => {
    const event = ctx.query.get('event');
    if (!event || !EVENTS.includes(event)) {
      throw new ApiError(400, 'invalid_request', `event is required: ${EVENTS.join(' or ')}`);
    }
    const data = ctx.env.state.webhooks
      .filter((w) => w.uid === ctx.callerUid && w.event === event)
      .map(({ id, target, event: e }) => ({ id, target, event: e }));
    return jsonResult(200, { data });
  },

  createWebhook: (ctx) => {
    const body = ctx.body as { target?: unknown; event?: unknown } | undefined;
    if (!body || typeof body.target !== 'string' || !/^https?:\/\/\S+$/.test(body.target)) {
      throw new ApiError(400, 'invalid_request', 'target must be an http(s) URL');
    }
    if (typeof body.event !== 'string' || !EVENTS.includes(body.event)) {
      throw new ApiError(400, 'invalid_request', `event must be ${EVENTS.join(' or ')}`);
    }
    const id = randomBytes(12).toString('hex');
    ctx.env.state.webhooks.push({ id, uid: ctx.callerUid, target: body.target, event: body.event });
    return jsonResult(200, { id });
  },

  deleteWebhook: (ctx) => {
    const hooks = ctx.env.state.webhooks;
    const i = hooks.findIndex((w) => w.id === ctx.params.hook_id && w.uid === ctx.callerUid);
    if (i < 0) {
      throw new ApiError(404, 'webhook_not_found', `No webhook with id ${ctx.params.hook_id}`);
    }
    hooks.splice(i, 1);
    return jsonResult(200, {});
  },
};
