import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { type Emulator, startEmulator } from '../../emulator';
import { api, http, upload } from './client';

/*
 * The link knob is a feature of the emulator: its delays are lower bounds it
 * promises (a request cannot be answered before the configured round trip or
 * before its bytes crossed the link), not performance figures of our code.
 */
describe('emulator: link (latency and bandwidth)', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 10, latencyMs: 120 });
  });
  after(() => emu.stop());
  afterEach(() => emu.reset());

  const ctl = (method: string, path: string, json?: unknown) => http(emu, method, `${emu.controlUrl}${path}`, { json });
  const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const t0 = performance.now();
    const value = await fn();
    return { value, ms: performance.now() - t0 };
  };

  it('answers an API request no sooner than the configured round trip; control calls are not delayed', async () => {
    const { value, ms } = await timed(() => api(emu, 'GET', '/accounts/self', { token: emu.demoTokens.fullAccess }));
    assert.equal(value.status, 200);
    assert.ok(ms >= 115, `answered after ${ms} ms`);
    assert.deepEqual((await ctl('GET', '/link')).json, { latencyMs: 120, bandwidthMbps: 0 });
    // Requests in flight together each wait one round trip, not one after another.
    const both = await timed(() =>
      Promise.all([
        api(emu, 'GET', '/accounts/self', { token: emu.demoTokens.fullAccess }),
        api(emu, 'GET', '/auth/token', { token: emu.demoTokens.fullAccess }),
      ]),
    );
    assert.deepEqual(
      both.value.map((r) => r.status),
      [200, 200],
    );
  });

  it('is set through the control API and back to the start options by reset', async () => {
    const set = await ctl('POST', '/link', { latencyMs: 0, bandwidthMbps: 8 });
    assert.deepEqual(set.json, { latencyMs: 0, bandwidthMbps: 8 });
    assert.deepEqual(emu.link, { latencyMs: 0, bandwidthMbps: 8 });
    assert.equal((await ctl('POST', '/link', { latencyMs: -1 })).status, 400);
    assert.equal((await ctl('GET', '/')).json.link.bandwidthMbps, 8);
    emu.reset();
    assert.deepEqual(emu.link, { latencyMs: 120, bandwidthMbps: 0 });
  });

  it('paces request bodies at the link rate and delivers every byte', async () => {
    emu.link.latencyMs = 0;
    emu.link.bandwidthMbps = 8; // 1 MB/s: 200 KB need ≥ 200 ms
    const content = Buffer.alloc(200_000, 7);
    const { value, ms } = await timed(() => upload(emu, emu.demoTokens.fullAccess, 'big.pdf', content));
    assert.equal(value.status, 200);
    const stored = emu.state.files().find((f) => f.path === value.json.path);
    assert.ok(stored?.content?.equals(content), 'the uploaded bytes arrive intact');
    assert.ok(ms >= 190, `uploaded after ${ms} ms`);
  });

  it('paces response bodies at the link rate and delivers every byte', async () => {
    emu.link.latencyMs = 0;
    const fax = emu.state.faxes('inbox')[0];
    const unpaced = await api(emu, 'GET', `/accounts/self/files/${fax.id}`, { token: emu.demoTokens.fullAccess });
    assert.equal(unpaced.status, 200);
    emu.link.bandwidthMbps = (unpaced.bytes.length * 8) / 1e6 / 0.2; // the document takes 200 ms
    const { value, ms } = await timed(() => api(emu, 'GET', `/accounts/self/files/${fax.id}`, { token: emu.demoTokens.fullAccess }));
    assert.ok(value.bytes.equals(unpaced.bytes), 'the same document arrives');
    assert.ok(ms >= 190, `downloaded after ${ms} ms`);
  });
});
