import ts from 'typescript';
import { distFile } from './dist.js';

/** A built declaration file (`index.d.mts`, …) as TypeScript reads it: its checker and its exports by name. */
export function builtDeclarations(entry: string): {
  checker: ts.TypeChecker;
  exports: Map<string, ts.Symbol>;
} {
  const program = ts.createProgram([distFile(entry)], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(distFile(entry));
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  const symbols = module === undefined ? [] : checker.getExportsOfModule(module);
  return { checker, exports: new Map(symbols.map((symbol) => [symbol.name, symbol])) };
}
