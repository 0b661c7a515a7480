import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, startEmulator } from '../../emulator';
import { api, upload } from './client';

describe('emulator: webhooks and incoming faxes', () => {
  let emu: Emulator;
  let receiver: http.Server;
  let target: string;
  const received: { event: string; id: string }[] = [];
  before(async () => {
    emu = await startEmulator({ seedFaxes: 5, speed: 0 });
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const json = JSON.parse(body) as { hook: { event: string }; data: { id: string } };
        received.push({ event: json.hook.event, id: json.data.id });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  after(async () => {
    await emu.stop();
    await new Promise((r) => receiver.close(r));
  });

  it('a received fax appears at the top of the inbox, unread, and is announced to fax_received hooks', async () => {
    const token = emu.demoTokens.fullAccess;
    await api(emu, 'POST', '/hooks', { token, json: { target, event: 'fax_received' } });
    emu.clock.advance(1000);
    const fax = emu.receiveFax({ from: '+13125550100', pages: 3 });
    const top = (await api(emu, 'GET', '/accounts/self/faxes?category=inbox&limit=1', { token })).json.data.records[0];
    assert.equal(top.id, fax.id);
    assert.equal(top.is_read, false);
    await emu.webhooksIdle();
    assert.deepEqual(received.pop(), { event: 'fax_received', id: fax.id });
  });

  it('announces a sent fax to fax_sent hooks when the outbox finishes', async () => {
    const token = emu.demoTokens.fullAccess;
    await api(emu, 'POST', '/hooks', { token, json: { target, event: 'fax_sent' } });
    const path = (await upload(emu, token)).json.path;
    const res = await api(emu, 'POST', '/accounts/self/outbox', {
      token,
      json: { from: emu.state.numbers()[0].number, to: ['+12125550100'], files: [path], return_ids: true },
    });
    emu.clock.advance(10_000);
    emu.state.outbox(); // settles, as the next API call or the background tick would
    await emu.webhooksIdle();
    assert.deepEqual(received.pop(), { event: 'fax_sent', id: emu.sentIdOf(res.json.ids['+12125550100']) });
    assert.equal(emu.webhookDeliveries[emu.webhookDeliveries.length - 1].status, 200);
  });
});
