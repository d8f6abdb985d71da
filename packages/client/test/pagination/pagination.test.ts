// list() against a local server that serves three pages of each list shape: awaiting gives the first page;
// `for await` yields every item once, in order, asking for each page only when the loop reaches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidResponseError, type PlivoClient } from '../../src/index.js';
import { clientFor, rejectionOf } from '../helpers/client.js';
import { AUTH_ID } from '../helpers/credentials.js';
import { type Handler, sendJson, startServer, type TestServer } from '../helpers/server.js';
import { example, uuidFor } from '../helpers/spec.js';

const PAGE_SIZE = 2;
const TOTAL = 5; // pages of 2, 2 and 1

/** The items of the whole list, each a spec example with its own UUID (to check order and uniqueness). */
const maskingItems = Array.from({ length: TOTAL }, (_, i) => {
  const [first] = (example('MaskingSessionListPage').response as { objects: Record<string, unknown>[] })
    .objects;
  return { ...first, session_uuid: uuidFor(i + 1) };
});
const verifyItems = Array.from({ length: TOTAL }, (_, i) => ({
  ...(example('VerifySessionListPage').sessions as Record<string, unknown>[])[0],
  session_uuid: uuidFor(i + 1),
}));

/** `next` as Plivo writes it: the path and query of the following page, or null on the last. */
const nextOf = (path: string, offset: number, limit: number) =>
  offset + limit < TOTAL ? `${path}?limit=${limit}&offset=${offset + limit}` : null;
const previousOf = (path: string, offset: number, limit: number) =>
  offset === 0 ? null : `${path}?limit=${limit}&offset=${Math.max(0, offset - limit)}`;

const MASKING = `/v1/Account/${AUTH_ID}/Masking/Session/`;
const VERIFY = `/v1/Account/${AUTH_ID}/Verify/Session/`;

/** Serves the three pages of each shape, from the offset and limit in the query. */
const servePages: Handler = (req, res) => {
  const url = new URL(req.url ?? '', 'http://x');
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 20);
  if (url.pathname === MASKING) {
    const meta = {
      limit,
      next: nextOf(MASKING, offset, limit),
      offset,
      previous: previousOf(MASKING, offset, limit),
      total_count: TOTAL,
    };
    sendJson(res, 200, {
      api_id: `masking-${offset}`,
      response: { meta, objects: maskingItems.slice(offset, offset + limit) },
    });
  } else if (url.pathname === VERIFY) {
    const meta = {
      limit,
      offset,
      next: nextOf(VERIFY, offset, limit),
      previous: previousOf(VERIFY, offset, limit),
    };
    sendJson(res, 200, {
      api_id: `verify-${offset}`,
      meta,
      sessions: verifyItems.slice(offset, offset + limit),
    });
  } else {
    sendJson(res, 404, { error: 'not found' });
  }
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer(servePages);
});
afterAll(() => server.close());

const shapes = [
  {
    shape: 'masking ({ response: { meta with total_count, objects } })',
    list: (client: PlivoClient) => client.maskingSessions.list({ status: 'active', limit: PAGE_SIZE }),
    items: maskingItems,
    path: MASKING,
  },
  {
    shape: 'Verify ({ meta without total_count, sessions })',
    list: (client: PlivoClient) => client.verifySessions.list({ status: 'verified', limit: PAGE_SIZE }),
    items: verifyItems,
    path: VERIFY,
  },
];

const queries = () =>
  server.requests.map((request) => Object.fromEntries(new URL(request.url, server.baseUrl).searchParams));

