import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const fencedBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code);

describe('README', () => {
  it.each(['otp-check.ts', 'otp-check.test.ts'])(
    'shows test/readme-example/%s exactly as the suite runs it',
    (file) => {
      const source = readFileSync(new URL(`./readme-example/${file}`, import.meta.url), 'utf8');
      expect(fencedBlocks).toContain(source);
    },
  );

  it('names the global setup entry that package.json exports', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(manifest.exports)).toContain('./vitest');
    expect(readme).toContain("globalSetup: ['@plivo-openapi/contract-tests/vitest']");
  });
});
