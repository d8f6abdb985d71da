// Every refusal the stateful mock answers must be one the spec documents: each wording in ERRORS is the `error` of
// a named example of the response the engine answers it with.
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/stateful/answers.js';
import { examples, type OperationId } from '../support/spec.js';

const uses: [string, OperationId, '400' | '404'][] = [
  [ERRORS.notFound, 'getMaskingSession', '404'],
  [ERRORS.invalidRequest, 'updateMaskingSession', '400'],
  [ERRORS.invalidRequest, 'createVerifySession', '400'],
  [ERRORS.notFound, 'updateMaskingSession', '404'],
  [ERRORS.notFound, 'deleteMaskingSession', '404'],
  [ERRORS.notFound, 'getVerifySession', '404'],
  [ERRORS.notFound, 'validateVerifySession', '404'],
  [ERRORS.maskingAlreadyExpired, 'updateMaskingSession', '400'],
  [ERRORS.maskingAlreadyExpired, 'deleteMaskingSession', '400'],
  [ERRORS.partiesNotUpdatable, 'updateMaskingSession', '400'],
  [ERRORS.fieldNotUpdatable('pin_retry'), 'updateMaskingSession', '400'],
  [ERRORS.verifyInvalidOtp, 'validateVerifySession', '400'],
  [ERRORS.verifyExpired, 'validateVerifySession', '400'],
  [ERRORS.verifyAlreadyVerified, 'validateVerifySession', '400'],
  [ERRORS.verifyTooManyAttempts, 'validateVerifySession', '400'],
];

describe('the stateful mock answers only documented errors', () => {
  it.each(uses)('"%s" is a named example of %s %s', (wording, operationId, status) => {
    const documented = examples(operationId, status).map(([, value]) => (value as { error?: string }).error);
    expect(documented).toContain(wording);
  });
});
