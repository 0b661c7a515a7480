import type { RetryOptions } from '../api/models';
import type { CoverPageFields } from '../send/coverPageOptions';

/** The choices of the options step, with the settings' values as defaults. */
export interface SendOptions {
  coverPage?: CoverPageFields;
  /** When to send; undefined sends at once. */
  sendAt?: Date;
  /** `count` 0 (or unset) leaves redialling to Fax.Plus's default. */
  retry: RetryOptions;
  enhancement: boolean;
  comment?: string;
}
