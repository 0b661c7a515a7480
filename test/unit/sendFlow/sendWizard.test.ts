import * as assert from 'node:assert/strict';
import type { Prompter, StepAnswer } from '../../../src/sendFlow/prompter';
import type { SendOptions } from '../../../src/sendFlow/sendOptions';
import { SendWizard, type WizardInput } from '../../../src/sendFlow/sendWizard';

type Step = 'recipients' | 'sender' | 'options' | 'confirm';

/** Answers each step from a script and records what was asked, in order. */
function scripted(
  answers: Array<[Step, StepAnswer<unknown>]>,
): Prompter & { asked: Array<{ step: Step; position: string; detail?: unknown }> } {
  const asked: Array<{ step: Step; position: string; detail?: unknown }> = [];
  const next = (step: Step, position: { step: number; totalSteps: number; canGoBack: boolean }, detail?: unknown) => {
    asked.push({ step, position: `${position.step}/${position.totalSteps}${position.canGoBack ? ' back' : ''}`, detail });
    const [expected, answer] = answers.shift() ?? [step, { kind: 'cancel' }];
    assert.equal(step, expected, `asked ${step}, the script expected ${expected}`);
    return Promise.resolve(answer as never);
  };
  return {
    asked,
    pickFiles: () => Promise.resolve(undefined),
    askToSave: () => Promise.resolve(false),
    askRecipients: (q) => next('recipients', q, q.initial),
    askSender: (q) => next('sender', q, q.suggested),
    askOptions: (q) => next('options', q, q.current),
    confirm: (q) =>
      next(
        'confirm',
        q,
        q.lines.map((l) => l.label),
      ),
    previewRendered: () => Promise.resolve(false),
    confirmChatSend: () => Promise.resolve(false),
  };
}

const options: SendOptions = { retry: {}, enhancement: false };
const input = (over: Partial<WizardInput> = {}): WizardInput => ({
  optionsDecided: false,
  options,
  recent: [],
  numbers: ['+15550000001'],
  checkRecipients: () => ({ ok: true, recipients: [] }),
  checkSendAt: () => ({ ok: false, message: '' }),
  summary: (c) => [
    { icon: 'person', label: `${c.recipients.join(',')} from ${c.from}${c.options.comment ? ` (${c.options.comment})` : ''}` },
  ],
  ...over,
});

describe('sendFlow: the multi-step input', () => {
  it('goes recipients → from → options → summary, and Back keeps earlier answers', async () => {
    const prompter = scripted([
      ['recipients', { kind: 'next', value: ['+12015550123'] }],
      ['sender', { kind: 'next', value: '+15550000001' }],
      ['options', { kind: 'back' }],
      ['sender', { kind: 'next', value: '+15550000002' }],
      ['options', { kind: 'next', value: { ...options, comment: 'c' } }],
      ['confirm', { kind: 'back' }],
      ['options', { kind: 'next', value: { ...options, comment: 'd' } }],
      ['confirm', { kind: 'next', value: true }],
    ]);
    const choices = await new SendWizard(prompter).run(input());
    assert.deepEqual(choices, { recipients: ['+12015550123'], from: '+15550000002', options: { ...options, comment: 'd' } });
    assert.deepEqual(
      prompter.asked.map((a) => `${a.step} ${a.position}`),
      [
        'recipients 1/4',
        'sender 2/4 back',
        'options 3/4 back',
        'sender 2/4 back',
        'options 3/4 back',
        'confirm 4/4 back',
        'options 3/4 back',
        'confirm 4/4 back',
      ],
    );
    assert.equal(prompter.asked[3].detail, '+15550000001', 'the sender step shown again starts from the earlier choice');
    assert.deepEqual(prompter.asked[6].detail, { ...options, comment: 'c' }, 'the options step shown again starts from the earlier choice');
    assert.deepEqual(prompter.asked[7].detail, ['+12015550123 from +15550000002 (d)'], 'the summary shows the final choices');
  });

  it('shows only the summary when the arguments decided everything, without Back', async () => {
    const prompter = scripted([['confirm', { kind: 'next', value: true }]]);
    const choices = await new SendWizard(prompter).run(input({ recipients: ['+12015550123'], from: 'no_number', optionsDecided: true }));
    assert.deepEqual(choices?.from, 'no_number');
    assert.deepEqual(
      prompter.asked.map((a) => `${a.step} ${a.position}`),
      ['confirm 1/1'],
    );
  });

  it('stops on Escape at any step, and Back on the first step stays there', async () => {
    const prompter = scripted([
      ['recipients', { kind: 'back' }],
      ['recipients', { kind: 'next', value: ['+12015550123'] }],
      ['sender', { kind: 'cancel' }],
    ]);
    assert.equal(await new SendWizard(prompter).run(input()), undefined);
    assert.equal(prompter.asked.length, 3);
  });
});
