import { afterEach, beforeEach } from 'vitest';
import { MASKING_PATH, VERIFY_PATH } from '../helpers/credentials.js';
import { MASKING_EXAMPLES, VERIFY_EXAMPLES } from '../helpers/examples.js';
import { sendJson, startServer, type TestServer } from '../helpers/server.js';

export const VERIFY_BODY = VERIFY_EXAMPLES[0]?.body;
export const MASKING_BODY = MASKING_EXAMPLES[0]?.body;

/** A node:http server on 127.0.0.1 answering the two GETs with the spec's named examples and anything else with a 404. */
export function startFixtureServer(): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.method === 'GET' && req.url === VERIFY_PATH) sendJson(res, 200, VERIFY_BODY);
    else if (req.method === 'GET' && req.url === MASKING_PATH) sendJson(res, 200, MASKING_BODY);
    else sendJson(res, 404, { api_id: 'c0ffee00-0000-4000-8000-000000000404', error: 'not found' });
  });
}

/**
 * A fresh fixture server for each test of the calling file, closed after it. A getter, because the server
 * exists only once the test's beforeEach has run.
 */
export function fixtureServerPerTest(): () => TestServer {
  let server: TestServer | undefined;
  beforeEach(async () => {
    server = await startFixtureServer();
  });
  afterEach(async () => {
    await server?.close();
  });
  return () => {
    if (server === undefined)
      throw new Error('The fixture server starts in beforeEach: use it inside a test.');
    return server;
  };
}
