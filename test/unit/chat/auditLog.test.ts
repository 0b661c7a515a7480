import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, auditEntry } from '../../../src/chat/auditLog';

describe('chat: audit log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON line per call, in order, and echoes each to the output channel', async () => {
    const echoed: string[] = [];
    const file = join(dir, 'sub', 'chat-audit.jsonl');
    const log = new AuditLog(
      file,
      (line) => echoed.push(line),
      () => new Date('2026-12-02T05:00:00Z'),
    );
    void log.record({
      tool: 'faxplus_prepareFax',
      outcome: 'ok',
      draftId: 'draft-1',
      pages: 3,
      documents: ['/home/me/docs/referral.md.pdf'],
    });
    await log.record({
      tool: 'faxplus_sendFax',
      outcome: 'declined',
      draftId: 'draft-1',
      recipients: ['+16175550199'],
      from: '+16175550100',
      detail: 'Not sent: the person did not approve the fax. Nothing was uploaded.',
    });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines, [
      {
        time: '2026-12-02T05:00:00.000Z',
        tool: 'faxplus_prepareFax',
        pages: 3,
        documents: ['referral.md.pdf'],
        draftId: 'draft-1',
        outcome: 'ok',
      },
      {
        time: '2026-12-02T05:00:00.000Z',
        tool: 'faxplus_sendFax',
        recipients: ['+16175550199'],
        from: '+16175550100',
        draftId: 'draft-1',
        outcome: 'declined',
        detail: 'Not sent: the person did not approve the fax.',
      },
    ]);
    assert.equal(echoed.length, 2);
    assert.match(echoed[1], /^Chat tool audit: \{.*"outcome":"declined"/);
  });

  it('keeps only the audit fields and the first sentence of a reason', () => {
    const entry = auditEntry({
      time: 't',
      tool: 'faxplus_getFax',
      outcome: 'failed',
      detail: 'Fax.Plus rejected the token. Sign in again. More text.',
      text: 'secret',
    } as never);
    assert.deepEqual(entry, { time: 't', tool: 'faxplus_getFax', outcome: 'failed', detail: 'Fax.Plus rejected the token.' });
  });

  it('a file that cannot be written is said in the output channel, never thrown at the tool', async () => {
    const echoed: string[] = [];
    // A file where the folder should be: the write fails with ENOTDIR.
    writeFileSync(join(dir, 'blocker'), '');
    const log = new AuditLog(join(dir, 'blocker', 'sub', 'audit.jsonl'), (line) => echoed.push(line));
    await log.record({ tool: 'faxplus_listFaxes', outcome: 'ok' });
    assert.match(echoed.at(-1) ?? '', /could not write/);
  });
});
