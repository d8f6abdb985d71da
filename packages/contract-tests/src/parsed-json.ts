/** The JSON a text holds, or undefined when it holds none (empty, or not JSON). */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
