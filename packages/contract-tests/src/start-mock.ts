import { ensurePortFree, findFreePort, portInUse } from './free-port.js';
import { type BaseUrlProblem, baseUrlProblem } from './http-base-url.js';
import { listOperations } from './list-operations.js';
import { PREFER_PREFIX } from './normalise-request.js';
import { RAW_PREFIX } from './prism-compat-layer.js';
import { launchPrism, type PrismMode, PrismPortInUseError, type PrismProcess } from './prism-process.js';
import { resolveSpecPath } from './resolve-spec.js';
import { createRoutes, type Routes } from './routes.js';
import { shown } from './shown.js';
import { readSpecDocument, refuseUnusableSpec } from './spec-document.js';
import type { FrontProxy } from './stateful/front-proxy.js';
import { stateMisfit } from './stateful/state-statuses.js';
import type { StatefulControls, StatefulMock, StatefulOptions } from './stateful/stateful-mock.js';

export interface StartMockOptions {
  /** Port on 127.0.0.1 for `url`. Default: a free port chosen by the OS. `pnpm mock` uses 4010. */
  port?: number;
  /** Generate response bodies from the schemas (Prism `--dynamic`) instead of serving the spec's examples. */
  dynamic?: boolean;
  /** Seed for dynamic bodies, so a run can be repeated (Prism `--seed`). */
  seed?: string;
  /** Turn request and response violations into error responses (Prism `--errors`). */
  errors?: boolean;
  /**
   * Proxy mode: forward every request to this server (for example your staging API) and validate its answers
   * against the spec. Violations are reported in the `sl-violations` response header, or as a 500 with `errors`.
   */
  upstream?: string;
  /** Path of the OpenAPI document to serve. Default: the bundle of the installed `@plivo-openapi/spec`. */
  spec?: string;
  /** How long Prism may take to start listening. Default 30 000 ms. */
  startupTimeoutMs?: number;
  /**
   * Stateful mode: sessions created through the mock exist until deleted or expired, per account; Prism
   * still validates every request first. `{ otp: '123456' }` gives every Verify session that code. The
   * handle gains `otp()`, `requests()`, `reset()`, `advanceTime()` and `callbacksSettled()`. Default: stateless.
   */
  stateful?: boolean | StatefulOptions;
}

/** Which response Prism should answer with; see https://docs.stoplight.io/docs/prism/ (Prefer header). */
export interface MockPreference {
  /** A documented status code, e.g. 404. */
  code?: number;
  /** The name of an example in the spec, e.g. `verified`. */
  example?: string;
  /** Generate this one body from the schema. */
  dynamic?: boolean;
}

export interface MockServer {
  /** Base URL of the mock, e.g. `http://127.0.0.1:4010`. Append the spec's paths to it. */
  readonly url: string;
  /**
   * Prism alone: a base URL whose requests reach Prism as sent, without the compatibility layer described in
   * the README (and, in stateful mode, without the state). For diagnosis only.
   */
  readonly prismUrl: string;
  /** Process id of the Prism child process. */
  readonly pid: number;
  /**
   * A base URL that makes every request answered as `preference` says, for clients that cannot send a
   * `Prefer` header (such as Plivo's SDK). Use it exactly like `url`. Throws a TypeError naming an unknown key or
   * a value of the wrong type.
   */
  urlWithPrefer(preference: MockPreference): string;
  /** What Prism has logged so far (requests, validation results, violations). */
  output(): string;
  /**
   * Stops the mock and waits until the Prism process has exited and its output is read. Safe to call more
   * than once.
   */
  stop(): Promise<void>;
  /**
   * Resolves once the Prism process has exited and `output()` holds all it wrote: after `stop()`, or on its own
   * (a crash, a kill), after which every request fails. A long-running caller can watch it, as `plivo-mock`
   * does to exit with an error.
   */
  readonly exited: Promise<void>;
}

