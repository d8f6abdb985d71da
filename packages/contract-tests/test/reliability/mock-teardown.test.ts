// No Prism may outlive the test that started it, even when that test throws. Each case runs a real, separate
// runner (a child vitest on a suite from ./throwing-suites, or a plain node program) that starts a mock and
// then fails; once the runner is gone, the Prism PID it recorded must be gone too.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { SPEC_COPY_ENV } from '../../src/prism-child-env.js';

const SUITES = fileURLToPath(new URL('./throwing-suites/', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
// vitest's bin, found through its manifest (the file itself is not an export of the package).
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
/** A child run: vitest start-up, Prism start-up (about 1.2 s idle, much more on a busy machine), the failure. */
const RUN_LIMIT_MS = 90_000;
/** Per test: one or two runs, on a machine that may be starting several Prisms at once. */
const TEST_TIMEOUT_MS = 2 * RUN_LIMIT_MS;
/** After the runner has exited, how long Prism may take to receive its SIGKILL and go. */
const GRACE_MS = 5_000;

const scratch = mkdtempSync(join(tmpdir(), 'mock-teardown-'));
/** PIDs of every Prism a scenario started, so that none is left behind even when an assertion fails. */
const seen = new Set<number>();

afterAll(() => {
  // Also every PID a child recorded, even one whose run was cut short: no Prism of ours may survive this file.
  for (const file of readdirSync(scratch).filter((name) => name.endsWith('.pid'))) {
    seen.add(Number(readFileSync(join(scratch, file), 'utf8')));
  }
  for (const pid of seen) {
    if (state(pid) === 'running') process.kill(pid, 'SIGKILL');
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** 'gone' once the process has exited; a zombie (exited, not yet reaped) counts as gone: it runs nothing. */
function state(pid: number): 'running' | 'gone' {
  try {
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return stat === '' || stat.startsWith('Z') ? 'gone' : 'running';
  } catch {
    return 'gone'; // ps exits non-zero when no such process exists.
  }
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (state(pid) === 'gone') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return state(pid) === 'gone';
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  pid: number;
}

/** Runs a child to its end (or kills it at the limit), and returns the Prism PID it recorded. */
function run(
  name: string,
  command: string[],
  options: { signalWhenReady?: NodeJS.Signals } = {},
): Promise<Run> {
  const pidFile = join(scratch, `${name}.pid`);
  const child = spawn(process.execPath, command, {
    cwd: PACKAGE,
    env: { ...process.env, PRISM_PID_FILE: pidFile, THROWING_SUITE: `${name}.suite.ts`, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (options.signalWhenReady && output.includes('ready\n') && child.exitCode === null) {
      child.kill(options.signalWhenReady);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: the child run did not finish within ${RUN_LIMIT_MS} ms:\n${output}`));
    }, RUN_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      if (!existsSync(pidFile)) {
        reject(new Error(`${name}: the child never recorded a Prism PID, so no mock started:\n${output}`));
        return;
      }
      const pid = Number(readFileSync(pidFile, 'utf8'));
      seen.add(pid);
      resolve({ code, signal, output, pid });
    });
  });
}

const vitestRun = (suite: string) =>
  run(suite, [VITEST, 'run', '--config', join(SUITES, 'vitest.config.ts')]);
const nodeRun = (how: string, signalWhenReady?: NodeJS.Signals) =>
  run(`node-${how}`, [join(SUITES, 'node-script.mjs'), how], signalWhenReady ? { signalWhenReady } : {});

describe('a test that throws leaves no Prism behind', () => {
  it.concurrent.each([
    ['stop-in-after-all', 'the test throws; afterAll calls stop()'],
    ['throw-in-before-all', 'beforeAll throws right after startMock(); afterAll calls stop()'],
    ['never-stopped', 'the test throws and nothing ever calls stop()'],
  ])(
    'vitest: %s (%s)',
    async (suite) => {
      const result = await vitestRun(suite);
      // The suite did fail, as written: otherwise this would prove nothing about failing tests.
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain('boom:');
      expect(
        await goneWithin(result.pid, GRACE_MS),
        `Prism ${result.pid} outlived the run:\n${result.output}`,
      ).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it.concurrent.each([
    ['throw', 'an uncaught exception'],
    ['exit', 'process.exit()'],
  ])(
    'plain node: the program dies of %s (%s)',
    async (how) => {
      expect(existsSync(join(PACKAGE, 'dist/index.js')), 'build the package first').toBe(true);
      const result = await nodeRun(how);
      expect(result.code, result.output).not.toBe(0);
      expect(
        await goneWithin(result.pid, GRACE_MS),
        `Prism ${result.pid} outlived the program:\n${result.output}`,
      ).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  // SIGTERM is how CI timeouts and test-runner pools end a process; SIGKILL how the OOM killer or a forced
  // pool shutdown does. Neither runs 'exit' handlers, so only a Prism that watches its parent goes too.
  it.concurrent.each(['SIGTERM', 'SIGKILL'] as const)(
    'plain node: the program is killed by %s',
    async (signal) => {
      const result = await nodeRun('signal', signal);
      expect(result.signal ?? result.code, result.output).toBeTruthy();
      expect(
        await goneWithin(result.pid, GRACE_MS),
        `Prism ${result.pid} outlived the program:\n${result.output}`,
      ).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('a Ctrl-C that reaches the whole process group leaves no spec copy behind', () => {
  // The program dies of SIGINT without cleaning up, so only Prism's own exit can remove the copy of the spec
  // it was given (see prism-spec.ts); the folder is read from Prism's environment, as prism-process.ts set it.
  it.skipIf(process.platform !== 'linux')(
    'plain node: SIGINT to the group of the program and its Prism',
    async () => {
      expect(existsSync(join(PACKAGE, 'dist/index.js')), 'build the package first').toBe(true);
      const pidFile = join(scratch, 'group-sigint.pid');
      const child = spawn(process.execPath, [join(SUITES, 'node-script.mjs'), 'signal'], {
        cwd: PACKAGE,
        env: { ...process.env, PRISM_PID_FILE: pidFile },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, as a terminal gives a command
      });
      const group = child.pid as number;
      // Also when the test times out, its body still waiting: the group is out of a terminal's Ctrl-C's reach.
      onTestFinished(() => {
        if (child.exitCode === null && child.signalCode === null) process.kill(-group, 'SIGKILL');
      });
      let output = '';
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      let copy: string | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          const collect = (chunk: Buffer) => {
            output += chunk.toString('utf8');
            if (output.includes('ready\n')) resolve();
          };
          child.stdout.on('data', collect);
          child.stderr.on('data', collect);
          child.once('exit', () => reject(new Error(`the program exited before it was ready:\n${output}`)));
        });
        const pid = Number(readFileSync(pidFile, 'utf8'));
        seen.add(pid);
        copy = readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .find((entry) => entry.startsWith(`${SPEC_COPY_ENV}=`))
          ?.slice(SPEC_COPY_ENV.length + 1);
        expect(copy, `Prism ${pid} was given no spec copy`).toBeDefined();
        expect(existsSync(copy as string)).toBe(true);

        process.kill(-group, 'SIGINT');
        await exited;
        expect(await goneWithin(pid, GRACE_MS), `Prism ${pid} outlived the Ctrl-C:\n${output}`).toBe(true);
        expect(existsSync(copy as string), `${copy} was left behind`).toBe(false);
      } finally {
        if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT_MS,
  );
});
