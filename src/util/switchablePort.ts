import * as vscode from 'vscode';

/** A port whose implementation the integration host may swap for a scripted one (ExtensionMode.Test only). */
export interface SwitchablePort<T extends object> {
  /** Give this to the class that uses the port; every call goes to the current implementation. */
  readonly port: T;
  /** Replaces the implementation until the returned disposable is disposed. */
  use(implementation: T): vscode.Disposable;
}

export function switchablePort<T extends object>(initial: T): SwitchablePort<T> {
  let current = initial;
  const port = new Proxy(initial, {
    get: (_target, key) => {
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  return {
    port,
    use(implementation) {
      const previous = current;
      current = implementation;
      return new vscode.Disposable(() => (current = previous));
    },
  };
}
