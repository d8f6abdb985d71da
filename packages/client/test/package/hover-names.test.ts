// What an editor's hover and a compiler error say for the fields of the exported types: a nested object or
// array is named (`session: MaskingSession`), never the generated `components["schemas"][…]` or its expansion,
// and each field keeps the description the spec gave it.
import { describe, expect, it } from 'vitest';
import { builtDeclarations } from '../helpers/declarations.js';

const { checker, exports } = builtDeclarations('index.d.mts');
const exported = new Map(
  [...exports].map(([name, symbol]) => [
    name,
    checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(symbol)),
  ]),
);

/** How a hover prints the field's type, and its documentation. */
function field(typeName: string, property: string): { type: string; documented: boolean } {
  const owner = exported.get(typeName);
  const symbol = owner?.getProperty(property);
  if (owner === undefined || symbol === undefined)
    throw new Error(`no ${typeName}.${property} in the declarations`);
  return {
    type: checker.typeToString(checker.getTypeOfSymbol(symbol)),
    // openapi-typescript writes descriptions as `@description` tags, which hovers show.
    documented: symbol.getJsDocTags(checker).some((tag) => tag.name === 'description'),
  };
}

describe('hover text of the exported types', () => {
  it.each([
    ['MaskingSessionCreateResponse', 'session', 'MaskingSession'],
    ['MaskingSessionUpdateResponse', 'session', 'MaskingSession'],
    ['MaskingSessionResponse', 'response', 'MaskingSession'],
    ['MaskingSession', 'interaction', 'MaskingInteraction[] | null'],
    ['MaskingSessionListItem', 'interaction', 'MaskingInteraction[] | null'],
    ['VerifySession', 'charges', 'VerifyCharges'],
    ['VerifySession', 'attempt_details', 'VerifyAttempt[] | null'],
    ['VerifySessionResponse', 'charges', 'VerifyCharges'],
    ['VerifyCharges', 'attempt_charges', 'VerifyAttemptCharge[] | null'],
  ])('%s.%s is %s', (typeName, property, expected) => {
    expect(field(typeName, property).type).toBe(expected);
  });

  it('no field of an exported interface shows the generated schema instead of a type', () => {
    const generated = ['paths', 'components', 'operations', 'webhooks', '$defs'];
    const interfaces = [...exported].filter(
      ([name, type]) => type.isClassOrInterface() && !generated.includes(name),
    );
    expect(interfaces.length).toBeGreaterThan(20);
    const leaks = interfaces.flatMap(([name, type]) =>
      type
        .getProperties()
        .map((symbol) => `${name}.${symbol.name}: ${checker.typeToString(checker.getTypeOfSymbol(symbol))}`)
        .filter((line) => line.includes('components[') || line.includes('{ ')),
    );
    expect(leaks).toEqual([]);
  });

  it('a field given a named type keeps its description from the spec', () => {
    expect(field('MaskingSession', 'interaction').documented).toBe(true);
    expect(field('VerifySession', 'status').documented).toBe(true);
    expect(field('MaskingSessionListItem', 'resource_uri').documented).toBe(true);
    // Fields whose schema is a $ref carry a description beside it, or the hover would show none.
    expect(field('MaskingSession', 'status').documented).toBe(true);
    expect(field('VerifySession', 'charges').documented).toBe(true);
  });
});
