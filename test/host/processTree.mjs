// Finds the processes a process started (from /proc), so the test runner and the sandbox can make
// sure code-server left nothing behind (extension host, pty host, watchers).
import { readdirSync, readFileSync } from 'node:fs';

/** pid → parent pid, for every process we can see. */
function parentMap() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat, after the parenthesised command name (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      /* exited meanwhile */
    }
  }
  return parents;
}

/** Every live descendant of `pid` (children, grandchildren, …). */
export function descendantsOf(pid) {
  const parents = parentMap();
  const found = [];
  let frontier = [pid];
  while (frontier.length) {
    const next = [];
    for (const [child, parent] of parents) if (frontier.includes(parent)) next.push(child);
    found.push(...next);
    frontier = next;
  }
  return found;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(state); // a zombie is gone, only not yet reaped
  } catch {
    return false;
  }
}

export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/**
 * Gives the given pids `graceMs` to exit on their own, then SIGKILLs the ones
 * still alive and waits for them to go. Returns `{ killed, left }`: what had
 * to be killed (pid and command line) and what is alive even after SIGKILL.
 */
export async function reapSurvivors(pids, graceMs = 2000) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const waitGone = async (ms) => {
    for (const end = Date.now() + ms; Date.now() < end && pids.some(isAlive);) await sleep(50);
  };
  await waitGone(graceMs);
  const killed = pids.filter(isAlive).map((pid) => ({ pid, command: commandLine(pid) }));
  for (const { pid } of killed) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  await waitGone(2000);
  return { killed, left: pids.filter(isAlive) };
}

/** Immediate SIGKILL, for a second Ctrl+C. */
export function killNow(pids) {
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}
