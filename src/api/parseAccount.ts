import {
  openEnum,
  optBoolean,
  optDate,
  optNumber,
  optObject,
  optString,
  requireArray,
  requireId,
  requireObject,
  stringList,
  type JsonObject,
} from './jsonShape';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type Account,
  type AccountNotifications,
  type MemberDetails,
  type NotificationToggles,
} from './models';

export function parseAccount(value: unknown, operationId = 'getUser'): Account {
  const obj = requireObject(value, operationId, 'account');
  const data = optObject(obj, 'account_data');
  return {
    uid: requireId(obj, 'uid', operationId, 'account'),
    email: optString(obj, 'email'),
    name: optString(obj, 'name'),
    lastname: optString(obj, 'lastname'),
    accountType: openEnum(obj, 'account_type'),
    status: openEnum(obj, 'status'),
    creationDate: optDate(obj, 'creation_date'),
    phone: optString(obj, 'phone'),
    // Docs examples show `{}` here instead of an array: read as empty.
    memberOf: stringList(obj, 'member_of'),
    companyName: data ? optString(data, 'company_name') : undefined,
    role: data ? optString(data, 'role') : undefined,
    notifications: parseNotifications(optObject(obj, 'notifications')),
  };
}

/** Toggles of `notifications.settings.<channel>`; anything not boolean is left out. */
function parseNotifications(raw: JsonObject | undefined): AccountNotifications | undefined {
  const settings = raw && optObject(raw, 'settings');
  if (!raw || !settings) {
    return undefined;
  }
  const toggles: NotificationToggles = {};
  for (const channel of NOTIFICATION_CHANNELS) {
    const obj = optObject(settings, channel);
    for (const event of NOTIFICATION_EVENTS) {
      const value = obj && optBoolean(obj, event);
      if (value !== undefined) {
        (toggles[channel] ??= {})[event] = value;
      }
    }
  }
  return { toggles, raw };
}

export function parseAccountList(value: unknown, operationId = 'getAccounts'): Account[] {
  const root = requireObject(value, operationId, 'body');
  return requireArray(root.members, operationId, 'members').map((m) => parseAccount(m, operationId));
}

export function parseMemberDetails(value: unknown, operationId = 'getMemberDetails'): MemberDetails {
  const obj = requireObject(value, operationId, 'member details');
  return { role: optString(obj, 'role'), quota: optNumber(obj, 'quota') };
}
