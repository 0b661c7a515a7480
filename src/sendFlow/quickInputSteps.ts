import * as vscode from 'vscode';
import type { StepAnswer, StepPosition } from './prompter';

export interface PickStepSetup<I extends vscode.QuickPickItem, R> {
  readonly title: string;
  readonly position?: StepPosition;
  readonly placeholder?: string;
  readonly value?: string;
  /** Items for the current value (called again whenever the person types). */
  readonly items: (value: string) => readonly I[];
  /** Rebuild the items as the person types (otherwise VS Code only filters them). */
  readonly itemsFollowValue?: boolean;
  readonly activeItem?: (items: readonly I[]) => I | undefined;
  /** The answer for Enter, or undefined to stay on the step (after changing `pick.value`, say). */
  readonly accept: (item: I | undefined, pick: vscode.QuickPick<I>) => StepAnswer<R> | undefined;
}

/** One QuickPick step with Back (when there is a step before) and Escape as cancel; everything is disposed. */
export function pickStep<I extends vscode.QuickPickItem, R>(setup: PickStepSetup<I, R>): Promise<StepAnswer<R>> {
  const pick = vscode.window.createQuickPick<I>();
  const disposables: vscode.Disposable[] = [pick];
  pick.title = setup.title;
  pick.placeholder = setup.placeholder;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  if (setup.position) {
    pick.step = setup.position.step;
    pick.totalSteps = setup.position.totalSteps;
    pick.buttons = setup.position.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  }
  const refresh = () => {
    const items = setup.items(pick.value);
    pick.items = items;
    const active = setup.activeItem?.(items);
    if (active) pick.activeItems = [active];
  };
  pick.value = setup.value ?? '';
  refresh();
  return new Promise<StepAnswer<R>>((resolve) => {
    let settled = false;
    const settle = (answer: StepAnswer<R>) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      // Disposing hides the pick; the hide handler then finds the step settled.
      for (const d of disposables.splice(0).reverse()) d.dispose();
    };
    disposables.push(
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) settle({ kind: 'back' });
      }),
      pick.onDidAccept(() => {
        const answer = setup.accept(pick.activeItems[0], pick);
        if (answer) settle(answer);
        else if (setup.itemsFollowValue) refresh();
      }),
      pick.onDidHide(() => settle({ kind: 'cancel' })),
    );
    if (setup.itemsFollowValue) disposables.push(pick.onDidChangeValue(refresh));
    pick.show();
  });
}

export interface InputStepSetup {
  readonly title: string;
  readonly position?: StepPosition;
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  /** A message while the value cannot be used; undefined when it can. */
  readonly validate: (value: string) => string | undefined;
}

/** One InputBox step with Back and Escape; accepts only a value that validates. */
export function inputStep(setup: InputStepSetup): Promise<StepAnswer<string>> {
  const input = vscode.window.createInputBox();
  const disposables: vscode.Disposable[] = [input];
  input.title = setup.title;
  input.prompt = setup.prompt;
  input.placeholder = setup.placeholder;
  input.value = setup.value ?? '';
  input.ignoreFocusOut = true;
  if (setup.position) {
    input.step = setup.position.step;
    input.totalSteps = setup.position.totalSteps;
    input.buttons = setup.position.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  }
  input.validationMessage = undefined;
  return new Promise<StepAnswer<string>>((resolve) => {
    let settled = false;
    const settle = (answer: StepAnswer<string>) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      for (const d of disposables.splice(0).reverse()) d.dispose();
    };
    disposables.push(
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) settle({ kind: 'back' });
      }),
      input.onDidChangeValue((value) => {
        input.validationMessage = value.trim() ? setup.validate(value) : undefined;
      }),
      input.onDidAccept(() => {
        const problem = setup.validate(input.value);
        input.validationMessage = problem;
        if (problem === undefined) settle({ kind: 'next', value: input.value.trim() });
      }),
      input.onDidHide(() => settle({ kind: 'cancel' })),
    );
    input.show();
  });
}

export function icon(name: string, text: string): string {
  return `$(${name}) ${text}`;
}
