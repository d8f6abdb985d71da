import { createServer } from 'node:net';

/**
 * Asks the OS for a port that is free on 127.0.0.1 right now.
 *
 * Prism only takes a port number, so it cannot listen on port 0 itself; the port can be taken by someone else
 * between this call and Prism's bind, which is why callers retry on EADDRINUSE.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
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
