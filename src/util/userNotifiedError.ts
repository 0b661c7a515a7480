/**
 * An error the user has already been told about (in a notification or the
 * view). The command registry logs it and settles the command quietly instead
 * of letting VS Code show a second, vaguer notification.
 */
export class UserNotifiedError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'UserNotifiedError';
  }
}
