// The main job's last step: says where the built artefacts are.
// Later it also starts the Prism mock and the docs server (see issues for apps/docs and contract-tests).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../openapi/dist/openapi.yaml', import.meta.url));
if (!existsSync(bundle)) {
  console.error(`No bundled spec at ${bundle}. Run \`pnpm build\` first.`);
  process.exit(1);
}
console.log(`Bundled spec: ${bundle}`);
console.log(`              ${bundle.replace(/\.yaml$/, '.json')}`);
