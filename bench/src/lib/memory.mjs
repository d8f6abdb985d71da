// @ts-check
// Memory of a process and all its descendants, from Linux's /proc: the mock kit is two processes (the kit's
// Node process that started it, and Prism), bare Prism one; comparing one process of each would hide half.
import { readdirSync, readFileSync } from 'node:fs';

/** @param {number} pid @returns {number | undefined} the parent pid, or undefined if the process is gone */
function parentOf(pid) {
  try {
    // The command name (2nd field) is in parentheses and may hold spaces; the ppid is 2 fields after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** @param {number} root @returns {number[]} root and every process below it */
export function processTree(root) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(Number(entry));
    if (ppid !== undefined) parents.set(Number(entry), ppid);
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index++) {
    for (const [pid, ppid] of parents) if (ppid === tree[index]) tree.push(pid);
  }
  return tree;
}

/** @param {number} pid resident set size in bytes (VmRSS) */
function residentBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(kib) * 1024;
}

/**
 * Resident memory (RSS) of a process and its descendants, summed, in MiB; `perProcess` lists each one's.
 * RSS counts pages shared between the processes (the Node binary) once per process, as `ps` and `top` do.
 * @param {number} root
 */
export function treeMemoryMiB(root) {
  if (process.platform !== 'linux') {
    throw new Error(`memory figures read /proc and need Linux; this is ${process.platform}`);
  }
  const perProcess = processTree(root).map((pid) => residentBytes(pid) / 2 ** 20);
  return { total: perProcess.reduce((sum, mib) => sum + mib, 0), perProcess };
}
