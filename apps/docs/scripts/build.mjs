// `pnpm --filter @plivo-openapi/docs build`: writes the static API reference to dist/.
import { relative } from 'node:path';
import { buildDocs } from '../src/build-docs.mjs';

try {
  const { outDir, files } = await buildDocs();
  console.log(`docs: wrote ${files.join(', ')} to ${relative(process.cwd(), outDir) || '.'}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
