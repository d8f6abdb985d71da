// 500 requests at once against one startMock(): every one is answered, and every answer is what the spec
// says for that request: a documented status, a JSON body that validates against that status's schema, and
// the exact example that was asked for.
import { describe, expect, it } from 'vitest';
import { BASIC_AUTH, maskingPath, SESSION_UUID, verifyPath } from '../support/credentials.js';
import { mockForThisFile } from '../support/mock-for-file.js';
import { examples, type OperationId, schemaErrors, statusCodes } from '../support/spec.js';

const CONCURRENT = 500;

interface Planned {
  operationId: OperationId;
  path: string;
  headers: Record<string, string>;
  /** The status the spec promises for this request. */
  status: number;
  /** For a named example: the body it must be, exactly. */
  example?: unknown;
  label: string;
}

/** Every kind of request the spec answers, for both operations, repeated until there are `count` of them. */
function plan(count: number): Planned[] {
  const kinds: Planned[] = [];
  for (const operationId of ['getMaskingSession', 'getVerifySession'] as const) {
    const path = operationId === 'getMaskingSession' ? maskingPath() : verifyPath();
    kinds.push({
      operationId,
      path,
      headers: { authorization: BASIC_AUTH },
      status: 200,
      label: `${operationId} default`,
    });
    for (const [name, value] of examples(operationId)) {
      kinds.push({
        operationId,
        path,
        headers: { authorization: BASIC_AUTH, prefer: `example=${name}` },
        status: 200,
        example: value,
        label: `${operationId} example=${name}`,
      });
    }
    for (const code of statusCodes(operationId).filter((status) => status !== '200')) {
      kinds.push({
        operationId,
        path,
        headers: { authorization: BASIC_AUTH, prefer: `code=${code}` },
        status: Number(code),
        label: `${operationId} code=${code}`,
      });
    }
    // Requests the mock refuses on its own, as the live API would: no credentials, a malformed session UUID.
    kinds.push({ operationId, path, headers: {}, status: 401, label: `${operationId} without credentials` });
    kinds.push({
      operationId,
      path: path.replace(SESSION_UUID, 'not-a-uuid'),
      headers: { authorization: BASIC_AUTH },
      status: 400,
      label: `${operationId} malformed session_uuid`,
    });
  }
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length] as Planned);
}

const mock = mockForThisFile();

describe(`${CONCURRENT} concurrent requests to one startMock()`, () => {
  it('all answer, each with the documented status and a body valid against its schema', async () => {
    const requests = plan(CONCURRENT);
    const answers = await Promise.allSettled(
      requests.map(async (request) => {
        const response = await fetch(`${mock().url}${request.path}`, { headers: request.headers });
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          text: await response.text(),
        };
      }),
    );
    const problems: string[] = [];
    for (const [i, answer] of answers.entries()) {
      const request = requests[i] as Planned;
      if (answer.status === 'rejected') {
        problems.push(`#${i} ${request.label}: no answer (${String(answer.reason)})`);
        continue;
      }
      const { status, type, text } = answer.value;
      if (status !== request.status) {
        problems.push(
          `#${i} ${request.label}: status ${status}, the spec says ${request.status}: ${text.slice(0, 200)}`,
        );
        continue;
      }
      if (!type?.startsWith('application/json'))
        problems.push(`#${i} ${request.label}: content-type ${type}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        problems.push(`#${i} ${request.label}: body is not JSON: ${text.slice(0, 200)}`);
        continue;
      }
      const invalid = schemaErrors(request.operationId, String(status), body);
      if (invalid) problems.push(`#${i} ${request.label}: body breaks the ${status} schema: ${invalid}`);
      if (request.example !== undefined && JSON.stringify(body) !== JSON.stringify(request.example)) {
        problems.push(`#${i} ${request.label}: not the example asked for`);
      }
    }
    expect(problems).toEqual([]);
    // Every kind of request really was in the mix (both operations, examples, error codes, refusals).
    expect(new Set(requests.map((request) => request.label)).size).toBeGreaterThan(20);
  });

  it('is still healthy afterwards: a plain request gets the default example', async () => {
    const response = await fetch(`${mock().url}${verifyPath()}`, { headers: { authorization: BASIC_AUTH } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(examples('getVerifySession')[0]?.[1]);
  });
});
