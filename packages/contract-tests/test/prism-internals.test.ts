// Prism's internals: the kit refuses to start Prism on other releases than it pins (newer ones hang on a body
// that is not JSON), wherever in node_modules Prism finds them, and names the fix.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { internalsSeenFrom, PRISM_INTERNALS, prismInternalsProblem } from '../src/prism-internals.js';

const kitManifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const prismCliManifest = createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');

const CORE = '@stoplight/prism-core';
const HTTP = '@stoplight/prism-http';
const SERVER = '@stoplight/prism-http-server';

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A node_modules tree of packages at `versions` (a path relative to node_modules per package); prism-cli's manifest. */
function installTree(versions: Record<string, string>): string {
  scratch = mkdtempSync(join(tmpdir(), 'prism-internals-'));
  for (const [where, version] of Object.entries({ '@stoplight/prism-cli': '5.14.2', ...versions })) {
    const dir = join(scratch, 'node_modules', where);
    mkdirSync(dir, { recursive: true });
    const name = where.split('node_modules/').pop();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version }));
  }
  return join(scratch, 'node_modules/@stoplight/prism-cli/package.json');
}

describe("Prism's internals", () => {
  it('are pinned in the dependencies users install, not only in this repository', () => {
    expect(kitManifest.dependencies).toMatchObject(PRISM_INTERNALS);
  });

  it('are, everywhere Prism loads them here, the pinned releases', () => {
    const seen = internalsSeenFrom(prismCliManifest);
    expect(Object.fromEntries([...seen].map(([name, versions]) => [name, [...versions]]))).toEqual(
      Object.fromEntries(Object.entries(PRISM_INTERNALS).map(([name, pinned]) => [name, [pinned]])),
    );
    expect(prismInternalsProblem(seen)).toBeUndefined();
  });

  it('refuses another release, naming it with what it needs and how to pin it', () => {
    const problem = prismInternalsProblem(
      internalsSeenFrom(installTree({ [CORE]: '5.8.0', [HTTP]: '5.12.0', [SERVER]: '5.16.0' })),
    );
    expect(problem).toContain(`${SERVER} 5.16.0 (needs 5.12.2)`);
    expect(problem).not.toContain(`${CORE} 5`);
    expect(problem).toContain('npm: "overrides" in package.json; pnpm: "pnpm.overrides"');
    expect(problem).toContain(JSON.stringify(PRISM_INTERNALS));
  });

  it('finds a copy one internal loads of another, not only the copies prism-cli loads', () => {
    const cli = installTree({
      [CORE]: '5.8.0',
      [HTTP]: '5.12.0',
      [SERVER]: '5.12.2',
      [`${SERVER}/node_modules/${HTTP}`]: '5.16.0',
    });
    expect([...(internalsSeenFrom(cli).get(HTTP) ?? [])].sort()).toEqual(['5.12.0', '5.16.0']);
    expect(prismInternalsProblem(internalsSeenFrom(cli))).toContain(`${HTTP} 5.16.0 (needs 5.12.0)`);
  });

  it('refuses an internal whose manifest it cannot read', () => {
    const cli = installTree({ [CORE]: '5.8.0', [HTTP]: '5.12.0', [SERVER]: '5.12.2' });
    writeFileSync(join(cli, '../../prism-core/package.json'), '{ not JSON');
    expect(prismInternalsProblem(internalsSeenFrom(cli))).toContain(`${CORE} (unreadable) (needs 5.8.0)`);
  });
});
