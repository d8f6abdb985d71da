// The x-codeSamples on the page are not free text: each is checked against the real thing it shows.
// TypeScript: type-checked against the BUILT @plivo-openapi/client (as users get it from npm), then run.
// cURL: run with `sh` against the Prism mock, with only the host swapped; it must get the operation's success
// status (200, 201 or 202) and its documented example.
import { type ExecFileOptions, execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type MockServer, startMock } from '@plivo-openapi/contract-tests';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CodeSample,
  type DocumentedOperation,
  documentedOperations,
  successExample,
  successResponse,
} from './support/spec.js';

const execFileAsync = promisify(execFile);
const SAMPLE_LIMIT_MS = 20_000;

/**
 * Runs a sample; one that does not end is killed after 20 s and says so, with what it printed (vitest's own
 * limit would say neither).
 */
function run(file: string, args: string[], options: ExecFileOptions) {
  return execFileAsync(file, args, {
    ...options,
    encoding: 'utf8',
    timeout: SAMPLE_LIMIT_MS,
    killSignal: 'SIGKILL',
  }).catch((error) => {
    if (error.killed) error.message = `no end within ${SAMPLE_LIMIT_MS / 1000} s, killed: ${error.message}`;
    throw error;
  });
}
const packageDir = fileURLToPath(new URL('..', import.meta.url));
// Under the package, so `@plivo-openapi/client` resolves exactly as in a user's project.
const samplesDir = join(packageDir, 'test-output/code-samples');
const swapHost = fileURLToPath(new URL('./support/swap-host.mjs', import.meta.url));
const PLIVO_API = 'https://api.plivo.com';
const AUTH_TOKEN = 'docs-sample-test-token';

const operations = documentedOperations();

let mock: MockServer;
let curlHome: string;

beforeAll(async () => {
  // The client must be built: the samples are checked against what users install, not its sources.
  const require = createRequire(join(packageDir, 'package.json'));
  try {
    require.resolve('@plivo-openapi/client');
  } catch {
    throw new Error(
      '@plivo-openapi/client is not built: run `pnpm build` (or `pnpm turbo run build --filter=@plivo-openapi/docs...`, the docs and what they depend on).',
    );
  }
  rmSync(samplesDir, { recursive: true, force: true });
  mkdirSync(samplesDir, { recursive: true });
  // `errors: true`: a request that breaks the spec (no credentials, a malformed auth_id) is answered with an error.
  mock = await startMock({ errors: true });
  // A curl config of our own: reports the status code after the body, and ignores the developer's ~/.curlrc.
  curlHome = mkdtempSync(join(tmpdir(), 'docs-curl-'));
  writeFileSync(join(curlHome, '.curlrc'), 'write-out = "\\n%{http_code}"\n');
});

afterAll(async () => {
  await mock?.stop();
  if (curlHome) rmSync(curlHome, { recursive: true, force: true });
});

function sample(samples: CodeSample[], label: string): CodeSample {
  const found = samples.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no x-codeSamples entry labelled ${label}`);
  return found;
}

function typeErrors(files: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    ...options,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1} ${message}`;
  });
}

it('documents every operation with a cURL and a TypeScript sample', () => {
  expect(operations.length).toBeGreaterThan(0);
  for (const { operationId, codeSamples } of operations) {
    expect({ operationId, labels: codeSamples.map(({ label }) => label) }).toEqual({
      operationId,
      labels: ['cURL', 'TypeScript'],
    });
  }
});

it('TypeScript samples type-check against the built client, in a bundler project and in a Node ESM project', () => {
  const files = operations.map(({ operationId, codeSamples }) => {
    const file = join(samplesDir, `${operationId}.ts`);
    writeFileSync(file, sample(codeSamples, 'TypeScript').source);
    return file;
  });
  // A browser or bundler project: DOM types, no Node types, and the client's declaration files checked too.
  expect(
    typeErrors(files, {
      module: ts.ModuleKind.Preserve,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    }),
  ).toEqual([]);
  // A Node project using ES modules, with skipLibCheck as `tsc --init` sets it.
  expect(
    typeErrors(files, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      skipLibCheck: true,
    }),
  ).toEqual([]);
});

/** The session a success example answers with, flat (Verify) or wrapped (masking), if it names one. */
function answeredSession(operation: DocumentedOperation): string | undefined {
  const example = successExample(operation) as {
    session_uuid?: string;
    response?: { session_uuid?: string };
    session?: { session_uuid?: string };
  };
  return example.session_uuid ?? example.response?.session_uuid ?? example.session?.session_uuid;
}

const onOneSession = operations.filter(
  (operation) => operation.path.includes('{session_uuid}') && answeredSession(operation) !== undefined,
);

it('the operations on one session whose answer names it are get, update and validate', () => {
  expect(onOneSession.map((operation) => operation.operationId).sort()).toEqual([
    'getMaskingSession',
    'getVerifySession',
    'updateMaskingSession',
    'validateVerifySession',
  ]);
});

it.each(onOneSession)('$operationId samples ask for the session its example answers with', (operation) => {
  const uuid = answeredSession(operation);
  for (const { lang, source } of operation.codeSamples) expect(source, lang).toContain(uuid);
});

