import { createServer } from 'node:net';

/**
 * Asks the OS for a port that is free on 127.0.0.1 right now.
 *
 * Prism only takes a port number, so it cannot listen on port 0 itself; the port can be taken by someone else
 * between this call and Prism's bind, which is why callers retry on EADDRINUSE.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return bindAndRelease(0, host);
}

/**
 * Rejects with `portInUse(port)` when another process holds `port` on 127.0.0.1 now: for a start that binds it
 * only after Prism is up, which would otherwise take seconds to say so.
 */
export async function ensurePortFree(port: number): Promise<void> {
  try {
    await bindAndRelease(port, '127.0.0.1');
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? portInUse(port) : error;
  }
}

/** Binds `port` (0: one the OS picks) on `host`, closes it again and resolves with the port bound. */
function bindAndRelease(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(port, host, () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error(`could not read the port of a probe socket on ${host}`));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

/**
 * The error for a port the caller asked for and another process holds; its `code` is the system's, so a caller
 * that names its own knob for the port (a CLI flag) can tell it apart without reading the message.
 */
export function portInUse(port: number): Error & { code: 'EADDRINUSE' } {
  return Object.assign(
    new Error(
      `startMock: port ${port} on 127.0.0.1 is already in use. Stop what uses it or pass another \`port\` (0 picks a free one).`,
    ),
    { code: 'EADDRINUSE' as const },
  );
}
