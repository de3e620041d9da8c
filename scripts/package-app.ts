/**
 * Builds the Teams app package `appPackage/build/appPackage.<env>.zip` offline.
 *
 * Usage: `npm run package [-- <env>]` (default env "dev").
 *
 * It does what the Agents Toolkit's `teamsApp/zipAppPackage` does, without network or sign-in:
 * reads `env/.env.<env>` (and `env/.env.<env>.user` when present), replaces every `${{VAR}}` in
 * the manifest and its localization files, refuses to build while any variable is missing,
 * validates the result against the manifest schema kept in `test/appPackage/schema/` and zips
 * manifest, icons and localization files. The toolkit's own provision/publish steps stay the
 * way to register the app; this script is for CI, for uploading a package by hand and for tests.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Options of {@link buildAppPackage}. */
export interface BuildAppPackageOptions {
  /** Environment name: selects `env/.env.<envName>` and names the zip. */
  envName: string;
  /** Project root holding `appPackage/`, `env/` and `test/appPackage/schema/`. */
  rootDir: string;
  /** Where the zip goes; defaults to `<rootDir>/appPackage/build`. */
  outDir?: string;
  /**
   * Variables that win over the env files, as with dotenv: pass `process.env` so that CI can
   * inject ids without writing them into a file. Tests pass nothing to stay hermetic.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What {@link buildAppPackage} produced. */
export interface BuildAppPackageResult {
  zipPath: string;
  /** Entry names inside the zip, in the order they were added. */
  entries: string[];
}

/** A problem a person can fix (missing variable, invalid manifest, wrong icon), never a bug. */
export class AppPackageError extends Error {
  override name = 'AppPackageError';
}

/** Variables that may be empty: a production environment has no name suffix. */
export const OPTIONAL_VARIABLES: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

/** Required icon sizes in pixels (Teams rejects packages with other sizes). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ENV_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Parses a toolkit env file: `KEY=VALUE` lines, `#` comments, optional single or double quotes.
 * Kept minimal on purpose (no interpolation, no multi-line values) because the toolkit's env
 * files never use more.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1] as string;
    let value = (match[2] ?? '').trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    result[key] = value;
  }
  return result;
}

/** Names of all `${{VAR}}` placeholders in a text, each once, in order of appearance. */
export function findPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

/**
 * Replaces `${{VAR}}` placeholders. Returns the names that have no value (unset, or empty and
 * not in {@link OPTIONAL_VARIABLES}) instead of silently writing an empty id into a manifest.
 */
export function substitutePlaceholders(
  text: string,
  vars: Readonly<Record<string, string | undefined>>,
): { text: string; missing: string[] } {
  const missing = findPlaceholders(text).filter((name) => {
    const value = vars[name];
    return value === undefined || (value === '' && !OPTIONAL_VARIABLES.has(name));
  });
  const replaced = text.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole);
  return { text: replaced, missing };
}

/** Loads `env/.env.<env>` and the optional `env/.env.<env>.user`, then applies overrides. */
export function loadEnvironment(
  rootDir: string,
  envName: string,
  overrides: Readonly<Record<string, string | undefined>> = {},
): { vars: Record<string, string | undefined>; files: string[] } {
  const envFile = path.join(rootDir, 'env', `.env.${envName}`);
  if (!existsSync(envFile)) {
    throw new AppPackageError(`Environment file not found: ${path.relative(rootDir, envFile)}`);
  }
  const files = [envFile];
  const userFile = `${envFile}.user`;
  if (existsSync(userFile)) files.push(userFile);
  const vars: Record<string, string | undefined> = {};
  for (const file of files) Object.assign(vars, parseEnvFile(readFileSync(file, 'utf8')));
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined && value !== '') vars[key] = value;
  }
  return { vars, files };
}

/** Folder of the vendored manifest schemas, one sub-folder per manifest version (`v1.22`). */
export function schemaDir(rootDir: string): string {
  return path.join(rootDir, 'test', 'appPackage', 'schema');
}

/**
 * Compiles a vendored Teams schema with Ajv.
 *
 * The Teams schemas declare draft-04 but use only keywords that draft-04 and draft-07 read the
 * same way (plus `const`, which draft-07 enforces as intended), so Ajv's default draft runs them
 * once the `$schema` marker is dropped; `strictSchema` stays on and fails on any keyword Ajv does
 * not know. Some localization patterns are not valid as Unicode regular expressions (a lone `]`),
 * hence `unicodeRegExp: false`.
 */
export function compileTeamsSchema(schemaFile: string): ValidateFunction {
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    unicodeRegExp: false,
  });
  addFormats(ajv, ['uri']);
  return ajv.compile(schema);
}

/** Formats Ajv errors as `file: /path message` lines. */
export function formatSchemaErrors(file: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '/' : error.instancePath;
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
        : '';
    return `${file}: ${where} ${error.message ?? error.keyword}${extra}`;
  });
}

