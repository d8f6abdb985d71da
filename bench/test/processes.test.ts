// Nothing the bench starts outlives it, even when only the bench's own process gets the signal (`kill <pid>`,
// a supervisor), not the whole process group as Ctrl-C in a terminal does.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, expect, it } from 'vitest';

const processesModule = new URL('../src/lib/processes.mjs', import.meta.url).href;
// A server with a child of its own (as bare Prism's host has Prism), which it says the PID of.
const serverWithChild = [
  "const { pid } = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
  "console.log('grandchild pid ' + pid);",
  "require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });",
].join(' ');
// A bench stand-in: it starts one server through startServer, says its PID and its child's, and waits to be stopped.
const host = `
import { startServer } from ${JSON.stringify(processesModule)};
const server = await startServer([process.execPath, '-e', ${JSON.stringify(serverWithChild)}], {
  ready: /listening on (http:\\/\\/\\S+)/,
});
console.log('server pid', server.pid, 'grandchild', /grandchild pid (\\d+)/.exec(server.output())?.[1]);
setInterval(() => {}, 1000);
`;
/** Every process a case started (the stand-ins and their servers): none may outlive this file. */
const pids: number[] = [];

afterAll(() => {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** Running, as opposed to gone or a zombie nobody has reaped yet (it runs nothing). */
function alive(pid: number): boolean {
  try {
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return stat !== '' && !stat.startsWith('Z');
  } catch {
    return false;
  }
}

async function serverPidsOf(child: ChildProcess): Promise<[number, number]> {
  let output = '';
  for await (const chunk of child.stdout ?? []) {
    output += chunk;
    const pids = /server pid (\d+) grandchild (\d+)/.exec(output);
    if (pids !== null) return [Number(pids[1]), Number(pids[2])];
  }
  throw new Error(`the host printed no server PIDs:\n${output}`);
}

it.each(['SIGTERM', 'SIGINT'] as const)(
  '%s to the bench process alone stops the servers it started, and their own children',
  { timeout: 30_000 },
  async (signal) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', host], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    pids.push(child.pid as number);
    const [serverPid, grandchildPid] = await serverPidsOf(child);
    pids.push(serverPid, grandchildPid);
    expect(alive(serverPid)).toBe(true);
    expect(alive(grandchildPid)).toBe(true);

    const exited = once(child, 'exit');
    child.kill(signal);
    expect((await exited)[0]).toBe(signal === 'SIGINT' ? 130 : 143);
    // Killed with SIGKILL on the way out: gone at once, give it a moment to be reaped.
    const deadline = Date.now() + 5_000;
    while ((alive(serverPid) || alive(grandchildPid)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(serverPid)).toBe(false);
    expect(alive(grandchildPid)).toBe(false);
  },
);
