import { expect, it } from 'vitest';
import { ACCOUNT_A, ACCOUNT_B, clientOf } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

// 500 creates in flight at once, then 500 gets in flight at once: every session is kept, each get returns
// the session its create made (not another one), and the two accounts stay apart.

const mock = statefulMockForThisFile();
const COUNT = 500;

it(`keeps ${COUNT} concurrent creates and answers ${COUNT} concurrent gets with the right session each`, async () => {
  const accounts = [ACCOUNT_A, ACCOUNT_B];
  const clients = accounts.map((authId) => clientOf(mock().url, authId));
  // Each create carries its own first_party, so a get that returned another session would show it.
  const partyOf = (i: number) => `1415${String(5_000_000 + i)}`;
  const clientFor = (i: number) => clients[i % 2] as (typeof clients)[number];

  const created = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      clientFor(i).maskingSessions.create({
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

  const got = await Promise.all(uuids.map((uuid, i) => clientFor(i).maskingSessions.get(uuid)));
  got.forEach((session, i) => {
    expect(session).toMatchObject({ session_uuid: uuids[i], first_party: partyOf(i), status: 'active' });
  });

  const totals = await Promise.all(clients.map((plivo) => plivo.maskingSessions.list({ limit: 1 })));
  expect(totals.map(({ meta }) => meta.total_count)).toEqual([COUNT / 2, COUNT / 2]);

  const journal = mock().requests();
  expect(journal.filter((entry) => entry.kind === 'request' && entry.status === 201)).toHaveLength(COUNT);
  expect(journal.filter((entry) => entry.kind === 'request' && entry.status === 200)).toHaveLength(COUNT + 2);
}, 120_000);
