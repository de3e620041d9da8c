import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Every file below `dir` whose name ends so. */
function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(ROOT, dir, name));
}

/**
 * The deployment keeps no Application Insights (its request telemetry would keep every URL, and
 * download links carry their token in the path): the app's JSON logs go to the Log Analytics
 * workspace as App Service console output (see infra/azure.bicep and its test). The code and the
 * provisioning steps say so, so that nobody looks for the logs, or adds telemetry, elsewhere.
 */
describe('deployment: where the logs go', () => {
  it('names no Application Insights in the code or the provisioning steps', () => {
    const files = [...filesUnder('src', '.ts'), join(ROOT, 'm365agents.yml'), join(ROOT, 'm365agents.local.yml')];
    const naming = files.filter((file) => /application\s*insights|appinsights/i.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      naming.map((file) => relative(ROOT, file)),
      [],
    );
  });
});
