import * as vscode from 'vscode';

/** A port whose implementation the integration host may swap for a scripted one (ExtensionMode.Test only). */
export interface SwitchablePort<T extends object> {
  /** Give this to the class that uses the port; every call goes to the current implementation. */
  readonly port: T;
  /** Replaces the implementation until the returned disposable is disposed. */
  use(implementation: T): vscode.Disposable;
}

export function switchablePort<T extends object>(initial: T): SwitchablePort<T> {
  // The newest replacement still in use wins; disposing one removes just it, in any order
  // (a test that restores its replacements first-in-first-out must not leave one behind).
  const replacements: { readonly implementation: T }[] = [];
  const current = () => replacements.at(-1)?.implementation ?? initial;
  const port = new Proxy(initial, {
    get: (_target, key) => {
      const target = current();
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    port,
    use(implementation) {
      const entry = { implementation };
      replacements.push(entry);
      return new vscode.Disposable(() => {
        const index = replacements.indexOf(entry);
        if (index >= 0) replacements.splice(index, 1);
      });
    },
  };
}
