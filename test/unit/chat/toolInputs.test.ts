import * as assert from 'node:assert/strict';
import { parseFaxIdInput, parseListFaxesInput, parsePrepareFaxInput, parseSendFaxInput } from '../../../src/chat/toolInputs';

describe('chat: tool inputs', () => {
  it('listFaxes: defaults to the inbox, 20 lines, no filter', () => {
    assert.deepEqual(parseListFaxesInput({}), {
      ok: true,
      value: { category: 'inbox', unreadOnly: false, since: undefined, number: undefined, limit: 20 },
    });
  });

  it('listFaxes: reads a date as midnight UTC, a date-time as written, and keeps only digits of a number', () => {
    const day = parseListFaxesInput({ since: '2026-12-01', number: '+1 (617) 555' });
    assert.ok(day.ok);
    assert.equal(day.value.since?.toISOString(), '2026-12-01T00:00:00.000Z');
    assert.equal(day.value.number, '1617555');
    const time = parseListFaxesInput({ since: '2026-12-01T08:30:00+01:00', category: 'outbox', limit: 50 });
    assert.ok(time.ok);
    assert.equal(time.value.since?.toISOString(), '2026-12-01T07:30:00.000Z');
  });

  it('listFaxes: names every problem at once', () => {
    const bad = parseListFaxesInput({ category: 'trash', unreadOnly: 'yes', since: 'yesterday', number: 'lab', limit: 500 });
    assert.ok(!bad.ok);
    for (const part of ['"category"', '"unreadOnly"', '"since"', '"number"', '"limit"']) assert.match(bad.message, new RegExp(part));
  });

  it('fax ids: trimmed; anything that cannot be an id is refused with where ids come from', () => {
    assert.deepEqual(parseFaxIdInput({ id: ' 5f3a ' }), { ok: true, value: { id: '5f3a' } });
    const bad = parseFaxIdInput({ id: '../outbox' });
    assert.ok(!bad.ok);
    assert.match(bad.message, /faxplus_listFaxes or faxplus_sendFax/);
  });

  it('prepareFax: files and/or text; a title without extension becomes Markdown', () => {
    assert.deepEqual(parsePrepareFaxInput({ files: [' docs/a.md '], text: 'Hi', title: 'cover letter' }), {
      ok: true,
      value: { files: ['docs/a.md'], text: 'Hi', title: 'cover letter.md', paper: undefined },
    });
    const nothing = parsePrepareFaxInput({ text: '   ' });
    assert.ok(!nothing.ok);
    assert.match(nothing.message, /Give "files".*or "text"/);
    const slash = parsePrepareFaxInput({ text: 'x', title: '../x.md', paper: 'legal' });
    assert.ok(!slash.ok);
    assert.match(slash.message, /"title"/);
    assert.match(slash.message, /"paper"/);
  });

  it('sendFax: a draft id and recipients are required; one number may be a string', () => {
    assert.deepEqual(parseSendFaxInput({ draftId: 'draft-1', to: '+16175550199' }), {
      ok: true,
      value: { draftId: 'draft-1', to: ['+16175550199'], from: undefined, comment: undefined },
    });
    const missing = parseSendFaxInput({});
    assert.ok(!missing.ok);
    assert.match(missing.message, /"draftId" is missing: prepare the fax with faxplus_prepareFax/);
    assert.match(missing.message, /"to" is missing/);
    const badTo = parseSendFaxInput({ draftId: 'd', to: [42] });
    assert.ok(!badTo.ok);
    assert.match(badTo.message, /"to" must be a list of non-empty strings/);
    assert.doesNotMatch(badTo.message, /"to" is missing/);
  });
});
