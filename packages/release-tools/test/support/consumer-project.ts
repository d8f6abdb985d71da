// A scratch project outside the workspace that installs the packed tarballs with npm, the way a user would,
// and then loads and type-checks every entry point they export.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Entry } from '../../src/package-entries.mjs';
import { cleanEnv, run } from './commands.js';

export type EntryResult = { kind: Entry['kind']; names?: string[]; ok: boolean; error?: string };

export async function installConsumer(dir: string, installs: string[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'plivo-openapi-consumer', version: '0.0.0', private: true }, null, 2)}\n`,
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...installs], {
    cwd: dir,
    env: cleanEnv(),
    timeout: 300_000,
  });
}

/** One script per module system that loads every entry and prints what each exported. */
export async function loadEntries(dir: string, entries: Entry[], system: 'esm' | 'cjs') {
  const body = `
const entries = ${JSON.stringify(entries.map(({ specifier, kind }) => ({ specifier, kind })))};
const results = {};
for (const { specifier, kind } of entries) {
  try {
    if (kind === 'other') {
      ${system === 'esm' ? "const { fileURLToPath } = await import('node:url'); const file = fileURLToPath(import.meta.resolve(specifier));" : 'const file = require.resolve(specifier);'}
      results[specifier] = { kind, ok: require_('node:fs').existsSync(file) };
      continue;
    }
    const loaded = ${system === 'esm' ? "kind === 'json' ? await import(specifier, { with: { type: 'json' } }) : await import(specifier)" : 'require(specifier)'};
    const value = kind === 'json' && ${system === 'esm'} ? loaded.default : loaded;
    const names = Object.keys(value).filter((name) => !['default', '__esModule', 'module.exports'].includes(name)).sort();
    results[specifier] = { kind, names, ok: kind === 'json' ? typeof value === 'object' && value !== null : names.length > 0 };
  } catch (error) {
    results[specifier] = { kind, ok: false, error: String(error && error.stack || error) };
  }
}
console.log(JSON.stringify(results));
`;
  const file = system === 'esm' ? 'load-entries.mjs' : 'load-entries.cjs';
  const prelude =
    system === 'esm'
      ? "import { createRequire } from 'node:module';\nconst require_ = createRequire(import.meta.url);\n"
      : 'const require_ = require;\n';
  writeFileSync(join(dir, file), prelude + body);
  const output = await run(process.execPath, ['--no-warnings', file], { cwd: dir });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, EntryResult>;
}

type TypecheckMode = 'node16' | 'bundler';

/**
 * The consumer's compiler options per mode, both with `skipLibCheck: false` so our declarations are checked.
 * node16 is a Node-only project: no DOM lib, only @types/node, so a DOM-only name in our declarations (such
 * as `HeadersInit`, which @types/node does not declare) fails there. bundler is a browser app with the DOM lib.
 * Both list `lib` and `types` explicitly: left out, TypeScript's default lib includes the DOM.
 */
export function consumerCompilerOptions(mode: TypecheckMode) {
  return {
    ...(mode === 'node16'
      ? { module: 'node16', moduleResolution: 'node16', lib: ['es2022'], types: ['node'] }
      : {
          module: 'preserve',
          moduleResolution: 'bundler',
          resolveJsonModule: true,
          lib: ['es2022', 'dom', 'dom.iterable'],
        }),
    target: 'es2022',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  };
}

/**
 * Type-checks a file that imports every typed entry, under one module resolution mode, and reports the
 * errors in that file and in our packages' shipped declarations. (Third-party declarations are not checked:
 * that costs 20 s and says nothing about our packages.) node16 checks an ESM file (.mts), plus a CommonJS
 * file (.cts) for entries that offer a `require` condition. The tsconfig.json written beside the files
 * reproduces the check with `tsc -p`.
 * @returns the formatted errors; empty when it type-checks
 */
export function typecheck(dir: string, entries: Entry[], mode: TypecheckMode, ownScope: string): string {
  const folder = join(dir, `typecheck-${mode}`);
  mkdirSync(folder, { recursive: true });
  const js = entries.filter((entry) => entry.kind === 'js');
  const importAll = (list: Entry[]) =>
    `${list.map((entry, i) => `import * as entry${i} from '${entry.specifier}';`).join('\n')}\n` +
    `export const entries = [${list.map((_, i) => `entry${i}`).join(', ')}];\n`;
  const files: string[] = [];
  if (mode === 'node16') {
    writeFileSync(join(folder, 'consumer.mts'), importAll(js));
    files.push('consumer.mts');
    const dual = js.filter((entry) => entry.hasRequireCondition);
    if (dual.length > 0) {
      writeFileSync(join(folder, 'consumer.cts'), importAll(dual));
      files.push('consumer.cts');
    }
  } else {
    const json = entries.filter((entry) => entry.kind === 'json');
    writeFileSync(
      join(folder, 'consumer.ts'),
      importAll(js) +
        json
          .map(
            (entry, i) => `import data${i} from '${entry.specifier}';\nexport const json${i} = data${i};\n`,
          )
          .join(''),
    );
    files.push('consumer.ts');
  }
  return check(folder, files, mode, ownScope);
}

/**
 * Type-checks one hand-written file in the consumer under `mode`'s options: lets a test show that the setup
 * itself catches what it is meant to (e.g. a DOM-only name in the Node-only project).
 */
export function typecheckSource(dir: string, mode: TypecheckMode, source: string): string {
  const folder = join(dir, `typecheck-${mode}-probe`);
  mkdirSync(folder, { recursive: true });
  const file = mode === 'node16' ? 'probe.mts' : 'probe.ts';
  writeFileSync(join(folder, file), source);
  return check(folder, [file], mode, undefined);
}

function check(folder: string, files: string[], mode: TypecheckMode, ownScope: string | undefined): string {
  const compilerOptions = consumerCompilerOptions(mode);
  writeFileSync(join(folder, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`);

  const { options, errors } = ts.convertCompilerOptionsFromJson(compilerOptions, folder);
  const rootNames = files.map((file) => join(folder, file));
  const program = ts.createProgram({ rootNames, options });
  const checked = program
    .getSourceFiles()
    .filter(
      (file) =>
        rootNames.includes(file.fileName) ||
        (ownScope !== undefined && file.fileName.includes(`/node_modules/${ownScope}/`)),
    );
  const diagnostics = [
    ...errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((file) => [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ]),
  ];
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => folder,
    getNewLine: () => '\n',
  });
}
