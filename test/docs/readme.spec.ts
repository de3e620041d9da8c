import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './markdown-documents';

/** A landing page with the measured figures, not a manual: everything else lives in docs/. */
const README_MAX_BYTES = 14_336;

describe('docs: README.md', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it(`stays a landing page of at most ${README_MAX_BYTES} bytes`, () => {
    const bytes = statSync(path.join(ROOT, 'README.md')).size;
    assert.ok(bytes <= README_MAX_BYTES, `README.md has ${bytes} bytes; move detail into docs/`);
  });

  it('shows the two commands a newcomer runs', () => {
    assert.ok(readme.includes('npm ci && npm run dev'), 'the command that starts the bot');
    assert.ok(readme.includes('npm ci && npm test'), 'the command that runs every test');
  });

  it('shows the test command that CI runs on a fresh clone', () => {
    const commands = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    assert.equal(commands.at(-1), 'npm test');
    assert.ok(readme.includes(`npm ci && ${commands.at(-1)}`));
  });
});
