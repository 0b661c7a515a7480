/**
 * The client measures of `npm run bench`, in a Node process of their own (so
 * its RSS is the client's): `node --expose-gc --import tsx test/bench/node-measures.ts`
 * with BENCH_API_URL, BENCH_CONTROL_URL, BENCH_TOKEN, BENCH_UPLOAD_MB, BENCH_UPLOAD_ROUNDS,
 * BENCH_PAIRS, BENCH_LINK_MB (20), BENCH_LINK_MBPS (50), BENCH_LINK_ROUNDS (2), BENCH_TMP, and BENCH_MEASURES
 * (comma list of firstPage, overhead, upload, link; default all). Prints one JSON line on stdout.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchClient, measureFirstPage, measureLinkUpload, measureOverhead, measureUpload, writeBenchFile } from './lib/clientMeasures';
import { MB } from './lib/stats';

async function main(): Promise<void> {
  const target = { apiUrl: process.env.BENCH_API_URL!, token: process.env.BENCH_TOKEN! };
  const uploadMb = Number(process.env.BENCH_UPLOAD_MB ?? 150);
  const rounds = Number(process.env.BENCH_UPLOAD_ROUNDS ?? 3);
  const pairs = Number(process.env.BENCH_PAIRS ?? 2000);
  const wanted = new Set((process.env.BENCH_MEASURES ?? 'firstPage,overhead,upload,link').split(','));
  const client = benchClient(target);
  const dir = await mkdtemp(join(process.env.BENCH_TMP ?? tmpdir(), 'faxplus-bench-upload-'));
  try {
    const firstPage = wanted.has('firstPage') ? await measureFirstPage(client, 15) : undefined;
    const overhead = wanted.has('overhead') ? await measureOverhead(client, target, pairs) : undefined;
    let upload;
    if (wanted.has('upload')) {
      const file = join(dir, 'bench.pdf');
      await writeBenchFile(file, uploadMb * MB);
      upload = await measureUpload(client, target, file, uploadMb * MB, rounds);
    }
    let linkUpload;
    if (wanted.has('link')) {
      const linkFile = join(dir, 'link.pdf');
      const linkBytes = Number(process.env.BENCH_LINK_MB ?? 20) * MB;
      await writeBenchFile(linkFile, linkBytes);
      linkUpload = await measureLinkUpload(
        client,
        process.env.BENCH_CONTROL_URL!,
        linkFile,
        linkBytes,
        Number(process.env.BENCH_LINK_MBPS ?? 50),
        Number(process.env.BENCH_LINK_ROUNDS ?? 2),
      );
    }
    process.stdout.write(JSON.stringify({ firstPage, overhead, upload, linkUpload }) + '\n');
  } finally {
    client.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
