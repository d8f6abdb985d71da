import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { FIXTURES_DIR } from './reference.js';
import { type OperationId, successStatus } from './spec.js';

/** What a real fixture is: the answer of one operation, with the status it came with. */
export interface FixtureAnswer {
  operationId: OperationId;
  /** Omitted: the operation's success status. */
  status?: string;
}

/**
 * Every real fixture in ../shared/reference/fixtures, by the operation that answered it (the file lists of
 * OPERATIONS.md, one per operation). Written out rather than guessed from file names: the SDKs name them
 * differently (`createSession.json` is a Verify send, `sessionGetResponse.json` a Verify get), and a new file
 * without a row here fails the suite instead of being skipped.
 */
export const FIXTURE_ANSWERS: Record<string, FixtureAnswer> = {
  'plivo-go/createMaskingSessionResponse.json': { operationId: 'createMaskingSession' },
  'plivo-go/deleteMaskingSessionResponse.json': { operationId: 'deleteMaskingSession' },
  'plivo-go/getMaskingSessionResponse.json': { operationId: 'getMaskingSession' },
  'plivo-go/listMaskingSessionResponse.json': { operationId: 'listMaskingSessions' },
  'plivo-go/updateMaskingSessionResponse.json': { operationId: 'updateMaskingSession' },
  'plivo-go/verifySessionGetResponse.json': { operationId: 'getVerifySession' },
  'plivo-go/verifySessionListResponse.json': { operationId: 'listVerifySessions' },
  'plivo-go/verifySessionSendResponse.json': { operationId: 'createVerifySession' },
  'plivo-go/verifySessionValidateResponse.json': { operationId: 'validateVerifySession' },
  'plivo-java/createSession.json': { operationId: 'createVerifySession' },
  'plivo-java/getSession.json': { operationId: 'getVerifySession' },
  'plivo-java/listSession.json': { operationId: 'listVerifySessions' },
  'plivo-java/maskingSessionCreateResponse.json': { operationId: 'createMaskingSession' },
  // Not a success: Plivo's error body for deleting an expired session ("Session already expired").
  'plivo-java/maskingSessionDeleteResponse.json': { operationId: 'deleteMaskingSession', status: '400' },
  'plivo-java/maskingSessionGetResponse.json': { operationId: 'getMaskingSession' },
  'plivo-java/maskingSessionListResponse.json': { operationId: 'listMaskingSessions' },
  'plivo-java/maskingSessionUpdateResponse.json': { operationId: 'updateMaskingSession' },
  'plivo-php/maskingSessionCreateResponse.json': { operationId: 'createMaskingSession' },
  'plivo-php/maskingSessionDeleteResponse.json': { operationId: 'deleteMaskingSession' },
  'plivo-php/maskingSessionGetResponse.json': { operationId: 'getMaskingSession' },
  'plivo-php/maskingSessionListResponse.json': { operationId: 'listMaskingSessions' },
  'plivo-php/maskingSessionUpdateResponse.json': { operationId: 'updateMaskingSession' },
  'plivo-php/verifySessionCreateResponse.json': { operationId: 'createVerifySession' },
  'plivo-php/verifySessionGetResponse.json': { operationId: 'getVerifySession' },
  'plivo-php/verifySessionListResponse.json': { operationId: 'listVerifySessions' },
  'plivo-php/verifySessionValidateResponse.json': { operationId: 'validateVerifySession' },
  'plivo-python/maskingSessionCreateResponse.json': { operationId: 'createMaskingSession' },
  'plivo-python/maskingSessionDeleteResponse.json': { operationId: 'deleteMaskingSession' },
  'plivo-python/maskingSessionGetResponse.json': { operationId: 'getMaskingSession' },
  'plivo-python/maskingSessionListResponse.json': { operationId: 'listMaskingSessions' },
  'plivo-python/maskingSessionUpdateResponse.json': { operationId: 'updateMaskingSession' },
  'plivo-python/sessionGetResponse.json': { operationId: 'getVerifySession' },
  'plivo-python/sessionListResponse.json': { operationId: 'listVerifySessions' },
};

/** One real fixture file with the operation and status that answered it (`undefined` when it has no row). */
export interface RealAnswer {
  /** e.g. plivo-go/getMaskingSessionResponse.json */
  name: string;
  operationId: OperationId | undefined;
  status: number | undefined;
  /** The file exactly as Plivo's SDK repository holds it. */
  raw: string;
}

/** Every JSON file of the fixtures folder (ask `referenceAvailable()` first), with its row of FIXTURE_ANSWERS. */
export function realAnswers(): RealAnswer[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split(sep).join('/'))
    .sort()
    .map((name) => {
      const answer = FIXTURE_ANSWERS[name];
      return {
        name,
        operationId: answer?.operationId,
        status: answer && Number(answer.status ?? successStatus(answer.operationId)),
        raw: readFileSync(join(FIXTURES_DIR, name), 'utf8'),
      };
    });
}
