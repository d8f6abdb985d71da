import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OutputTail } from './output-tail.js';
import { MOCKING_ENV, ROUTES_SPEC_ENV, SPEC_COPY_ENV } from './prism-child-env.js';
import { internalsSeenFrom, prismInternalsProblem } from './prism-internals.js';
import { specForPrism } from './prism-spec.js';

const require = createRequire(import.meta.url);

/** How Prism is asked to answer: from the spec (`mock`) or by forwarding to a real server (`proxy`). */
export type PrismMode =
  | { kind: 'mock'; dynamic: boolean; seed?: string }
  | { kind: 'proxy'; upstream: string };

export interface PrismLaunch {
  spec: string;
  port: number;
  mode: PrismMode;
  errors: boolean;
  startupTimeoutMs: number;
}

export interface PrismProcess {
  readonly pid: number;
  readonly url: string;
  /** What Prism has printed so far (the most recent part, ANSI colours removed). */
  output(): string;
  stop(): Promise<void>;
  /** Resolves once Prism has exited and its output has been read: after stop(), or on its own. */
  readonly exited: Promise<void>;
}

/** Prism could not bind its port; the caller may pick another one and try again. */
export class PrismPortInUseError extends Error {}

const OUTPUT_LIMIT = 64 * 1024;
const STOP_GRACE_MS = 5_000;
// Prism prints this line once its HTTP server is bound; before that, requests would be refused.
const LISTENING = /Prism is listening on (http:\/\/\S+)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point.
const ANSI = /\u001b\[[0-9;]*m/g;
// After a fatal error, Prism's CLI prints its whole usage text, which would bury the reason under 40 lines.
const USAGE = /^prism (mock|proxy) <document>/m;

/**
 * Prism's output as an error quotes it: without the usage text after a fatal error (from its first line to the
 * blank line that ends its options), keeping what follows (the reason, for some errors).
 */
function withoutUsage(output: string): string {
  const start = output.search(USAGE);
  if (start === -1) return output;
  const options = output.indexOf('\nOptions:\n', start);
  const end = options === -1 ? -1 : output.indexOf('\n\n', options + 1);
  return output.slice(0, start) + (end === -1 ? '' : output.slice(end + 2));
}

/**
 * Children to end if this process exits without stop(): one 'exit' listener for all of them, so that many mocks
 * at once do not trip Node's MaxListenersExceededWarning.
 */
const endOnExit = new Set<() => void>();
process.on('exit', () => {
  for (const end of endOnExit) end();
});

function prismBin(): string {
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.prism;
  if (bin === undefined) throw new Error(`${manifestPath} declares no "prism" binary`);
  const problem = prismInternalsProblem(internalsSeenFrom(manifestPath));
  if (problem !== undefined) throw new Error(problem);
  return join(dirname(manifestPath), bin);
}

function prismArgs({ spec, port, mode, errors }: PrismLaunch): string[] {
  const args =
    mode.kind === 'mock' ? ['mock', spec] : ['proxy', spec, mode.upstream, '--validate-request', 'true'];
  args.push('--host', '127.0.0.1', '--port', String(port), '--multiprocess', 'false');
  if (errors) args.push('--errors');
  if (mode.kind === 'mock' && mode.dynamic) args.push('--dynamic');
  if (mode.kind === 'mock' && mode.seed !== undefined) args.push('--seed', mode.seed);
  return args;
}

/**
 * The built entry of Prism's process (prism-child.ts), found through this package's own name so that it is the
 * same file whether this module runs from dist/ or, in the package's own tests, from src/.
 */
function childEntry(): string {
  return join(
    dirname(require.resolve('@plivo-openapi/contract-tests/package.json')),
    'dist',
    'prism-child.js',
  );
}

/** Starts Prism as a child process and resolves once it is listening. */
export function launchPrism(launch: PrismLaunch): Promise<PrismProcess> {
  const bin = prismBin(); // first: it may refuse, before any file is written
  // Without the spec's callbacks: Prism would send them itself (see prism-spec.ts).
  const spec = specForPrism(launch.spec, { mocking: launch.mode.kind === 'mock' });
  const args = prismArgs({ ...launch, spec: spec.path });
  // stdin is a pipe the child watches: it ends Prism when this process is gone (see prism-child.ts).
  const child = spawn(process.execPath, [childEntry(), bin, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      [ROUTES_SPEC_ENV]: spec.path,
      // Mocking, Prism's own error answers take the spec's shape; a proxy's requests and answers go as they come.
      [MOCKING_ENV]: launch.mode.kind === 'mock' ? '1' : '0',
      ...(spec.copyFolder === undefined ? {} : { [SPEC_COPY_ENV]: spec.copyFolder }),
    },
  });
  const tail = new OutputTail(OUTPUT_LIMIT);
  const output = () => tail.toString();
  const record = (chunk: string) => tail.append(chunk.replace(ANSI, ''));
  // Decoded per stream, so a character split between two chunks is not garbled.
  child.stdout?.setEncoding('utf8').on('data', record);
  child.stderr?.setEncoding('utf8').on('data', record);

  // 'close', not 'exit': Prism's last lines are written as it exits (see coalesced-output.ts), and only once its
  // pipes have closed are they read, for the message below and for whoever awaits `exited`. Prism runs in this
  // one process (`--multiprocess false`): no other process holds its pipes open.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  exited.then(spec.remove);
  // On a normal exit without stop(), end Prism at once rather than when it notices its stdin close.
  const killOnExit = () => {
    child.kill('SIGKILL');
    spec.remove();
  };
  endOnExit.add(killOnExit);
  exited.then(() => endOnExit.delete(killOnExit));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopChild(child, exited);
    return stopping;
  };
  let listeningAt: string | undefined;
  // Once it is listening, nothing else would say why every request now fails to connect.
  child.once('close', (code, signal) => {
    if (stopping !== undefined || listeningAt === undefined) return;
    console.error(
      `plivo-mock: Prism (pid ${child.pid}) at ${listeningAt} exited on its own (${signal ?? `code ${code}`}); requests to it will fail. Its last output:\n${withoutUsage(output()).trim().split('\n').slice(-20).join('\n') || '(none)'}`,
    );
  });

  return new Promise((resolve, reject) => {
    const fail = (reason: string, ErrorClass: new (message: string) => Error = Error) => {
      cleanup();
      stop().then(() =>
        reject(
          new ErrorClass(
            `Prism ${reason} (command: prism ${prismArgs(launch).join(' ')}).\n--- Prism output ---\n${withoutUsage(output()).trim() || '(none)'}`,
          ),
        ),
      );
    };
    const onData = () => {
      const match = LISTENING.exec(output());
      if (match?.[1] === undefined) return;
      cleanup();
      if (child.pid === undefined) return fail('started without a process id');
      listeningAt = match[1].replace(/\/$/, '');
      resolve({ pid: child.pid, url: listeningAt, output, stop, exited });
    };
    // 'close', not 'exit': only once the pipes have closed is all of Prism's output (its error) read.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
      const inUse = /EADDRINUSE/.test(output());
      fail(
        `exited (${signal ?? `code ${code}`}) before it was listening${inUse ? `: port ${launch.port} is in use` : ''}`,
        inUse ? PrismPortInUseError : Error,
      );
    };
    const onError = (error: Error) => fail(`could not be spawned: ${error.message}`);
    const timer = setTimeout(
      () =>
        fail(
          `was not listening after ${launch.startupTimeoutMs} ms: if its output below shows no error, it was still starting (a busy machine); give startMock() a larger \`startupTimeoutMs\``,
        ),
      launch.startupTimeoutMs,
    );
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('close', onClose);
      child.off('error', onError);
    };
    // Registered after `record`, so the accumulated output already holds the chunk being inspected.
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('close', onClose);
    child.once('error', onError);
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  // A child that never spawned has no process to end.
  if (child.pid === undefined) return;
  // One that has exited may not have closed its pipes yet: its last output is still to be read.
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(forced);
}
