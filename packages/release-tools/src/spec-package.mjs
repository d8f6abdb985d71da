// @ts-check
// Where the spec lives inside its package. Every other tool here finds files through these names.

export const SPEC_PACKAGE_NAME = '@plivo-openapi/spec';

/** The repository root's redocly config, which `redocly bundle` reads (its decorators can change the bundle). */
export const ROOT_BUNDLE_CONFIG = 'redocly.yaml';

/** The hand-written root document, whose `info.version` must equal the package version. */
export const SPEC_SOURCE = 'openapi.yaml';

/** The bundle that every consumer reads (built by `redocly bundle`). */
export const SPEC_BUNDLE = 'dist/openapi.json';

/**
 * The bundle as it was at the last `pnpm run version`: the baseline of the breaking-change guard.
 * Committed, so it works in a fresh clone with no tags and no registry access.
 */
export const RELEASED_SPEC = 'released/openapi.json';
