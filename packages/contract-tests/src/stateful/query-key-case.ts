import { type Answer, fail } from './answers.js';

/**
 * A query key sent in two spellings of case (`status=bogus&STATUS=verified`), refused. Prism checks query keys
 * whatever their case, the last one winning; the state reads them as written, as Plivo does: it would act on a
 * value Prism never checked.
 */
export function queryKeyCaseRefusal(query: URLSearchParams): Answer | undefined {
  const spellings = new Map<string, string>();
  for (const key of query.keys()) {
    const first = spellings.get(key.toLowerCase());
    if (first === undefined) spellings.set(key.toLowerCase(), key);
    else if (first !== key)
      return fail(
        400,
        `The query names one parameter twice, as ${first} and ${key}: send it once, spelt as documented (${key.toLowerCase()})`,
      );
  }
  return undefined;
}
