import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sendConfirmation, sendSummaryLines } from '../../../src/chat/sendConfirmation';
import { CHAT_TOOLS } from '../../../src/chat/chatToolNames';

describe('chat: what the person approves', () => {
  const facts = {
    draftId: 'draft-1',
    recipients: ['+16175550199', '+442079460958'],
    from: '+16175550100',
    pages: 3,
    documents: ['referral.md.pdf', 'cover.md.pdf'],
  };

  it('names recipients, sender, page count and documents, one line each', () => {
    assert.deepEqual(sendSummaryLines(facts), [
      'To: +1 617 555 0199, +44 20 7946 0958',
      'From: +1 617 555 0100',
      'Pages: 3',
      'Documents: referral.md.pdf, cover.md.pdf',
      'Draft: draft-1, asked for in chat.',
    ]);
    assert.deepEqual(sendSummaryLines({ ...facts, from: 'no_number', pages: undefined, comment: 'lab results' }).slice(1, 5), [
      'From: no number (Fax.Plus chooses)',
      'Pages: counted by Fax.Plus',
      'Documents: referral.md.pdf, cover.md.pdf',
      'Comment: lab results',
    ]);
  });

  it("VS Code's confirmation is always given: the summary, or a warning when the request will be refused", () => {
    assert.deepEqual(sendConfirmation(facts), { title: 'Send a fax?', message: sendSummaryLines(facts).join('  \n') });
    const refusedLater = sendConfirmation(undefined);
    assert.equal(refusedLater.title, 'Send a fax?');
    assert.match(refusedLater.message, /may be refused/);
  });

  it('the tool names are the ones package.json contributes, each with a description, schema, icon and reference name', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: {
        languageModelTools: {
          name: string;
          modelDescription: string;
          inputSchema: { type: string };
          icon: string;
          toolReferenceName: string;
        }[];
      };
      engines: { vscode: string };
    };
    const tools = pkg.contributes.languageModelTools;
    assert.deepEqual(tools.map((t) => t.name).sort(), Object.values(CHAT_TOOLS).sort());
    for (const tool of tools) {
      assert.ok(tool.modelDescription.length > 100, tool.name);
      assert.equal(tool.inputSchema.type, 'object');
      assert.match(tool.icon, /^\$\([a-z-]+\)$/);
      assert.match(tool.toolReferenceName, /^[a-zA-Z]+$/);
    }
    assert.equal(pkg.engines.vscode, '^1.95.0', 'the lowest VS Code with the stable language-model tools API');
  });
});
