// "No open handles", proved the only way that cannot be fooled: a separate Node process loads the built client,
// makes calls against every fault, and must then exit on its own. A timer, socket or listener the client left
// behind would keep it alive past the limit.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ID, AUTH_TOKEN, maskingPath, verifyPath } from '../helpers/credentials.js';
import { type Behaviour, type FaultServer, faults, startFaultServer } from '../helpers/fault-server.js';

import { maskingBody, uuidFor, verifyBody } from '../helpers/spec.js';

const PROBE = fileURLToPath(new URL('./exit-probe.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Calls end within about 2 s (300 ms attempts, one retry); the rest is Node start-up on a loaded machine. */
const EXIT_LIMIT_MS = 20_000;

type Resource = 'maskingSessions' | 'verifySessions';
interface ProbeCall {
  name: string;
  resource: Resource;
  uuid: string;
  fault: Behaviour | Behaviour[];
  abortAfterMs?: number;
  expected: string;
}

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

function probeCalls(offset: number): ProbeCall[] {
  let n = offset;
  const call = (
    name: string,
    resource: Resource,
    fault: (uuid: string) => Behaviour | Behaviour[],
    expected: string,
    abortAfterMs?: number,
  ): ProbeCall => {
    const uuid = uuidFor(++n);
    return {
      name,
      resource,
      uuid,
      fault: fault(uuid),
      expected,
      ...(abortAfterMs === undefined ? {} : { abortAfterMs }),
    };
  };
  return [
    call('reset', 'maskingSessions', () => faults.reset(), 'ConnectionError'),
    call('hang', 'verifySessions', () => faults.hang(), 'TimeoutError'),
    call('stalled body', 'maskingSessions', () => faults.stallBody(), 'TimeoutError'),
    call('cut body', 'verifySessions', (u) => faults.cutMidBody(200, verifyBody(u)), 'ConnectionError'),
    call(
      'truncated JSON',
      'maskingSessions',
      (u) => faults.truncatedJson(200, maskingBody(u)),
      'InvalidResponseError',
    ),
    call('HTML 502', 'verifySessions', () => faults.htmlBadGateway(), 'ServerError'),
    call('429', 'maskingSessions', () => faults.rateLimited(), 'RateLimitError'),
    call('array', 'verifySessions', (u) => faults.json(200, [verifyBody(u)]), 'InvalidResponseError'),
    call(
      'too large',
      'maskingSessions',
      (u) => faults.hugeJson(200, maskingBody(u), 11 * 1024 * 1024),
      'InvalidResponseError',
    ),
    call('hang, aborted by the caller', 'maskingSessions', () => faults.hang(), 'AbortError', 100),
    call(
      'Retry-After: 60, aborted during the wait',
      'verifySessions',
      () => faults.rateLimited('60'),
      'AbortError',
      200,
    ),
    call(
      '503 then success',
      'maskingSessions',
      (u) => [faults.json(503, { error: 'x' }), faults.json(200, maskingBody(u))],
      'ok',
    ),
    call(
      'reset then success',
      'verifySessions',
      (u) => [faults.reset(), faults.json(200, verifyBody(u))],
      'ok',
    ),
  ];
}

function runProbe(format: 'esm' | 'cjs', calls: ProbeCall[]) {
  const child = spawn(
    process.execPath,
    [
      PROBE,
      format,
      server.url,
      JSON.stringify(
        calls.map(({ resource, uuid, abortAfterMs, expected }) => ({
          resource,
          uuid,
          abortAfterMs,
          // A short per-attempt timeout only where timing out is the point.
          quick: expected === 'TimeoutError',
        })),
      ),
    ],
    {
      env: { ...process.env, PROBE_AUTH_ID: AUTH_ID, PROBE_AUTH_TOKEN: AUTH_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ exited: boolean; code: number | null; stdout: string; stderr: string }>((resolve) => {
    const limit = setTimeout(() => {
      // Killed by its own PID, and only because it failed to exit on its own.
      child.kill('SIGKILL');
      resolve({ exited: false, code: null, stdout, stderr });
    }, EXIT_LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(limit);
      resolve({ exited: true, code, stdout, stderr });
    });
  });
}

describe.each(['esm', 'cjs'] as const)(
  'the built %s client lets the process exit after every fault',
  (format) => {
    it(
      'exits on its own, with every call ended by its typed error or a success',
      async () => {
        expect(
          existsSync(DIST),
          `no build at ${DIST}: run \`pnpm turbo run build --filter=@plivo-openapi/client\``,
        ).toBe(true);
        const calls = probeCalls(format === 'esm' ? 10_000 : 20_000);
        for (const call of calls) {
          const path = call.resource === 'maskingSessions' ? maskingPath(call.uuid) : verifyPath(call.uuid);
          server.route(path, call.fault);
        }
        const run = await runProbe(format, calls);
        expect(
          run.exited,
          `the probe process was still running after ${EXIT_LIMIT_MS} ms:\n${run.stderr}`,
        ).toBe(true);
        expect(run.code, run.stderr).toBe(0);
        const results = JSON.parse(run.stdout) as {
          uuid: string;
          ok: boolean;
          name?: string;
          typed?: boolean;
          sessionUuid?: string;
        }[];
        const outcomes = Object.fromEntries(
          calls.map((call, i) => {
            const result = results[i];
            return [
              call.name,
              result?.ok
                ? result.sessionUuid === call.uuid
                  ? 'ok'
                  : 'wrong session'
                : `${result?.name}${result?.typed ? '' : ' (untyped)'}`,
            ];
          }),
        );
        expect(outcomes).toEqual(Object.fromEntries(calls.map((call) => [call.name, call.expected])));
        expect(run.stdout + run.stderr).not.toContain(AUTH_TOKEN);
      },
      2 * EXIT_LIMIT_MS,
    );
  },
);
