import { expect, it } from 'vitest';
import { ACCOUNT_A, ACCOUNT_B, clientOf } from './support/accounts.js';
import { sessionApi } from './support/session-api.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// 500 creates in flight at once, then 500 gets in flight at once: every session is kept, each get returns
// the session its create made (not another one), and the two accounts stay apart.

const mock = statefulMockForThisFile();
const COUNT = 500;

it(`keeps ${COUNT} concurrent creates and answers ${COUNT} concurrent gets with the right session each`, async () => {
  const accounts = [ACCOUNT_A, ACCOUNT_B];
  const apis = accounts.map((authId) => sessionApi(clientOf(mock().url, authId), authId));
  // Each create carries its own first_party, so a get that returned another session would show it.
  const partyOf = (i: number) => `1415${String(5_000_000 + i)}`;
  const apiOf = (i: number) => apis[i % 2] as (typeof apis)[number];

  const created = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      apiOf(i).masking.create({
        first_party: partyOf(i),
        second_party: '918197241073',
        session_expiry: 3600,
      }),
    ),
  );
  const uuids = created.map(({ session_uuid }) => session_uuid);
  expect(new Set(uuids).size).toBe(COUNT);
  created.forEach((answer, i) => {
    expect(answer.session.first_party).toBe(partyOf(i));
  });

  const got = await Promise.all(uuids.map((uuid, i) => apiOf(i).masking.get(uuid)));
  got.forEach(({ response }, i) => {
    expect(response).toMatchObject({ session_uuid: uuids[i], first_party: partyOf(i), status: 'active' });
  });

  const totals = await Promise.all(apis.map((api) => api.masking.list({ limit: 1 })));
  expect(totals.map(({ response }) => response.meta.total_count)).toEqual([COUNT / 2, COUNT / 2]);

  const journal = mock().requests();
  expect(journal.filter((entry) => entry.kind === 'request' && entry.status === 201)).toHaveLength(COUNT);
  expect(journal.filter((entry) => entry.kind === 'request' && entry.status === 200)).toHaveLength(COUNT + 2);
}, 120_000);
