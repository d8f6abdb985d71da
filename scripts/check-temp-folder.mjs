// Last step of `pnpm test`: every step ran with TMPDIR pointing at one fresh folder, which must now be empty.
// Whatever is left there is something a test or tool created and did not remove.
import { readdirSync } from 'node:fs';

const folder = process.argv[2];
if (!folder) throw new Error('usage: node scripts/check-temp-folder.mjs <folder>');
// Node 22+ keeps its module compile cache there on purpose (`module.enableCompileCache()`, used by npm and
// pnpm): the runtime's own cache, not something a test forgot.
const RUNTIME_CACHES = new Set(['node-compile-cache']);
const left = readdirSync(folder).filter((name) => !RUNTIME_CACHES.has(name));
if (left.length > 0) {
  console.error(`temp folder check: the test run left ${left.length} entries in its temp folder ${folder}:`);
  for (const name of left.sort()) console.error(`  ${name}`);
  console.error(
    'Each one was created by a test or tool that did not remove it: make it clean up after itself.',
  );
  process.exitCode = 1;
} else {
  console.log('temp folder check: the test run left nothing in its temp folder.');
}
