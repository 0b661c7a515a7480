/**
 * Reading a command's argument. Surfaces pass a tree node (with `kind`), a
 * plain argument object (keybindings, tasks, tests) or nothing (palette).
 */
export type ArgObject = Readonly<Record<string, unknown>>;

/** The plain argument object, if the command got one (tree nodes are not). */
export function plainArgs(arg: unknown): ArgObject | undefined {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || 'kind' in arg) {
    return undefined;
  }
  return arg as ArgObject;
}

export function stringArg(args: ArgObject | undefined, key: string): string | undefined {
  const value = args?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Confirmations are skipped only when the caller says so explicitly. */
export function confirmationWaived(args: ArgObject | undefined): boolean {
  return args?.confirm === false;
}
