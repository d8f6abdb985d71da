// End to end: the receiver of the client's README (packages/client/test/callbacks/readme-example, shown verbatim
// in packages/client/README.md) gets every callback of a stateful masking flow and a Verify flow from the mock,
// verifies each signature and parses each payload. The same callbacks, forged, replayed to another URL or sent
// without their nonce, are refused.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCallbackServer,
  type PlivoCallback,
} from '../../../client/test/callbacks/readme-example/node-receiver.js';
import { findFreePort } from '../../src/free-port.js';
import { type StatefulMockServer, startMock } from '../../src/index.js';
import type { CallbackDeliveryRecord } from '../../src/stateful/callback-dispatcher.js';
import { expectExited, runningPrismChildren } from '../support/processes.js';

const AUTH_ID = 'MANJUXXVOICEZZAPI908';
const TOKEN = 'callbacks-e2e-token-not-a-secret';
const OTP = '246810';
const BASIC = `Basic ${Buffer.from(`${AUTH_ID}:${TOKEN}`).toString('base64')}`;

let mock: StatefulMockServer;
let receiver: Server;
let origin: string;
const callbacks: PlivoCallback[] = [];
const rejections: string[] = [];

beforeAll(async () => {
  // The receiver needs its public origin before it listens: take a free port first.
  const port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  receiver = createCallbackServer({
    authToken: TOKEN,
    publicOrigin: origin,
    onCallback: (callback) => {
      callbacks.push(callback);
    },
    onRejected: (reason) => {
      rejections.push(reason);
    },
  });
  await new Promise<void>((resolve, reject) => {
    receiver.once('error', reject);
    receiver.listen(port, '127.0.0.1', resolve);
  });
  mock = await startMock({ stateful: { otp: OTP } });
});

afterAll(async () => {
  // Everything stopped first: a failed check below must not leave the receiver listening.
  await mock?.stop();
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  if (mock) expectExited(mock.pid);
  expect(runningPrismChildren()).toEqual([]);
});

