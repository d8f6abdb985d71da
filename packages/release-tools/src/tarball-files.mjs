// @ts-check
// What a published tarball may and must contain, beyond what publint checks (that every file package.json names
// is there): no test or development files, and a README and a LICENSE.

/** Files that only matter to whoever develops the package. */
const DEVELOPMENT_ONLY = [
  /(^|\/)(test|tests|__tests__|__mocks__|fixtures|coverage)\//,
  /\.(test|spec|bench)\.[cm]?[jt]sx?(\.map)?$/,
  /\.(test|spec|bench)\.d\.[cm]?ts(\.map)?$/,
  /(^|\/)tsconfig(\.[^/]*)?\.json$/,
  /(^|\/)(vitest|vite|tsdown|tsup|rollup|eslint)\.config\.[cm]?[jt]s$/,
  /\.tsbuildinfo$/,
  /(^|\/)\.(turbo|cache)\//,
  /(^|\/)node_modules\//,
];

/**
 * @param {string[]} files paths inside the tarball, relative to its package/ folder
 * @returns {string[]} problems, each a sentence naming the file and what to do
 */
export function findTarballProblems(files) {
  const present = new Set(files);
  /** @type {string[]} */
  const problems = [];
  for (const file of files) {
    if (DEVELOPMENT_ONLY.some((pattern) => pattern.test(file))) {
      problems.push(`${file} is a test or development file: leave it out of "files" in package.json.`);
    }
  }
  for (const required of ['package.json', 'README.md', 'LICENSE']) {
    if (!present.has(required)) {
      problems.push(`${required} is missing: users need it in the tarball (add it to the package folder).`);
    }
  }
  return problems;
}
