// An app that publishes declarations (`declaration: true`) must be able to name every type it infers from the
// client, although openapi-fetch is the client's dependency, not the app's: under pnpm's layout the app cannot
// resolve it, and tsc would stop with TS2742 ("cannot be named without a reference to …openapi-fetch").
import { cpSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { distFile } from '../helpers/dist.js';
import { tempDir } from '../runtimes/temp-files.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const app = tempDir('declarations');
afterAll(() => app.remove());

const APP_SOURCE = `
import { createPlivoClient, type Middleware } from '@plivo-openapi/client';
export const plivo = createPlivoClient({ authId: 'MANJUXXVOICEZZAPI908', authToken: 'not-a-real-token' });
export const rawGet = (id: string) =>
  plivo.raw.GET('/v1/Account/{auth_id}/Verify/Session/{session_uuid}/', {
    params: { path: { auth_id: plivo.authId, session_uuid: id } },
  });
export const rawCreate = (recipient: string) =>
  plivo.raw.POST('/v1/Account/{auth_id}/Verify/Session/', {
    params: { path: { auth_id: plivo.authId } },
    body: { recipient },
  });
export const { GET, POST } = plivo.raw;
export const logging: Middleware = { onRequest: ({ request }) => void console.log(request.method) };
export const firstPage = () => plivo.maskingSessions.list({ status: 'active' });
export const verify = (id: string) => plivo.verifySessions.get(id);
`;

/** tsc's diagnostics for emitting the app's declarations, formatted as tsc prints them. */
function emitAppDeclarations(): { diagnostics: string[]; declarations: string } {
  distFile('index.d.mts');
  // pnpm's layout: the client's files in its own folder of the store, openapi-fetch linked beside it, and the
  // app's node_modules holding a link to the client alone.
  const store = join(app.path, 'node_modules/.pnpm/client/node_modules');
  const client = join(store, '@plivo-openapi/client');
  mkdirSync(client, { recursive: true });
  cpSync(join(packageDir, 'package.json'), join(client, 'package.json'));
  cpSync(join(packageDir, 'dist'), join(client, 'dist'), { recursive: true });
  const openapiFetch = realpathSync(
    dirname(createRequire(distFile('index.cjs')).resolve('openapi-fetch/package.json')),
  );
  symlinkSync(openapiFetch, join(store, 'openapi-fetch'), 'dir');
  mkdirSync(join(app.path, 'node_modules/@plivo-openapi'));
  symlinkSync(client, join(app.path, 'node_modules/@plivo-openapi/client'), 'dir');
  app.write('package.json', JSON.stringify({ name: 'app', type: 'module' }));
  const source = app.write('app.ts', APP_SOURCE);
  let declarations = '';
  const program = ts.createProgram([source], {
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: join(app.path, 'out'),
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.asynciterable.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  const emitted = program.emit(undefined, (_name, text) => {
    declarations += text;
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  );
  return { diagnostics, declarations };
}

describe("an app's declarations, with openapi-fetch out of its reach (pnpm)", () => {
  it('name what raw calls and methods, middleware and the resource methods return, through the client', () => {
    const { diagnostics, declarations } = emitAppDeclarations();
    expect(diagnostics).toEqual([]);
    expect(declarations).toContain('import("@plivo-openapi/client").FetchResponse<');
    expect(declarations).not.toContain('openapi-fetch');
  });
});
