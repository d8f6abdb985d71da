// @ts-check
// Lists the breaking changes between two bundled OpenAPI 3.1 documents. `redocly diff` (@redocly/cli, the tool
// that bundles and lints our spec) compares them offline and rates every change major/minor/patch; a major one
// is a breaking one. On top of it, five rules of our own, each for a case where redocly's rating differs from
// what a user of the generated client or of the mock kit feels (see OUR_RULES).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runRedocly } from './redocly.mjs';
import { HTTP_METHODS, pointerKey, removedResponseExamples } from './response-examples.mjs';

/**
 * Where redocly's rating and the users of the generated client or the mock kit disagree. Nothing else is
 * overridden: redocly's `major` for a removed error status stands, as the mock kit answers `Prefer: code=<status>`
 * only for a documented one (a test that asks for the removed status would get another answer).
 * - `response-enum-value-removed` (breaking; redocly: patch). Every answer is still one the client accepted
 *   before, but the generated union type loses the value, so code that names it (`status === 'expired'`) stops
 *   compiling.
 * - `response-enum-value-added` (not breaking; redocly: major). A new value widens the union type; existing code
 *   still compiles, exactly as with a new optional field. CONTRIBUTING.md lists a widened enum as an addition.
 * - `response-example-removed` (breaking; redocly: patch, or a modified key for a rename). The mock kit answers
 *   `Prefer: example=<name>` with a response's named example, so a test that names a removed or renamed one no
 *   longer gets it. Found by comparing the names (src/response-examples.mjs), not from redocly's report.
 * - `property-removed` outside responses (breaking; redocly: patch). A request body (or a callback's payload,
 *   which redocly diffs as a request) that loses a property: the generated type loses the name, so code that
 *   sets or reads it stops compiling; and a callback receiver no longer gets the field.
 * - `callback-payload-changed` (breaking; redocly: patch or major, depending on where it reports a shared
 *   schema, once). A callback's payload is data the API sends, as a response is: a field's type or format
 *   changed, a field no longer required or an enum value removed breaks its receivers' code; a field required
 *   or an enum value added does not (redocly may rate the latter major, as for a request).
 */
export const OUR_RULES = [
  'response-enum-value-removed',
  'response-enum-value-added',
  'response-example-removed',
  'property-removed',
  'callback-payload-changed',
];

/**
 * @typedef {{ rule: string; where: string; message: string }} BreakingChange `rule`: redocly's rule id, or ours
 * @typedef {{ ruleId: string; impact: string; message: string }} Verdict
 * @typedef {{ path: string; typeName: string; kind: string; impact: string; property?: string; verdicts: Verdict[];
 *   base?: { value?: unknown }; revision?: { value?: unknown } }} RedoclyChange
 * @typedef {Record<string, any>} Doc
 */

/**
 * @param {string} baseFile the last released bundle
 * @param {string} revisionFile the current bundle
 * @returns {Promise<BreakingChange[]>}
 */
export async function findBreakingChanges(baseFile, revisionFile) {
  const stdout = await runRedocly(
    ['diff', baseFile, revisionFile, '--format', 'json', '--fail-on', 'none', '--lint-config', 'off'],
    dirname(revisionFile),
  );
  /** @type {{ changes: RedoclyChange[] }} */
  const report = JSON.parse(stdout);
  const read = (/** @type {string} */ file) => JSON.parse(readFileSync(file, 'utf8'));
  return [
    ...report.changes.flatMap(breakingParts),
    ...removedResponseExamples(read(baseFile), read(revisionFile)),
  ];
}

/**
 * The same, for two documents in memory (written to a temp folder that is removed afterwards).
 * @param {Doc} base
 * @param {Doc} revision
 */
