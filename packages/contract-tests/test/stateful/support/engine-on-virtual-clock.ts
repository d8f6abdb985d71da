import type { CallbackEvent } from '../../../src/stateful/callback-event.js';
import { createVirtualClock } from '../../../src/stateful/clock.js';
import { createStateEngine, type StateEngine, type StateRequest } from '../../../src/stateful/engine.js';

// The state engine alone, as its own tests drive it: no Prism, no HTTP.

export const START = Date.UTC(2026, 10, 30, 9, 0, 0);
/** The account every call is made as unless it names another. */
export const ACCOUNT = 'MANJUXXVOICEZZAPI908';
/** A second account, whose sessions the first must never see. */
export const OTHER = 'SAOTHERACCOUNTXXXX01';
/** A session uuid that no account has. */
export const UNKNOWN = 'c28b77d4-21e7-43bd-9447-04bfee92e651';

// biome-ignore lint/suspicious/noExplicitAny: a JSON body, read field by field in the assertions.
export type Json = Record<string, any>;

/** A fresh engine on a virtual clock at START, with the callbacks it emits collected in order. */
export function engineOnVirtualClock(otp?: string) {
  const clock = createVirtualClock(START);
  const callbacks: CallbackEvent[] = [];
  const engine = createStateEngine({
    clock,
    emitCallback: (event) => callbacks.push(event),
    ...(otp === undefined ? {} : { otp }),
  });
  return { clock, callbacks, engine };
}

/**
 * The engine's answer to one operation, asked as the HTTP layer would (as ACCOUNT, no query, an empty body,
 * from 127.0.0.1, unless `params` says otherwise); throws when the state does not answer that operation.
 */
export function answerFrom(engine: StateEngine, operationId: string, params: Partial<StateRequest> = {}) {
  const answer = engine.answer({
    operationId,
    authId: ACCOUNT,
    query: new URLSearchParams(),
    body: {},
    requestorIp: '127.0.0.1',
    ...params,
  });
  if (answer === undefined) throw new Error(`${operationId} is not answered from the state`);
  return answer as { status: number; body: Json };
}
