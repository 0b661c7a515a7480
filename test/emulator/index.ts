import type * as http from 'node:http';
import { type EmulatorClock, ScalableClock } from './clock';
import type { EmulatorEnv } from './context';
import { DocumentFactory } from './documents';
import { FaultInjector } from './faults';
import { DEFAULT_LIFECYCLE, type LifecycleTimings, type SentFaxIds } from './lifecycle';
import { LateCommits } from './lateCommits';
import { demoClient, type OAuthClient, type OAuthSettings } from './oauth';
import { operations } from './operations';
import type { LoggedRequest } from './requestLog';
import { loadSpec, routesFromSpec, type SpecRoute } from './routes';
import { seedState } from './seed';
import { close, createServer, listen } from './server';
import { findSpecPath } from './specFile';
import { StateView } from './stateView';
import { TokenStore } from './tokens';
import { receiveFax, type IncomingFaxOptions } from './incoming';
import type { FaxRecord } from './records';
import { settle } from './settle';
import { WebhookDispatcher, type WebhookDelivery } from './webhookDispatcher';
import { resolveVariants, type EmulatorVariants, type VariantsInput } from './variants';
import { Link, type LinkSettings } from './link';

export type { FaultSpec } from './faults';
export type { LoggedRequest } from './requestLog';
export type { EmulatorClock } from './clock';
export type { OAuthClient } from './oauth';
export type { IncomingFaxOptions } from './incoming';
export type { WebhookDelivery } from './webhookDispatcher';
export type { SentFaxIds } from './lifecycle';
export type { LinkSettings } from './link';
export type { ShopNumbersAnswer, PurchaseAnswer } from './shopVariants';
export type * from './records';
export { StateView } from './stateView';
export type { EmulatorVariants, VariantsInput } from './variants';
export { DEFAULT_VARIANTS, HOSTILE_VARIANTS, VARIANT_VALUES, describeVariants } from './variants';

export interface EmulatorOptions {
  port?: number;
  seed?: number;
  seedFaxes?: number;
  /** Initial emulator clock (ms); makes seeded dates deterministic. Default: real time. */
  now?: number;
  speed?: number;
  specPath?: string;
  oauthClients?: OAuthClient[];
  oauthAccessTokenTtlMs?: number;
  lifecycle?: Partial<LifecycleTimings>;
  /** Where the emulator differs from our reconstruction (variants.ts): a preset name or some keys. Default: realistic. */
  variants?: VariantsInput;
  /** Delay before every API/OAuth request is handled (one round trip to the real service). Default 0. */
  latencyMs?: number;
  /** Link rate for request and response bodies, megabits per second, one link per direction. Default 0 = unlimited. */
  bandwidthMbps?: number;
}

export interface DemoTokens {
  fullAccess: string;
  readOnly: string;
  expiringSoon: string;
  expired: string;
  member: string;
}

export interface IssuePatOptions {
  scopes: string[];
  expiresInMs?: number;
  name?: string;
  /** 'admin' (default), 'member', or a uid. */
  account?: 'admin' | 'member' | string;
}

const DAY = 86_400_000;
const DEMO: Record<keyof DemoTokens, { scopes: string[]; expiresInMs: number; account: 'admin' | 'member'; name: string }> = {
  fullAccess: { scopes: ['fax:all:edit'], expiresInMs: 365 * DAY, account: 'admin', name: 'Demo full access' },
  readOnly: { scopes: ['fax:all:read'], expiresInMs: 365 * DAY, account: 'admin', name: 'Demo read only' },
  expiringSoon: { scopes: ['fax:all:edit'], expiresInMs: 3 * DAY, account: 'admin', name: 'Demo expiring soon' },
  expired: { scopes: ['fax:all:edit'], expiresInMs: -DAY, account: 'admin', name: 'Demo expired' },
  member: { scopes: ['fax:all:edit'], expiresInMs: 365 * DAY, account: 'member', name: 'Demo member' },
};

/** A running Fax.Plus emulator. See test/emulator/README.md. */
export class Emulator {
  readonly faults = new FaultInjector();
  /** Operations a `lateCommit` fault postponed (see lateCommits.ts). */
  readonly lateCommits = new LateCommits();
  readonly requests: LoggedRequest[] = [];
  readonly oauth: { autoApprove: boolean; account: 'admin' | 'member' };
  readonly state: StateView;
  readonly demoTokens: DemoTokens;
  readonly oauthClient: { id: string; secret: string };
  private readonly env: EmulatorEnv;
  private readonly oauthSettings: OAuthSettings;
  private server: http.Server;
  private portNumber = 0;
  private settleTimer: NodeJS.Timeout | undefined;
  private readonly linkState: Link;

