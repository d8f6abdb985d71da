import { describe, expect, it } from 'vitest';
import { type OperationId, schemaErrors } from '../support/spec.js';
import { ACCOUNT_A, basicAuth } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// The stateful lists' `limit` and `offset` as Prism lets them through: every page the state answers must
// validate against the spec, and each of its links must be one the mock answers; a value that makes no page
// (Prism coerces `1e400` to an integer) gets the list's documented 400.

const mock = statefulMockForThisFile();

const LISTS: [OperationId, string][] = [
  ['listMaskingSessions', `/v1/Account/${ACCOUNT_A}/Masking/Session/`],
  ['listVerifySessions', `/v1/Account/${ACCOUNT_A}/Verify/Session/`],
];
// biome-ignore lint/suspicious/noExplicitAny: a JSON body, read field by field in the assertions.
type Json = Record<string, any>;

async function get(path: string) {
  const answer = await fetch(`${mock().url}${path}`, { headers: { authorization: basicAuth() } });
  return { status: answer.status, body: (await answer.json()) as Json };
}

const metaOf = (body: Json) => body.response?.meta ?? body.meta;

describe.each(LISTS)('%s', (operationId, path) => {
  it('takes an empty limit as the default, as an absent one, and links pages the mock answers', async () => {
    mock().reset();
    const send =
      operationId === 'listMaskingSessions'
        ? (i: number) => ({ first_party: `9190034590${10 + i}`, second_party: '918197241073' })
        : (i: number) => ({ recipient: `9190034590${10 + i}` });
    for (let i = 0; i < 21; i++) {
      const created = await fetch(`${mock().url}${path}`, {
        method: 'POST',
        headers: { authorization: basicAuth(), 'content-type': 'application/json' },
        body: JSON.stringify(send(i)),
      });
      expect(created.ok).toBe(true);
    }

    const page = await get(`${path}?limit=&offset=`);
    expect(page.status).toBe(200);
    expect(schemaErrors(operationId, '200', page.body)).toBe('');
    expect(metaOf(page.body)).toMatchObject({
      limit: 20,
      offset: 0,
      next: `${path}?limit=20&offset=20`,
      previous: null,
    });
    const next = await get(metaOf(page.body).next);
    expect(next.status).toBe(200);
    expect(metaOf(next.body)).toMatchObject({ limit: 20, offset: 20, next: null });
  });

  it.each(['1e400', '1e21', '0x10', '9007199254740993'])(
    'refuses offset=%s with the documented 400 naming offset, not a page with a null or rounded offset',
    async (offset) => {
      const answer = await get(`${path}?offset=${offset}`);
      expect(answer.status).toBe(400);
      expect(schemaErrors(operationId, '400', answer.body)).toBe('');
      expect(answer.body).toEqual({
        api_id: expect.any(String),
        error: `Invalid offset '${offset}' provided: give a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
      });
    },
  );
});

// Prism checks query keys whatever their case, the last spelling winning; the state reads them as written.
describe('a query key sent in two spellings of case', () => {
  it.each([
    ['listVerifySessions', `${LISTS[1]?.[1]}?status=bogus&STATUS=verified`, 'status', 'STATUS'],
    ['listMaskingSessions', `${LISTS[0]?.[1]}?duration=-5&DURATION=5`, 'duration', 'DURATION'],
    ['listMaskingSessions', `${LISTS[0]?.[1]}?Limit=50&limit=5`, 'Limit', 'limit'],
  ] as const)(
    '%s %s: the documented 400, not a list filtered by a value Prism never checked',
    async (operationId, path, first, second) => {
      const answer = await get(path);
      expect(answer.status).toBe(400);
      expect(schemaErrors(operationId, '400', answer.body)).toBe('');
      expect(answer.body.error).toBe(
        `The query names one parameter twice, as ${first} and ${second}: send it once, spelt as documented (${first.toLowerCase()})`,
      );
    },
  );

  it('one spelling alone is read as written: a key of another case is not the parameter', async () => {
    const answer = await get(`${LISTS[1]?.[1]}?STATUS=verified&limit=1`);
    expect(answer.status).toBe(200);
    expect(answer.body.meta).toMatchObject({ limit: 1 });
  });
});
