// The declarations users' editors read: every description the generated schema carries must still document
// the same field in dist, or hover shows nothing (the bundler once moved one-line JSDoc comments onto the line
// before, where TypeScript attaches them to nothing: see scripts/jsdoc-on-own-lines.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { jsdocOnOwnLines } from '../../scripts/jsdoc-on-own-lines.js';
import { distFile } from '../helpers/dist.js';

const SCHEMA = fileURLToPath(new URL('../../src/generated/schema.ts', import.meta.url));

/** Dotted names (`components.schemas.MaskingSession.expiry_time`) of the members TypeScript finds a JSDoc on. */
function documentedMembers(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const documented = new Set<string>();
  const visit = (node: ts.Node, name: string): void => {
    if (ts.isPropertySignature(node) && node.name !== undefined) {
      const member = `${name}.${node.name.getText(source).replace(/^["']|["']$/g, '')}`;
      if (ts.getJSDocCommentsAndTags(node).length > 0) documented.add(member);
      if (node.type !== undefined) visit(node.type, member);
      return;
    }
    node.forEachChild((child) => visit(child, name));
  };
  for (const statement of source.statements) {
    if (
      ts.isInterfaceDeclaration(statement) &&
      ['paths', 'components', 'operations'].includes(statement.name.text)
    )
      visit(statement, statement.name.text);
  }
  return documented;
}

describe('the declarations in dist', () => {
  const generated = documentedMembers(SCHEMA);

  it('the generated schema documents hundreds of members (the comparison below has something to compare)', () => {
    expect(generated.size).toBeGreaterThan(300);
  });

  it.each(['index.d.mts', 'index.d.cts'])('%s documents every member the generated schema does', (file) => {
    const built = documentedMembers(distFile(file));
    expect([...generated].filter((member) => !built.has(member))).toEqual([]);
  });

  it.each(['index.d.mts', 'index.d.cts', 'callbacks.d.mts', 'callbacks.d.cts'])(
    '%s has no JSDoc comment after code on its line',
    (file) => {
      const lines = readFileSync(distFile(file), 'utf8').split('\n');
      expect(lines.filter((line) => /[^\s*/][^*]*\/\*\*/.test(line))).toEqual([]);
    },
  );
});

describe('jsdocOnOwnLines', () => {
  it('moves a one-line comment off the line before and off the line of its declaration', () => {
    const mangled = [
      '  a: string; /** @description B. */',
      '  b: number;',
      '  /** @description C. */c?: boolean; /** @description D. */',
      '  d: null;',
    ].join('\n');
    expect(jsdocOnOwnLines(mangled).split('\n')).toEqual([
      '  a: string;',
      '  /** @description B. */',
      '  b: number;',
      '  /** @description C. */',
      '  c?: boolean;',
      '  /** @description D. */',
      '  d: null;',
    ]);
  });

  it('leaves multi-line comments and lines with nothing else on them alone', () => {
    const fine = ['/**', ' * A. */', 'x: 1;', '  /** @description E. */', '  e: 2;'].join('\n');
    expect(jsdocOnOwnLines(fine)).toBe(fine);
  });
});
