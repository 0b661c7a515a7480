/**
 * Where the client's per-request overhead goes: N getAccount() calls against
 * the emulator (child process) under the V8 profiler, e.g.
 *   node --cpu-prof --cpu-prof-dir out/bench --import tsx test/bench/tools/profile-client.ts [--requests 20000] [--raw]
 *   node test/bench/tools/summarize-profile.mjs out/bench/CPU.*.cpuprofile
 * --raw profiles undici.request + body.json() instead, for the difference.
 */
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { benchClient } from '../lib/clientMeasures';
import { startEmulatorProcess } from '../lib/emulatorProcess';

const i = process.argv.indexOf('--requests');
const N = i >= 0 ? Number(process.argv[i + 1]) : 20_000;

async function main(): Promise<void> {
  const target = await startEmulatorProcess(join(__dirname, '..', '..', '..'));
  const client = benchClient(target);
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  try {
    const raw = async () =>
      (
        await request(`${target.apiUrl}/accounts/self`, {
          dispatcher: agent,
          headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' },
        })
      ).body.json();
    const one = process.argv.includes('--raw') ? raw : () => client.getAccount();
    const t0 = performance.now();
    for (let k = 0; k < N; k++) {
      await one();
    }
    console.log(`${N} requests, ${((performance.now() - t0) / N).toFixed(3)} ms each`);
  } finally {
    client.dispose();
    await agent.close();
    await target.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
