import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The bundled spec of the installed `@plivo-openapi/spec` package, or the file the caller names.
 * Resolving through the package (not a path relative to this repo) is what makes the mock work from
 * node_modules in a user's project.
 */
export function resolveSpecPath(spec?: string): string {
  if (spec !== undefined) {
    const path = resolve(spec);
    if (!existsSync(path)) {
      throw new Error(
        `startMock: the spec file ${path} does not exist. Pass an existing OpenAPI file as \`spec\`.`,
      );
    }
    if (!statSync(path).isFile()) {
      throw new Error(`startMock: the spec ${path} is not a file. Pass an OpenAPI file as \`spec\`.`);
    }
    return path;
  }
  try {
    return require.resolve('@plivo-openapi/spec/openapi.json');
  } catch (cause) {
    throw new Error(
      'startMock: cannot find the bundled spec `@plivo-openapi/spec/openapi.json`. Install @plivo-openapi/spec ' +
        '(in this repository: run `pnpm build` first so openapi/dist/ exists), or pass `spec: "/path/to/openapi.json"`.',
      { cause },
    );
  }
}