async function call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${mock.url}/v1/Account/${AUTH_ID}${path}`, {
    method,
    headers: { authorization: BASIC, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

const deliveries = () =>
  mock
    .requests()
    .filter((entry): entry is CallbackDeliveryRecord & { at: string } => entry.kind === 'callback');

/** The deliveries once every callback sent so far has been answered: there must be `count`. */
async function deliveriesReach(count: number): Promise<CallbackDeliveryRecord[]> {
  await mock.callbacksSettled();
  expect(deliveries(), 'the callback deliveries in the journal').toHaveLength(count);
  return deliveries();
}

describe('the README receiver gets every callback of the stateful mock', () => {
  it('masking sessions: SessionTimeout by POST when one is deleted, by GET with the registered query when one expires after an update; each verified and parsed', async () => {
    const before = callbacks.length;
    const start = deliveries().length;
    const session = (body: Record<string, unknown>) =>
      call('POST', '/Masking/Session/', {
        first_party: '917708772011',
        second_party: '919976106830',
        session_expiry: 600,
        ...body,
      });
    const deleted = String((await session({ callback_url: `${origin}/plivo/masking/status` })).session_uuid);
    const updated = String((await session({ callback_url: `${origin}/plivo/masking/old` })).session_uuid);
    await call('POST', `/Masking/Session/${updated}`, {
      callback_url: `${origin}/plivo/masking/status?tenant=7`,
      callback_method: 'GET',
    });
    // Plivo documents no event for a created or updated session: nothing is sent until one ends.
    await deliveriesReach(start);

    await call('DELETE', `/Masking/Session/${deleted}`);
    await deliveriesReach(start + 1);
    mock.advanceTime(600_000);
    const journal = (await deliveriesReach(start + 2)).slice(start);

    expect(rejections).toEqual([]);
    expect(journal.map(({ method, status, outcome }) => [method, status, outcome])).toEqual([
      ['POST', 200, 'delivered'],
      ['GET', 200, 'delivered'],
    ]);
    const events = callbacks.slice(before);
    expect(events.map((callback) => callback.kind)).toEqual(['masking-status', 'masking-status']);
    expect(events.map((callback) => callback.event.SessionUUID)).toEqual([deleted, updated]);
    expect(
      events.map((callback) => ('EventName' in callback.event ? callback.event.EventName : undefined)),
    ).toEqual(['SessionTimeout', 'SessionTimeout']);
    // The registered query stays the receiver's own: everything else is a parsed attribute.
    expect(events[1]?.event.otherAttributes).toMatchObject({ tenant: '7' });
  });

  it('a Verify session: code sent (in-progress), validated (verified); another one expired', async () => {
    const before = callbacks.length;
    const start = deliveries().length;
    const sent = await call('POST', '/Verify/Session/', {
      recipient: '+917708772011',
      url: `${origin}/plivo/verify`,
      method: 'POST',
    });
    await deliveriesReach(start + 1);
    await call('POST', `/Verify/Session/${String(sent.session_uuid)}/`, { otp: OTP });
    await deliveriesReach(start + 2);
    const other = await call('POST', '/Verify/Session/', {
      recipient: '+919976106830',
      url: `${origin}/plivo/verify?channel=sms`,
      method: 'GET',
    });
    await deliveriesReach(start + 3);
    mock.advanceTime(11 * 60_000);
    const journal = await deliveriesReach(start + 4);

    expect(rejections).toEqual([]);
    expect(journal.slice(start).map(({ status, outcome }) => [status, outcome])).toEqual(
      Array(4).fill([200, 'delivered']),
    );
    const events = callbacks.slice(before);
    expect(
      events.map((callback) => [
        callback.kind,
        callback.event.SessionUUID,
        'SessionStatus' in callback.event ? callback.event.SessionStatus : undefined,
      ]),
    ).toEqual([
      ['verify-status', sent.session_uuid, 'in-progress'],
      ['verify-status', sent.session_uuid, 'verified'],
      ['verify-status', other.session_uuid, 'in-progress'],
      ['verify-status', other.session_uuid, 'expired'],
    ]);
  });
});

describe('the README receiver refuses altered copies of the mock callbacks', () => {
  /** Sends a journaled delivery again, changed by `change`; answers the receiver's status. */
  async function resend(
    delivery: CallbackDeliveryRecord,
    change: { url?: string; params?: Record<string, string>; dropHeader?: string },
  ): Promise<number> {
    const headers = Object.fromEntries(
      Object.entries(delivery.headers).filter(
        ([name]) => name.toLowerCase() !== change.dropHeader?.toLowerCase(),
      ),
    );
    const url = change.url ?? delivery.url;
    if (delivery.method === 'GET') return (await fetch(url, { headers })).status;
    const body = new URLSearchParams(change.params ?? delivery.params).toString();
    return (
      await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      })
    ).status;
  }

  const firstPost = (kind: CallbackDeliveryRecord['callbackKind']) => {
    const found = deliveries().find(
      (delivery) => delivery.method === 'POST' && delivery.callbackKind === kind,
    );
    if (found === undefined) throw new Error(`no POST ${kind} delivery in the journal: run the flows first`);
    return found;
  };

  it('the unaltered copy is accepted (so each refusal below is the alteration)', async () => {
    expect(await resend(firstPost('masking-status'), {})).toBe(200);
    expect(await resend(firstPost('verify-status'), {})).toBe(200);
  });

  it('a forged signature: changed parameters under the mock signature', async () => {
    const delivery = firstPost('masking-status');
    expect(
      await resend(delivery, { params: { ...delivery.params, EventName: 'SessionPartiesHangup' } }),
    ).toBe(403);
    expect(rejections.at(-1)).toContain('None of the 1 V3 signature(s) matches');
  });

  it('a signature replayed for another URL', async () => {
    const masking = firstPost('masking-status');
    expect(
      await resend(masking, {
        url: masking.url.replace('/plivo/masking/status', '/plivo/masking/recording'),
      }),
    ).toBe(403);
    // A Verify callback's V3 signature (the mock sends it with V2) presented where V3 is checked, for another path.
    const verify = firstPost('verify-status');
    expect(await resend(verify, { url: verify.url.replace('/plivo/verify', '/plivo/masking/status') })).toBe(
      403,
    );
    const getDelivery = deliveries().find(
      (delivery) => delivery.method === 'GET' && delivery.callbackKind === 'masking-status',
    );
    if (getDelivery === undefined) throw new Error('no GET masking delivery');
    expect(await resend(getDelivery, { url: getDelivery.url.replace('tenant=7', 'tenant=8') })).toBe(403);
  });

  it('a missing nonce', async () => {
    expect(await resend(firstPost('masking-status'), { dropHeader: 'X-Plivo-Signature-V3-Nonce' })).toBe(400);
    // The mock signs Verify callbacks with V3 too, and the receiver checks V3 whenever it is sent (1db90cf).
    expect(await resend(firstPost('verify-status'), { dropHeader: 'X-Plivo-Signature-V3-Nonce' })).toBe(400);
    expect(rejections.at(-1)).toContain('nonce must be a string, got undefined');
  });
});
