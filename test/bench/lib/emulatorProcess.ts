import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface EmulatorProcess {
  readonly apiUrl: string;
  readonly controlUrl: string;
  readonly token: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * The emulator in its own process (npm run emulator), so neither its memory
 * nor its CPU time counts as the measured process's.
 */
export async function startEmulatorProcess(root: string, seedFaxes = 60): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/emulator/cli.ts'), '--seed-faxes', String(seedFaxes)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const apiUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /API base URL\s+(\S+)/.exec(out);
      if (m && /fullAccess\s+\S+/.test(out)) {
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
  child.stdout!.resume();
  return {
    apiUrl,
    controlUrl: /Control\s+(\S+?)\/?\s/.exec(out)![1],
    token: /fullAccess\s+(\S+)/.exec(out)![1],
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) {
        return;
      }
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    },
  };
}
