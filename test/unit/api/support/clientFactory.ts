import type { Credential, CredentialsProvider } from '../../../../src/api/credentials';
import { FaxPlusClient, type FaxPlusClientOptions } from '../../../../src/api/faxPlusClient';
import type { Logger } from '../../../../src/api/logger';

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  debug(m: string) {
    this.lines.push(`debug ${m}`);
  }
  info(m: string) {
    this.lines.push(`info ${m}`);
  }
  warn(m: string) {
    this.lines.push(`warn ${m}`);
  }
  error(m: string) {
    this.lines.push(`error ${m}`);
  }
}

export function staticCredentials(credential: Credential | undefined): CredentialsProvider {
  return { getCredential: async () => credential };
}

export interface TestClient {
  readonly client: FaxPlusClient;
  readonly logger: RecordingLogger;
  /** Delays the client asked to sleep for (it does not really wait). */
  readonly sleeps: number[];
}

export const TEST_TOKEN = 'alohi_pat_TESTtoken1234567890';

export function makeClient(baseUrl: string, overrides: Partial<FaxPlusClientOptions> = {}): TestClient {
  const logger = new RecordingLogger();
  const sleeps: number[] = [];
  const client = new FaxPlusClient({
    baseUrl,
    credentials: staticCredentials({ token: TEST_TOKEN, kind: 'pat' }),
    logger,
    userAgent: 'faxplus-vscode/0.1.0-test',
    env: {},
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, logger, sleeps };
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
