import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, type Account, type NotificationToggles } from './models';

/** What the signed-in person may change about themselves (the PayloadAccountModification fields we offer). */
export interface AccountChanges {
  readonly name?: string;
  readonly lastname?: string;
  readonly phone?: string;
  readonly notifications?: NotificationToggles;
}

/**
 * The body of `PUT /accounts/{user_id}`: only the fields that differ from
 * `current`, or undefined when nothing changed. Notification toggles are
 * nested in one `notifications` object; whether the server merges a partial
 * one is not documented, so when a toggle changed the object is sent as it
 * was read with only those toggles changed (nothing else is lost).
 */
export function accountModification(current: Account, wanted: AccountChanges): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  for (const key of ['name', 'lastname', 'phone'] as const) {
    const value = wanted[key];
    if (value !== undefined && value !== (current[key] ?? '')) {
      body[key] = value;
    }
  }
  const changedToggles = changedNotificationToggles(current.notifications?.toggles ?? {}, wanted.notifications ?? {});
  if (changedToggles.length > 0) {
    const notifications = structuredClone(current.notifications?.raw ?? {}) as Record<string, unknown>;
    const settings = (isObject(notifications.settings) ? notifications.settings : (notifications.settings = {})) as Record<string, unknown>;
    for (const [channel, event, value] of changedToggles) {
      const channelObject = (isObject(settings[channel]) ? settings[channel] : (settings[channel] = {})) as Record<string, unknown>;
      channelObject[event] = value;
    }
    body.notifications = notifications;
  }
  return Object.keys(body).length > 0 ? body : undefined;
}

function changedNotificationToggles(current: NotificationToggles, wanted: NotificationToggles): [string, string, boolean][] {
  // Only the known names: keys from an argument object must not reach anything else (`__proto__`).
  const changes: [string, string, boolean][] = [];
  for (const channel of NOTIFICATION_CHANNELS) {
    for (const event of NOTIFICATION_EVENTS) {
      const value = wanted[channel]?.[event];
      if (typeof value === 'boolean' && current[channel]?.[event] !== value) {
        changes.push([channel, event, value]);
      }
    }
  }
  return changes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
