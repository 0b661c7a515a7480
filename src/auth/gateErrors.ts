import { UserNotifiedError } from '../util/userNotifiedError';

/** The command was refused before any request: nobody is signed in. */
export class NotSignedInError extends UserNotifiedError {
  constructor(message: string) {
    super(message);
    this.name = 'NotSignedInError';
  }
}

/** The command was refused before any request: the token lacks a scope. */
export class NotPermittedError extends UserNotifiedError {
  constructor(
    message: string,
    readonly refusedOperations: readonly string[],
    readonly wouldPermit: readonly (readonly string[])[],
  ) {
    super(message);
    this.name = 'NotPermittedError';
  }
}
