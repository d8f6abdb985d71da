import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFreePort } from '../src/free-port.js';
import { BASIC_AUTH, verifyPath } from './support/credentials.js';
import { expectExited, isRunning, isRunningAnywhere, runningPrismChildren } from './support/processes.js';
import { startReplayUpstream } from './support/replay-upstream.js';
import { examples, pathTemplate } from './support/spec.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
// The built binary, as `pnpm mock` and the package's `bin` run it.
const BIN = fileURLToPath(new URL('../bin/plivo-mock.js', import.meta.url));

interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
}

const running: Cli[] = [];
afterEach(() => {
  for (const { child } of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function runCli(...args: string[]): Cli {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const cli = { child, stdout: () => stdout, stderr: () => stderr };
  running.push(cli);
  return cli;
}

function waitForOutput(cli: Cli, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!cli.stdout().includes(text)) return;
      stop();
      resolve();
    };
    const exited = (code: number | null) => {
      stop();
      reject(
        new Error(`plivo-mock exited (${code}) before printing "${text}":\n${cli.stdout()}${cli.stderr()}`),
      );
    };
    const stop = () => {
      cli.child.stdout?.off('data', check);
      cli.child.off('exit', exited);
    };
    cli.child.stdout?.on('data', check);
    cli.child.once('exit', exited);
    check();
  });
}

