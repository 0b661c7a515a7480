import * as vscode from 'vscode';
import { checkEndpoint } from '../api/endpointPolicy';
import { DEFAULT_ENDPOINTS, type Endpoints } from './endpoints';

type EndpointKey = keyof Endpoints;

const SETTINGS: Record<EndpointKey, { section: string; env: string }> = {
  apiBaseUrl: { section: 'faxplus.api.baseUrl', env: 'FAXPLUS_API_BASE_URL' },
  oauthAuthorizeUrl: { section: 'faxplus.oauth.authorizeUrl', env: 'FAXPLUS_OAUTH_AUTHORIZE_URL' },
  oauthTokenUrl: { section: 'faxplus.oauth.tokenUrl', env: 'FAXPLUS_OAUTH_TOKEN_URL' },
};

export class EndpointError extends Error {
  constructor(
    readonly setting: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'EndpointError';
  }
}

/**
 * Resolves the endpoints from the environment (sandbox, tests) or from user
 * settings. Only the user (global) value is read: these settings are
 * `application`-scoped, and reading `inspect().globalValue` rather than `get()`
 * makes sure no workspace or folder value can redirect a token.
 */
export class EndpointSettings implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (Object.values(SETTINGS).some((s) => e.affectsConfiguration(s.section))) {
        this.changed.fire();
      }
    });
  }

  /** Throws EndpointError naming the setting to fix when a value is not allowed. */
  resolve(): Endpoints {
    const result = { ...DEFAULT_ENDPOINTS };
    for (const key of Object.keys(SETTINGS) as EndpointKey[]) {
      const { section, env } = SETTINGS[key];
      const [group, ...rest] = section.split('.');
      const inspected = vscode.workspace.getConfiguration(group).inspect<string>(rest.join('.'));
      const fromEnv = this.env[env];
      const raw = fromEnv || inspected?.globalValue || DEFAULT_ENDPOINTS[key];
      const check = checkEndpoint(raw);
      if (!check.ok) {
        const reason =
          check.reason === 'insecure'
            ? vscode.l10n.t('{0} must use https:// (plain http:// is only allowed to this machine).', fromEnv ? env : section)
            : vscode.l10n.t('{0} is not a valid https:// URL.', fromEnv ? env : section);
        throw new EndpointError(fromEnv ? env : section, check.url, reason);
      }
      result[key] = check.url;
    }
    return result;
  }

  /** The environment variables that decide where requests (and the token) go instead of the settings. */
  overrides(): { readonly variable: string; readonly value: string }[] {
    return Object.values(SETTINGS)
      .map(({ env }) => ({ variable: env, value: this.env[env]?.trim() ?? '' }))
      .filter((o) => o.value !== '');
  }

  /**
   * One sentence naming the overrides, or undefined when there are none.
   * Anything that sets the extension host's environment (a dev container, a
   * launcher script) could move the token's destination: the person must see it.
   */
  describeOverrides(): string | undefined {
    const overrides = this.overrides();
    if (overrides.length === 0) {
      return undefined;
    }
    return vscode.l10n.t(
      'Environment variables decide where your Fax.Plus credentials are sent: {0}.',
      overrides.map((o) => `${o.variable}=${o.value}`).join(', '),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
