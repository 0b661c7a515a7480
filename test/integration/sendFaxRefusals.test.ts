import * as assert from 'assert';
import * as fs from 'fs/promises';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import Ajv from 'ajv';
import { forgetSentFaxes, hideFaxPlusViews, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { SilentPrompter } from './support/scriptedPrompter';

const RECIPIENT = '+12015550123';
const MB = 1024 * 1024;

describe('Send as fax: refusals before anything is uploaded, and the outbox payload', () => {
  let env: TestEnvironment;
  let restore: vscode.Disposable;
  let dir: string;

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    // These tests count requests: no view may be loading or polling beside them.
    await hideFaxPlusViews();
    dir = path.join(process.env.FAXPLUS_TEST_TMP ?? vscode.workspace.workspaceFolders![0].uri.fsPath, 'send-refusals');
    await fs.mkdir(dir, { recursive: true });
    restore = env.api.sendUi.usePrompter(new SilentPrompter());
  });

  after(() => restore.dispose());

  afterEach(() => forgetSentFaxes());

  beforeEach(() => {
    env.emulator.reset({ keepTokens: true });
    env.emulator.clearRequests();
    env.emulator.faults.clear();
  });

  const from = () =>
    env.emulator.state.numbers().find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
  const file = async (name: string, size: number, sparse = false) => {
    const p = path.join(dir, name);
    if (sparse) {
      await fs.writeFile(p, '');
      await fs.truncate(p, size);
    } else {
      await fs.writeFile(p, Buffer.alloc(size, 'a'));
    }
    return vscode.Uri.file(p).toString();
  };
  const letter = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'letter.txt').toString();

  /** Runs the command as automation and returns what the person was told; the emulator must have seen no request. */
  async function refused(args: unknown): Promise<string> {
    const notices = new Notices(env.api);
    const before = notices.mark();
    const result = await vscode.commands.executeCommand('faxplus.sendFax', args);
    assert.strictEqual(result, undefined, 'nothing was sent');
    assert.deepStrictEqual(
      env.emulator.requests.map((r) => r.operationId),
      [],
      'no request reached Fax.Plus',
    );
    const refusals = notices.refusalsSince(before);
    assert.strictEqual(refusals.length, 1, `the refusal was shown once: ${refusals.join(' | ')}`);
    return refusals[0];
  }

  it('a binary file of a type Fax.Plus does not accept, naming the accepted types', async () => {
    const p = path.join(dir, 'archive.bin');
    await fs.writeFile(p, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]));
    const message = await refused({ files: [vscode.Uri.file(p).toString()], to: [RECIPIENT], from: from(), confirm: false });
    assert.match(
      message,
      /Cannot fax archive\.bin: it is not text, and the other types a fax can carry are PDF, DOC, DOCX, TXT, RTF, JPG, JPEG, PNG, TIF, TIFF, XLS, XLSX/,
    );
  });

  it('eleven files', async () => {
    const files = await Promise.all(Array.from({ length: 11 }, (_, i) => file(`page-${i}.txt`, 100)));
    assert.match(await refused({ files, to: [RECIPIENT], from: from(), confirm: false }), /11 files selected: a fax can carry at most 10/);
  });

  it('more than 150 MB in total (a sparse 151 MB file)', async () => {
    const big = await file('scan.tiff', 151 * MB, true);
    assert.match(
      await refused({ files: [big], to: [RECIPIENT], from: from(), confirm: false }),
      /The files total 151 MB: a fax can carry at most 150 MB/,
    );
  });

  it('an empty file', async () => {
    assert.match(
      await refused({ files: [await file('empty.pdf', 0)], to: [RECIPIENT], from: from(), confirm: false }),
      /Cannot fax empty\.pdf: the file is empty/,
    );
  });

  it('a file that does not exist', async () => {
    assert.match(
      await refused({ files: [vscode.Uri.file(path.join(dir, 'missing.pdf')).toString()], to: [RECIPIENT], from: from(), confirm: false }),
      /Cannot read .*missing\.pdf/,
    );
  });

  it('bad numbers, each named by position with its reason', async () => {
    const message = await refused({ files: [letter()], to: [RECIPIENT, 'fax office', '+1 201'], from: from(), confirm: false });
    // Letters may be a contact's name: the message says neither a contact nor a number.
    assert.match(message, /Recipient 2 \("fax office"\): no contact has this name, and it is not a fax number\./);
    assert.match(message, /Recipient 3 \("\+1 201"\): too short/);
  });

  it('4,001 recipients', async () => {
    const to = Array.from({ length: 4001 }, (_, i) => `+1201555${String(i).padStart(4, '0')}`);
    assert.match(
      await refused({ files: [letter()], to, from: from(), confirm: false }),
      /4001 recipients: a fax can go to at most 4000 numbers/,
    );
  });

  it('automation without recipients, or with a misspelt argument', async () => {
    assert.match(await refused({ files: [letter()], from: from(), confirm: false }), /"to" is missing/);
    assert.match(
      await refused({ files: [letter()], to: [RECIPIENT], sendat: '2030-01-01T09:00', confirm: false }),
      /Unknown property "sendat"/,
    );
  });

  it('a send time in the past', async () => {
    assert.match(
      await refused({ files: [letter()], to: [RECIPIENT], from: from(), sendAt: '2020-01-01T09:00:00Z', confirm: false }),
      /is in the past/,
    );
  });

  it('a token without a scope that permits sending: refused first, nothing uploaded', async () => {
    const token = env.emulator.issuePat({ scopes: ['fax:fax:read', 'fax:numbers:read'], name: 'read only' });
    await signInWith(token);
    env.emulator.clearRequests();
    try {
      assert.strictEqual(env.api.contextKeys.get('faxplus.can.sendFax'), false, 'the menus are hidden');
      const message = await refused({ files: [letter()], to: [RECIPIENT], from: from(), confirm: false });
      assert.match(
        message,
        /cannot do this: it needs the scope fax:fax:edit or fax:all:edit\. /,
        'upload and send need the same scopes: named once',
      );
    } finally {
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
  });

  it('a member without a number of their own: automation sends from no_number without asking', async () => {
    const token = env.emulator.issuePat({
      scopes: ['fax:all:edit'],
      name: 'member without number',
      account: env.emulator.accounts.memberWithoutNumber,
    });
    await signInWith(token);
    env.emulator.clearRequests();
    try {
      const ids = await vscode.commands.executeCommand('faxplus.sendFax', { files: [letter()], to: [RECIPIENT], confirm: false });
      assert.deepStrictEqual(Object.keys(ids ?? {}), [RECIPIENT]);
      assert.deepStrictEqual(
        env.emulator.requests.map((r) => r.operationId).filter((o) => o !== 'getBalance'),
        ['listNumbers', 'uploadFile', 'sendFax'],
        'the balance refresh after a send aside',
      );
      assert.strictEqual((env.emulator.requests.find((r) => r.operationId === 'sendFax')?.bodyJson as { from: string }).from, 'no_number');
    } finally {
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
  });

  it('the outbox payload with cover page, schedule, retries, enhancement and comment matches PayloadOutbox', async () => {
    const sendAt = new Date(Date.now() + 3 * 86_400_000);
    sendAt.setMilliseconds(0);
    const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', {
      files: [letter()],
      to: [RECIPIENT, '+442079460958'],
      from: from(),
      coverPage: {
        to: 'Dr. Example',
        from: 'Front desk',
        subject: 'Referral',
        message: 'Two pages follow.',
        flags: ['urgent', 'confidential'],
      },
      comment: 'case 42',
      sendAt: sendAt.toISOString(),
      retry: { count: 3, delay: 15 },
      enhancement: true,
      confirm: false,
    });
    assert.strictEqual(Object.keys(ids ?? {}).length, 2);
    const body = env.emulator.requests.find((r) => r.operationId === 'sendFax')?.bodyJson as Record<string, unknown>;
    const validate = payloadOutboxValidator(env.extension.extensionPath);
    assert.ok(validate(body), JSON.stringify(validate.errors));
    assert.deepStrictEqual(body.cover_page, {
      name_to: 'Dr. Example',
      name_from: 'Front desk',
      subject: 'Referral',
      message: 'Two pages follow.',
      flags: ['urgent', 'confidential'],
    });
    assert.deepStrictEqual(body.options, { enhancement: true, retry: { count: 3, delay: 15 } });
    assert.deepStrictEqual(body.comment, { text: 'case 42' });
    assert.strictEqual(body.return_ids, true);
    const sendTime = String(body.send_time);
    assert.match(sendTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/, 'YYYY-MM-DD HH:mm:ss +HHMM');
    assert.strictEqual(parseSendTime(sendTime), sendAt.getTime(), 'the same instant as asked');
    const scheduled = env.emulator.state.outbox()[0];
    assert.strictEqual(scheduled.should_enhance, true);
    assert.deepStrictEqual(scheduled.retry, { count: 3, delay: 15 });
  });
});

/** PayloadOutbox from the API description, closed (additionalProperties: false) so a misspelt field fails too. */
function payloadOutboxValidator(extensionPath: string) {
  const spec = parse(readFileSync(path.join(extensionPath, 'test/contract/openapi.yaml'), 'utf8')) as {
    components: { schemas: Record<string, unknown> };
  };
  const close = (schema: unknown): unknown => {
    if (Array.isArray(schema)) return schema.map(close);
    if (!schema || typeof schema !== 'object') return schema;
    const object = Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [
        k,
        k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, close(s)])) : close(v),
      ]),
    );
    return 'properties' in object && !('additionalProperties' in object) ? { ...object, additionalProperties: false } : object;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: { schemas: close(spec.components.schemas) } });
  return ajv.compile({ $ref: 'openapi#/components/schemas/PayloadOutbox' });
}

function parseSendTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text)!;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - offset * 60_000;
}
