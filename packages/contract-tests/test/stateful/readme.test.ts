import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The "Testing a flow" section of the README shows the files of test/stateful/readme-flow/ exactly as the suite
// runs them, and documents every control path the stateful mock serves.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(
  readme.indexOf('## Testing a flow'),
  readme.indexOf('\n## ', readme.indexOf('## Testing a flow') + 1),
);
const fencedBlocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code);

describe('README: Testing a flow', () => {
  it.each(['phone-check.ts', 'trip-line.ts', 'flows.test.ts'])(
    'shows test/stateful/readme-flow/%s exactly as the suite runs it',
    (file) => {
      const source = readFileSync(new URL(`./readme-flow/${file}`, import.meta.url), 'utf8');
      expect(fencedBlocks).toContain(source);
    },
  );

  it.each([
    'POST /__mock/advance-time',
    'GET /__mock/requests',
    'POST /__mock/reset',
    'GET /__mock/otp/{session_uuid}',
    'GET /__mock/callbacks-settled',
  ])('documents the control path %s', (endpoint) => {
    expect(section).toContain(`| \`${endpoint}`);
  });

  it('lists the stateful option and the handle’s stateful members', () => {
    expect(readme).toMatch(/\| `stateful` +\| `false`/);
    for (const member of [
      'otp(sessionUuid)',
      'requests()',
      'reset()',
      'advanceTime(ms)',
      'callbacksSettled()',
    ]) {
      expect(readme).toContain(`\`${member}\``);
    }
  });
});
