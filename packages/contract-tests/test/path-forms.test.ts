import { describe, expect, it } from 'vitest';
import { AUTH_ID, SESSION_UUID, verifyPath } from './support/credentials.js';
import { mockForThisFile } from './support/mock-for-file.js';
import { type OperationRequest, operationPath, validRequest } from './support/operation-requests.js';
import { rawRequestAsWritten } from './support/raw-request.js';
import { examples, type OperationId, successStatus } from './support/spec.js';

// Plivo's SDKs disagree on the trailing slash of the masking paths (OPERATIONS.md §2): the spec describes one
// form, and the mock answers every form a real client sends exactly as it answers the spec's form, with the
// same request validation behind it. One row per form; the spec's own form is a row too.

const mock = mockForThisFile();

const masking = `/v1/Account/${AUTH_ID}/Masking/Session`;

const forms: [OperationId, path: string, sentBy: string][] = [
  ['createMaskingSession', `${masking}/`, 'every SDK (the spec)'],
  ['createMaskingSession', masking, "Plivo's docs"],
  ['listMaskingSessions', `${masking}/`, 'every SDK (the spec)'],
  ['listMaskingSessions', masking, "Plivo's docs"],
  ['updateMaskingSession', `${masking}/${SESSION_UUID}`, "Plivo's docs and Node SDK (the spec)"],
  ['updateMaskingSession', `${masking}/${SESSION_UUID}/`, 'the Python, Go, Java, PHP, Ruby and .NET SDKs'],
  ['deleteMaskingSession', `${masking}/${SESSION_UUID}`, "Plivo's docs and Node SDK (the spec)"],
  ['deleteMaskingSession', `${masking}/${SESSION_UUID}/`, 'the Python, Go, Java, PHP and Ruby SDKs'],
  ['deleteMaskingSession', `${masking}//${SESSION_UUID}/`, 'the .NET SDK (a double slash)'],
];

async function send(path: string, request: OperationRequest) {
  const { path: _, ...init } = request;
  const answer = await fetch(`${mock().url}${path}`, init);
  const text = await answer.text();
  return { status: answer.status, body: text === '' ? undefined : JSON.parse(text) };
}

it('has the spec form of every operation it covers among its rows', () => {
  for (const operationId of new Set(forms.map(([id]) => id))) {
    const paths = forms.filter(([id]) => id === operationId).map(([, path]) => path);
    expect(paths).toContain(operationPath(operationId));
  }
});

describe.each(forms)('%s at %s (%s)', (operationId, path) => {
  const success = successStatus(operationId);
  // A query on the list forms proves it survives the form's rewrite (and is validated, below).
  const at = operationId.startsWith('list') ? `${path}?status=active&limit=20` : path;

  it.each(examples(operationId, success))(
    `${success} example %s, as the spec form answers it`,
    async (name, body) => {
      const answer = await send(
        at,
        validRequest(operationId, { prefer: `code=${success}, example=${name}` }),
      );
      expect(answer).toEqual({ status: Number(success), body });
    },
  );

  it('404 example, as the spec form answers it', async () => {
    const [[name, body] = []] = examples(operationId, '404');
    const answer = await send(at, validRequest(operationId, { prefer: `code=404, example=${name}` }));
    expect(answer).toEqual({ status: 404, body });
  });

  it('is validated like the spec form: no credentials is a 401', async () => {
    const { authorization: _, ...headers } = validRequest(operationId).headers;
    const answer = await send(at, { ...validRequest(operationId), headers });
    expect(answer.status).toBe(401);
  });
});

it.each(forms.filter(([operationId, path]) => path !== operationPath(operationId)))(
  "%s at %s: Prism alone has no route for it, so the answers above are the mock's doing",
  async (operationId, path) => {
    const { path: _, ...init } = validRequest(operationId);
    const answer = await fetch(`${mock().prismUrl}${path}`, init);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ title: 'Route not resolved, no path matched' });
  },
);

describe('the rewrite keeps what it must not touch', () => {
  it.each(forms.filter(([operationId]) => operationId.startsWith('list')))(
    '%s at %s: a string `limit` in the query is still a 400',
    async (operationId, path) => {
      const answer = await send(`${path}?limit=twenty`, validRequest(operationId));
      expect(answer.status).toBe(400);
    },
  );

  it.each(forms.filter(([, path]) => path.includes(SESSION_UUID)))(
    '%s at %s: a malformed session_uuid is still a 400',
    async (operationId, path) => {
      const answer = await send(path.replace(SESSION_UUID, 'not-a-uuid'), validRequest(operationId));
      expect(answer.status).toBe(400);
    },
  );
});

// A path that starts with `//` is a path: Prism, reading it as a URL reference, took its first segment for a
// host and answered the operation after it (a request to `//evil.example/v1/...` created a session).
describe('a path that starts with //', () => {
  it.each([
    [`//evil.example${verifyPath()}`, `the spec has no path //evil.example${verifyPath()}`],
    [`/${verifyPath()}`, `the spec has no path /${verifyPath()}`],
  ])('%s is a 404 naming it as sent', async (path, error) => {
    const { path: _, ...init } = validRequest('getVerifySession');
    const answer = await rawRequestAsWritten(mock().url, path, {
      headers: init.headers as Record<string, string>,
    });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error).toContain(error);
  });

  // No path of the spec has an `@`: whatever leads to a segment with one, its user info is not kept.
  it.each([
    ['//', '@'],
    ['/.//', '@'],
    ['/x/..//', '@'],
    ['/__prefer/code=404//', '@'],
    ['/%2F%2F', '@'],
    ['/', '@'],
    ['//', '%40'],
    ['/__prism//', '@'],
  ])(
    "keeps no credential of a `%suser:token%shost/...` form: not in the answer, not in Prism's log",
    async (before, at) => {
      const { path: _, ...init } = validRequest('getVerifySession');
      const token = 'pathTokenNotForLogs42';
      const target = `${before}${AUTH_ID}:${token}${at}127.0.0.1${verifyPath()}`;
      const answer = await rawRequestAsWritten(mock().url, target, {
        headers: init.headers as Record<string, string>,
      });
      expect(answer.status).toBe(404);
      expect(answer.body).toContain(`[redacted]${at}127.0.0.1`);
      expect(answer.body + mock().output()).not.toContain(token);
    },
  );

  it('is a masking path when its slashes collapse to one, as the doubled slash of .NET is', async () => {
    const { path, ...init } = validRequest('getMaskingSession');
    const answer = await rawRequestAsWritten(mock().url, `/${path}`, {
      headers: init.headers as Record<string, string>,
    });
    expect(answer.status).toBe(200);
  });
});

// Prism decodes path parameters without a guard: one segment that is not valid percent-encoding ended its process,
// and every later request of every test was refused.
describe('a path segment that is not valid percent-encoding', () => {
  it.each([
    `/v1/Account/${AUTH_ID}/Masking/Session/%E0%A4%A`,
    '/v1/Account/MA%zz/Verify/Session/',
    `/v1/Account/${AUTH_ID}/Verify/Session/%zz/`,
  ])('%s is judged by Prism as the text it is (400), and the mock keeps answering', async (path) => {
    const { path: valid, ...init } = validRequest('getVerifySession');
    const headers = init.headers as Record<string, string>;
    const answer = await rawRequestAsWritten(mock().url, path, { headers });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toBe('invalid request');
    expect((await rawRequestAsWritten(mock().url, valid, { headers })).status).toBe(200);
  });
});
