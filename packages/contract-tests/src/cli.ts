import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { listOperations } from './list-operations.js';
import { resolveSpecPath } from './resolve-spec.js';
import { type MockServer, startMock } from './start-mock.js';
import { CONTROL_PREFIX } from './stateful/control-paths.js';
import { withoutUserInfo } from './without-user-info.js';

const HELP = `Usage: plivo-mock [--port 4010] [--dynamic] [--seed 42] [--errors] [--stateful [--otp 123456]] [--spec path/to/openapi.json]
       plivo-mock --upstream https://staging.example.com [--errors] [--port 4010] [--spec path/to/openapi.json]
       (either with [--startup-timeout 30000])

Serves the Plivo spec with Prism on 127.0.0.1 until you press Ctrl-C.
  --port      port to listen on (default 4010; 0 picks a free one)
  --dynamic   generate bodies from the schemas instead of serving the spec's examples
  --seed      seed of the generated bodies (of --dynamic, or of a request's Prefer: dynamic=true), so that a
              run can be repeated
  --errors    answer requests that break the spec with an error instead of only logging the violation
  --stateful  keep the sessions created through the mock (per account) and answer from them; Prism still
              validates every request. Controls under /__mock/ (printed at start)
  --otp       with --stateful: the OTP every Verify session gets (4 to 8 digits)
  --upstream  proxy mode: forward every request to this http(s) server and check its answers against the
              spec; an answer that breaks it gets an sl-violations header (with --errors, it becomes a 500)
  --spec      serve this OpenAPI file instead of the bundled @plivo-openapi/spec
  --startup-timeout
              milliseconds Prism may take to start listening (default 30000; more on a busy machine)
  --version   print the versions of plivo-mock and of its Prism`;

/** This package's version and its Prism's, read from their manifests as installed. */
function versions(): string {
  const require = createRequire(import.meta.url);
  const kit = require('@plivo-openapi/contract-tests/package.json') as { version: string };
  const prism = require('@stoplight/prism-cli/package.json') as { version: string };
  return `plivo-mock ${kit.version} (@plivo-openapi/contract-tests), Prism ${prism.version}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      dynamic: { type: 'boolean', default: false },
      seed: { type: 'string' },
      errors: { type: 'boolean', default: false },
      stateful: { type: 'boolean', default: false },
      otp: { type: 'string' },
      upstream: { type: 'string' },
      spec: { type: 'string' },
      'startup-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.version) {
    console.log(versions());
    return;
  }
  if (values.otp !== undefined && !values.stateful) {
    throw new Error('plivo-mock: --otp sets the OTP of the stateful mode; add --stateful.');
  }
  if (values.otp !== undefined && !/^\d{4,8}$/.test(values.otp)) {
    throw new Error(
      `plivo-mock: --otp must be 4 to 8 digits, as Verify codes are; got ${JSON.stringify(values.otp)}.`,
    );
  }
  const port = parsePort(values.port);
  const spec = resolveSpecPath(values.spec);
  const stateful = values.otp === undefined ? values.stateful : { otp: values.otp };
  const { dynamic, seed, errors, upstream } = values;
  const startupTimeout = values['startup-timeout'];
  const starting = startMock({
    port,
    spec,
    dynamic,
    errors,
    stateful,
    ...(seed === undefined ? {} : { seed }),
    ...(upstream === undefined ? {} : { upstream }),
    ...(startupTimeout === undefined ? {} : { startupTimeoutMs: parseStartupTimeout(startupTimeout) }),
  });

  // Registered before Prism is up, so a signal during startup still ends it instead of orphaning it.
  let stopping = false;
  let ready: MockServer | undefined;
  const stopped = upstream === undefined ? 'Plivo mock stopped.' : 'Plivo proxy stopped.';
  const shutDown = async () => {
    // A second signal (a stop that takes too long) or one before Prism is ready (its start may take up to its
    // timeout): exit now. The kit's exit hook kills Prism by pid and removes its spec copy.
    if (stopping) process.exit(130);
    stopping = true;
    await ready?.stop();
    console.log(stopped);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutDown);
  const mock = await starting;
  ready = mock;
  // Prism gone on its own (startMock has said why on stderr): a mock that answers nothing must not look healthy.
  void mock.exited.then(async () => {
    if (stopping) return;
    stopping = true;
    await mock.stop();
    process.exit(1);
  });

  console.log(
    upstream === undefined
      ? `Plivo mock listening on ${mock.url} (Prism pid ${mock.pid}, spec ${spec})`
      : `Plivo proxy listening on ${mock.url}, forwarding to ${upstream} (Prism pid ${mock.pid}, spec ${spec})`,
  );
  const operations = listOperations(spec);
  const width = Math.max(0, ...operations.map(({ path }) => path.length));
  for (const { method, path, operationId } of operations) {
    console.log(`  ${method.padEnd(6)} ${mock.url}${path.padEnd(width)}  ${operationId ?? ''}`.trimEnd());
  }
  if (upstream !== undefined) {
    console.log(
      `Every request and answer is checked against the spec; an answer that breaks it carries an sl-violations header${errors ? ' and becomes a 500' : ' (add --errors to make it a 500)'}.`,
    );
    console.log('Press Ctrl-C to stop.');
    return;
  }
  console.log(
    `Responses: add the header "Prefer: code=404", "Prefer: example=<name>" or, for an error's example, "Prefer: code=400, example=<name>"; or use ${mock.url}/__prefer/code=404/... as the base URL.`,
  );
  if (stateful) {
    console.log(
      `Stateful: sessions live until deleted or expired; Prism still validates every request${values.otp === undefined ? '' : `; every Verify OTP is ${values.otp}`}.`,
    );
    console.log(`  POST   ${mock.url}${CONTROL_PREFIX}advance-time  {"ms": 60000}  move the mock's clock`);
    console.log(`  GET    ${mock.url}${CONTROL_PREFIX}requests      the journal of requests received`);
    console.log(`  POST   ${mock.url}${CONTROL_PREFIX}reset         forget every session and the journal`);
    console.log(`  GET    ${mock.url}${CONTROL_PREFIX}otp/{session_uuid}  the OTP of a Verify session`);
    console.log(
      `  GET    ${mock.url}${CONTROL_PREFIX}callbacks-settled  answers once no callback is in flight`,
    );
    console.log(
      '  (in this mode a Prefer header still picks an error status; a success comes from the state)',
    );
  }
  console.log('Press Ctrl-C to stop.');
}

