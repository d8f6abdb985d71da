// The built callbacks entry in a real browser: headless Chromium (Debian's, never a downloaded one) loads
// dist/callbacks.mjs from a page on 127.0.0.1 (a secure context, so crypto.subtle exists) and runs the probe.
import { existsSync, readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distFile } from '../../helpers/dist.js';
import { startServer, type TestServer } from '../../helpers/server.js';
import { type CallbacksProbeResult, callbacksProbeSource, expectCallbacksProbeSucceeded } from './probe.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let site: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\`.`);
  }
  const bundle = readFileSync(distFile('callbacks.mjs'), 'utf8');
  const page = `<!doctype html><html><head><meta charset="utf-8">
    <script type="module">${callbacksProbeSource('/dist/callbacks.mjs', 'global')}</script></head><body></body></html>`;
  site = await startServer((req, res) => {
    if (req.url === '/dist/callbacks.mjs')
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(bundle);
    else if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(404).end();
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the callbacks entry in headless Chromium', () => {
  it('signs, verifies, rejects changed inputs and parses', async () => {
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(`${site.baseUrl}/`);
    const result = await tab.evaluate(async () =>
      JSON.parse(await (window as unknown as { __probeResult: Promise<string> }).__probeResult),
    );
    expect(pageErrors).toEqual([]);
    expectCallbacksProbeSucceeded(result as CallbacksProbeResult);
    await tab.close();
  });
});