export async function findBreakingChangesBetween(base, revision) {
  const folder = mkdtempSync(join(tmpdir(), 'breaking-changes-'));
  try {
    const baseFile = join(folder, 'base.json');
    const revisionFile = join(folder, 'revision.json');
    writeFileSync(baseFile, JSON.stringify(base));
    writeFileSync(revisionFile, JSON.stringify(revision));
    return await findBreakingChanges(baseFile, revisionFile);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The breaking parts of one change of `redocly diff`'s report.
 * @param {RedoclyChange} change
 * @returns {BreakingChange[]}
 */
export function breakingParts(change) {
  const where = describeLocation(change.path);
  const payload = callbackPayloadChange(change);
  if (payload !== undefined)
    return payload === ''
      ? []
      : [{ rule: 'callback-payload-changed', where, message: `${where}: ${payload}` }];
  const inResponse = /\/responses\//.test(change.path);
  if (change.property === 'enum' && inResponse) {
    const before = asArray(change.base?.value);
    const after = new Set(asArray(change.revision?.value).map((value) => JSON.stringify(value)));
    const removed = before.filter((value) => !after.has(JSON.stringify(value)));
    if (removed.length === 0) return []; // response-enum-value-added
    const values = removed.map((value) => JSON.stringify(value)).join(', ');
    return [
      {
        rule: 'response-enum-value-removed',
        where,
        message: `${where}: enum value${removed.length > 1 ? 's' : ''} ${values} removed`,
      },
    ];
  }
  const removedProperty = /\/properties\/([^/]+)$/.exec(change.path)?.[1];
  if (
    change.kind === 'removed' &&
    change.typeName === 'Schema' &&
    removedProperty &&
    change.impact !== 'major'
  ) {
    return [
      { rule: 'property-removed', where, message: `${where}: property \`${removedProperty}\` removed` },
    ];
  }
  if (change.impact !== 'major') return [];
  const verdicts = change.verdicts.filter((verdict) => verdict.impact === 'major');
  if (change.verdicts.length === 0) {
    return [{ rule: 'redocly', where, message: `${where}: ${change.typeName} ${change.kind}` }];
  }
  return verdicts.map((verdict) => ({
    rule: verdict.ruleId,
    where,
    message: `${where}: ${verdict.message.replace(/\.$/, '')}`,
  }));
}

/**
 * What a change to a schema of a callback (its payload or headers, which the API sends) takes from its
 * receivers (see OUR_RULES): '' when nothing (a field required or an enum value added: the receiver gets more,
 * as from a response), undefined for a change this rule leaves to redocly's rating.
 * @param {RedoclyChange} change
 */
function callbackPayloadChange(change) {
  if (!/\/callbacks\//.test(change.path) || change.typeName !== 'Schema' || change.kind !== 'modified')
    return undefined;
  const before = change.base?.value;
  const after = change.revision?.value;
  if (change.property === 'type' || change.property === 'format')
    return `${change.property} changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`;
  if (change.property !== 'required' && change.property !== 'enum') return undefined;
  const kept = new Set(asArray(after).map((value) => JSON.stringify(value)));
  const lost = asArray(before)
    .map((value) => JSON.stringify(value))
    .filter((value) => !kept.has(value));
  if (lost.length === 0) return '';
  return change.property === 'required'
    ? `no longer required: ${lost.join(', ')}`
    : `enum value${lost.length > 1 ? 's' : ''} ${lost.join(', ')} removed`;
}

/** @param {unknown} value */
function asArray(value) {
  return Array.isArray(value) ? value : [];
}

/**
 * A JSON pointer into the document as a person reads it, e.g.
 * `GET /v1/Account/{auth_id}/Session/{session_uuid} response 200 body.response.duration`.
 * @param {string} pointer
 */
export function describeLocation(pointer) {
  const segments = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .map((segment) => pointerKey(decodeURIComponent(segment)));
  if (segments[0] !== 'paths' || segments[1] === undefined) return segments.join('/');
  let text = segments[1];
  let i = 2;
  if (HTTP_METHODS.has(segments[2] ?? '')) {
    text = `${segments[2]?.toUpperCase()} ${text}`;
    i = 3;
  }
  while (i < segments.length) {
    const [segment, next] = [segments[i], segments[i + 1]];
    if (segment === 'responses') {
      text += ` response ${next}`;
      i += 2;
    } else if (segment === 'callbacks') {
      // callbacks/<name>/<runtime expression>/<method>: the expression says nothing a reader needs
      const method = segments[i + 3] ?? '';
      text += ` callback ${next}${HTTP_METHODS.has(method) ? ` ${method.toUpperCase()}` : ''}`;
      i += HTTP_METHODS.has(method) ? 4 : 3;
    } else if (segment === 'parameters') {
      text += ` parameter #${next}`;
      i += 2;
    } else if (segment === 'requestBody') {
      text += ' request';
      i += 1;
    } else if (segment === 'content') {
      text += next === 'application/json' ? ' body' : ` body (${next})`; // JSON goes without saying
      i += segments[i + 2] === 'schema' ? 3 : 2;
    } else if (segment === 'schema') {
      i += 1; // a parameter's schema: the parameter says it
    } else if (segment === 'properties') {
      text += `.${next}`;
      i += 2;
    } else if (segment === 'items') {
      text += '[]';
      i += 1;
    } else {
      text += `/${segment}`;
      i += 1;
    }
  }
  return text;
}