/** The handle of a stateful mock: a `MockServer` with the state's controls. */
export interface StatefulMockServer extends MockServer, StatefulControls {}

/** `stateful` as given: true or an options object turns the mode on. */
export type StatefulChoice = true | StatefulOptions;

const PORT_ATTEMPTS = 5;
/** The longest delay `setTimeout` accepts (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

// Every option, each with `true`: the Record type makes an option added to StartMockOptions (or StatefulOptions)
// but not named here fail to compile, instead of being refused at run time.
const OPTION_NAMES = Object.keys({
  port: true,
  dynamic: true,
  seed: true,
  errors: true,
  upstream: true,
  spec: true,
  startupTimeoutMs: true,
  stateful: true,
} satisfies Record<keyof StartMockOptions, true>);
const STATEFUL_OPTION_NAMES = Object.keys({ otp: true } satisfies Record<keyof StatefulOptions, true>);
const PREFERENCE_NAMES = Object.keys({
  code: true,
  example: true,
  dynamic: true,
} satisfies Record<keyof MockPreference, true>);

/** An option startMock() does not know would be ignored without a word (`dynamc: true`): refused. */
function refuseUnknown(given: object, known: readonly string[], of: string): void {
  for (const key in given) {
    if (!known.includes(key)) {
      throw new TypeError(
        `${of} has no option \`${key}\`. Its options are ${known.map((name) => `\`${name}\``).join(', ')}.`,
      );
    }
  }
}

function checkBoolean(name: 'dynamic' | 'errors', value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`startMock: \`${name}\` must be true or false; got ${shown(value)}.`);
  }
}

/** What is wrong with `upstream`, said without quoting a value that may hold a password or a key. */
function upstreamProblem(upstream: unknown, problem: BaseUrlProblem): string {
  switch (problem) {
    case 'not-a-url':
    case 'not-http': {
      const got =
        typeof upstream === 'string' && upstream.includes('@')
          ? 'a value with an `@`, not quoted here as it may hold a password'
          : shown(upstream);
      return `must be an http(s) URL such as http://127.0.0.1:8080; got ${got}.`;
    }
    case 'user-info':
      return (
        'must not carry credentials (`user:password@`): Prism would print them in its log. ' +
        "Each request's own Authorization header is forwarded to it; send the credentials there."
      );
    case 'query-or-fragment': {
      const { origin, pathname } = new URL(upstream as string);
      return (
        `must be a base URL without a query or fragment, such as ${origin}${pathname}: ` +
        'Prism drops the query and adds the fragment to every path it forwards.'
      );
    }
  }
}