/** Width and height from a PNG's IHDR chunk; throws when the file is no PNG. */
export function readPngSize(buffer: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (buffer.length < 24 || buffer.subarray(0, 8).toString('hex') !== signature) {
    throw new AppPackageError('not a PNG file');
  }
  if (buffer.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new AppPackageError('PNG file without IHDR chunk');
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

interface ManifestShape {
  manifestVersion?: unknown;
  icons?: { color?: unknown; outline?: unknown };
  localizationInfo?: {
    defaultLanguageFile?: unknown;
    additionalLanguages?: Array<{ file?: unknown }>;
  };
}

function resolveInside(appDir: string, relative: unknown, what: string): string {
  if (typeof relative !== 'string' || relative === '') {
    throw new AppPackageError(`manifest.json: ${what} is not a file name`);
  }
  const absolute = path.resolve(appDir, relative);
  const inside = path.relative(appDir, absolute);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new AppPackageError(`manifest.json: ${what} "${relative}" lies outside appPackage/`);
  }
  if (!existsSync(absolute)) {
    throw new AppPackageError(`manifest.json: ${what} "${relative}" does not exist`);
  }
  return absolute;
}

function zipEntryName(appDir: string, absolute: string): string {
  return path.relative(appDir, absolute).split(path.sep).join('/');
}

/**
 * Builds `appPackage.<envName>.zip`. Throws {@link AppPackageError} listing every missing
 * variable, every schema violation or a wrong icon size; nothing is written in that case.
 */
export function buildAppPackage(options: BuildAppPackageOptions): BuildAppPackageResult {
  const { envName, rootDir } = options;
  if (!ENV_NAME.test(envName)) {
    throw new AppPackageError(`Invalid environment name "${envName}" (letters, digits, - and _ only)`);
  }
  const appDir = path.join(rootDir, 'appPackage');
  const outDir = options.outDir ?? path.join(appDir, 'build');
  const { vars, files: envFiles } = loadEnvironment(rootDir, envName, options.env);
  const envFileNames = envFiles.map((file) => path.relative(rootDir, file)).join(', ');

  const manifestFile = path.join(appDir, 'manifest.json');
  const manifestSource = substitutePlaceholders(readFileSync(manifestFile, 'utf8'), vars);
  let manifest: ManifestShape;
  try {
    manifest = JSON.parse(manifestSource.text) as ManifestShape;
  } catch (error) {
    throw new AppPackageError(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }

  const localizationFiles: string[] = [];
  const info = manifest.localizationInfo;
  if (info?.defaultLanguageFile !== undefined) {
    localizationFiles.push(resolveInside(appDir, info.defaultLanguageFile, 'defaultLanguageFile'));
  }
  for (const [index, language] of (info?.additionalLanguages ?? []).entries()) {
    localizationFiles.push(resolveInside(appDir, language.file, `localizationInfo.additionalLanguages[${index}].file`));
  }
  const localizations = localizationFiles.map((file) => ({
    file,
    ...substitutePlaceholders(readFileSync(file, 'utf8'), vars),
  }));

  const missing = [...new Set([...manifestSource.missing, ...localizations.flatMap((l) => l.missing)])].sort();
  if (missing.length > 0) {
    throw new AppPackageError(
      `Cannot build the app package for "${envName}": no value for ${missing.join(', ')}. ` +
        `Set ${missing.length === 1 ? 'it' : 'them'} in ${envFileNames} ` +
        '(the Agents Toolkit fills TEAMS_APP_ID and BOT_ID during provision).',
    );
  }

  const version = manifest.manifestVersion;
  const versionDir = path.join(schemaDir(rootDir), `v${String(version)}`);
  const manifestSchema = path.join(versionDir, 'MicrosoftTeams.schema.json');
  if (typeof version !== 'string' || !existsSync(manifestSchema)) {
    throw new AppPackageError(
      `No vendored schema for manifestVersion ${JSON.stringify(version)} in ${path.relative(rootDir, versionDir)}`,
    );
  }
  const problems: string[] = [];
  const validateManifest = compileTeamsSchema(manifestSchema);
  if (!validateManifest(manifest)) {
    problems.push(...formatSchemaErrors('manifest.json', validateManifest.errors));
  }
  if (localizations.length > 0) {
    const validateLocalization = compileTeamsSchema(path.join(versionDir, 'MicrosoftTeams.Localization.schema.json'));
    for (const localization of localizations) {
      const name = zipEntryName(appDir, localization.file);
      let content: unknown;
      try {
        content = JSON.parse(localization.text);
      } catch (error) {
        problems.push(`${name}: not valid JSON: ${(error as Error).message}`);
        continue;
      }
      if (!validateLocalization(content)) {
        problems.push(...formatSchemaErrors(name, validateLocalization.errors));
      }
    }
  }

  const icons = (['color', 'outline'] as const).map((kind) => {
    const file = resolveInside(appDir, manifest.icons?.[kind], `icons.${kind}`);
    const expected = ICON_SIZES[kind];
    const { width, height } = readPngSize(readFileSync(file));
    if (width !== expected || height !== expected) {
      problems.push(
        `${zipEntryName(appDir, file)}: ${kind} icon must be ${expected}x${expected}, is ${width}x${height}`,
      );
    }
    return file;
  });

  if (problems.length > 0) {
    throw new AppPackageError(
      `The app package for "${envName}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }

  const zip = new AdmZip();
  const entries: string[] = [];
  const add = (name: string, content: Buffer): void => {
    if (entries.includes(name)) return;
    zip.addFile(name, content);
    entries.push(name);
  };
  add('manifest.json', Buffer.from(manifestSource.text, 'utf8'));
  for (const icon of icons) add(zipEntryName(appDir, icon), readFileSync(icon));
  for (const localization of localizations) {
    add(zipEntryName(appDir, localization.file), Buffer.from(localization.text, 'utf8'));
  }

  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, entries };
}

if (require.main === module) {
  const envName = process.argv[2] ?? 'dev';
  try {
    const { zipPath, entries } = buildAppPackage({
      envName,
      rootDir: path.resolve(__dirname, '..'),
      env: process.env,
    });
    console.log(`App package: ${path.relative(process.cwd(), zipPath)} (${entries.join(', ')})`);
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
