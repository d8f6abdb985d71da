import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory for probe scripts and runtime caches, removed by `remove()`. */
export function tempDir(prefix: string) {
  const path = mkdtempSync(join(tmpdir(), `plivo-client-${prefix}-`));
  return {
    path,
    write(name: string, text: string): string {
      const file = join(path, name);
      writeFileSync(file, text);
      return file;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
