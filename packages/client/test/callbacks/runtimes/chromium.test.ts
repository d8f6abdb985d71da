// The built callbacks entry in a real browser: headless Chromium (Debian's, never a downloaded one) loads
// dist/callbacks.mjs from a page on 127.0.0.1 (a secure context, so crypto.subtle exists) and runs the probe.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTab } from '../../helpers/chromium.js';
import { distFile } from '../../helpers/dist.js';
import { startServer, type TestServer } from '../../helpers/server.js';
import { type CallbacksProbeResult, callbacksProbeSource, expectCallbacksProbeSucceeded } from './probe.js';

let site: TestServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  const bundle = readFileSync(distFile('callbacks.mjs'), 'utf8');
  const page = `<!doctype html><html><head><meta charset="utf-8">
    <script type="module">${callbacksProbeSource('/dist/callbacks.mjs', 'global')}</script></head><body></body></html>`;
  site = await startServer((req, res) => {
    if (req.url === '/dist/callbacks.mjs')
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(bundle);
    else if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(404).end();
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the callbacks entry in headless Chromium', () => {
  it('signs, verifies, rejects changed inputs and parses', async () => {
    const { tab, pageErrors } = await openTab(browser, `${site.baseUrl}/`);
    const result = await tab.evaluate(async () =>
      JSON.parse(await (window as unknown as { __probeResult: Promise<string> }).__probeResult),
    );
    expect(pageErrors).toEqual([]);
    expectCallbacksProbeSucceeded(result as CallbacksProbeResult);
    await tab.close();
  });
});
