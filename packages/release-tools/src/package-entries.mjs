// @ts-check
// What a package.json promises to consumers: its importable subpaths, and the file import and require load.

/**
 * @typedef {import('./workspace.mjs').PackageJson} PackageJson
 * @typedef {{ subpath: string; specifier: string; kind: 'js' | 'json' | 'other'; importTarget: string | undefined; requireTarget: string | undefined; hasRequireCondition: boolean }} Entry
 */

const TYPE_CONDITIONS = new Set(['types', 'typings']);

/**
 * The importable subpaths of a package (patterns and ./package.json left out), with the file `import` and
 * `require` would load.
 * @param {PackageJson} packageJson
 * @returns {Entry[]}
 */
export function listEntries(packageJson) {
  const exportsField = /** @type {unknown} */ (packageJson.exports);
  /** @type {Record<string, unknown>} */
  let subpaths;
  if (exportsField === undefined) {
    subpaths = packageJson.main ? { '.': packageJson.main } : {};
  } else if (
    typeof exportsField === 'string' ||
    Array.isArray(exportsField) ||
    !hasSubpathKeys(exportsField)
  ) {
    subpaths = { '.': exportsField };
  } else {
    subpaths = /** @type {Record<string, unknown>} */ (exportsField);
  }
  return Object.entries(subpaths)
    .filter(([subpath]) => subpath !== './package.json' && !subpath.includes('*'))
    .map(([subpath, target]) => {
      const importTarget = pickTarget(target, ['node', 'import', 'default']);
      const requireTarget = pickTarget(target, ['node', 'require', 'default']);
      const file = importTarget ?? requireTarget ?? '';
      return {
        subpath,
        specifier: subpath === '.' ? packageJson.name : `${packageJson.name}/${subpath.slice(2)}`,
        kind: /\.[cm]?js$/.test(file) ? 'js' : file.endsWith('.json') ? 'json' : 'other',
        importTarget,
        requireTarget,
        hasRequireCondition: JSON.stringify(target).includes('"require"'),
      };
    });
}

/** @param {unknown} value */
function hasSubpathKeys(value) {
  return Object.keys(/** @type {object} */ (value)).some((key) => key.startsWith('.'));
}

/**
 * Node's resolution of a conditional target for a set of active conditions (first matching key wins).
 * @param {unknown} target
 * @param {string[]} conditions
 * @returns {string | undefined}
 */
function pickTarget(target, conditions) {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const picked = pickTarget(item, conditions);
      if (picked) return picked;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (TYPE_CONDITIONS.has(condition)) continue;
      if (conditions.includes(condition)) {
        const picked = pickTarget(value, conditions);
        if (picked) return picked;
      }
    }
  }
  return undefined;
}
