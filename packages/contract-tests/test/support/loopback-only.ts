import { connect } from 'node:net';
import { expect } from 'vitest';

/**
 * Proves that the server at `url` (on 127.0.0.1) listens on that address only: another loopback address, which
 * any server bound to every interface also answers on, refuses the connection. Linux routes all of 127.0.0.0/8
 * to the loopback device; elsewhere 127.0.0.2 may not exist, hence the callers' `runIf`.
 */
export async function expectLoopbackOnly(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  expect(hostname).toBe('127.0.0.1');
  const outcome = await new Promise<string>((resolve) => {
    const socket = connect(Number(port), '127.0.0.2');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  expect(outcome, `a connection to 127.0.0.2:${port}`).toBe('ECONNREFUSED');
}
