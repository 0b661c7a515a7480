/** The three places a credential is sent to, after policy and overrides. */
export interface Endpoints {
  /** REST API base, e.g. https://restapi.fax.plus/v3 */
  readonly apiBaseUrl: string;
  /** OAuth2 authorization page, e.g. https://accounts.fax.plus/login */
  readonly oauthAuthorizeUrl: string;
  /** OAuth2 token endpoint, e.g. https://accounts.fax.plus/token */
  readonly oauthTokenUrl: string;
}

export const DEFAULT_ENDPOINTS: Endpoints = {
  apiBaseUrl: 'https://restapi.fax.plus/v3',
  oauthAuthorizeUrl: 'https://accounts.fax.plus/login',
  oauthTokenUrl: 'https://accounts.fax.plus/token',
};

/** The web app page where users create Personal Access Tokens. */
export const INTEGRATIONS_PAGE_URL = 'https://app.fax.plus/integrations';
