// The buffered Response that the transport hands to openapi-fetch behaves as a Response does.
import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../../src/buffered-response.js';

const text = '{"api_id":"a","ok":true}';
const init = {
  status: 200,
  statusText: 'OK',
  headers: new Headers({ 'content-type': 'application/json', 'x-a': '1' }),
  url: 'http://127.0.0.1/x',
};
const make = (body: string | null = text) =>
  new BufferedResponse(body === null ? null : new TextEncoder().encode(body), init);

describe('BufferedResponse', () => {
  it('is a Response with the status, headers and URL it was given', () => {
    const response = make();
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({
      status: 200,
      statusText: 'OK',
      ok: true,
      url: init.url,
      bodyUsed: false,
    });
    expect(response.headers.get('x-a')).toBe('1');
  });

  it.each([
    ['text', (r: Response) => r.text(), text],
    ['json', (r: Response) => r.json(), JSON.parse(text)],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()), text],
    ['blob', async (r: Response) => (await r.blob()).text(), text],
    ['body', (r: Response) => new Response(r.body).text(), text],
  ])('reads its body once through %s, then refuses as any Response does', async (_name, read, expected) => {
    const response = make();
    expect(await read(response)).toEqual(expected);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('rejects (not throws) a second read', async () => {
    const response = make();
    await response.text();
    const second = response.json();
    expect(second).toBeInstanceOf(Promise);
    await expect(second).rejects.toThrow('Body is unusable');
  });

  it('json() rejects a body that is not JSON with a SyntaxError', async () => {
    await expect(make('<html>').json()).rejects.toThrow(SyntaxError);
  });

  it('a clone reads the same body independently', async () => {
    const response = make();
    const copy = response.clone();
    expect(copy).toBeInstanceOf(BufferedResponse);
    expect(await copy.text()).toBe(text);
    expect(await response.text()).toBe(text);
  });

  it('arrayBuffer() hands out a copy: changing it does not change a clone', async () => {
    const response = make();
    const copy = response.clone();
    new Uint8Array(await response.arrayBuffer()).fill(0x20);
    expect(await copy.text()).toBe(text);
  });

  it('keeps its Content-Type for blob() and formData() once its body stream was asked for', async () => {
    const form = new BufferedResponse(new TextEncoder().encode('status=verified&limit=5'), {
      ...init,
      headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }),
    });
    expect(form.body).not.toBeNull();
    expect((await form.formData()).get('status')).toBe('verified');
    const response = make();
    expect(response.body).not.toBeNull();
    expect((await response.blob()).type).toBe('application/json');
  });

  it('refuses to clone while its body stream is being read, as a native Response does', () => {
    const native = new Response(text);
    native.body?.getReader();
    expect(() => native.clone()).toThrow(TypeError);
    const response = make();
    response.body?.getReader();
    expect(() => response.clone()).toThrow(TypeError);
  });

  it("a clone keeps the network response's type and whether a redirect led to it", () => {
    // What fetch gives after following a redirect to another origin; a constructed Response reads default/false.
    const network = new Response(null, init);
    Object.defineProperties(network, { type: { value: 'cors' }, redirected: { value: true } });
    const clone = BufferedResponse.adopt(network, new TextEncoder().encode(text), init.url).clone();
    expect(clone).toMatchObject({ type: 'cors', redirected: true, url: init.url, status: 200 });
  });

  it('a body stream, once asked for, is the body: reading it uses the body up', async () => {
    const response = make();
    const stream = response.body;
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(response.body).toBe(stream);
    expect(response.bodyUsed).toBe(false);
    expect(await new Response(stream).text()).toBe(text);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('a body read through a method leaves no second copy in `body`', async () => {
    const response = make();
    await response.text();
    const reader = response.body?.getReader();
    expect((await reader?.read())?.done).toBe(true);
  });

  it('has a null body for a null-body status, and reads as empty', async () => {
    const response = new BufferedResponse(null, { ...init, status: 204, statusText: 'No Content' });
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('a null body is never used up, as on a native Response: it reads as empty every time', async () => {
    const native = new Response(null, { status: 204 });
    const response = new BufferedResponse(null, { ...init, status: 204, statusText: 'No Content' });
    for (const subject of [native, response]) {
      expect(await subject.text()).toBe('');
      expect(await subject.arrayBuffer()).toEqual(new ArrayBuffer(0));
      expect(subject.bodyUsed).toBe(false);
      expect(await subject.clone().text()).toBe('');
    }
  });

  it('an empty body is an empty stream, not null (as on the network)', async () => {
    const response = make('');
    expect(response.body).not.toBeNull();
    expect(await response.text()).toBe('');
  });
});
