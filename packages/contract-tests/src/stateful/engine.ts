import type { Answer } from './answers.js';
import type { EmitCallback } from './callback-event.js';
import type { MockClock } from './clock.js';
import { MaskingSessions } from './masking-sessions.js';
import { queryKeyCaseRefusal } from './query-key-case.js';
import { VerifySessions } from './verify-sessions.js';

/** One request the spec's judge (Prism) has accepted, reduced to what the state needs. */
export interface StateRequest {
  operationId: string;
  authId: string;
  /** The `{session_uuid}` path parameter, for operations on one session. */
  sessionUuid?: string;
  query: URLSearchParams;
  /** The parsed JSON body ({} when there is none). */
  body: Record<string, unknown>;
  /** Address of the caller, shown as a Verify session's `requestor_ip`. */
  requestorIp: string;
  /**
   * The request's Auth Token (its Basic password), kept with a callback URL the request registers so that the
   * URL's callbacks are signed with it. In memory only; never journaled.
   */
  authToken?: string;
}

export interface StateEngineOptions {
  clock: MockClock;
  emitCallback: EmitCallback;
  /** The code every Verify session gets; random digits of `code_length` when undefined. */
  otp?: string;
}

/** The stateful mock's state: sessions per account, no HTTP. */
export interface StateEngine {
  /** The answer from the state, or undefined when the operation is not one the state keeps. */
  answer(request: StateRequest): Answer | undefined;
  /** The code of a Verify session (any account); undefined when there is no such session. */
  otp(sessionUuid: string): string | undefined;
  /** Forgets every session of every account. */
  reset(): void;
  readonly masking: MaskingSessions;
  readonly verify: VerifySessions;
}

export function createStateEngine({ clock, emitCallback, otp }: StateEngineOptions): StateEngine {
  const masking = new MaskingSessions(clock, emitCallback);
  const verify = new VerifySessions(clock, emitCallback, otp);
  const maskingPath = (authId: string) => `/v1/Account/${authId}/Masking/Session/`;
  const verifyPath = (authId: string) => `/v1/Account/${authId}/Verify/Session/`;

  return {
    masking,
    verify,
    otp: (sessionUuid) => verify.otp(sessionUuid),
    reset: () => {
      masking.reset();
      verify.reset();
    },
    answer({ operationId, authId, sessionUuid = '', query, body, requestorIp, authToken }) {
      switch (operationId) {
        case 'createMaskingSession':
          return masking.create(authId, body, authToken);
        case 'getMaskingSession':
          return masking.get(authId, sessionUuid);
        case 'updateMaskingSession':
          return masking.update(authId, sessionUuid, body, authToken);
        case 'deleteMaskingSession':
          return masking.delete(authId, sessionUuid);
        case 'listMaskingSessions':
          return queryKeyCaseRefusal(query) ?? masking.list(authId, query, maskingPath(authId));
        case 'createVerifySession':
          return verify.create(authId, body, requestorIp, authToken);
        case 'getVerifySession':
          return verify.get(authId, sessionUuid);
        case 'listVerifySessions':
          return queryKeyCaseRefusal(query) ?? verify.list(authId, query, verifyPath(authId));
        case 'validateVerifySession':
          return verify.validate(authId, sessionUuid, body);
        default:
          return undefined;
      }
    },
  };
}
