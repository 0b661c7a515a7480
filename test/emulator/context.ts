import type { IncomingMessage } from 'node:http';
import type { ScalableClock } from './clock';
import type { DocumentFactory } from './documents';
import type { ApiResult } from './http';
import type { LifecycleTimings } from './lifecycle';
import type { SpecRoute } from './routes';
import type { EmulatorState } from './state';
import type { TokenRecord, TokenStore } from './tokens';
import type { EmulatorVariants } from './variants';
import type { WebhookDispatcher } from './webhookDispatcher';

/** The emulator's collaborators, shared by every request. */
export interface EmulatorEnv {
  state: EmulatorState;
  readonly clock: ScalableClock;
  readonly tokens: TokenStore;
  readonly documents: DocumentFactory;
  readonly lifecycle: LifecycleTimings;
  /** Whether a fax reaching Sent gets a new id (see lifecycle.ts). */
  readonly webhooks: WebhookDispatcher;
  /** How this emulator differs where the sources disagree (variants.ts); changeable at run time. */
  variants: EmulatorVariants;
}

/** One authorized API request. */
export interface ApiContext {
  readonly env: EmulatorEnv;
  readonly req: IncomingMessage;
  readonly route: SpecRoute;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly token: TokenRecord;
  /** uid of the token's account. */
  readonly callerUid: string;
  /** `user_id` of the path resolved (`self` → callerUid); callerUid when the path has none. */
  readonly targetUid: string;
  readonly body: unknown;
  readonly now: number;
  /** For uploads: destroy the connection after this many body bytes (reset fault). */
  readonly resetAfterBytes?: number;
  /** For uploads: report counted bytes to the request log. */
  readonly onUploadBytes: (n: number) => void;
}

export type Operation = (ctx: ApiContext) => Promise<ApiResult> | ApiResult;
export type OperationTable = Record<string, Operation>;
