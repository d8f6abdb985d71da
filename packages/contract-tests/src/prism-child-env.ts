// What prism-process.ts tells Prism's child process (prism-child.ts) through its environment.

/** The spec whose paths the compatibility layer puts requests into. */
export const ROUTES_SPEC_ENV = 'PLIVO_MOCK_ROUTES_SPEC';
/** The temporary folder of Prism's spec copy (see prism-spec.ts), removed when Prism exits. */
export const SPEC_COPY_ENV = 'PLIVO_MOCK_SPEC_COPY';
/**
 * `1` when Prism mocks the spec, `0` in proxy mode: mocking, the compatibility layer answers Prism's own errors as
 * the spec does and takes any Accept as JSON (see prism-compat-layer.ts).
 */
export const MOCKING_ENV = 'PLIVO_MOCK_MOCKING';