/** `--startup-timeout` as a number: digits only (startMock checks the range, named by cliMessage as the flag). */
function parseStartupTimeout(text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new Error(
      `plivo-mock: --startup-timeout must be a number of milliseconds, such as 60000 (default 30000); got ${JSON.stringify(text)}.`,
    );
  }
  return Number(text);
}

/** `--port` as a number: digits only, so that `abc` or an empty value is refused rather than read as NaN or 0. */
function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw new Error(
      `plivo-mock: --port must be a port number from 0 to 65535 (0 picks a free one); got ${JSON.stringify(text)}.`,
    );
  }
  return Number(text);
}

/** The message for a failed start, in the CLI's own terms: its flags, not startMock()'s options. */
function cliMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as { code?: unknown };
  // parseArgs: an unknown or malformed flag.
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    const { message } = error;
    const url = /Unexpected argument '[a-z][a-z0-9+.-]*:/i.test(message)
      ? ' To proxy to a URL, pass --upstream <url>.'
      : '';
    return `plivo-mock: ${message.replace(/\.?$/, '.')}${url} Run plivo-mock --help for the options.`;
  }
  return error.message
    .replace(/^startMock:/, 'plivo-mock:')
    .replace('give startMock() a larger `startupTimeoutMs`', 'give plivo-mock a larger --startup-timeout')
    .replace('`startupTimeoutMs`', '--startup-timeout')
    .replace('as `spec`', 'with --spec')
    .replace(/`spec: "([^"]*)"`/, '--spec $1')
    .replace('stateful mode reads', '--stateful reads')
    .replace(/`(port|dynamic|seed|errors|stateful|upstream|spec)`/g, '--$1');
}

/**
 * Runs `plivo-mock` on the process's arguments (bin/plivo-mock.js calls it). Nothing runs on import: the bundler
 * may put code the kit's other chunks share in this entry's chunk, and importing it must not start a CLI.
 */
export function runCli(): void {
  main().catch((error: unknown) => {
    // A message may quote what was passed (parseArgs does, and --port and --otp): never a URL's password.
    console.error(withoutUserInfo(cliMessage(error)));
    process.exit(1);
  });
}