/**
 * Runs an operation's TypeScript sample against the mock; `prefer` asks the mock for another answer, and
 * `requestLog` is a file that gets each request's method and body as a JSON line.
 */
async function runTypeScriptSample(operation: DocumentedOperation, prefer?: string, requestLog?: string) {
  const { source } = sample(operation.codeSamples, 'TypeScript');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(samplesDir, `${operation.operationId}.mjs`);
  writeFileSync(file, outputText);
  return run(process.execPath, ['--import', swapHost, file], {
    cwd: dirname(file),
    env: {
      PATH: process.env.PATH,
      SAMPLE_API_ORIGIN: mock.url,
      ...(prefer === undefined ? {} : { SAMPLE_PREFER: prefer }),
      ...(requestLog === undefined ? {} : { SAMPLE_REQUEST_LOG: requestLog }),
      PLIVO_AUTH_ID: operation.authIdExample,
      PLIVO_AUTH_TOKEN: AUTH_TOKEN,
    },
  }).catch((error) => {
    throw new Error(`the TypeScript sample failed (${error.message}):\n${error.stdout}\n${error.stderr}`);
  });
}

const withRequestBody = operations.filter(({ requestExamples }) => requestExamples.length > 0);

it('the operations with request examples are the four that take a body', () => {
  expect(withRequestBody.map(({ operationId }) => operationId).sort()).toEqual([
    'createMaskingSession',
    'createVerifySession',
    'updateMaskingSession',
    'validateVerifySession',
  ]);
});

// Redoc shows the samples beside the request example picker, but they do not follow it: each sends the first
// example's body, and says so by its summary.
it.each(withRequestBody)(
  '$operationId samples send the first request example, and name it',
  async (operation) => {
    const [first] = operation.requestExamples;
    const curl = sample(operation.codeSamples, 'cURL').source;
    expect(JSON.parse(/ -d '([^']*)'/.exec(curl)?.[1] ?? 'null'), 'the cURL sample').toEqual(first?.value);
    const requestLog = join(samplesDir, `${operation.operationId}.requests.jsonl`);
    rmSync(requestLog, { force: true });
    await runTypeScriptSample(operation, undefined, requestLog);
    const sent = readFileSync(requestLog, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      sent.map(({ method, body }) => ({ method, body: JSON.parse(body) })),
      'the TypeScript sample',
    ).toEqual([{ method: operation.method, body: first?.value }]);
    for (const { lang, source } of operation.codeSamples)
      expect(source, lang).toContain(`"${first?.summary}"`);
  },
);

const withNotFoundBranch = operations.filter(({ codeSamples }) =>
  sample(codeSamples, 'TypeScript').source.includes('instanceof NotFoundError'),
);

it('the samples with a not-found branch are the two gets', () => {
  expect(withNotFoundBranch.map(({ operationId }) => operationId).sort()).toEqual([
    'getMaskingSession',
    'getVerifySession',
  ]);
});

// The 404 Plivo has been seen to send has no api_id (the spec's first 404 example): nothing may print as undefined.
it.each(withNotFoundBranch)(
  '$operationId sample handles the 404 Plivo sends without api_id',
  async (operation) => {
    const { stdout, stderr } = await runTypeScriptSample(operation, 'code=404, example=notFound');
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^No such .* session: .*answered 404/);
    expect(stderr).not.toContain('undefined');
  },
);

describe.each(operations)('$operationId', (operation) => {
  it('cURL sample gets the success status with the documented example from the mock', async () => {
    const { source } = sample(operation.codeSamples, 'cURL');
    expect(source.split(PLIVO_API).length - 1, 'the sample names the API host exactly once').toBe(1);
    const { stdout, stderr } = await run('sh', ['-c', source.replace(PLIVO_API, mock.url)], {
      env: {
        PATH: process.env.PATH,
        CURL_HOME: curlHome,
        PLIVO_AUTH_ID: operation.authIdExample,
        PLIVO_AUTH_TOKEN: AUTH_TOKEN,
      },
    }).catch((error) => {
      throw new Error(
        `the cURL sample failed (${error.message}):\n${error.stdout}\n${error.stderr}\nmock log:\n${mock.output()}`,
      );
    });
    const statusAt = stdout.lastIndexOf('\n');
    expect({ status: stdout.slice(statusAt + 1), stderr }).toEqual({
      status: successResponse(operation).code,
      stderr: '',
    });
    expect(JSON.parse(stdout.slice(0, statusAt))).toEqual(successExample(operation));
  });

  it('TypeScript sample runs against the mock and prints what the documented example holds', async () => {
    const { stdout, stderr } = await runTypeScriptSample(operation);
    expect(stderr).toBe('');
    // Every value the sample prints comes from the example the mock served.
    const example = JSON.stringify(successExample(operation));
    const printed = [...stdout.matchAll(/: ([\w.-]+)|(\d{6,})/g)].map((match) => match[1] ?? match[2]);
    expect(printed.length).toBeGreaterThan(0);
    for (const value of printed) expect(example).toContain(String(value));
  });
});