  private constructor(
    private readonly options: EmulatorOptions,
    private readonly routes: readonly SpecRoute[],
  ) {
    const clock = new ScalableClock(options.now, options.speed ?? 1);
    const variants = resolveVariants(options.variants);
    clock.setSkew(variants.serverClockSkewMs);
    this.env = {
      state: this.seed(clock.now()),
      clock,
      tokens: new TokenStore(),
      documents: new DocumentFactory(),
      lifecycle: { ...DEFAULT_LIFECYCLE, ...options.lifecycle },
      webhooks: new WebhookDispatcher(),
      variants,
    };
    const clients = options.oauthClients ?? [demoClient()];
    const oauth = { autoApprove: true, account: 'admin' as 'admin' | 'member' };
    this.oauth = oauth;
    this.oauthSettings = {
      clients,
      accessTokenTtlMs: options.oauthAccessTokenTtlMs ?? 3_600_000,
      codeTtlMs: 600_000,
      get autoApprove() {
        return oauth.autoApprove;
      },
      get account() {
        return oauth.account;
      },
    };
    this.oauthClient = { id: clients[0].id, secret: clients[0].secret };
    this.state = new StateView(() => this.env);
    this.linkState = new Link({ latencyMs: options.latencyMs ?? 0, bandwidthMbps: options.bandwidthMbps ?? 0 });
    const tokens = {} as DemoTokens;
    for (const name of Object.keys(DEMO) as (keyof DemoTokens)[]) {
      tokens[name] = this.issueDemo(name);
    }
    this.demoTokens = Object.freeze(tokens);
    this.server = this.makeServer();
  }

  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const routes = routesFromSpec(loadSpec(options.specPath ?? findSpecPath()));
    const missing = routes.filter((r) => !operations[r.operationId]).map((r) => r.operationId);
    if (missing.length) {
      throw new Error(`The emulator does not implement spec operations: ${missing.join(', ')}`);
    }
    const emu = new Emulator(options, routes);
    emu.portNumber = await listen(emu.server, options.port ?? 0);
    emu.startSettling();
    return emu;
  }

  get port(): number {
    return this.portNumber;
  }
  get url(): string {
    return `http://127.0.0.1:${this.portNumber}`;
  }
  get apiUrl(): string {
    return `${this.url}/v3`;
  }
  get loginUrl(): string {
    return `${this.url}/login`;
  }
  get tokenUrl(): string {
    return `${this.url}/token`;
  }
  get controlUrl(): string {
    return `${this.url}/__emulator`;
  }
  get clock(): EmulatorClock {
    return this.env.clock;
  }
  /** uids of the seeded accounts. */
  get accounts(): { admin: string; member: string; memberWithoutNumber: string; members: string[] } {
    const members = this.env.state.accounts.filter((a) => a.account_type === 'corporate_member').map((a) => a.uid);
    return { admin: this.env.state.adminUid, member: members[0], memberWithoutNumber: members[1], members };
  }
  /** The variants in force (a copy). */
  get variants(): EmulatorVariants {
    return { ...this.env.variants };
  }

  /**
   * Changes variants from now on: a preset name replaces all of them, a
   * partial record changes only its keys. Returns the variants in force.
   */
  setVariants(input: VariantsInput): EmulatorVariants {
    this.env.variants = resolveVariants(input, this.env.variants);
    this.env.clock.setSkew(this.env.variants.serverClockSkewMs);
    return this.variants;
  }

  /** The simulated network (latency, bandwidth); change its fields at any time, they apply to the next request. */
  get link(): LinkSettings {
    return this.linkState.settings;
  }
  /** The operations of the contract, as routed. */
  get operationIds(): string[] {
    return this.routes.map((r) => r.operationId);
  }

  issuePat(o: IssuePatOptions): string {
    const now = this.env.clock.now();
    return this.env.tokens.issuePat({
      scopes: o.scopes,
      uid: this.uidFor(o.account ?? 'admin'),
      name: o.name ?? 'Test token',
      createdMs: now,
      expiresMs: now + (o.expiresInMs ?? 30 * DAY),
    }).token;
  }

  /** Shorthand for the `sentFaxIds` variant: faxes reaching Sent get new ids (`'new'`) or keep their outbox ids (`'kept'`). */
  get sentFaxIds(): SentFaxIds {
    return this.env.variants.sentFaxIds;
  }

  set sentFaxIds(value: SentFaxIds) {
    this.setVariants({ sentFaxIds: value });
  }

  /** The id the fax of an outbox record got in Sent (undefined while it is still in the outbox). */
  sentIdOf(outboxId: string): string | undefined {
    this.state.outbox(); // settles the outbox up to the clock
    return this.env.state.sentIdOf.get(outboxId);
  }

  /** A fax arriving now (inbox, or spam), announced to fax_received webhooks. */
  receiveFax(o: IncomingFaxOptions = {}): FaxRecord {
    const now = this.env.clock.now();
    const fax = receiveFax(this.env.state, now, o);
    this.env.webhooks.dispatch(this.env.state, 'fax_received', fax, now);
    return fax;
  }

  /** Callbacks POSTed to registered webhooks (fax_sent when the outbox finishes, fax_received from receiveFax). */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.env.webhooks.deliveries;
  }

  /** Resolves when every webhook callback sent so far was answered or failed. */
  webhooksIdle(): Promise<void> {
    return this.env.webhooks.idle();
  }

  revokeToken(token: string): void {
    this.env.tokens.revoke(token);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Seeded state again (see README for what survives). */
  reset(o: { keepTokens?: boolean } = {}): void {
    this.env.clock.reset(this.options.speed ?? 1);
    this.env.variants = resolveVariants(this.options.variants);
    this.env.clock.setSkew(this.env.variants.serverClockSkewMs);
    this.env.state = this.seed(this.env.clock.now());
    this.env.documents.clear();
    this.env.webhooks.clear();
    this.lateCommits.clear();
    this.faults.clear();
    // The browser's answer too: a test that declined a sign-in must not decline the next suite's.
    this.oauth.autoApprove = true;
    this.oauth.account = 'admin';
    this.clearRequests();
    this.linkState.settings.latencyMs = this.options.latencyMs ?? 0;
    this.linkState.settings.bandwidthMbps = this.options.bandwidthMbps ?? 0;
    if (!o.keepTokens) {
      this.env.tokens.clear();
    }
    for (const name of Object.keys(DEMO) as (keyof DemoTokens)[]) {
      this.refreshDemo(name);
    }
  }

  /** Close and listen again on the same port with fresh state, like a restarted server. */
  async restart(o: { keepTokens?: boolean } = {}): Promise<void> {
    await close(this.server);
    // Let in-process clients see their keep-alive sockets close before anything new is sent.
    await new Promise((r) => setTimeout(r, 20));
    this.reset(o);
    this.server = this.makeServer();
    await listen(this.server, this.portNumber);
  }

  async stop(): Promise<void> {
    clearInterval(this.settleTimer);
    this.lateCommits.clear();
    await close(this.server);
  }

  /** Finishes outbox faxes on time even when nobody asks, so fax_sent webhooks fire. */
  private startSettling(): void {
    this.settleTimer = setInterval(() => settle(this.env), 250);
    this.settleTimer.unref();
  }

  private seed(now: number) {
    return seedState({ seed: this.options.seed ?? 1, seedFaxes: this.options.seedFaxes ?? 60, now });
  }

  private uidFor(account: string): string {
    if (account === 'admin') {
      return this.env.state.adminUid;
    }
    if (account === 'member') {
      return this.accounts.member;
    }
    if (!this.env.state.account(account)) {
      throw new Error(`No account ${account}`);
    }
    return account;
  }

  private issueDemo(name: keyof DemoTokens): string {
    const d = DEMO[name];
    const now = this.env.clock.now();
    return this.env.tokens.issuePat({
      scopes: d.scopes,
      uid: this.uidFor(d.account),
      name: d.name,
      createdMs: now - 30 * DAY,
      expiresMs: now + d.expiresInMs,
      demo: true,
    }).token;
  }

  /** Demo tokens keep their strings but get their seeded expiry and account back. */
  private refreshDemo(name: keyof DemoTokens): void {
    const rec = this.env.tokens.pats.get(this.demoTokens[name]);
    if (rec) {
      const d = DEMO[name];
      const now = this.env.clock.now();
      rec.expiresMs = now + d.expiresInMs;
      rec.createdMs = now - 30 * DAY;
      rec.revoked = false;
      rec.lastUsedMs = undefined;
      rec.uid = this.uidFor(d.account);
    }
  }

  private makeServer(): http.Server {
    return createServer({
      emulator: this,
      env: () => this.env,
      api: { env: () => this.env, routes: this.routes, operations, faults: this.faults, lateCommits: this.lateCommits },
      oauth: this.oauthSettings,
      log: this.requests,
      memberUid: () => this.accounts.member,
      link: this.linkState,
    });
  }
}

/** Test helper: runs `fn` with some variants in force, then puts the previous ones back (even when it throws). */
export async function withVariants<T>(emu: Emulator, variants: VariantsInput, fn: () => Promise<T> | T): Promise<T> {
  const previous = emu.variants;
  emu.setVariants(variants);
  try {
    return await fn();
  } finally {
    emu.setVariants(previous);
  }
}

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return Emulator.start(options);
}