function checkOptions(options: StartMockOptions): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(
      `startMock: pass an options object such as { port: 4010 }, or nothing; got ${shown(options)}.`,
    );
  }
  refuseUnknown(options, OPTION_NAMES, 'startMock()');
  const { port, upstream, dynamic, seed, errors, spec, startupTimeoutMs, stateful } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new TypeError(
      `startMock: \`port\` must be an integer from 0 to 65535 (0 picks a free port); got ${shown(port)}.`,
    );
  }
  if (
    startupTimeoutMs !== undefined &&
    !(typeof startupTimeoutMs === 'number' && startupTimeoutMs >= 1 && startupTimeoutMs <= MAX_TIMER_MS)
  ) {
    throw new TypeError(
      `startMock: \`startupTimeoutMs\` must be a number of milliseconds from 1 to ${MAX_TIMER_MS} (the longest ` +
        `wait setTimeout allows, about 24.8 days; default 30000); got ${shown(startupTimeoutMs)}.`,
    );
  }
  checkBoolean('dynamic', dynamic);
  checkBoolean('errors', errors);
  if (seed !== undefined && !(typeof seed === 'string' && seed !== '')) {
    throw new TypeError(
      `startMock: \`seed\` must be a non-empty string, e.g. '42' (Prism \`--seed\`); got ${shown(seed)}.`,
    );
  }
  if (spec !== undefined && !(typeof spec === 'string' && spec !== '')) {
    throw new TypeError(
      `startMock: \`spec\` must be the path of an OpenAPI file, e.g. './openapi.json'; got ${shown(spec)}.`,
    );
  }
  if (upstream !== undefined) {
    const problem = baseUrlProblem(upstream);
    if (problem !== undefined)
      throw new TypeError(`startMock: \`upstream\` ${upstreamProblem(upstream, problem)}`);
    if (dynamic || seed !== undefined) {
      throw new TypeError(
        'startMock: `dynamic` and `seed` apply to mock mode only; remove them or `upstream`.',
      );
    }
    if (stateful !== undefined && stateful !== false) {
      throw new TypeError(
        "startMock: `stateful` answers from the mock's own sessions and `upstream` from a real server; choose one.",
      );
    }
  }
  if (stateful !== undefined && typeof stateful !== 'boolean') {
    if (typeof stateful !== 'object' || stateful === null || Array.isArray(stateful)) {
      throw new TypeError(
        `startMock: \`stateful\` must be true, false or { otp?: string }; got ${shown(stateful)}.`,
      );
    }
    refuseUnknown(stateful, STATEFUL_OPTION_NAMES, 'startMock: `stateful`');
    const { otp } = stateful;
    if (otp !== undefined && !(typeof otp === 'string' && /^[0-9]{4,8}$/.test(otp))) {
      throw new TypeError(
        `startMock: \`stateful.otp\` must be a string of 4 to 8 digits, as Verify codes are (e.g. '123456'); got ${shown(otp)}.`,
      );
    }
  }
}

