// Prism's internals: the kit refuses to start Prism on other releases than it pins (newer ones hang on a body
// that is not JSON), and names the fix.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PRISM_INTERNALS, prismInternalsProblem, versionSeenFrom } from '../src/prism-internals.js';

const kitManifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const prismCliManifest = createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');

describe("Prism's internals", () => {
  it('are pinned in the dependencies users install, not only in this repository', () => {
    expect(kitManifest.dependencies).toMatchObject(PRISM_INTERNALS);
  });

  it('are, as Prism loads them here, the pinned releases', () => {
    for (const [name, pinned] of Object.entries(PRISM_INTERNALS)) {
      expect(versionSeenFrom(prismCliManifest, name), name).toBe(pinned);
    }
    expect(prismInternalsProblem((name) => versionSeenFrom(prismCliManifest, name))).toBeUndefined();
  });

  it('refuses other releases, naming each with what it needs and how to pin it', () => {
    const problem = prismInternalsProblem((name) =>
      name === '@stoplight/prism-http-server' ? '5.16.0' : PRISM_INTERNALS[name],
    );
    expect(problem).toContain('@stoplight/prism-http-server 5.16.0 (needs 5.12.2)');
    expect(problem).not.toContain('@stoplight/prism-core 5');
    expect(problem).toContain('npm: "overrides" in package.json; pnpm: "pnpm.overrides"');
    expect(problem).toContain(JSON.stringify(PRISM_INTERNALS));
  });

  it('refuses an internal it cannot read', () => {
    expect(versionSeenFrom(prismCliManifest, '@stoplight/no-such-package')).toBeUndefined();
    expect(prismInternalsProblem(() => undefined)).toContain(
      '@stoplight/prism-core (unreadable) (needs 5.8.0)',
    );
  });
});
