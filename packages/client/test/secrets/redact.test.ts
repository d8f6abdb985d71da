import { describe, expect, it } from 'vitest';
import { createRedactor, credentialRedactor, redactedJson } from '../../src/redact.js';

const token = 'Zq9rT4vX2mB7nK1pL8sD3fG6hJ0wYcE5';
const redact = createRedactor([token]);

describe('createRedactor', () => {
  it('replaces every whole occurrence of a secret', () => {
    expect(redact(`a ${token} b ${token}`)).toBe('a [redacted] b [redacted]');
  });

  it('removes the start of a secret left at the end of a text cut at a byte limit', () => {
    const cut = `{"echo":"${token.slice(0, 12)}`;
    expect(redact(cut)).toBe('{"echo":"[redacted]');
    expect(redact(cut)).not.toContain(token.slice(0, 4));
  });

  it('leaves a text alone when its end matches fewer than four characters of a secret', () => {
    expect(redact(`ends with ${token.slice(0, 3)}`)).toBe(`ends with ${token.slice(0, 3)}`);
  });
});

const htmlEscaped = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('credentialRedactor', () => {
  // A token with characters URLs encode, whose Basic credentials have `+`, `/` and `==` in their base64.
  const authId = 'MANJUXXVOICEZZAPI908';
  const authToken = 'p"q<r>~s?t&u=v+w/x%y~~';
  const credentials = btoa(`${authId}:${authToken}`);
  const redactCredentials = credentialRedactor(authId, authToken);

  it('has a credential whose base64 needs escaping in a URL (what this test is about)', () => {
    expect(credentials).toMatch(/[+/]/);
    expect(credentials).toMatch(/==$/);
  });

  it.each([
    ['as is', `Basic ${credentials}`],
    ['without its padding, mid-text', `got Basic ${credentials.replace(/=+$/, '')}.`],
    ['as base64url', `jwt-ish ${credentials.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_')}`],
    ['URL-encoded', `?a=${encodeURIComponent(`Basic ${credentials}`)}&b=1`],
    ['form-encoded', `?${new URLSearchParams({ a: `Basic ${credentials}` })}`],
    ['the token URL-encoded', `token=${encodeURIComponent(authToken)}`],
    ['the token as a URL parser escapes it', new URL(`https://x.example/?t=${authToken}`).href],
    ['the token alone in base64', `password=${btoa(authToken)}`],
    [
      'the token alone in unpadded base64url',
      `p=${btoa(authToken).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_')}`,
    ],
  ])('removes the credentials %s', (_, text) => {
    const result = redactCredentials(text);
    expect(result).toContain('[redacted]');
    // The base64 of the token's part (its first 28 characters only encode the Auth ID).
    const tokenPart = credentials.slice(30, 60);
    expect(result).not.toContain(tokenPart);
    expect(result).not.toContain(encodeURIComponent(tokenPart));
    expect(result).not.toContain(authToken);
    expect(result).not.toContain(encodeURIComponent(authToken));
    expect(result).not.toContain(btoa(authToken).slice(0, 7));
  });

  it.each([
    ['in a JSON string', JSON.stringify({ echo: `Basic ${authToken}` })],
    ['in a JSON string, `/` escaped', JSON.stringify({ echo: authToken }).replaceAll('/', '\\/')],
    [
      'in JSON with markup as \\u escapes',
      JSON.stringify(authToken).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    ],
    ['in HTML, named references', `<p>${htmlEscaped(authToken)}</p>`],
    ['in HTML, numeric references', `<p>${authToken.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`],
    [
      'URL-encoded twice',
      `next=${encodeURIComponent(`https://x.example/?t=${encodeURIComponent(authToken)}`)}`,
    ],
    [
      'in two escapes at once (JSON and HTML), and lower-case percent escapes',
      `${JSON.stringify({ echo: authToken, html: htmlEscaped(authToken) })} ?q=${encodeURIComponent(authToken).toLowerCase()}`,
    ],
    [
      'in HTML inside JSON, its & escaped as \\u0026 (as Go escapes it)',
      JSON.stringify(htmlEscaped(authToken)).replaceAll('&', '\\u0026'),
    ],
  ])('removes the token quoted %s', (_, text) => {
    const result = redactCredentials(text);
    expect(result).toContain('[redacted]');
    expect(result).not.toContain(authToken);
    expect(result).not.toContain(encodeURIComponent(authToken));
    expect(result).not.toContain(JSON.stringify(authToken).slice(1, -1));
    // What a reader could unescape the token from: the part of it no escape touches.
    expect(result).not.toContain('~s?t');
  });

  it('reads a name after & only as the markup references it knows', () => {
    expect(redactCredentials(`&constructor; ${htmlEscaped(authToken)}`)).toBe('&constructor; [redacted]');
  });

  it('leaves a percent-encoded text that holds no secret as it was', () => {
    expect(redactCredentials('path=%2Fv1%2FAccount&q=a+b')).toBe('path=%2Fv1%2FAccount&q=a+b');
  });
});

describe('redactedJson', () => {
  it('redacts a number that holds a secret of digits, and keeps every other number', () => {
    const digits = createRedactor(['1234567890123']);
    expect(
      redactedJson({ echo: 1234567890123, in: [41234567890123.5], count: 3, text: 'x1234567890123' }, digits),
    ).toEqual({ echo: '[redacted]', in: ['[redacted]'], count: 3, text: 'x[redacted]' });
  });
});
