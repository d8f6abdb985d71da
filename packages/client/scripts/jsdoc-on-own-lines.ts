/** A JSDoc comment that opens and closes on one line. */
const ONE_LINE_JSDOC = /\/\*\*(?:(?!\*\/).)*\*\//g;

/**
 * rolldown-plugin-dts 0.23, the last release that runs on Node 20, moves a one-line JSDoc comment onto the end
 * of the line before it (sxzz/rolldown-plugin-dts#182, fixed in releases that need Node 22): TypeScript then
 * attaches it to nothing, and editors show no description for a quarter of the spec's fields. Gives each such
 * comment a line of its own again.
 */
export function jsdocOnOwnLines(code: string): string {
  return code
    .split('\n')
    .flatMap((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      const text = line.slice(indent.length);
      const pieces: string[] = [];
      let from = 0;
      for (const comment of text.matchAll(ONE_LINE_JSDOC)) {
        pieces.push(text.slice(from, comment.index).trim(), comment[0]);
        from = comment.index + comment[0].length;
      }
      pieces.push(text.slice(from).trim());
      const kept = pieces.filter((piece) => piece !== '');
      return kept.length <= 1 ? [line] : kept.map((piece) => indent + piece);
    })
    .join('\n');
}
