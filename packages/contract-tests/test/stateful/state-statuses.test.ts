// The state answers its operations with fixed statuses. On a spec given as `spec`, stateful mode starts only if
// that spec lists them, and knows every operation: otherwise the state would answer against the spec, or the
// spec's examples would pass for the state's answers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listOperations } from '../../src/list-operations.js';
import { resolveSpecPath } from '../../src/resolve-spec.js';
import { STATE_STATUSES, stateMisfit } from '../../src/stateful/state-statuses.js';
import { runningPrismChildren } from '../support/processes.js';
import { startExpectingRefusal } from '../support/refused-start.js';
import { ACCOUNT, engineOnVirtualClock, UNKNOWN } from './support/engine-on-virtual-clock.js';

// biome-ignore lint/suspicious/noExplicitAny: the bundled spec, edited key by key below.
type Spec = Record<string, any>;
const dir = mkdtempSync(join(tmpdir(), 'state-statuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MASKING = '/v1/Account/{auth_id}/Masking/Session/';
const VERIFY = '/v1/Account/{auth_id}/Verify/Session/';

/** A copy of the bundled spec, as `edit` changes it, written to a file of its own. */
function specWith(name: string, edit: (spec: Spec) => void): string {
  const spec = JSON.parse(readFileSync(resolveSpecPath(), 'utf8')) as Spec;
  edit(spec);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

/** `specWith`, the masking create's responses changed by `edit` (`status: from` moves a response). */
function withCreateResponses(
  name: string,
  moves: Record<string, string>,
  edit?: (spec: Spec) => void,
): string {
  return specWith(name, (spec) => {
    const responses = spec.paths[MASKING].post.responses;
    for (const [status, from] of Object.entries(moves)) responses[status] = responses[from];
    for (const from of new Set(Object.values(moves))) if (!(from in moves)) delete responses[from];
    edit?.(spec);
  });
}

describe('STATE_STATUSES', () => {
  it('names exactly the operations the engine answers', () => {
    const { engine } = engineOnVirtualClock();
    const ask = (operationId: string) =>
      engine.answer({
        operationId,
        authId: ACCOUNT,
        sessionUuid: UNKNOWN,
        query: new URLSearchParams(),
        body: {},
        requestorIp: '127.0.0.1',
      });
    for (const [operationId, statuses] of Object.entries(STATE_STATUSES))
      expect(statuses, operationId).toContain(String(ask(operationId)?.status));
    expect(ask('listVerifications')).toBeUndefined();
  });
});

describe('stateMisfit', () => {
  it('finds nothing in the bundled spec, nor in one that leaves operations out', () => {
    expect(stateMisfit(listOperations(resolveSpecPath()))).toBeUndefined();
    const verifyOnly = specWith('verify-only', (spec) => {
      for (const path of Object.keys(spec.paths)) if (path.includes('Masking')) delete spec.paths[path];
    });
    expect(stateMisfit(listOperations(verifyOnly))).toBeUndefined();
  });

  it("takes a status listed by its range or as `default`, and leaves a CORS preflight's operation to Prism", () => {
    const ranges = withCreateResponses('ranges', { '2XX': '201', default: '400' }, (spec) => {
      spec.paths[MASKING].options = {
        operationId: 'preflight',
        responses: { '204': { description: 'CORS' } },
      };
    });
    expect(stateMisfit(listOperations(ranges))).toBeUndefined();
  });
});

describe('stateful mode on a spec the state does not fit', () => {
  it('refuses one that does not list a status the state answers, naming the operation and status', async () => {
    const spec = withCreateResponses('created-200', { '200': '201' });
    const error = (await startExpectingRefusal({ spec, stateful: true }).catch((caught) => caught)) as Error;
    expect(error.message).toMatch(
      new RegExp(
        `^startMock: stateful mode answers the bundled spec's operations from its state, and ${spec} lists [^:]* for POST ${MASKING} \\(createMaskingSession\\), and the state answers it 201, 400: 201 would be answered against the spec\\.`,
      ),
    );
    expect(runningPrismChildren()).toEqual([]);
  });

  it('refuses one whose success the state answers is only under `default`, which describes errors', () => {
    // The 400 stays too: only the success is missing.
    const spec = withCreateResponses('success-under-default', { '200': '201', default: '400', '400': '400' });
    expect(stateMisfit(listOperations(spec))).toMatch(
      /\(createMaskingSession\), and the state answers it 201, 400: 201 would be/,
    );
  });

  it('refuses one with an operation the state does not keep, which would get the examples', async () => {
    const spec = specWith('renamed', (spec) => {
      spec.paths[VERIFY].get.operationId = 'listVerifications';
    });
    await expect(startExpectingRefusal({ spec, stateful: true })).rejects.toThrow(
      `and ${spec} has GET ${VERIFY} (listVerifications), which the state does not keep: its successes would be the spec's examples, not the state's.`,
    );
    expect(runningPrismChildren()).toEqual([]);
  });
});
