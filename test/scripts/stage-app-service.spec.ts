import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  APP_SERVICE_PACKAGE_DIR,
  ENTRY_POINT,
  StageError,
  listFiles,
  stageAppService,
} from '../../scripts/stage-app-service';

const ROOT = path.resolve(__dirname, '..', '..');

/** Writes each file (relative path → content) below `dir`. */
function writeTree(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

/** What a built working copy holds: what the server needs, and much that must not ship. */
const WORKING_COPY: Record<string, string> = {
  'package.json': '{"name":"gremium","dependencies":{"pino":"^10.4.0"},"devDependencies":{"mocha":"^11.8.0"}}',
  'package-lock.json': '{"lockfileVersion":3}',
  [ENTRY_POINT]: 'require("./gremium-server");',
  'dist/src/server/gremium-server.js': 'module.exports = {};',
  'dist/src/server/main.js.map': '{"sources":["../../../src/server/main.ts"]}',
  'dist/src/i18n/locales/de.json': '{"hello":"Hallo"}',
  'dist/test/server/main.spec.js': 'describe("x", () => {});',
  'dist/scripts/seed-demo.js': '',
  'adaptiveCards/agenda.json': '{"type":"AdaptiveCard"}',
  'adaptiveCards/README.txt': 'notes',
  'src/server/main.ts': 'export {};',
  'test/server/main.spec.ts': '',
  'scripts/seed-demo.ts': '',
  'env/.env.dev': 'BOT_ID=',
  'env/.env.dev.user': 'SECRET_BOT_PASSWORD=secret',
  '.env': 'BOT_PASSWORD=secret',
  '.localConfigs': 'BOT_PASSWORD=secret',
  'data/gremium.sqlite': 'SQLite format 3',
  'node_modules/mocha/index.js': '',
  'node_modules/pino/index.js': '',
  'infra/azure.bicep': '',
  'appPackage/manifest.json': '{}',
};

describe('scripts/stage-app-service', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gremium-stage-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('copies only the compiled code, the card templates and the npm manifests', () => {
    writeTree(root, WORKING_COPY);
    const files = stageAppService({ rootDir: root });
    const expected = [
      'adaptiveCards/agenda.json',
      'dist/src/i18n/locales/de.json',
      'dist/src/server/gremium-server.js',
      ENTRY_POINT,
      'package-lock.json',
      'package.json',
    ].sort();
    assert.deepEqual(files, expected);
    assert.deepEqual(listFiles(path.join(root, APP_SERVICE_PACKAGE_DIR)), expected);
    const stagedManifest = readFileSync(path.join(root, APP_SERVICE_PACKAGE_DIR, 'package.json'), 'utf8');
    assert.equal(stagedManifest, WORKING_COPY['package.json']);
  });

  it('starts from an empty folder, so nothing of an earlier package stays', () => {
    writeTree(root, WORKING_COPY);
    writeTree(path.join(root, APP_SERVICE_PACKAGE_DIR), {
      'node_modules/mocha/index.js': '',
      'dist/src/removed-since.js': '',
    });
    const files = stageAppService({ rootDir: root });
    assert.ok(!files.some((file) => file.includes('mocha') || file.includes('removed-since')), files.join('\n'));
  });

  it('refuses to stage before the build, saying what to run', () => {
    const { [ENTRY_POINT]: _entry, ...unbuilt } = WORKING_COPY;
    writeTree(root, unbuilt);
    assert.throws(
      () => stageAppService({ rootDir: root }),
      (error: unknown) => error instanceof StageError && /npm run build/.test(error.message),
    );
  });
});

interface DeployStep {
  uses: string;
  name?: string;
  with?: Record<string, string>;
}

describe('m365agents.yml deploy', () => {
  const manifest = parse(readFileSync(path.join(ROOT, 'm365agents.yml'), 'utf8')) as { deploy: DeployStep[] };
  const steps = manifest.deploy;
  const npmArgs = (step: DeployStep) => (step.uses === 'cli/runNpmCommand' ? (step.with?.args ?? '') : '');
  const indexOf = (predicate: (step: DeployStep) => boolean, what: string) => {
    const index = steps.findIndex(predicate);
    assert.ok(index >= 0, `no deploy step ${what}`);
    return index;
  };

  it('builds with every dependency, then installs production dependencies only into the package it zips', () => {
    const fullInstall = indexOf((step) => /^ci\b/.test(npmArgs(step)) && !npmArgs(step).includes('--omit'), 'npm ci');
    const build = indexOf((step) => npmArgs(step) === 'run build', 'npm run build');
    const stage = indexOf((step) => npmArgs(step) === 'run stage:app-service', 'npm run stage:app-service');
    const productionInstall = indexOf((step) => /^ci\b.*--omit=dev/.test(npmArgs(step)), 'npm ci --omit=dev');
    const zipDeploy = indexOf((step) => step.uses === 'azureAppService/zipDeploy', 'azureAppService/zipDeploy');

    assert.ok(fullInstall < build && build < stage && stage < productionInstall && productionInstall < zipDeploy);
    assert.equal(steps[productionInstall]?.with?.workingDirectory, APP_SERVICE_PACKAGE_DIR);
    assert.equal(steps[zipDeploy]?.with?.artifactFolder, APP_SERVICE_PACKAGE_DIR);
    for (const step of steps.slice(productionInstall + 1)) {
      assert.ok(!/^(ci|install|i)\b/.test(npmArgs(step)), `"npm ${npmArgs(step)}" after the production install`);
    }
  });

  it('runs the staging script that package.json names', () => {
    const manifestText = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const { scripts } = JSON.parse(manifestText) as { scripts: Record<string, string> };
    assert.equal(scripts['stage:app-service'], 'tsx scripts/stage-app-service.ts');
  });
});