function preferHeader(preference: MockPreference): string {
  if (typeof preference !== 'object' || preference === null || Array.isArray(preference))
    throw new TypeError(`urlWithPrefer: pass an object such as { code: 404 }; got ${shown(preference)}.`);
  refuseUnknown(preference, PREFERENCE_NAMES, 'urlWithPrefer');
  const { code, example, dynamic } = preference;
  if (code !== undefined && !(Number.isInteger(code) && code >= 100 && code <= 599))
    throw new TypeError(`urlWithPrefer: \`code\` must be an HTTP status such as 404; got ${shown(code)}.`);
  // A comma or `=` would add another preference to the header.
  // Printable ASCII: the value becomes a header on its way to Prism.
  if (
    example !== undefined &&
    (typeof example !== 'string' || !/^[\x21-\x7e]+$/.test(example) || /[,;="]/.test(example))
  )
    throw new TypeError(
      `urlWithPrefer: \`example\` must be the name of an example of the spec (printable ASCII: no space, comma, semicolon, = or quote); got ${shown(example)}.`,
    );
  if (dynamic !== undefined && typeof dynamic !== 'boolean')
    throw new TypeError(`urlWithPrefer: \`dynamic\` must be true or false; got ${shown(dynamic)}.`);
  const parts: string[] = [];
  if (code !== undefined) parts.push(`code=${code}`);
  if (example !== undefined) parts.push(`example=${example}`);
  if (dynamic !== undefined) parts.push(`dynamic=${dynamic}`);
  if (parts.length === 0)
    throw new TypeError('urlWithPrefer: name at least one of `code`, `example`, `dynamic`.');
  return parts.join(', ');
}

/** The spec's operations, which the stateful mode answers. */
function statefulRoutes(spec: string): Routes {
  const operations = listOperations(spec);
  if (operations.length === 0) {
    const read = readSpecDocument(spec);
    const problem = 'problem' in read ? read.problem : 'has no operations under `paths`';
    throw new Error(
      `startMock: stateful mode reads the operations of the spec, and ${spec} ${problem}. Pass a JSON or YAML OpenAPI file.`,
    );
  }
  const misfit = stateMisfit(operations);
  if (misfit !== undefined) {
    throw new Error(
      `startMock: stateful mode answers the bundled spec's operations from its state, and ${spec} ${misfit}. Serve that spec without \`stateful\`, or one whose operations are the bundled spec's.`,
    );
  }
  return createRoutes(operations);
}

/** Prism on `port`, or, for port 0, on a free port. */
async function launchOnPort(
  port: number,
  launch: Omit<Parameters<typeof launchPrism>[0], 'port'>,
): Promise<PrismProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchPrism({ ...launch, port: port === 0 ? await findFreePort() : port });
    } catch (error) {
      if (!(error instanceof PrismPortInUseError)) throw error;
      if (port !== 0) throw portInUse(port);
      // Another process can take the port between our probe and Prism's bind; a new port fixes that.
      if (attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

/**
 * Starts Prism on the Plivo spec and resolves once it answers. Always `await mock.stop()` when done
 * (in `afterAll`, or use the vitest global setup from `@plivo-openapi/contract-tests/vitest`).
 */
export function startMock(
  options: StartMockOptions & { stateful: StatefulChoice },
): Promise<StatefulMockServer>;
export function startMock(options?: StartMockOptions): Promise<MockServer>;
export async function startMock(options: StartMockOptions = {}): Promise<MockServer | StatefulMockServer> {
  checkOptions(options);
  const spec = resolveSpecPath(options.spec);
  // Before anything starts; the bundled spec is known to be fine.
  if (options.spec !== undefined) refuseUnusableSpec(spec, { mocking: options.upstream === undefined });
  // Loaded only when asked for: a stateless mock needs none of the state's code in the caller's process.
  const stateful: StatefulMock | undefined = options.stateful
    ? (await import('./stateful/stateful-mock.js')).createStatefulMock(
        statefulRoutes(spec),
        options.stateful === true ? {} : options.stateful,
      )
    : undefined;
  const mode: PrismMode =
    options.upstream === undefined
      ? {
          kind: 'mock',
          dynamic: options.dynamic ?? false,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
        }
      : { kind: 'proxy', upstream: options.upstream };
  const launch = {
    spec,
    mode,
    errors: options.errors ?? false,
    startupTimeoutMs: options.startupTimeoutMs ?? 30_000,
  };
  // Stateless, clients talk to Prism itself; stateful, to the front proxy where the state lives.
  let prism: PrismProcess;
  try {
    // The front proxy binds its port once Prism is up: a taken one is told before Prism's start-up, not after.
    if (stateful !== undefined && options.port) await ensurePortFree(options.port);
    prism = await launchOnPort(stateful === undefined ? (options.port ?? 0) : 0, launch);
  } catch (error) {
    await stateful?.close(); // its callback dispatcher would otherwise outlive a mock that never started
    throw error;
  }
  let front: FrontProxy | undefined;
  if (stateful !== undefined) {
    try {
      const { startFrontProxy } = await import('./stateful/front-proxy.js');
      front = await startFrontProxy(options.port ?? 0, new URL(prism.url), stateful.routes, stateful.layer);
    } catch (error) {
      await Promise.all([prism.stop(), stateful.close()]);
      throw error;
    }
  }
  const url = front?.url ?? prism.url;

  let stopping: Promise<void> | undefined;
  const server: MockServer = {
    url,
    prismUrl: `${prism.url}${RAW_PREFIX}`,
    pid: prism.pid,
    urlWithPrefer: (preference) => `${url}${PREFER_PREFIX}${encodeURIComponent(preferHeader(preference))}`,
    output: prism.output,
    exited: prism.exited,
    stop: () => {
      stopping ??= Promise.all([front?.close(), prism.stop(), stateful?.close()]).then(() => undefined);
      return stopping;
    },
  };
  if (stateful === undefined) return server;
  const { otp, requests, reset, advanceTime, callbacksSettled } = stateful;
  return { ...server, otp, requests, reset, advanceTime, callbacksSettled };
}
