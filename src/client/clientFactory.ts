import type { FaxPlusClient } from '../api/faxPlusClient';
import type { CredentialsProvider } from '../api/credentials';
import type { Logger } from '../api/logger';
import type { EndpointSettings } from '../config/endpointSettings';
import { proxyOptionsFromSettings } from '../config/proxySettings';

/**
 * Builds Fax.Plus clients that send requests where the user's (application)
 * settings say, through VS Code's proxy settings (`http.proxy`, `http.noProxy`, …).
 */
export class ClientFactory {
  constructor(
    private readonly endpoints: EndpointSettings,
    private readonly logger: Logger,
    private readonly userAgent: string,
  ) {}

  /** Throws EndpointError when the configured API URL is not allowed. Dispose the client after use. */
  create(credentials: CredentialsProvider): FaxPlusClient {
    const { apiBaseUrl } = this.endpoints.resolve();
    // The client (parsers, transport, undici) loads on the first request, not at activation: the build maps this require to dist/client.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FaxPlusClient: Client } = require('../api/faxPlusClient') as typeof import('../api/faxPlusClient');
    return new Client({
      baseUrl: apiBaseUrl,
      credentials,
      logger: this.logger,
      userAgent: this.userAgent,
      proxy: proxyOptionsFromSettings(),
    });
  }
}
