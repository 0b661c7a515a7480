import { confirmationWaived, type ArgObject } from './commandArgs';
import type { Notifier } from '../../util/notifier';

/**
 * A modal question before something that cannot be undone. Only an argument
 * object saying `confirm: false` skips it (automation that already decided).
 */
export async function confirmed(
  notifier: Notifier,
  args: ArgObject | undefined,
  message: string,
  detail: string,
  action: string,
): Promise<boolean> {
  if (confirmationWaived(args)) {
    return true;
  }
  return (await notifier.ask(message, { detail }, action)) === action;
}
