import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coalesceOutput, type WriteTarget } from '../src/coalesced-output.js';

const PRISM_CHILD = fileURLToPath(new URL('../dist/prism-child.js', import.meta.url));

/** A stream that records what reaches it, in order across streams, and answers each write's callback. */
function recording(name: string, log: { stream: string; chunk: unknown; encoding?: unknown }[]) {
  const stream: WriteTarget = {
    write(chunk, encoding, callback) {
      log.push({ stream: name, chunk, ...(typeof encoding === 'string' ? { encoding } : {}) });
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') done();
      return true;
    },
  };
  return stream;
}

/** Both streams coalesced, with the turn's end under the test's control. */
function setUp() {
  const log: { stream: string; chunk: unknown; encoding?: unknown }[] = [];
  const stdout = recording('stdout', log);
  const stderr = recording('stderr', log);
  const turns: (() => void)[] = [];
  const flush = coalesceOutput(stdout, stderr, (run) => turns.push(run));
  const endTurn = () => {
    for (const run of turns.splice(0)) run();
  };
  return { log, stdout, stderr, flush, endTurn, turns };
}

describe('coalesceOutput (Prism’s stdout, one write per turn)', () => {
  it('writes the lines of one turn as one write when the turn ends, in order', () => {
    const { log, stdout, endTurn, turns } = setUp();
    expect(stdout.write('[HTTP SERVER] get /v1/ Request received\n')).toBe(true);
    stdout.write('[NEGOTIATOR] Responding with "200"\n');
    stdout.write('[VALIDATOR] Violation: request\n');
    expect(log).toEqual([]);
    expect(turns).toHaveLength(1);
    endTurn();
    expect(log).toEqual([
      {
        stream: 'stdout',
        chunk:
          '[HTTP SERVER] get /v1/ Request received\n[NEGOTIATOR] Responding with "200"\n[VALIDATOR] Violation: request\n',
      },
    ]);
    stdout.write('next\n');
    endTurn();
    expect(log.map((entry) => entry.chunk)).toEqual([expect.any(String), 'next\n']);
  });

  it('calls each write’s callback once its turn has been written', () => {
    const { stdout, endTurn } = setUp();
    const called: string[] = [];
    stdout.write('a\n', () => called.push('a'));
    stdout.write('b\n', 'utf8', () => called.push('b'));
    expect(called).toEqual([]);
    endTurn();
    expect(called).toEqual(['a', 'b']);
  });

  it('writes what stdout holds before anything written to stderr', () => {
    const { log, stdout, stderr, endTurn } = setUp();
    stdout.write('before\n');
    stderr.write('an error\n');
    stdout.write('after\n');
    endTurn();
    expect(log).toEqual([
      { stream: 'stdout', chunk: 'before\n' },
      { stream: 'stderr', chunk: 'an error\n' },
      { stream: 'stdout', chunk: 'after\n' },
    ]);
  });

  it('at exit writes what is pending, and then writes directly (no turn follows an exit)', () => {
    const { log, stdout, stderr, flush: atExit, endTurn } = setUp();
    stdout.write('the last line\n');
    atExit();
    expect(log).toEqual([{ stream: 'stdout', chunk: 'the last line\n' }]);
    stdout.write('from a later exit listener\n');
    expect(log).toHaveLength(2);
    stderr.write('an error\n');
    expect(log.slice(1)).toEqual([
      { stream: 'stdout', chunk: 'from a later exit listener\n' },
      { stream: 'stderr', chunk: 'an error\n' },
    ]);
    endTurn();
    expect(log).toHaveLength(3);
  });

  it('at exit gives a stream its prototype’s write back, as process.stdout has no write of its own', () => {
    const log: { stream: string; chunk: unknown }[] = [];
    const byPrototype = (name: string): WriteTarget =>
      Object.create({
        write(chunk: unknown) {
          log.push({ stream: name, chunk });
          return true;
        },
      });
    const stdout = byPrototype('stdout');
    const stderr = byPrototype('stderr');
    const atExit = coalesceOutput(stdout, stderr, () => undefined);
    expect(Object.hasOwn(stdout, 'write')).toBe(true);
    stdout.write('pending\n');
    atExit();
    expect([Object.hasOwn(stdout, 'write'), Object.hasOwn(stderr, 'write')]).toEqual([false, false]);
    stdout.write('direct\n');
    expect(log).toEqual([
      { stream: 'stdout', chunk: 'pending\n' },
      { stream: 'stdout', chunk: 'direct\n' },
    ]);
  });

  it('writes nothing for a turn in which nothing was written', () => {
    const { log, flush: atExit } = setUp();
    atExit();
    expect(log).toEqual([]);
  });

  it('keeps bytes and strings in another encoding as the bytes they are', () => {
    const { log, stdout, endTurn } = setUp();
    const wide = new Uint16Array([0x4241, 0x0a43]); // "ABC\n" on a little-endian machine
    stdout.write(Buffer.from('é\n'));
    stdout.write('caf\u00e9\n', 'latin1');
    stdout.write(wide);
    stdout.write(new DataView(new TextEncoder().encode('xyz\n').buffer, 1, 3));
    stdout.write('ok\n');
    endTurn();
    expect(log).toHaveLength(1);
    const [entry] = log;
    expect(Buffer.isBuffer(entry?.chunk)).toBe(true);
    expect(entry?.chunk).toEqual(
      Buffer.concat([
        Buffer.from('é\n'),
        Buffer.from('caf\u00e9\n', 'latin1'),
        Buffer.from(wide.buffer),
        Buffer.from('yz\n'),
        Buffer.from('ok\n'),
      ]),
    );
  });

  it('hands a chunk that is neither text nor bytes to the stream at once, which refuses it', () => {
    const log: { stream: string; chunk: unknown }[] = [];
    const stdout: WriteTarget = {
      write(chunk) {
        if (typeof chunk === 'number') throw new TypeError('The "chunk" argument must be of type string');
        log.push({ stream: 'stdout', chunk });
        return true;
      },
    };
    const turns: (() => void)[] = [];
    coalesceOutput(stdout, recording('stderr', log), (run) => turns.push(run));
    stdout.write('held\n');
    expect(() => stdout.write(42)).toThrow(/must be of type string/);
    for (const run of turns) run();
    expect(log).toEqual([{ stream: 'stdout', chunk: 'held\n' }]);
  });
});

describe('Prism’s process (dist/prism-child.js) with its output coalesced', () => {
  it('holds stdout until the turn ends, and writes every line when the process exits in that turn', async () => {
    expect(existsSync(PRISM_CHILD), 'build the package first').toBe(true);
    const folder = mkdtempSync(join(tmpdir(), 'coalesced-output-'));
    try {
      // Stands in for Prism's bin, which prism-child.js loads after its set-up.
      const fakePrism = join(folder, 'fake-prism.cjs');
      writeFileSync(
        fakePrism,
        // writeSync goes around the stream: it comes first only if the lines before it were held back.
        "process.stdout.write('line 1\\n'); console.log('line 2'); require('node:fs').writeSync(1, 'direct\\n'); process.stdout.write('last line\\n'); process.exit(3);\n",
      );
      // stdin stays open: prism-child.js ends itself when it closes.
      const child = spawn(process.execPath, [PRISM_CHILD, fakePrism], { stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      let errors = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        errors += chunk;
      });
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      child.stdin.destroy();
      expect({ code, output, errors }).toEqual({
        code: 3,
        output: 'direct\nline 1\nline 2\nlast line\n',
        errors: '',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