describe('plivo-mock (pnpm mock)', () => {
  it('prints the URL and every operation as the README shows, serves them, and stops Prism cleanly on Ctrl-C', async () => {
    const port = await findFreePort();
    const cli = runCli('--port', String(port));
    await waitForOutput(cli, 'Press Ctrl-C to stop.');
    // The README's block, written for port 4010: the same lines once this run's port, PID and path are put in.
    const shown = /```text\n(Plivo mock listening on[\s\S]*?)```/.exec(README)?.[1];
    const printed = cli
      .stdout()
      .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:4010')
      .replace(/Prism pid \d+, spec [^)]*\)/, 'Prism pid 12345, spec /…/openapi/dist/openapi.json)');
    expect(printed).toBe(shown);

    const url = `http://127.0.0.1:${port}`;
    expect(cli.stdout()).toContain(`Plivo mock listening on ${url}`);
    expect(cli.stdout()).toContain(`GET    ${url}${pathTemplate('getMaskingSession')}`);
    expect(cli.stdout()).toContain(`GET    ${url}${pathTemplate('getVerifySession')}`);
    expect(cli.stdout()).toMatch(/getMaskingSession\n/);
    expect(cli.stdout()).toMatch(/getVerifySession\n/);
    const prismPid = Number(/Prism pid (\d+)/.exec(cli.stdout())?.[1]);
    expect(isRunning(prismPid)).toBe(true);

    expect((await fetch(`${url}${verifyPath()}`, { headers: { authorization: BASIC_AUTH } })).status).toBe(
      200,
    );

    cli.child.kill('SIGINT');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(0);
    expect(cli.stdout()).toContain('Plivo mock stopped.');
    expectExited(prismPid);
  });

  it('exits 1 when Prism exits on its own, saying so, rather than go on as if it served', async () => {
    const cli = runCli('--port', '0');
    await waitForOutput(cli, 'Press Ctrl-C to stop.');
    const prismPid = Number(/Prism pid (\d+)/.exec(cli.stdout())?.[1]);
    process.kill(prismPid, 'SIGKILL');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toMatch(
      new RegExp(
        `Prism \\(pid ${prismPid}\\) at http://127\\.0\\.0\\.1:\\d+ exited on its own \\(SIGKILL\\)`,
      ),
    );
  });

  it('prints no banner when Ctrl-C comes while Prism is still starting, and exits 0', async () => {
    const cli = runCli('--port', '0');
    // Prism's process exists before it listens: that is the moment.
    for (let waited = 0; runningPrismChildren(cli.child.pid).length === 0; waited += 20) {
      if (waited > 20_000) throw new Error(`no Prism child appeared:\n${cli.stdout()}${cli.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // A terminal's Ctrl-C reaches the whole process group: Prism too, which then fails to start.
    process.kill(Number(runningPrismChildren(cli.child.pid)[0]?.split(' ')[0]), 'SIGINT');
    cli.child.kill('SIGINT');
    const [code] = await once(cli.child, 'exit');
    expect(code, cli.stderr()).toBe(0);
    expect(cli.stdout()).toBe('Plivo mock stopped.\n');
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)(
    'exits at once on %s while Prism is still starting, ending the Prism it started',
    async (signal) => {
      const cli = runCli('--port', '0');
      for (let waited = 0; runningPrismChildren(cli.child.pid).length === 0; waited += 20) {
        if (waited > 20_000) throw new Error(`no Prism child appeared:\n${cli.stdout()}${cli.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // A start that takes long: Prism frozen before it listens (the start timeout is 30 s).
      const prism = Number(runningPrismChildren(cli.child.pid)[0]?.split(' ')[0]);
      process.kill(prism, 'SIGSTOP');
      try {
        const started = performance.now();
        cli.child.kill(signal);
        const [code] = await once(cli.child, 'exit');
        // Hang detection, not a speed target: without the early exit this waits for the whole start timeout.
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(code, cli.stderr()).toBe(0);
        expect(cli.stdout()).toBe('Plivo mock stopped.\n');
        await vi.waitFor(() => expect(isRunningAnywhere(prism)).toBe(false));
      } finally {
        if (isRunningAnywhere(prism)) process.kill(prism, 'SIGKILL');
      }
    },
  );

  it('exits with a message naming the port when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const cli = runCli('--port', String(port));
      const [code] = await once(cli.child, 'exit');
      expect(code).toBe(1);
      expect(cli.stderr()).toContain(
        `plivo-mock: port ${port} on 127.0.0.1 is already in use. Stop what uses it or pass another --port`,
      );
    } finally {
      blocker.close();
    }
  });

  // Number() would read `abc` as NaN and an empty value as 0 (a random port); neither is a port the user meant.
  it.each(['abc', '', '65536', '1e3', ' 4010'])(
    'refuses --port %j, naming the option, the value and the range',
    async (value) => {
      const cli = runCli(`--port=${value}`);
      const [code] = await once(cli.child, 'exit');
      expect(code).toBe(1);
      expect(cli.stderr()).toContain(
        `plivo-mock: --port must be a port number from 0 to 65535 (0 picks a free one); got ${JSON.stringify(value)}.`,
      );
    },
  );

  it('names --startup-timeout, not startMock() option, when Prism is not listening in time', async () => {
    const cli = runCli('--port', '0', '--startup-timeout', '1');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toMatch(
      /was not listening after 1 ms: .*give plivo-mock a larger --startup-timeout/,
    );
    expect(cli.stderr()).not.toContain('startupTimeoutMs');
  });

  it.each([
    [
      'abc',
      'plivo-mock: --startup-timeout must be a number of milliseconds, such as 60000 (default 30000); got "abc".',
    ],
    ['0', 'plivo-mock: --startup-timeout must be a number of milliseconds from 1 to '],
  ])('refuses --startup-timeout %s, naming the flag', async (value, message) => {
    const cli = runCli('--startup-timeout', value);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toContain(message);
  });

  it('refuses an option it does not have, pointing at --help', async () => {
    const cli = runCli('--timeout', '1');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toContain(
      "plivo-mock: Unknown option '--timeout'. Run plivo-mock --help for the options.",
    );
  });

  it('refuses a URL given without --upstream, pointing at it, without its password', async () => {
    const cli = runCli('https://user:S3cretPass@staging.example.com');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toContain(
      "plivo-mock: Unexpected argument 'https://[redacted]@staging.example.com'. This command does not take positional arguments. To proxy to a URL, pass --upstream <url>. Run plivo-mock --help for the options.",
    );
    expect(cli.stderr()).not.toContain('S3cretPass');

    const port = runCli('--port', 'https://user:S3cretPass@staging.example.com');
    expect((await once(port.child, 'exit'))[0]).toBe(1);
    expect(port.stderr()).toContain('got "https://[redacted]@staging.example.com"');
  });

  it("prints its own version and its Prism's with --version", async () => {
    const cli = runCli('--version');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(0);
    const kit = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(cli.stdout().trim()).toBe(
      `plivo-mock ${kit.version} (@plivo-openapi/contract-tests), Prism ${kit.dependencies['@stoplight/prism-cli']}`,
    );
  });

  it("names --seed, not startMock()'s option, for an empty seed", async () => {
    const cli = runCli('--seed', '');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toMatch(/^plivo-mock: --seed must be a non-empty string/);
  });

  it('generates the same bodies on two runs with the same --seed, other ones with another', async () => {
    const bodyOfRun = async (seed: string) => {
      const port = await findFreePort();
      const cli = runCli('--port', String(port), '--dynamic', '--seed', seed);
      await waitForOutput(cli, 'Press Ctrl-C to stop.');
      const response = await fetch(`http://127.0.0.1:${port}${verifyPath()}`, {
        headers: { authorization: BASIC_AUTH },
      });
      cli.child.kill('SIGINT');
      await once(cli.child, 'exit');
      return response.text();
    };
    const first = await bodyOfRun('42');
    expect(await bodyOfRun('42')).toBe(first);
    expect(await bodyOfRun('7')).not.toBe(first);
  });

  it("names --spec, not startMock()'s option, for a spec file that does not exist", async () => {
    const cli = runCli('--spec', 'no-such-spec.json');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toMatch(
      /^plivo-mock: the spec file .*no-such-spec\.json does not exist\. Pass an existing OpenAPI file with --spec\./,
    );
  });

  it('checks a server against the spec with --upstream, forwarding the Authorization header', async () => {
    const upstream = await startReplayUpstream();
    try {
      // Verify's get without `charges`: a body that breaks the spec, as a drifting server would send.
      const example = examples('getVerifySession')[0]?.[1] as Record<string, unknown> | undefined;
      const { charges: _, ...drifted } = example ?? {};
      upstream.serve({ status: 200, contentType: 'application/json', body: JSON.stringify(drifted) });
      const port = await findFreePort();
      const cli = runCli('--port', String(port), '--upstream', upstream.url, '--errors');
      await waitForOutput(cli, 'Press Ctrl-C to stop.');
      expect(cli.stdout()).toContain(
        `Plivo proxy listening on http://127.0.0.1:${port}, forwarding to ${upstream.url} (Prism pid`,
      );
      expect(cli.stdout()).toContain(
        'an answer that breaks it carries an sl-violations header and becomes a 500.',
      );
      expect(cli.stdout()).not.toContain('Prefer');
      const prismPid = Number(/Prism pid (\d+)/.exec(cli.stdout())?.[1]);

      const answer = await fetch(`http://127.0.0.1:${port}${verifyPath()}`, {
        headers: { authorization: BASIC_AUTH },
      });
      expect(answer.status).toBe(500);
      expect(answer.headers.get('sl-violations')).toContain('charges');
      expect(upstream.received.map(({ method, url }) => `${method} ${url}`)).toEqual([`GET ${verifyPath()}`]);
      expect(upstream.received[0]?.headers.authorization).toBe(BASIC_AUTH);
      cli.child.kill('SIGINT');
      const [code] = await once(cli.child, 'exit');
      expect(code).toBe(0);
      expect(cli.stdout()).toContain('Plivo proxy stopped.');
      expectExited(prismPid);
    } finally {
      await upstream.close();
    }
  });

  it.each([
    [
      ['--upstream', 'http://127.0.0.1:9', '--stateful'],
      "plivo-mock: --stateful answers from the mock's own sessions and --upstream from a real server; choose one.",
    ],
    [
      ['--upstream', 'http://127.0.0.1:9', '--dynamic'],
      'plivo-mock: --dynamic and --seed apply to mock mode only; remove them or --upstream.',
    ],
    [
      ['--upstream', 'http://someone:upstream-secret@127.0.0.1:9'],
      "plivo-mock: --upstream must not carry credentials (`user:password@`): Prism would print them in its log. Each request's own Authorization header is forwarded to it; send the credentials there.",
    ],
  ])('refuses %j, in its own flags', async (flags, message) => {
    const cli = runCli(...flags);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr().trim()).toBe(message);
  });

  it('explains its options with --help', async () => {
    const cli = runCli('--help');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(0);
    expect(cli.stdout()).toContain('Usage: plivo-mock [--port 4010]');
  });
});