describe.each(shapes)('list() of the $shape shape', ({ list, items, path }) => {
  it('for await yields every item once, in order, with exactly 3 requests (one per page)', async () => {
    server.reset(servePages);
    const seen: unknown[] = [];
    for await (const item of list(clientFor(server))) seen.push(item);
    expect(seen).toEqual(items);
    expect(server.requests.map((request) => new URL(request.url, server.baseUrl).pathname)).toEqual([
      path,
      path,
      path,
    ]);
    // The filters go with every page; each next page starts where the last one ended.
    expect(queries()).toEqual([
      { status: expect.any(String), limit: '2' },
      { status: expect.any(String), limit: '2', offset: '2' },
      { status: expect.any(String), limit: '2', offset: '4' },
    ]);
  });

  it('break after the first item makes one request', async () => {
    server.reset(servePages);
    for await (const item of list(clientFor(server))) {
      expect(item).toEqual(items[0]);
      break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it('awaited, gives the first page; nextPage() walks to the last, where hasNextPage() is false', async () => {
    server.reset(servePages);
    const first = await list(clientFor(server));
    expect(first.data).toEqual(items.slice(0, 2));
    expect(first.meta).toMatchObject({ offset: 0, limit: 2 });
    expect(first.api_id).toMatch(/-0$/);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.nextPage();
    const third = await second.nextPage();
    expect([second.data, third.data]).toEqual([items.slice(2, 4), items.slice(4)]);
    expect(third.hasNextPage()).toBe(false);
    expect(await rejectionOf(third.nextPage())).toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(3);
  });

  it('sends nothing until it is awaited or iterated, and fetches the first page once for both', async () => {
    server.reset(servePages);
    const pages = list(clientFor(server));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(0);
    const first = await pages;
    const seen: unknown[] = [];
    for await (const item of pages) seen.push(item);
    expect(first.data).toEqual(items.slice(0, 2));
    expect(seen).toEqual(items);
    expect(server.requests).toHaveLength(3);
  });
});

/**
 * Walks a whole list against a server that answers every request with `body`: the items the loop saw and how
 * many requests it made.
 */
async function walkAgainst(body: unknown, list: (client: PlivoClient) => AsyncIterable<unknown>) {
  const answering = await startServer((_req, res) => sendJson(res, 200, body));
  try {
    const seen: unknown[] = [];
    for await (const item of list(clientFor(answering))) seen.push(item);
    return { seen, requests: answering.requests.length };
  } finally {
    await answering.close();
  }
}

describe('the end of a list', () => {
  it('masking: stops at total_count even if next is still set', async () => {
    const meta = {
      limit: 20,
      next: `${MASKING}?limit=20&offset=20`,
      offset: 0,
      previous: null,
      total_count: 1,
    };
    const body = { api_id: 'a', response: { meta, objects: maskingItems.slice(0, 1) } };
    expect(await walkAgainst(body, (client) => client.maskingSessions.list())).toEqual({
      seen: maskingItems.slice(0, 1),
      requests: 1,
    });
  });

  it("masking: total_count counts from the start of the list, not from the caller's offset", async () => {
    // The page at offset 1 holds the last item of 2; next (wrongly) names a third page.
    const meta = {
      limit: 20,
      next: `${MASKING}?limit=20&offset=2`,
      offset: 1,
      previous: null,
      total_count: 2,
    };
    const body = { api_id: 'a', response: { meta, objects: maskingItems.slice(1, 2) } };
    expect(await walkAgainst(body, (client) => client.maskingSessions.list({ offset: 1 }))).toEqual({
      seen: maskingItems.slice(1, 2),
      requests: 1,
    });
  });

  it('a page whose meta has no next at all is the last', async () => {
    const body = {
      api_id: 'a',
      meta: { limit: 20, offset: 0, previous: null },
      sessions: verifyItems.slice(0, 1),
    };
    expect(await walkAgainst(body, (client) => client.verifySessions.list())).toEqual({
      seen: verifyItems.slice(0, 1),
      requests: 1,
    });
  });

  it('an empty page ends the list even if next is set (no endless loop)', async () => {
    const meta = { limit: 20, offset: 0, next: `${VERIFY}?limit=20&offset=20`, previous: null };
    expect(
      await walkAgainst({ api_id: 'a', meta, sessions: [] }, (client) => client.verifySessions.list()),
    ).toEqual({ seen: [], requests: 1 });
  });
});

describe('a server that ignores offset', () => {
  it('answering every page with the first one stops the list with an InvalidResponseError, not a loop', async () => {
    const stuck = await startServer((_req, res) =>
      sendJson(res, 200, {
        api_id: 'a',
        meta: { limit: PAGE_SIZE, offset: 0, next: `${VERIFY}?limit=2&offset=2`, previous: null },
        // Never empty: the check before this one (an empty page ends the list) cannot stop it.
        sessions: verifyItems.slice(0, PAGE_SIZE),
      }),
    );
    try {
      const seen: unknown[] = [];
      const iterate = async () => {
        for await (const item of clientFor(stuck).verifySessions.list({ limit: PAGE_SIZE })) {
          seen.push(item);
          if (seen.length > 50) throw new Error('the list did not stop');
        }
      };
      const error = (await rejectionOf(iterate())) as InvalidResponseError;
      expect(error).toBeInstanceOf(InvalidResponseError);
      // The same fields as any other answer that breaks the spec: the URL asked for, the status, the body.
      const url = `${stuck.baseUrl}${VERIFY}?limit=2&offset=2`;
      expect(error.message).toBe(
        `GET ${url} answered 200 without the page at offset 2: it has another \`meta.offset\` and the same 2 sessions as the page before, so the server ignores \`offset\` and the list stops here instead of asking again forever (a stateless mock does this: start it with \`stateful: true\` to page through sessions)`,
      );
      expect(error).toMatchObject({ status: 200, url, apiId: 'a' });
      expect(error.bodySnippet).toMatch(/^\{"api_id":"a","meta":/);
      expect(seen).toEqual(verifyItems.slice(0, PAGE_SIZE));
      expect(stuck.requests).toHaveLength(2);
    } finally {
      await stuck.close();
    }
  });
});

describe('a server that honours offset while sessions are created', () => {
  it('the same sessions at the offset asked for are a real page, not an ignored offset', async () => {
    // Newest first: a session created between the two requests pushes the first page's one down to offset 1.
    const shifting = await startServer((req, res) => {
      const offset = Number(new URL(req.url ?? '', 'http://x').searchParams.get('offset') ?? 0);
      sendJson(res, 200, {
        api_id: `a-${offset}`,
        meta: { limit: 1, offset, next: offset === 0 ? `${VERIFY}?limit=1&offset=1` : null, previous: null },
        sessions: verifyItems.slice(0, 1),
      });
    });
    try {
      const first = await clientFor(shifting).verifySessions.list({ limit: 1 });
      const second = await first.nextPage();
      expect(second.data).toEqual(first.data);
      expect(second.meta.offset).toBe(1);
    } finally {
      await shifting.close();
    }
  });
});

describe('the filters of every page', () => {
  it('are the ones list() was called with, whatever happens to the object afterwards', async () => {
    server.requests.length = 0;
    const filters: Record<string, unknown> = { status: 'verified', limit: PAGE_SIZE };
    const pages = clientFor(server).verifySessions.list(filters as { status: 'verified'; limit: number });
    filters.status = 'expired';
    filters.limit = 999;
    const first = await pages;
    await first.nextPage();
    expect(queries()).toEqual([
      { status: 'verified', limit: '2' },
      { status: 'verified', limit: '2', offset: '2' },
    ]);
  });
});

describe('where the next page starts', () => {
  it('counts from the offset it asked for, not from the meta.offset a page states', async () => {
    // Serves the right items for the query, but every page claims to start at "0" (a string).
    const misstated = await startServer((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      const offset = Number(url.searchParams.get('offset') ?? 0);
      sendJson(res, 200, {
        api_id: 'a',
        meta: { limit: PAGE_SIZE, offset: '0', next: nextOf(VERIFY, offset, PAGE_SIZE), previous: null },
        // A client that kept asking for the same page would get an empty one after 10 requests.
        sessions: misstated.requests.length > 10 ? [] : verifyItems.slice(offset, offset + PAGE_SIZE),
      });
    });
    try {
      const seen: unknown[] = [];
      for await (const item of clientFor(misstated).verifySessions.list({ limit: PAGE_SIZE }))
        seen.push(item);
      expect(seen).toEqual(verifyItems);
      expect(misstated.requests.map((request) => request.url)).toEqual([
        `${VERIFY}?limit=2`,
        `${VERIFY}?limit=2&offset=2`,
        `${VERIFY}?limit=2&offset=4`,
      ]);
    } finally {
      await misstated.close();
    }
  });

  it('is fixed when the page arrives: a caller that empties or reorders page.data still moves on', async () => {
    server.requests.length = 0;
    let page = await clientFor(server).verifySessions.list({ limit: PAGE_SIZE });
    const seen: unknown[] = [];
    for (;;) {
      // Drained as a queue (and the last item moved to the front first), as callers do with an array they own.
      page.data.unshift(...page.data.splice(-1));
      while (page.data.length > 0) seen.push(page.data.shift());
      if (!page.hasNextPage() || seen.length > TOTAL) break;
      page = await page.nextPage();
    }
    expect(queries().map((query) => query.offset)).toEqual([undefined, '2', '4']);
    expect(seen).toHaveLength(TOTAL);
  });

  it('for await yields every item as it arrived, though the caller drained the first page it awaited', async () => {
    const pages = clientFor(server).verifySessions.list({ limit: PAGE_SIZE });
    const first = await pages;
    first.data.reverse();
    first.data.shift();
    const seen: unknown[] = [];
    for await (const item of pages) seen.push(item);
    expect(seen).toEqual(verifyItems);
  });

  it("starts from the caller's own offset", async () => {
    server.requests.length = 0;
    const seen: unknown[] = [];
    const client = clientFor(server);
    for await (const item of client.verifySessions.list({ limit: PAGE_SIZE, offset: 1 })) seen.push(item);
    expect(seen).toEqual(verifyItems.slice(1));
    expect(queries().map((query) => query.offset)).toEqual(['1', '3']);
  });
});

describe('filters a query string cannot carry are refused before any request', () => {
  const refused = async (filters: unknown) => {
    server.requests.length = 0;
    const list = clientFor(server).verifySessions.list as (filters: unknown) => PromiseLike<unknown>;
    const error = await rejectionOf(Promise.resolve(list(filters)));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
    return error as InvalidArgumentError;
  };

  it('a Date, which would be sent as nothing: named, with the text to pass instead', async () => {
    const error = await refused({ session_time__gte: new Date('2024-01-01T06:30:00Z'), status: 'verified' });
    expect(error.argument).toBe('session_time__gte');
    expect(error.message).toBe(
      'The list filter `session_time__gte` is a Date; a filter is a string, a number or a boolean. For a time, pass its UTC text, e.g. "2024-01-01 06:30:00".',
    );
  });

  it.each([
    [{ recipient: ['+14155550100'] }, 'an array'],
    [{ recipient: { e164: '+1' } }, 'an object'],
  ])('a filter that is %j', async (filters, described) => {
    const error = await refused(filters);
    expect(error.argument).toBe('recipient');
    expect(error.message).toContain(`is ${described}; a filter is a string, a number or a boolean.`);
  });

  it.each([5, 'status=verified', null])('filters that are not an object: %j', async (filters) => {
    const error = await refused(filters);
    expect(error.argument).toBe('filters');
    expect(error.message).toContain('list() takes an object of filters');
  });

  it.each([
    [new URLSearchParams({ status: 'verified', limit: '5' }), 'a URLSearchParams'],
    [new Map([['status', 'verified']]), 'a Map'],
  ])(
    'filters in an object that is not plain, whose entries would be sent as nothing: %s',
    async (filters, named) => {
      const error = await refused(filters);
      expect(error.argument).toBe('filters');
      expect(error.message).toBe(
        `list() takes an object of filters, such as { status: 'active', limit: 20 }, or nothing; got ${named}.`,
      );
    },
  );

  it('reach .catch() and then(_, onRejected) as a rejection, never as a throw at the call', async () => {
    server.requests.length = 0;
    const list = () => clientFor(server).verifySessions.list({ limit: 0 });
    const caught = await list().catch((error: unknown) => error);
    const rejected = await list().then(
      () => undefined,
      (error: unknown) => error,
    );
    for (const error of [caught, rejected]) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('limit');
    }
    expect(server.requests).toHaveLength(0);
  });

  it.each([-1, 1.5, '2'])('an offset of %j', async (offset) => {
    const error = await refused({ offset });
    expect(error.argument).toBe('offset');
    expect(error.message).toContain('a whole number from 0');
  });
});
