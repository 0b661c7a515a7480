// Reads every file of a .vsix (a zip) into memory: the packaging check and the
// benchmarks both look at what really ships.
import yauzl from 'yauzl';

/** @returns {Promise<{ name: string, data: Buffer }[]>} */
export function readVsixEntries(file) {
  return new Promise((resolve, reject) => {
    const entries = [];
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
