import { readFileSync } from 'node:fs';

function load(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${relative}`, import.meta.url), 'utf8'));
}

/** The GET response bodies from Plivo's own SDK test suites (see test/fixtures/SOURCES.txt). */
export const MASKING_FIXTURES = [
  'plivo-go/getMaskingSessionResponse.json',
  'plivo-java/maskingSessionGetResponse.json',
  'plivo-php/maskingSessionGetResponse.json',
  'plivo-python/maskingSessionGetResponse.json',
].map((name) => ({ name, body: load(name) as { api_id: string; response: Record<string, unknown> } }));

export const VERIFY_FIXTURES = [
  'plivo-go/verifySessionGetResponse.json',
  'plivo-java/getSession.json',
  'plivo-php/verifySessionGetResponse.json',
  'plivo-python/sessionGetResponse.json',
].map((name) => ({
  name,
  body: load(name) as { api_id: string; session_uuid: string } & Record<string, unknown>,
}));
