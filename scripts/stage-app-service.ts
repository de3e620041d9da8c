/**
 * Lays out the App Service package in `build/app-service`, the folder that `m365agents.yml`
 * zip-deploys.
 *
 * Usage: `npm run build && npm run stage:app-service`, then `npm ci --omit=dev` inside
 * `build/app-service` (the deploy steps of m365agents.yml do all three).
 *
 * The package is an allow-list: the compiled code under `dist/src` (without source maps), the
 * card templates and the npm manifests, nothing else. Sources, tests, scripts, env files, local
 * data and the project's own node_modules (with its devDependencies) cannot slip in, whatever
 * lies in the working copy. Dependencies are then installed into the package from the lockfile
 * with production dependencies only, so the server runs `node dist/src/server/main.js` on
 * exactly what package.json lists under `dependencies`.
 *
 * The folder lies inside the project so that install scripts run there find the project's own
 * tools: botbuilder-dialogs' postinstall calls `npx rimraf`, and rimraf is a devDependency.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The package folder, relative to the project root; m365agents.yml deploys this folder. */
export const APP_SERVICE_PACKAGE_DIR = 'build/app-service';

/** The start command's script, relative to the project root; it must have been built. */
export const ENTRY_POINT = 'dist/src/server/main.js';

/** What goes into the package, each relative to the project root, and which of its files. */
const INCLUDED: ReadonlyArray<{ readonly from: string; readonly keep: (file: string) => boolean }> = [
  { from: 'package.json', keep: () => true },
  { from: 'package-lock.json', keep: () => true },
  { from: 'dist/src', keep: (file) => !file.endsWith('.map') },
  { from: 'adaptiveCards', keep: (file) => file.endsWith('.json') },
];

/** A step a person must take first (build), never a bug. */
export class StageError extends Error {
  override name = 'StageError';
}

export interface StageOptions {
  /** Project root holding package.json, dist/ and adaptiveCards/. */
  readonly rootDir: string;
  /** Where the package is laid out; defaults to `<rootDir>/build/app-service`. */
  readonly outDir?: string;
}

/**
 * Empties the package folder and copies the allow-listed files into it. Returns the files it
 * holds afterwards, relative to it and with forward slashes, sorted.
 */
export function stageAppService(options: StageOptions): string[] {
  const { rootDir, outDir = path.join(rootDir, APP_SERVICE_PACKAGE_DIR) } = options;
  if (!existsSync(path.join(rootDir, ENTRY_POINT))) {
    throw new StageError(`${ENTRY_POINT} is missing: run \`npm run build\` first.`);
  }
  for (const required of ['package.json', 'package-lock.json', 'adaptiveCards']) {
    if (!existsSync(path.join(rootDir, required))) throw new StageError(`${required} is missing in ${rootDir}.`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const { from, keep } of INCLUDED) {
    cpSync(path.join(rootDir, from), path.join(outDir, from), {
      recursive: true,
      filter: (source) => statSync(source).isDirectory() || keep(source),
    });
  }
  return listFiles(outDir);
}

/** Every file below `dir`, relative to it, with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

if (require.main === module) {
  try {
    const files = stageAppService({ rootDir: path.resolve(__dirname, '..') });
    console.log(`${APP_SERVICE_PACKAGE_DIR}: ${files.length} files; install with npm ci --omit=dev there.`);
  } catch (error) {
    console.error(error instanceof StageError ? error.message : error);
    process.exitCode = 1;
  }
}
