/**
 * `decodeURIComponent(text)`, or undefined when the text is not valid percent-encoding. Use what it returns: a
 * bundler drops a decodeURIComponent whose result goes unused, and its throw with it.
 */
export function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
