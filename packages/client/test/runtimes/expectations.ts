import { expect } from 'vitest';
import { BASIC_CREDENTIALS, MASKING_PATH, VERIFY_PATH } from '../helpers/credentials.js';
import type { TestServer } from '../helpers/server.js';
import { MASKING_BODY, VERIFY_BODY } from './fixture-server.js';
import { MISSING_UUID, type ProbeResult } from './probe.js';

/** What every runtime must report: both example bodies as sent, a typed 404, and Basic auth on every request. */
export function expectProbeSucceeded(result: ProbeResult, server: TestServer) {
  expect(result.fatal, 'the probe threw').toBeUndefined();
  expect(result.verify).toEqual(VERIFY_BODY);
  expect(result.masking).toEqual(MASKING_BODY?.response);
  expect(result.maskingApiId).toBe(MASKING_BODY?.api_id);
  expect(result.notFound).toEqual({ isNotFoundError: true, name: 'NotFoundError', status: 404 });

  expect(server.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
    `GET ${VERIFY_PATH}`,
    `GET ${MASKING_PATH}`,
    `GET ${VERIFY_PATH.replace(/[^/]+\/$/, `${MISSING_UUID}/`)}`,
  ]);
  for (const request of server.requests) {
    expect(request.headers.authorization).toBe(`Basic ${BASIC_CREDENTIALS}`);
  }
}

/** Parses the one JSON line a probe prints, failing with the process output when there is none. */
export function parseProbeOutput(run: { code: number | null; stdout: string; stderr: string }): ProbeResult {
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as ProbeResult;
  } catch {
    throw new Error(
      `the probe printed no result (exit ${run.code})\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`,
    );
  }
}
