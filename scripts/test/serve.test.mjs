// The main job's serving step, run as a user runs it: both servers come up, answer, and are gone after SIGTERM.
// Needs the build outputs (`pnpm test` runs this after `turbo run test`, which builds everything).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const serveScript = fileURLToPath(new URL('../serve.mjs', import.meta.url));
const authId = 'MAXXXXXXXXXXXXXXXXXX';
const basic = `Basic ${btoa(`${authId}:a-token-for-the-mock-only`)}`;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('pnpm start serves the mock and the docs, and stops both on SIGTERM', { timeout: 90_000 }, async () => {
  const child = spawn(process.execPath, [serveScript, '--mock-port', '0', '--docs-port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  let prismPid;
  let urls;
  try {
    urls = await new Promise((resolve, reject) => {
      const found = {};
      createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        prismPid ??= Number(/Prism pid (\d+)/.exec(line)?.[1]) || undefined;
        const mock = /^ {2}Prism mock {5}(\S+)/.exec(line);
        const docs = /^ {2}API reference {2}(\S+)/.exec(line);
        if (mock) found.mock = mock[1];
        if (docs) found.docs = docs[1];
        if (found.mock && found.docs) resolve(found);
      });
      createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
      child.once('exit', (code) =>
        reject(new Error(`serve.mjs exited early (${code}):\n${output.join('\n')}`)),
      );
    });

    const page = await fetch(urls.docs);
    assert.equal(page.status, 200, 'the docs index answers');
    assert.match(await page.text(), /Plivo API/, 'the docs page is the Plivo reference');

    const session = await fetch(
      `${urls.mock}/v1/Account/${authId}/Verify/Session/4124e518-a8c9-4feb-8cff-d86636ba9234/`,
      { headers: { authorization: basic } },
    );
    assert.equal(session.status, 200, 'the mock serves the verify session');
    assert.equal(typeof (await session.json()).session_uuid, 'string');
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
  assert.equal(child.exitCode, 0, `serve.mjs exits cleanly:\n${output.join('\n')}`);
  assert.ok(prismPid, 'the mock printed its Prism pid');
  assert.equal(isAlive(prismPid), false, 'Prism is gone after the stop');
  for (const url of [urls.mock, urls.docs]) {
    await assert.rejects(fetch(url), `nothing answers at ${url} after the stop`);
  }
});
