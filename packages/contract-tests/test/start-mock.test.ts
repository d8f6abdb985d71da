import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { findFreePort } from '../src/free-port.js';
import {
  type MockPreference,
  type MockServer,
  mockControls,
  type RemoteControls,
  type StartMockOptions,
  startMock,
} from '../src/index.js';
import { launchPrism, PrismPortInUseError } from '../src/prism-process.js';
import { BASIC_AUTH, SESSION_UUID, verifyPath } from './support/credentials.js';
import { expectLoopbackOnly } from './support/loopback-only.js';
import { expectExited, isRunningAnywhere, runningPrismChildren } from './support/processes.js';
import { startExpectingRefusal } from './support/refused-start.js';
import { examples, SPEC_PATH } from './support/spec.js';

const started: MockServer[] = [];
async function track(mock: Promise<MockServer>): Promise<MockServer> {
  const server = await mock;
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((mock) => mock.stop()));
});
afterAll(() => {
  expect(runningPrismChildren()).toEqual([]);
});

const getVerify = (base: string) =>
  fetch(`${base}${verifyPath()}`, { headers: { authorization: BASIC_AUTH } });

describe('startMock', () => {
  it('serves the bundled spec on 127.0.0.1 and answers with its first example', async () => {
    const mock = await track(startMock());
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Stateless, clients talk to Prism's own server; its requests under /__prism skip the compatibility layer.
    expect(mock.prismUrl).toBe(`${mock.url}/__prism`);

    const answer = await getVerify(mock.url);
    expect(answer.status).toBe(200);
    const [, firstExample] = examples('getVerifySession')[0] ?? [];
    expect(await answer.json()).toEqual(firstExample);
  });

  it.runIf(process.platform === 'linux')('listens on 127.0.0.1 only, stateless and stateful', async () => {
    for (const mock of [await track(startMock()), await track(startMock({ stateful: true }))]) {
      // Reachable on 127.0.0.1: stateless answers the example, stateful knows no such session.
      expect([200, 404]).toContain((await getVerify(mock.url)).status);
      await expectLoopbackOnly(mock.url);
    }
  });

  it('stop() kills Prism by its pid, waits for the exit, and may be called twice', async () => {
    const mock = await track(startMock());
    expect((await getVerify(mock.url)).status).toBe(200);
    await mock.stop();
    expectExited(mock.pid);
    await expect(getVerify(mock.url)).rejects.toThrow();
    await expect(mock.stop()).resolves.toBeUndefined();
  });

  it('says so, with what Prism printed last, when Prism exits on its own', async () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      printed.push(args.join(' '));
    });
    const mock = await startMock();
    try {
      process.kill(mock.pid, 'SIGKILL');
      await vi.waitFor(() => expect(printed).toHaveLength(1), { timeout: 10_000, interval: 50 });
      expect(printed[0]).toContain(
        `plivo-mock: Prism (pid ${mock.pid}) at ${mock.url} exited on its own (SIGKILL); requests to it will fail. Its last output:\n`,
      );
      expect(printed[0]).toContain('Prism is listening on');
      await expect(mock.stop()).resolves.toBeUndefined();
    } finally {
      spy.mockRestore();
      await mock.stop();
    }
  });

  it('says nothing when Prism exits because stop() ended it', async () => {
    const spy = vi.spyOn(console, 'error');
    try {
      const mock = await startMock();
      await mock.stop();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('adds no process exit listener per mock (many mocks would warn of a listener leak)', async () => {
    const before = process.listenerCount('exit');
    const started = await Promise.allSettled([startMock(), startMock()]);
    const mocks = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    try {
      expect(mocks).toHaveLength(2);
      expect(process.listenerCount('exit')).toBe(before);
    } finally {
      await Promise.all(mocks.map((mock) => mock.stop()));
    }
  });

  it('ends Prism when the program that started it is killed without any chance to clean up', async () => {
    // A separate program on the built package, killed with SIGKILL: no stop(), no exit handler runs.
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const program = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await (await import(${JSON.stringify(dist)})).startMock(); console.log(m.pid); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let prismPid: number | undefined;
    // When the test fails or times out (its body still waiting), neither may outlive it: Prism would be an
    // orphan of no test process.
    onTestFinished(() => {
      program.kill('SIGKILL');
      if (prismPid !== undefined && isRunningAnywhere(prismPid)) process.kill(prismPid, 'SIGKILL');
    });
    const [line] = await once(program.stdout, 'data');
    prismPid = Number(String(line).trim());
    expect(isRunningAnywhere(prismPid)).toBe(true);
    program.kill('SIGKILL');
    await vi.waitFor(() => expect(isRunningAnywhere(prismPid as number)).toBe(false), {
      timeout: 5_000,
      interval: 50,
    });
  });

  it('listens on the port it is given', async () => {
    const port = await findFreePort();
    const mock = await track(startMock({ port }));
    expect(mock.url).toBe(`http://127.0.0.1:${port}`);
    expect((await getVerify(mock.url)).status).toBe(200);
  });

  it('runs several mocks side by side on different ports', async () => {
    const [first, second] = await Promise.all([track(startMock()), track(startMock())]);
    expect(first?.url).not.toBe(second?.url);
    expect((await getVerify(first?.url ?? '')).status).toBe(200);
    expect((await getVerify(second?.url ?? '')).status).toBe(200);
  });

  it('names the busy port when the requested one is taken, and leaves no Prism running', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startExpectingRefusal({ port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use`,
      );
      expect(runningPrismChildren()).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('names a busy port of a stateful mock before starting Prism (whose start-up could never be met here)', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startExpectingRefusal({ port, stateful: true, startupTimeoutMs: 1 })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use`,
      );
      expect(runningPrismChildren()).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('recognises a port Prism could not bind, so startMock() can retry on another', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const launch = launchPrism({
        spec: SPEC_PATH,
        port,
        mode: { kind: 'mock', dynamic: false },
        errors: false,
        startupTimeoutMs: 30_000,
      });
      await expect(launch).rejects.toBeInstanceOf(PrismPortInUseError);
      await expect(launch).rejects.toThrow(/EADDRINUSE/);
      await expect(launch).rejects.not.toThrow(/Positionals:/);
      expect(runningPrismChildren()).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it("reports Prism's own output when Prism cannot start", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plivo-mock-broken-'));
    try {
      const broken = join(folder, 'openapi.yaml');
      writeFileSync(broken, 'openapi: 3.1.0\ninfo: [\n');
      const failure = startExpectingRefusal({ spec: broken });
      await expect(failure).rejects.toThrow(/Prism exited \(code 1\) before it was listening/);
      await expect(failure).rejects.toThrow(/--- Prism output ---[\s\S]*Error parsing/);
      expect(runningPrismChildren()).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("quotes Prism's reason for refusing a document that is not OpenAPI, without its usage text", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plivo-mock-not-openapi-'));
    try {
      const notOpenApi = join(folder, 'openapi.json');
      writeFileSync(notOpenApi, '{"hello": "world"}\n');
      const message = await startExpectingRefusal({ spec: notOpenApi }).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(message).toMatch(/--- Prism output ---[\s\S]*fatal\s+Unsupported document format\n/);
      expect(message).not.toContain('Positionals:');
      expect(runningPrismChildren()).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives up after startupTimeoutMs, stops Prism and shows what it printed', async () => {
    await expect(startExpectingRefusal({ startupTimeoutMs: 1 })).rejects.toThrow(
      /was not listening after 1 ms: .*give startMock\(\) a larger `startupTimeoutMs`[\s\S]*Prism output/,
    );
    expect(runningPrismChildren()).toEqual([]);
  });

  it('rejects a spec path that does not exist, naming it', async () => {
    await expect(startExpectingRefusal({ spec: '/nonexistent/openapi.json' })).rejects.toThrow(
      'the spec file /nonexistent/openapi.json does not exist',
    );
  });

  const OPTIONS_LIST =
    '`port`, `dynamic`, `seed`, `errors`, `upstream`, `spec`, `startupTimeoutMs`, `stateful`';
  it.each<[unknown, string]>([
    [{ port: -1 }, '`port` must be an integer from 0 to 65535'],
    [{ port: 1.5 }, '`port` must be an integer from 0 to 65535'],
    [
      { port: '4010' },
      '`port` must be an integer from 0 to 65535 (0 picks a free port); got "4010" (a string)',
    ],
    [{ startupTimeoutMs: 0 }, '`startupTimeoutMs` must be a number of milliseconds from 1 to 2147483647'],
    // setTimeout fires at once for a longer delay: the mock would time out before Prism could start.
    [
      { startupTimeoutMs: 2 ** 31 },
      '`startupTimeoutMs` must be a number of milliseconds from 1 to 2147483647',
    ],
    [{ startupTimeoutMs: 1e12 }, '`startupTimeoutMs` must be a number of milliseconds'],
    [{ startupTimeoutMs: '60000' }, '`startupTimeoutMs` must be a number of milliseconds'],
    [{ upstream: 'ftp://example.test' }, '`upstream` must be an http(s) URL'],
    [
      { upstream: 'https://staging.example.test/plivo-api?key=k3y#top' },
      'startMock: `upstream` must be a base URL without a query or fragment, such as https://staging.example.test/plivo-api: Prism drops the query and adds the fragment to every path it forwards.',
    ],
    // A bare `?` is no query to URL, but would still be forwarded in front of every path.
    [
      { upstream: 'https://staging.example.test/plivo-api?' },
      'startMock: `upstream` must be a base URL without a query or fragment, such as https://staging.example.test/plivo-api:',
    ],
    // Prism prints its upstream in its log and in its command line: a password there would leak.
    [
      { upstream: 'https://someone:upstream-secret@127.0.0.1:1' },
      "startMock: `upstream` must not carry credentials (`user:password@`): Prism would print them in its log. Each request's own Authorization header is forwarded to it; send the credentials there.",
    ],
    [
      { upstream: 'ftp://someone:upstream-secret@127.0.0.1:1' },
      'startMock: `upstream` must be an http(s) URL such as http://127.0.0.1:8080; got a value with an `@`, not quoted here as it may hold a password.',
    ],
    [{ upstream: 'http://127.0.0.1:1', dynamic: true }, '`dynamic` and `seed` apply to mock mode only'],
    // A misspelt option was ignored without a word: this one would have served examples, not dynamic bodies.
    [{ dynamc: true }, `startMock() has no option \`dynamc\`. Its options are ${OPTIONS_LIST}.`],
    [{ port: 0, timeout: 60_000 }, 'startMock() has no option `timeout`.'],
    [{ stateful: { opt: '123456' } }, 'startMock: `stateful` has no option `opt`. Its options are `otp`.'],
    // 'false' is truthy: it turned dynamic mode on.
    [{ dynamic: 'false' }, 'startMock: `dynamic` must be true or false; got "false" (a string).'],
    [{ errors: 1 }, 'startMock: `errors` must be true or false; got 1.'],
    [{ seed: 42 }, "startMock: `seed` must be a non-empty string, e.g. '42' (Prism `--seed`); got 42."],
    [{ seed: '' }, 'startMock: `seed` must be a non-empty string'],
    [{ spec: 42 }, 'startMock: `spec` must be the path of an OpenAPI file'],
    ['4010', 'startMock: pass an options object such as { port: 4010 }, or nothing; got "4010" (a string).'],
    [null, 'startMock: pass an options object such as { port: 4010 }, or nothing; got null.'],
  ])('rejects the options %j with a message that says how to fix them', async (options, message) => {
    const outcome = startExpectingRefusal(options as StartMockOptions);
    await expect(outcome).rejects.toThrow(message);
    await expect(outcome).rejects.toBeInstanceOf(TypeError);
  });
});

describe('one shared mock', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(async () => {
    await mock.stop();
    expectExited(mock.pid);
  });

  it.each([
    ['requests', (controls: RemoteControls) => controls.requests()],
    ['advanceTime', (controls: RemoteControls) => controls.advanceTime(1)],
    ['callbacksSettled', (controls: RemoteControls) => controls.callbacksSettled()],
  ])('mockControls(url).%s() on a stateless mock asks whether it is stateful', async (_, control) => {
    await expect(control(mockControls(mock.url))).rejects.toThrow(
      /answered 404.*\(is the mock stateful\?\)$/,
    );
  });

  describe('urlWithPrefer: choosing a response without a Prefer header', () => {
    it('answers with the status code named in the URL', async () => {
      const answer = await getVerify(mock.urlWithPrefer({ code: 404 }));
      expect(answer.status).toBe(404);
      expect(await answer.json()).toHaveProperty('error');
    });

    it('answers with the example named in the URL', async () => {
      const [name, value] = examples('getVerifySession').at(-1) ?? [];
      const answer = await getVerify(mock.urlWithPrefer({ example: name as string }));
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(value);
    });

    it('lets an explicit Prefer header win over the URL', async () => {
      const answer = await fetch(`${mock.urlWithPrefer({ code: 404 })}${verifyPath()}`, {
        headers: { authorization: BASIC_AUTH, prefer: 'code=500' },
      });
      expect(answer.status).toBe(500);
    });

    it('refuses an empty preference', async () => {
      expect(() => mock.urlWithPrefer({})).toThrow('name at least one of `code`, `example`, `dynamic`');
    });

    it.each([
      [
        { code: 404, exmaple: 'x' },
        'urlWithPrefer has no option `exmaple`. Its options are `code`, `example`, `dynamic`.',
      ],
      [{ code: '404' }, 'urlWithPrefer: `code` must be an HTTP status such as 404; got "404" (a string).'],
      [{ code: 4040 }, 'urlWithPrefer: `code` must be an HTTP status such as 404; got 4040.'],
      [
        { example: '' },
        'urlWithPrefer: `example` must be the name of an example of the spec (printable ASCII: no space, comma, semicolon, = or quote); got "" (a string).',
      ],
      [
        { example: 'a, code=500' },
        'urlWithPrefer: `example` must be the name of an example of the spec (printable ASCII: no space, comma, semicolon, = or quote); got "a, code=500" (a string).',
      ],
      [
        { example: 'caf\u00e9' },
        'urlWithPrefer: `example` must be the name of an example of the spec (printable ASCII: no space, comma, semicolon, = or quote); got "caf\u00e9" (a string).',
      ],
      [{ dynamic: 'yes' }, 'urlWithPrefer: `dynamic` must be true or false; got "yes" (a string).'],
      ['code=404', 'urlWithPrefer: pass an object such as { code: 404 }; got "code=404" (a string).'],
    ])('refuses %j, naming what is wrong', (preference, message) => {
      expect(() => mock.urlWithPrefer(preference as MockPreference)).toThrow(message);
    });
  });

  // Prism answers a request that breaks the spec with the documented 400 (422 only when none is documented).
  describe('request validation stays on through the mock', () => {
    it.each([
      ['no credentials', verifyPath(), {}, 401],
      ['a malformed session_uuid', verifyPath(undefined, 'not-a-uuid'), { authorization: BASIC_AUTH }, 400],
      [
        'an Auth ID that breaks its pattern',
        verifyPath('XX123', SESSION_UUID),
        { authorization: BASIC_AUTH },
        400,
      ],
      [
        'the Verify path without its trailing slash',
        verifyPath().slice(0, -1),
        { authorization: BASIC_AUTH },
        404,
      ],
    ])('refuses %s', async (_, path, headers, status) => {
      expect((await fetch(`${mock.url}${path}`, { headers })).status).toBe(status);
    });
  });
});
