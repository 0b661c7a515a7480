import { scrubSecrets } from '../api/secretScrubber';

/**
 * Removes secrets from text before it is logged. Known secrets (the token in
 * use, OAuth client secret) are registered at run time; anything shaped like a
 * Fax.Plus PAT or a bearer credential is masked even when it was never
 * registered, so a secret that slips into an error message still never
 * reaches the output channel.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 8) {
      this.secrets.add(secret);
    }
  }

  redact(text: string): string {
    return scrubSecrets(text, [...this.secrets]);
  }
}
