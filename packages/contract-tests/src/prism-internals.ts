import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The releases of Prism's internals the kit is built and tested with, which package.json pins. Prism 5.14.2 asks
 * for them with caret ranges, and their newest releases (5.16, for Node 24.18 or newer) never answer a request
 * whose body is not valid JSON: a test would wait for its client's timeout instead of getting the 400.
 */
export const PRISM_INTERNALS: Readonly<Record<string, string>> = {
  '@stoplight/prism-core': '5.8.0',
  '@stoplight/prism-http': '5.12.0',
  '@stoplight/prism-http-server': '5.12.2',
};

/** Where `name`'s package.json is, as the package at `manifestPath` loads it; `undefined` when not found. */
function manifestSeenFrom(manifestPath: string, name: string): string | undefined {
  try {
    return createRequire(manifestPath).resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
}

function versionIn(manifestPath: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each internal's releases that Prism loads (`undefined` for one that cannot be read): looked up from prism-cli,
 * then from every internal found, as Node resolves them, since each may load its own copy of the others.
 */
export function internalsSeenFrom(prismCliManifest: string): Map<string, Set<string | undefined>> {
  const seen = new Map<string, Set<string | undefined>>();
  const visited = new Set<string>();
  const pending = [prismCliManifest];
  for (let from = pending.pop(); from !== undefined; from = pending.pop()) {
    for (const name of Object.keys(PRISM_INTERNALS)) {
      const manifest = manifestSeenFrom(from, name);
      const versions = seen.get(name) ?? new Set();
      seen.set(name, versions.add(manifest === undefined ? undefined : versionIn(manifest)));
      if (manifest !== undefined && !visited.has(manifest)) {
        visited.add(manifest);
        pending.push(manifest);
      }
    }
  }
  return seen;
}

/**
 * Why Prism cannot run as the kit expects, or `undefined` when every release `seen` is the pinned one. A package
 * manager may resolve Prism's own ranges past the kit's pin (an override of the user's, or one that does not
 * share the kit's copies with Prism): refused with the fix, rather than a mock that hangs later.
 */
export function prismInternalsProblem(seen: Map<string, Set<string | undefined>>): string | undefined {
  const wrong = Object.entries(PRISM_INTERNALS).flatMap(([name, pinned]) =>
    [...(seen.get(name) ?? [undefined])]
      .filter((found) => found !== pinned)
      .map((found) => `${name} ${found ?? '(unreadable)'} (needs ${pinned})`),
  );
  if (wrong.length === 0) return undefined;
  return (
    `startMock: Prism loads other releases of its internals than @plivo-openapi/contract-tests is tested with: ${wrong.join(', ')}. ` +
    'Newer ones leave a request whose body is not valid JSON unanswered. Pin them (npm: "overrides" in ' +
    'package.json; pnpm: "pnpm.overrides", or "overrides" in pnpm-workspace.yaml; yarn: "resolutions"), then ' +
    `install again: ${JSON.stringify(PRISM_INTERNALS)}`
  );
}
