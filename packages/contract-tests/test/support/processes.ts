import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

/** True while a process with this id exists (signal 0 only checks). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

export function expectExited(pid: number): void {
  expect(isRunning(pid), `process ${pid} should have exited`).toBe(false);
}

/** Prism processes that this test process started and that are still running (zombies excluded). */
export function runningPrismChildren(parent = process.pid): string[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  return table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(
      ([, ppid, stat, ...args]) =>
        Number(ppid) === parent && !stat?.startsWith('Z') && args.join(' ').includes('prism'),
    )
    .map((fields) => fields.join(' '));
}

/**
 * Whether a process that is not our child still runs. An orphan that has exited stays a zombie until the
 * system reaps it; it runs nothing, so it counts as gone.
 */
export function isRunningAnywhere(pid: number): boolean {
  try {
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return stat !== '' && !stat.startsWith('Z');
  } catch {
    return false; // ps exits non-zero when there is no such process.
  }
}
