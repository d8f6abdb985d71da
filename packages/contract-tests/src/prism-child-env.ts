// What prism-process.ts tells Prism's child process (prism-child.ts) through its environment.

/** The spec whose paths the compatibility layer puts requests into. */
export const ROUTES_SPEC_ENV = 'PLIVO_MOCK_ROUTES_SPEC';
/** The temporary folder of Prism's spec copy (see prism-spec.ts), removed when Prism exits. */
export const SPEC_COPY_ENV = 'PLIVO_MOCK_SPEC_COPY';
/** Set (to `1`) when Prism mocks the spec: the compatibility layer then answers Prism's own errors as the spec does. */
export const SPEC_ERRORS_ENV = 'PLIVO_MOCK_SPEC_ERRORS';
