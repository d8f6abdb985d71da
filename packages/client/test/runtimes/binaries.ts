import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The runtimes' executables, taken straight from the platform package that `bun` and `deno` install as an
 * optional dependency. Their postinstall scripts (which pnpm does not run) would only move or link that same file,
 * so nothing is downloaded and no build script has to be allowed.
 */
function platformExecutable(wrapper: string, platformPackage: string, file: string): string {
  const fromWrapper = createRequire(require.resolve(`${wrapper}/package.json`));
  let path: string;
  try {
    path = join(dirname(fromWrapper.resolve(`${platformPackage}/package.json`)), file);
  } catch {
    throw new Error(
      `${platformPackage} is not installed, so ${wrapper} cannot run on ${process.platform}-${process.arch}: ` +
        'run `pnpm install` without --no-optional, on a platform the package supports.',
    );
  }
  if (!existsSync(path)) throw new Error(`${path} is missing: reinstall ${platformPackage}.`);
  return path;
}

const arch = process.arch === 'arm64' ? 'aarch64' : process.arch;

export function bunExecutable(): string {
  // Where bun's postinstall did run (someone approved it), it has moved the binary here and left a stub behind.
  const moved = join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe');
  if (statSync(moved).size > 1024 * 1024) return moved;
  const suffix = process.platform === 'linux' && isMusl() ? '-musl' : '';
  return platformExecutable('bun', `@oven/bun-${process.platform}-${arch}${suffix}`, 'bin/bun');
}

export function denoExecutable(): string {
  const libc = process.platform === 'linux' ? (isMusl() ? '-musl' : '-glibc') : '';
  return platformExecutable('deno', `@deno/${process.platform}-${process.arch}${libc}`, 'deno');
}

function isMusl(): boolean {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime === undefined;
}
