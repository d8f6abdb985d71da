import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { expectExited, isRunning } from '../support/processes.js';
import { ACCOUNT_A, basicAuth } from './support/accounts.js';

// `plivo-mock --stateful [--otp ...]`, the built binary as `pnpm mock --stateful` runs it.
const BIN = fileURLToPath(new URL('../../bin/plivo-mock.js', import.meta.url));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(...args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk;
  });
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output.stdout.includes(text)) return;
        child.stdout?.off('data', check);
        resolve();
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) =>
        reject(new Error(`plivo-mock exited (${code}):\n${output.stdout}${output.stderr}`)),
      );
      check();
    });
  return { child, output, printed };
}

describe('plivo-mock --stateful', () => {
  it('exits 1 when Prism exits on its own, rather than answer 502 to every request', async () => {
    const cli = run('--port', '0', '--stateful');
    await cli.printed('Press Ctrl-C to stop.');
    const prismPid = Number(/Prism pid (\d+)/.exec(cli.output.stdout)?.[1]);
    process.kill(prismPid, 'SIGKILL');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.output.stderr).toContain(`Prism (pid ${prismPid}) at`);
  });

  it('serves the stateful mode with the fixed OTP, prints its control paths, and stops on Ctrl-C', async () => {
    const cli = run('--port', '0', '--stateful', '--otp', '246810');
    await cli.printed('Press Ctrl-C to stop.');
    const url = /Plivo mock listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output.stdout)?.[1];
    const prismPid = Number(/Prism pid (\d+)/.exec(cli.output.stdout)?.[1]);
    expect(cli.output.stdout).toContain('every Verify OTP is 246810');
    for (const control of [
      'POST   URL/__mock/advance-time',
      'GET    URL/__mock/requests',
      'POST   URL/__mock/reset',
      'GET    URL/__mock/otp/{session_uuid}',
      'GET    URL/__mock/callbacks-settled',
    ]) {
      expect(cli.output.stdout).toContain(control.replace('URL', String(url)));
    }

    const sent = await fetch(`${url}/v1/Account/${ACCOUNT_A}/Verify/Session/`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: '14155550100' }),
    });
    const { session_uuid } = (await sent.json()) as { session_uuid: string };
    expect(await (await fetch(`${url}/__mock/otp/${session_uuid}`)).json()).toEqual({ otp: '246810' });

    cli.child.kill('SIGINT');
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(0);
    expect(isRunning(prismPid)).toBe(false);
    expectExited(prismPid);
  });

  it.each([
    [['--otp', '123456'], '--otp sets the OTP of the stateful mode; add --stateful.'],
    [
      ['--stateful', '--otp', '12ab'],
      'plivo-mock: --otp must be 4 to 8 digits, as Verify codes are; got "12ab".',
    ],
  ])('refuses %j with a message saying what to do', async (args, message) => {
    const cli = run('--port', '0', ...args);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(1);
    expect(cli.output.stderr).toContain(message);
  });
});
