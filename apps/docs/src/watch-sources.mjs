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

  /** @type {import('node:fs').FSWatcher | undefined} */
  let watcher;
  // Node's recursive watch on Linux watches each file, and loses one an editor saves by replacing it (write a
  // copy, rename it over): watching again after every batch of changes picks up the new file.
  let closed = false;
  const arm = () => {
    watcher?.close();
    watcher = watch(dir, { recursive: true }, (_event, filename) => {
      if (!filename || ignore(filename.toString())) return;
      pending.add(filename.toString());
      clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    // Reported, not thrown: a watcher that fails later (say, the folder is removed) must not end the server.
    watcher.on('error', onError);
  };

  const flush = () => {
    const changed = [...pending].sort();
    pending = new Set();
    if (closed) return;
    try {
      arm();
    } catch (error) {
      onError(error); // e.g. out of inotify watches: this rebuild still runs, later saves may go unseen
    }
    // A failed rebuild (say, a half-typed YAML file) is reported and the next save tries again.
    running = running.then(() => rebuild(changed)).catch(onError);
  };

  arm();

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
    /** Resolves once every rebuild started so far has finished. */
    idle: () => running,
  };
}
