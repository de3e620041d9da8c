import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The one file that turns an instant into the stored form: `toUtcIso` and `nowUtcIso`. */
const CLOCK_FILE = 'src/domain/clock.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** `.toUTC().toISO()`, also split over lines as a formatter may leave it. */
const HAND_WRITTEN_INSTANT = /\.toUTC\(\)\s*\.toISO\(\)/;

describe('architecture: instants are written in one place', () => {
  it('no source file but domain/clock.ts writes an instant as UTC ISO text itself', () => {
    const offenders = sourceFiles('src')
      .filter((file) => file !== CLOCK_FILE)
      .filter((file) => HAND_WRITTEN_INSTANT.test(readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepEqual(offenders, [], 'use toUtcIso or nowUtcIso from src/domain/clock.ts');
  });

  it('would notice one', () => {
    assert.ok(HAND_WRITTEN_INSTANT.test('const at = clock.now().toUTC().toISO()!;'));
    assert.ok(HAND_WRITTEN_INSTANT.test('const at = clock\n  .now()\n  .toUTC()\n  .toISO();'));
  });
});
