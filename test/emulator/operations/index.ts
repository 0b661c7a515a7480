import type { OperationTable } from '../context';
import { accountOperations } from './accounts';
import { faxOperations } from './faxes';
import { fileOperations } from './files';
import { numberOperations } from './numbers';
import { outboxOperations } from './outbox';
import { shopOperations } from './shop';
import { tokenOperations } from './token';
import { webhookOperations } from './webhooks';

/** Every operation the emulator implements, by the spec's operationId. */
export const operations: OperationTable = {
  ...accountOperations,
  ...faxOperations,
  ...fileOperations,
  ...numberOperations,
  ...outboxOperations,
  ...webhookOperations,
  ...tokenOperations,
  ...shopOperations,
};

/** Operations only the corporate admin may call. */
export const ADMIN_ONLY = new Set([
  'getAccounts',
  'getMemberDetails',
  'updateMemberDetails',
  'updateNumber',
  'updateNumberPost',
  'revokeNumber',
  'purchaseNumber',
]);
