import type { Prompter, RecipientsCheck, StepAnswer, StepPosition } from './prompter';
import type { SendOptions } from './sendOptions';
import type { SummaryLine } from './sendSummary';
import type { Contact } from '../contacts/contact';

/** Everything the steps decide. */
export interface SendChoices {
  recipients: string[];
  from: string;
  options: SendOptions;
}

export interface WizardInput {
  /** Known before asking (from arguments); a step is shown only for what is missing. */
  readonly recipients?: string[];
  readonly from?: string;
  /** True when the options are already decided (an argument object) and need no step. */
  readonly optionsDecided: boolean;
  readonly options: SendOptions;
  readonly recent: readonly string[];
  readonly numbers: readonly string[] | undefined;
  readonly suggestedFrom?: string;
  readonly checkRecipients: (text: string) => RecipientsCheck;
  readonly contacts?: (query: string) => readonly Contact[];
  readonly display?: (e164: string) => string;
  readonly checkSendAt: (text: string) => { ok: true; date: Date } | { ok: false; message: string };
  readonly summary: (choices: SendChoices) => SummaryLine[];
}

interface Step {
  ask(position: StepPosition): Promise<StepAnswer<unknown>>;
}

/**
 * The multi-step input: recipients → from → options → summary, with Back
 * between the steps it shows. Answers are kept when going back, so a step
 * shown again starts from what was chosen before.
 */
export class SendWizard {
  constructor(private readonly prompter: Prompter) {}

  async run(input: WizardInput): Promise<SendChoices | undefined> {
    const choices: Partial<SendChoices> = { recipients: input.recipients, from: input.from, options: input.options };
    let recipientsText = input.recipients?.join(', ') ?? '';
    const steps: Step[] = [];
    if (!input.recipients) {
      steps.push({
        ask: async (position) => {
          const answer = await this.prompter.askRecipients({
            ...position,
            initial: recipientsText,
            recent: input.recent,
            check: input.checkRecipients,
            contacts: input.contacts,
            display: input.display,
          });
          if (answer.kind === 'next') {
            choices.recipients = answer.value;
            recipientsText = answer.value.join(', ');
          }
          return answer;
        },
      });
    }
    if (input.from === undefined) {
      steps.push({
        ask: async (position) => {
          const answer = await this.prompter.askSender({
            ...position,
            numbers: input.numbers,
            suggested: choices.from ?? input.suggestedFrom,
          });
          if (answer.kind === 'next') choices.from = answer.value;
          return answer;
        },
      });
    }
    if (!input.optionsDecided) {
      steps.push({
        ask: async (position) => {
          const answer = await this.prompter.askOptions({
            ...position,
            current: choices.options ?? input.options,
            checkSendAt: input.checkSendAt,
          });
          if (answer.kind === 'next') choices.options = answer.value;
          return answer;
        },
      });
    }
    steps.push({ ask: (position) => this.prompter.confirm({ ...position, lines: input.summary(complete(choices)) }) });

    for (let index = 0; index < steps.length;) {
      const answer = await steps[index].ask({ step: index + 1, totalSteps: steps.length, canGoBack: index > 0 });
      if (answer.kind === 'cancel') return undefined;
      index = answer.kind === 'back' ? Math.max(0, index - 1) : index + 1;
    }
    return complete(choices);
  }
}

function complete(choices: Partial<SendChoices>): SendChoices {
  if (!choices.recipients || choices.from === undefined || !choices.options) {
    throw new Error('The send wizard reached the summary with a step unanswered');
  }
  return { recipients: choices.recipients, from: choices.from, options: choices.options };
}
