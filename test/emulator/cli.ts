/* Starts the emulator for manual use: `npm run emulator -- --port 8787 --seed-faxes 200 --speed 10 --latency-ms 100 --bandwidth-mbps 50 --variant sentFaxIds=kept --variants hostile`. */
import { startEmulator } from './index';
import { describeVariants, variantsFromArgv, type EmulatorVariants } from './variants';

function variantsFromFlags(): EmulatorVariants {
  try {
    return variantsFromArgv(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) {
    return undefined;
  }
  const a = args[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
}

function numberFlag(name: string): number | undefined {
  const v = flag(name);
  if (v === undefined) {
    return undefined;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) {
    console.error(`--${name} needs a number, got ${v}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const emu = await startEmulator({
    port: numberFlag('port') ?? 0,
    seedFaxes: numberFlag('seed-faxes'),
    speed: numberFlag('speed'),
    seed: numberFlag('seed'),
    variants: variantsFromFlags(),
    latencyMs: numberFlag('latency-ms'),
    bandwidthMbps: numberFlag('bandwidth-mbps'),
  });
  const lines = [
    'Fax.Plus emulator running',
    `  API base URL   ${emu.apiUrl}`,
    `  OAuth login    ${emu.loginUrl}`,
    `  OAuth token    ${emu.tokenUrl}`,
    `  OAuth client   ${emu.oauthClient.id}  secret ${emu.oauthClient.secret}`,
    `  Control        ${emu.controlUrl}/`,
    `  Clock speed    ${emu.clock.speed}`,
    `  Variants       ${describeVariants(emu.variants)}`,
    `  Link           ${emu.link.latencyMs} ms per request, ${emu.link.bandwidthMbps ? `${emu.link.bandwidthMbps} Mbit/s` : 'unlimited bandwidth'}`,
    '  Demo tokens (local emulator only):',
    ...Object.entries(emu.demoTokens).map(([k, v]) => `    ${k.padEnd(13)} ${v}`),
    `  Accounts       admin ${emu.accounts.admin}, member ${emu.accounts.member}`,
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
  const stop = () => {
    void emu.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
