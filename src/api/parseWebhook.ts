import { optString, requireArray, requireId, requireObject, shapeError } from './jsonShape';
import type { Webhook } from './models';

export function parseWebhook(value: unknown, operationId = 'getWebhooks'): Webhook {
  const obj = requireObject(value, operationId, 'webhook');
  const target = optString(obj, 'target');
  if (target === undefined) {
    throw shapeError(operationId, 'webhook.target is missing');
  }
  return { id: optString(obj, 'id'), target, event: optString(obj, 'event') ?? 'unknown' };
}

/** `{data:[…]}`; the spec does not mark `data` required, so its absence reads as no webhooks. */
export function parseWebhookList(value: unknown, operationId = 'getWebhooks'): Webhook[] {
  const root = requireObject(value, operationId, 'body');
  if (root.data === undefined) {
    return [];
  }
  return requireArray(root.data, operationId, 'data').map((w) => parseWebhook(w, operationId));
}

export function parseWebhookId(value: unknown, operationId = 'createWebhook'): string {
  return requireId(requireObject(value, operationId, 'body'), 'id', operationId, 'body');
}
