// `pnpm test`: lint, every package's suites, the scripts' own tests (the `pnpm start` check among them), the
// release checks and the turbo cache check. Every step runs even when an earlier one fails; the command ends
// with the list of the steps that failed and exits 1 if any did.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSteps } from './run-steps.mjs';
import { listSteps } from './test-steps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Every step gets one fresh temp folder, so the last step can prove that nothing was left behind in it.
const tempFolder = mkdtempSync(join(tmpdir(), 'plivo-openapi-test-'));
process.on('exit', () => rmSync(tempFolder, { recursive: true, force: true }));
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  // Part of every turbo hash (turbo.json globalEnv): a run on another Node version reruns the suites instead of
  // replaying the results of this one from the cache.
  PLIVO_NODE_VERSION: process.version,
  TMPDIR: tempFolder,
  TMP: tempFolder,
  TEMP: tempFolder,
};

await runSteps(listSteps({ root, env, tempFolder }), { cwd: root, env, title: 'pnpm test' });
