import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ruleSet = require(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: unknown[] };

interface CruiseResult {
  output: { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
}

/**
 * Runs dependency-cruiser with the project's rules over a tree laid out like src/. With
 * `withPackages`, the tree gets the project's package.json and (linked) node_modules, so that
 * imports resolve and are told apart as dependencies, devDependencies and undeclared packages.
 */
async function violations(files: Record<string, string>, { withPackages = false } = {}): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gremium-layers-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    await cp(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    if (withPackages) {
      await cp(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
      await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
    }
    const { cruise } = (await import('dependency-cruiser')) as unknown as {
      cruise: (files: string[], options: object) => Promise<CruiseResult>;
    };
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = await cruise(['src'], {
        ruleSet,
        validate: true,
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
      });
      return result.output.summary.violations
        .map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`)
        .sort();
    } finally {
      process.chdir(cwd);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('architecture/dependency rules', () => {
  it('pass on the real source tree', async () => {
    const { cruise } = (await import('dependency-cruiser')) as unknown as {
      cruise: (files: string[], options: object) => Promise<CruiseResult>;
    };
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const result = await cruise(['src'], {
        ruleSet,
        validate: true,
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
        tsConfig: { fileName: 'tsconfig.json' },
      });
      assert.deepEqual(result.output.summary.violations, []);
    } finally {
      process.chdir(cwd);
    }
  });

  it('fail when the domain imports an SDK or does I/O', async () => {
    const found = await violations({
      'src/domain/session.ts':
        "import { TurnContext } from 'botbuilder';\nimport { readFileSync } from 'node:fs';\nexport const x = [TurnContext, readFileSync];\n",
    });
    assert.ok(
      found.some((line) => line.startsWith('domain-is-pure: src/domain/session.ts -> botbuilder')),
      found.join('\n'),
    );
    assert.ok(
      found.some((line) => line.startsWith('domain-is-pure: src/domain/session.ts -> fs')),
      found.join('\n'),
    );
  });

  it('fail when a use case imports the Teams SDK, Azure, restify or an adapter', async () => {
    const found = await violations({
      'src/infra/cosmos-store.ts': 'export const store = 1;\n',
      'src/app/plan-year.ts': [
        "import { Application } from '@microsoft/teams-ai';",
        "import { CosmosClient } from '@azure/cosmos';",
        "import restify from 'restify';",
        "import { store } from '../infra/cosmos-store';",
        'export const x = [Application, CosmosClient, restify, store];',
      ].join('\n'),
    });
    for (const target of ['@microsoft/teams-ai', '@azure/cosmos', 'restify']) {
      assert.ok(
        found.some((line) => line.includes(`src/app/plan-year.ts -> ${target}`)),
        `${target}:\n${found.join('\n')}`,
      );
    }
    assert.ok(
      found.includes('app-uses-ports-not-adapters: src/app/plan-year.ts -> src/infra/cosmos-store.ts'),
      found.join('\n'),
    );
  });

  // The App Service package is installed with npm ci --omit=dev: a devDependency, or a package
  // that only a devDependency brings along, is not there, and the bot would fail on first use.
  it('fail when code that runs in production imports a devDependency or an undeclared package', async () => {
    const found = await violations(
      {
        'src/infra/check-data.ts': [
          "import Ajv from 'ajv';",
          "import type { SinonStub } from 'sinon';",
          "import ms from 'ms';",
          'export const x = [Ajv, ms];',
          'export type Stub = SinonStub;',
          "export const later = () => import('fast-check');",
        ].join('\n'),
      },
      { withPackages: true },
    );
    // The linked node_modules resolves to its real place, so the target is matched by its tail.
    const flagged = (rule: string, target: string) =>
      found.some(
        (line) => line.startsWith(`${rule}: src/infra/check-data.ts -> `) && line.includes(`node_modules/${target}/`),
      );
    for (const target of ['ajv', 'fast-check']) {
      assert.ok(flagged('runtime-without-dev-dependencies', target), `${target}:\n${found.join('\n')}`);
    }
    assert.ok(flagged('runtime-packages-declared', 'ms'), found.join('\n'));
    assert.ok(!found.some((line) => line.includes('sinon')), `a type-only import is erased:\n${found.join('\n')}`);
  });
});
