// Runs a rebuild when files under a folder change: debounced (an editor's save is several events) and never
// two at once (a change during a rebuild queues exactly one more). Node's own recursive fs.watch covers
// Linux, macOS and Windows on Node 20, so no watcher dependency is needed for one folder.
import { watch } from 'node:fs';

const DEBOUNCE_MS = 150;

/**
 * @param {string} dir
 * @param {{
 *   ignore: (relativePath: string) => boolean,
 *   rebuild: (changed: string[]) => Promise<void>,
 *   onError: (error: unknown) => void,
 *   debounceMs?: number,
 * }} options
 * @returns {{ close(): void, idle(): Promise<void> }}
 */
export function watchSources(dir, { ignore, rebuild, onError, debounceMs = DEBOUNCE_MS }) {
  /** @type {Set<string>} */
  let pending = new Set();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<void>} */
  let running = Promise.resolve();

  const flush = () => {
    const changed = [...pending].sort();
    pending = new Set();
    // A failed rebuild (say, a half-typed YAML file) is reported and the next save tries again.
    running = running.then(() => rebuild(changed)).catch(onError);
  };

  const watcher = watch(dir, { recursive: true }, (_event, filename) => {
    if (!filename || ignore(filename.toString())) return;
    pending.add(filename.toString());
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });

  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
    /** Resolves once every rebuild started so far has finished. */
    idle: () => running,
  };
}
