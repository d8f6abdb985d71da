import { createRequire } from 'node:module';

/**
 * Prism's own Content-Type parser (jshttp's content-type, as @stoplight/prism-http loads it), so that the kit
 * judges a type exactly as Prism does: a Content-Type it cannot parse, Prism answers with a bare 500.
 */
const prismHttp = createRequire(import.meta.url).resolve('@stoplight/prism-http');
const { parse } = createRequire(prismHttp)('content-type') as { parse(contentType: string): unknown };

/** Why Prism cannot parse `contentType` ("invalid parameter format"), or undefined when it can. */
export function contentTypeProblem(contentType: string): string | undefined {
  try {
    parse(contentType);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
