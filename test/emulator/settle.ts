import type { EmulatorEnv } from './context';
import { settleOutbox } from './lifecycle';

/** Brings the outbox up to the clock and announces faxes that finished sending. */
export function settle(env: EmulatorEnv): void {
  const now = env.clock.now();
  for (const fax of settleOutbox(env.state, now, env.variants.sentFaxIds)) {
    env.webhooks.dispatch(env.state, 'fax_sent', fax, now);
  }
}
