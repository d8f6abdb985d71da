// A copy of this workspace in the OS temp folder, for running release commands that rewrite files
// (`changeset version`, `changeset publish`) without touching the real tree. Sources and built dist/ folders
// are copied; node_modules entries are symlinked to the real ones, so the copy runs the same tool versions,
// except links to workspace packages, which point into the copy (pnpm publish reads the linked package's
// version when it rewrites `workspace:*`).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listWorkspacePackages } from '../../src/workspace.mjs';
import { ISOLATED_GIT_ENV } from './isolated-git.js';
import { repoRoot } from './repo.js';

const ROOT_FILES = [
  'package.json',
  '.gitignore',
  'pnpm-workspace.yaml',
  'redocly.yaml',
  'biome.json',
  'tsconfig.base.json',
];
const CHANGESET_FILES = ['.changeset/config.json', '.changeset/README.md'];

export async function copyWorkspace(): Promise<{ root: string; dispose(): void }> {
  const root = mkdtempSync(join(tmpdir(), 'release-rehearsal-'));
  const copy = (path: string) => {
    const from = join(repoRoot, path);
    if (!existsSync(from)) return;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(from, join(root, path), { recursive: true });
  };
  [...ROOT_FILES, ...CHANGESET_FILES].forEach(copy);
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));

  // Everything git would see (tracked or not ignored), without pending changesets, tests or node_modules.
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  const packages = await listWorkspacePackages(repoRoot);
  const inCopy = new Map(packages.map((pkg) => [pkg.name, join(root, pkg.relativeDir)]));
  for (const pkg of packages) {
    const prefix = `${pkg.relativeDir}/`;
    listed
      .filter((path) => path.startsWith(prefix) && !/^(test|bench)\//.test(path.slice(prefix.length)))
      .forEach(copy);
    copy(`${prefix}dist`);
    linkNodeModules(join(pkg.dir, 'node_modules'), join(root, prefix, 'node_modules'), inCopy);
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, stdio: 'ignore', env: { ...process.env, ...ISOLATED_GIT_ENV } });
  git('init', '--quiet', '--initial-branch=main');
  // The copy's own identity, for its commits and for the annotated tags `changeset publish` makes: the machine's
  // global git configuration may have none (a fresh container, CI).
  git('config', 'user.name', 'Release rehearsal');
  git('config', 'user.email', 'rehearsal@example.invalid');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'workspace copy');
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Mirrors a node_modules folder entry by entry (scopes one level down), redirecting workspace packages. */
function linkNodeModules(from: string, to: string, workspace: Map<string, string>) {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('@')) {
      mkdirSync(join(to, entry), { recursive: true });
      for (const scoped of readdirSync(join(from, entry))) {
        const name = `${entry}/${scoped}`;
        symlinkSync(workspace.get(name) ?? realpathSync(join(from, name)), join(to, name));
      }
    } else {
      symlinkSync(realpathSync(join(from, entry)), join(to, entry));
    }
  }
}
