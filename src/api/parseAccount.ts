import { openEnum, optDate, optNumber, optObject, optString, requireArray, requireId, requireObject, stringList } from './jsonShape';
import type { Account, MemberDetails } from './models';

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
  };
}

export function parseAccountList(value: unknown, operationId = 'getAccounts'): Account[] {
  const root = requireObject(value, operationId, 'body');
  return requireArray(root.members, operationId, 'members').map((m) => parseAccount(m, operationId));
}

export function parseMemberDetails(value: unknown, operationId = 'getMemberDetails'): MemberDetails {
  const obj = requireObject(value, operationId, 'member details');
  return { role: optString(obj, 'role'), quota: optNumber(obj, 'quota') };
}
