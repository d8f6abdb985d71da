/** The parts of Node's and Deno's globals this package reads, typed here so the runtime needs no Node types. */
interface RuntimeGlobals {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/**
 * Reads an environment variable where the runtime has an environment (Node, Bun, Deno), without importing a
 * Node built-in. Returns `undefined` in browsers and edge runtimes, and in Deno without `--allow-env` (where
 * `Deno.env.get` throws a permission error instead of answering).
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as RuntimeGlobals;
  try {
    const value = runtime.process?.env?.[name];
    if (value !== undefined) return value;
  } catch {
    // A sandbox may forbid reading the environment: treat it as absent.
  }
  try {
    return runtime.Deno?.env?.get(name);
  } catch {
    return undefined;
  }
}

/**
 * What to add to "set the variable" advice: `undefined` when this runtime has no environment at all (browsers,
 * edge runtimes), so the advice does not apply. Deno without `--allow-env` refuses to read a variable even when
 * it is set, so "set the variable" alone would send the user in circles: then the flag to add, else ''.
 */
export function envHint(name: string): string | undefined {
  const { process, Deno } = globalThis as RuntimeGlobals;
  if (Deno?.env === undefined) return hasReadableEnv(process) ? '' : undefined;
  try {
    Deno.env.get(name);
    return '';
  } catch {
    return ` (Deno denied reading it: run with --allow-env=${name})`;
  }
}

/** Whether the environment can be read: a sandbox may forbid it (a getter that throws), which readEnv allows too. */
function hasReadableEnv(process: RuntimeGlobals['process']): boolean {
  try {
    return process?.env !== undefined;
  } catch {
    return false;
  }
}
