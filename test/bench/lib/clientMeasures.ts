/**
 * The client-side measures shared by `client-bench.ts` and `npm run bench`:
 * request overhead vs raw undici, upload vs curl (with RSS growth), and the
 * first page of `iterateFaxes`. Comparisons are interleaved, run for run, so
 * a noisy neighbour slows both sides alike.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { FaxPlusClient } from '../../../src/api/faxPlusClient';
import { MB, median } from './stats';

export interface Target {
  readonly apiUrl: string;
  readonly token: string;
}

export function benchClient(target: Target): FaxPlusClient {
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  return new FaxPlusClient({
    baseUrl: target.apiUrl,
    credentials: { getCredential: async () => ({ token: target.token, kind: 'pat' }) },
    logger,
    userAgent: 'faxplus-vscode-bench/0',
    env: {},
  });
}

export interface OverheadResult {
  readonly pairs: number;
  readonly clientMs: number;
  readonly rawMs: number;
  /** Median of the per-pair ratios client/raw. */
  readonly ratio: number;
}

/** getAccount() vs `undici.request` + `body.json()` on GET /accounts/self, alternating which goes first. */
export async function measureOverhead(client: FaxPlusClient, target: Target, pairs: number, warmup = 200): Promise<OverheadResult> {
  const rawAgent = new Agent({ keepAliveTimeout: 30_000 });
  const url = `${target.apiUrl}/accounts/self`;
  const raw = async () => {
    const res = await request(url, {
      dispatcher: rawAgent,
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' },
    });
    return res.body.json();
  };
  try {
    for (let i = 0; i < warmup; i++) {
      await client.getAccount();
      await raw();
    }
    const tClient: number[] = [];
    const tRaw: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      let c = 0;
      let r = 0;
      for (const which of i % 2 === 0 ? ['client', 'raw'] : ['raw', 'client']) {
        const t0 = performance.now();
        if (which === 'client') {
          await client.getAccount();
          c = performance.now() - t0;
        } else {
          await raw();
          r = performance.now() - t0;
        }
      }
      tClient.push(c);
      tRaw.push(r);
      ratios.push(c / r);
    }
    return { pairs, clientMs: median(tClient), rawMs: median(tRaw), ratio: median(ratios) };
  } finally {
    await rawAgent.close();
  }
}

/** A file of `bytes` with non-zero content (so nothing on the way can shortcut zeros). */
export async function writeBenchFile(path: string, bytes: number): Promise<void> {
  const block = Buffer.alloc(MB);
  for (let i = 0; i < block.length; i++) {
    block[i] = (i * 31) & 0xff;
  }
  const out = createWriteStream(path);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!out.write(left >= block.length ? block : block.subarray(0, left))) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

export function curlUpload(url: string, token: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(
      'curl',
      [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-H',
        `Authorization: Bearer ${token}`,
        '-F',
        `fax_file=@${file};type=application/pdf`,
        url,
      ],
      (error, stdout) => {
        if (error || stdout.trim() !== '200') {
          reject(error ?? new Error(`curl got ${stdout}`));
        } else {
          resolve(performance.now() - start);
        }
      },
    );
  });
}

export interface UploadResult {
  readonly bytes: number;
  readonly rounds: number;
  readonly clientMBps: number;
  readonly curlMBps: number;
  /** Median of the per-round ratios client/curl throughput. */
  readonly ratio: number;
  /** Largest RSS growth of this process over its RSS just before an upload. */
  readonly peakRssGrowthBytes: number;
}

/** Rounds of client upload then curl upload of the same file (order alternating), with RSS sampled every 5 ms. */
export async function measureUpload(
  client: FaxPlusClient,
  target: Target,
  file: string,
  bytes: number,
  rounds: number,
): Promise<UploadResult> {
  const url = `${target.apiUrl}/accounts/self/files`;
  await client.uploadFile(file); // warm-up both paths (connection, page cache)
  await curlUpload(url, target.token, file);
  const clientMs: number[] = [];
  const curlMs: number[] = [];
  const ratios: number[] = [];
  let peakGrowth = 0;
  const clientRound = async () => {
    (globalThis as { gc?: () => void }).gc?.();
    const base = process.memoryUsage.rss();
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    const t0 = performance.now();
    await client.uploadFile(file);
    const ms = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    peakGrowth = Math.max(peakGrowth, peak - base);
    return ms;
  };
  for (let round = 0; round < rounds; round++) {
    let c: number;
    let k: number;
    if (round % 2 === 0) {
      c = await clientRound();
      k = await curlUpload(url, target.token, file);
    } else {
      k = await curlUpload(url, target.token, file);
      c = await clientRound();
    }
    clientMs.push(c);
    curlMs.push(k);
    ratios.push(k / c);
  }
  const mbps = (ms: number) => bytes / MB / (ms / 1000);
  return {
    bytes,
    rounds,
    clientMBps: mbps(median(clientMs)),
    curlMBps: mbps(median(curlMs)),
    ratio: median(ratios),
    peakRssGrowthBytes: peakGrowth,
  };
}

export interface FirstPageResult {
  readonly runs: number;
  readonly ms: number;
  readonly items: number;
}

/** Time until `iterateFaxes` yields its first page (default page size of the views). */
export async function measureFirstPage(client: FaxPlusClient, runs: number, pageSize = 50): Promise<FirstPageResult> {
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const pages = client.iterateFaxes({ category: 'inbox', pageSize });
    const first = await pages.next();
    const ms = performance.now() - t0;
    await pages.return(undefined);
    items = first.done ? 0 : first.value.length;
    if (i > 0) {
      times.push(ms); // the first run warms up the connection
    }
  }
  return { runs, ms: median(times), items };
}

export interface LinkUploadResult {
  readonly bytes: number;
  readonly rounds: number;
  readonly linkMbps: number;
  /** Median achieved rate of the upload (file bytes over the time uploadFile took), Mbit/s. */
  readonly achievedMbps: number;
  /** achieved / link, median of the rounds. */
  readonly ratio: number;
  /** Each round's rate, Mbit/s. */
  readonly rates: readonly number[];
}

/**
 * Upload throughput judged against the link: the emulator paces bodies at
 * `linkMbps` (control API), the client uploads `file`; a client that keeps
 * the link busy reaches ≈ 1×. The link is unlimited again afterwards.
 */
export async function measureLinkUpload(
  client: FaxPlusClient,
  controlUrl: string,
  file: string,
  bytes: number,
  linkMbps: number,
  rounds: number,
): Promise<LinkUploadResult> {
  const setLink = async (settings: object) => {
    const res = await request(`${controlUrl}/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    await res.body.dump();
  };
  await setLink({ latencyMs: 0, bandwidthMbps: linkMbps });
  try {
    const rates: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const t0 = performance.now();
      await client.uploadFile(file);
      rates.push((bytes * 8) / 1e6 / ((performance.now() - t0) / 1000));
    }
    const achievedMbps = median(rates);
    return { bytes, rounds, linkMbps, achievedMbps, ratio: achievedMbps / linkMbps, rates };
  } finally {
    await setLink({ bandwidthMbps: 0 });
  }
}
