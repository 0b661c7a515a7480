import type { CommandId } from '../manifest/commandIds';

/**
 * A contributed command. Handlers receive whatever the surface passes (a tree
 * item, an explorer URI and selection, or a plain argument object from a
 * keybinding, task or test) and must never wait for a person when driven by a
 * plain object.
 */
export interface Command {
  readonly id: CommandId;
  execute(...args: unknown[]): unknown;
}
