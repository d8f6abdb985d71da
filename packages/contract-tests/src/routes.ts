import { decoded } from './decoded.js';
import type { OperationSummary } from './list-operations.js';

/** An operation of the spec that a request path and method resolve to, with its path parameters. */
export interface RouteMatch {
  operationId: string;
  /** The spec's path template, e.g. /v1/Account/{auth_id}/Masking/Session/{session_uuid}. */
  template: string;
  params: Record<string, string>;
}

export interface Routes {
  /**
   * The form of `path` (no query) that the spec describes. Plivo's SDKs disagree on the trailing slash of the
   * masking paths and .NET even sends `Masking/Session//{uuid}/` (OPERATIONS.md §2); the API takes every form,
   * so the mock answers each of them as the spec's form. Other paths are returned as they are: the Verify
   * paths are sent alike by every SDK, with their documented slash (the mock answers 404 without it).
   */
  canonical(path: string): string;
  /** The operation of a canonical path and method, or undefined when the spec has none. */
  match(method: string, path: string): RouteMatch | undefined;
  /**
   * Every operation of the spec at a canonical path, whatever its method, with the statuses it lists (`[]` when
   * the spec has no such path): what a method the path does not take, or an error, may be answered with.
   */
  operationsAt(path: string): PathOperation[];
}

/**
 * An operation of the spec at some path: its method, the statuses its `responses` list and their examples, the
 * media types its request body takes.
 */
export interface PathOperation {
  method: string;
  statuses: readonly string[];
  examples: Readonly<Record<string, readonly string[]>>;
  /** Undefined when not known (an operation listed without them). */
  bodyTypes: readonly string[] | undefined;
}

// The resource whose path forms differ between Plivo's own SDKs.
const SLASH_TOLERANT = '/Masking/Session';

interface CompiledRoute extends OperationSummary {
  pattern: RegExp;
  names: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

function compile(operation: OperationSummary): CompiledRoute {
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return escapeRegExp(part);
      names.push(part.slice(1, -1));
      return '([^/]+)';
    })
    .join('');
  return { ...operation, pattern: new RegExp(`^${source}$`), names };
}

export function createRoutes(operations: OperationSummary[]): Routes {
  const routes = operations.map(compile);
  const known = (path: string) => routes.some(({ pattern }) => pattern.test(path));

  return {
    canonical(path) {
      if (!path.includes(SLASH_TOLERANT) || known(path)) return path;
      const collapsed = path.replace(/\/{2,}/g, '/');
      const toggled = collapsed.endsWith('/') ? collapsed.slice(0, -1) : `${collapsed}/`;
      for (const candidate of [collapsed, toggled]) if (known(candidate)) return candidate;
      return path;
    },
    operationsAt(path) {
      return routes
        .filter(({ pattern }) => pattern.test(path))
        .map(({ method, statuses, examples, bodyTypes }) => ({
          method,
          statuses: statuses ?? [],
          examples: examples ?? {},
          bodyTypes,
        }));
    },
    match(method, path) {
      const upper = method.toUpperCase();
      for (const route of routes) {
        if (route.method !== upper || route.operationId === undefined) continue;
        const found = route.pattern.exec(path);
        if (found === null) continue;
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => {
          const segment = found[i + 1] ?? '';
          // As sent when it is not valid percent-encoding: Prism judges it then.
          params[name] = decoded(segment) ?? segment;
        });
        return { operationId: route.operationId, template: route.path, params };
      }
      return undefined;
    },
  };
}
