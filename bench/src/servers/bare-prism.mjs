// @ts-check
// Bare Prism as a user runs it, `prism mock` in a terminal: its log read by something other than the process that
// sends the requests. Here this process reads it, as a terminal would, keeping only its end for an error. The
// bench starts it as it starts the kit (src/servers/mock-kit.mjs), so that on neither side is the log read on the
// event loop that times the requests (bare Prism's nine writes per request woke it and slowed the baseline).
// Usage: node bare-prism.mjs <prism bin> <prism arguments...>. Prints `listening on <url> (Prism pid <pid>,
// runtime start-up <ms> ms)`, the last being this process's own Node start-up; SIGTERM stops Prism.
const runtimeStartupMs = performance.now();
const { spawn } = await import('node:child_process');
const { OutputTail } = await import('../lib/output-tail.mjs');

const [prismBin, ...args] = process.argv.slice(2);
if (prismBin === undefined) throw new Error('usage: node bare-prism.mjs <prism bin> <prism arguments...>');
const prism = spawn(process.execPath, [prismBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
const kill = () => prism.kill('SIGKILL');
process.on('exit', kill);

// The bench's own tail: a copy of everything kept per chunk would cost this host, beside the Prism it measures,
// time that grows with the log.
const tail = new OutputTail(32 * 1024);
let listening = false;
const read = (/** @type {string} */ chunk) => {
  tail.append(chunk);
  if (listening) return;
  // The whole line: a chunk may end inside the URL.
  const url = /Prism is listening on (http:\/\/[^\s/]+)\/?\r?\n/.exec(tail.toString())?.[1];
  if (url === undefined) return;
  listening = true;
  console.log(
    `listening on ${url} (Prism pid ${prism.pid}, runtime start-up ${runtimeStartupMs.toFixed(1)} ms)`,
  );
};
prism.stdout.setEncoding('utf8').on('data', read);
prism.stderr.setEncoding('utf8').on('data', read);
// 'close', not 'exit': only once its pipes have closed is all of Prism's output read.
prism.once('close', (code, signal) => {
  process.off('exit', kill);
  if (!stopping)
    console.error(`Prism exited (${signal ?? `code ${code}`}); its output ended:\n${tail.toString()}`);
  process.exit(stopping ? 0 : 1);
});

let stopping = false;
const stop = () => {
  stopping = true;
  prism.kill('SIGTERM');
  // Well before the bench's own escalation (5 s), which would kill this host and Prism's group.
  setTimeout(kill, 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
