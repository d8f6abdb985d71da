// Each callback is signed with the Auth Token of the request that registered its URL (README: Callbacks from
// the stateful mock), not with whichever token the account used last; no token ever reaches the journal.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyCallbackSignature } from '@plivo-openapi/client/callbacks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_A, basicAuth } from './support/accounts.js';
import { statefulMockForThisFile } from './support/stateful-mock.js';

const OTP = '135790';
const mock = statefulMockForThisFile({ otp: OTP });

const TOKEN_A = 'token-a-not-a-secret';
const TOKEN_B = 'token-b-not-a-secret';
const A = `/v1/Account/${ACCOUNT_A}`;

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let receiver: Server;
let origin: string;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req.setEncoding('utf8')) body += chunk;
    received.push({ url: req.url ?? '', headers: req.headers, body });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function post(path: string, token: string, body: Record<string, unknown>) {
  const answer = await fetch(`${mock().url}${A}${path}`, {
    method: 'POST',
    headers: { authorization: basicAuth(ACCOUNT_A, token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await answer.json()) as Record<string, unknown>;
  expect(answer.ok, JSON.stringify(json)).toBe(true);
  return json;
}

/** The one callback delivered to `path`, once it has arrived. */
async function deliveredTo(path: string, count = 1): Promise<Received> {
  await vi.waitFor(() => expect(received.filter((r) => r.url === path)).toHaveLength(count));
  return received.filter((r) => r.url === path).at(-1) as Received;
}

/** The tokens, among A and B, whose V3 signature the callback carries. */
async function signedWith({ url, headers, body }: Received): Promise<string[]> {
  const signers: string[] = [];
  for (const authToken of [TOKEN_A, TOKEN_B]) {
    const valid = await verifyCallbackSignature({
      method: 'POST',
      url: origin + url,
      nonce: headers['x-plivo-signature-v3-nonce'],
      signature: headers['x-plivo-signature-v3'],
      params: new URLSearchParams(body),
      authToken,
    });
    if (valid) signers.push(authToken);
  }
  return signers;
}

describe('callbacks are signed with the token that registered their URL', () => {
  it('a masking SessionTimeout, after the account registered another URL with another token', async () => {
    await post('/Masking/Session/', TOKEN_A, {
      first_party: '919003459051',
      second_party: '918197241073',
      callback_url: `${origin}/masking/a`,
      session_expiry: 100,
    });
    await post('/Masking/Session/', TOKEN_B, {
      first_party: '919003459052',
      second_party: '918197241074',
      callback_url: `${origin}/masking/b`,
      session_expiry: 1000,
    });
    mock().advanceTime(101_000);
    expect(await signedWith(await deliveredTo('/masking/a'))).toEqual([TOKEN_A]);
  });

  it('a masking update that registers a new URL signs with its own token; one that does not keeps the old', async () => {
    const create = async (path: string, i: number) =>
      String(
        (
          await post('/Masking/Session/', TOKEN_A, {
            first_party: `91900345906${i}`,
            second_party: `91819724107${i}`,
            callback_url: `${origin}${path}`,
            session_expiry: 100,
          })
        ).session_uuid,
      );
    const kept = await create('/masking/kept', 1);
    const moved = await create('/masking/old', 2);
    await post(`/Masking/Session/${kept}`, TOKEN_B, { ring_timeout: 60 });
    await post(`/Masking/Session/${moved}`, TOKEN_B, { callback_url: `${origin}/masking/new` });
    mock().advanceTime(101_000);
    expect(await signedWith(await deliveredTo('/masking/kept'))).toEqual([TOKEN_A]);
    expect(await signedWith(await deliveredTo('/masking/new'))).toEqual([TOKEN_B]);
    expect(received.filter((r) => r.url === '/masking/old')).toEqual([]);
  });

  it('a Verify callback, after the account registered another URL with another token', async () => {
    const sent = await post('/Verify/Session/', TOKEN_A, {
      recipient: '+919003459054',
      url: `${origin}/verify/a`,
    });
    expect(await signedWith(await deliveredTo('/verify/a'))).toEqual([TOKEN_A]);
    await post('/Masking/Session/', TOKEN_B, {
      first_party: '919003459055',
      second_party: '918197241076',
      callback_url: `${origin}/masking/b2`,
    });
    await post(`/Verify/Session/${String(sent.session_uuid)}/`, TOKEN_B, { otp: OTP });
    expect(await signedWith(await deliveredTo('/verify/a', 2))).toEqual([TOKEN_A]);
  });

  it('a Verify code resent with a new URL and another token: its callbacks go there, signed with that token', async () => {
    const recipient = '+919003459057';
    const sent = await post('/Verify/Session/', TOKEN_A, { recipient, url: `${origin}/verify/first` });
    expect(await signedWith(await deliveredTo('/verify/first'))).toEqual([TOKEN_A]);
    const resent = await post('/Verify/Session/', TOKEN_B, { recipient, url: `${origin}/verify/second` });
    expect(resent.session_uuid).toBe(sent.session_uuid); // one more attempt of the same open session
    expect(await signedWith(await deliveredTo('/verify/second'))).toEqual([TOKEN_B]);
    await post(`/Verify/Session/${String(sent.session_uuid)}/`, TOKEN_A, { otp: OTP });
    expect(await signedWith(await deliveredTo('/verify/second', 2))).toEqual([TOKEN_B]);
    expect(received.filter((r) => r.url === '/verify/first')).toHaveLength(1);
  });

  it('keeps no token in the journal', () => {
    const journal = JSON.stringify(mock().requests());
    expect(journal).toContain('"kind":"callback"');
    expect(journal).not.toContain(TOKEN_A);
    expect(journal).not.toContain(TOKEN_B);
  });
});
