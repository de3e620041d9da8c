import { COMMANDS, PERSONAL_CHAT_ONLY } from '../../src/domain/permissions';
import { translator } from '../../src/i18n/translator';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { AppPackageError, buildAppPackage, findPlaceholders, parseEnvFile } from '../../scripts/package-app';

const ROOT = path.resolve(__dirname, '..', '..');
const APP_DIR = path.join(ROOT, 'appPackage');
const SCHEMA_ROOT = path.join(ROOT, 'test', 'appPackage', 'schema');

/** The bot's command words, from its own locale files: the manifest may offer nothing else. */
const GERMAN_COMMANDS = COMMANDS.map((command) => translator('de').t(`commands.${command}.word`));
const ENGLISH_COMMANDS = COMMANDS.map((command) => translator('en').t(`commands.${command}.word`));

const SAMPLE_VARS: Record<string, string> = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: '66666666-7777-4888-9999-aaaaaaaaaaaa',
  APP_NAME_SUFFIX: '-test',
};

interface Command {
  title: string;
  description: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Manifest {
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  icons: { color: string; outline: string };
  localizationInfo?: {
    defaultLanguageTag: string;
    additionalLanguages?: Array<{ languageTag: string; file: string }>;
  };
  bots: Array<{ botId: string; scopes: string[]; supportsFiles?: boolean; commandLists: CommandList[] }>;
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    assert.ok(value !== undefined, `no sample value for placeholder ${whole}`);
    return value;
  });
}

const manifestText = readText(path.join(APP_DIR, 'manifest.json'));
const manifest = JSON.parse(substitute(manifestText, SAMPLE_VARS)) as Manifest;
const localizationFiles = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);

/** Compiles a vendored Teams schema independently of the packaging script. */
function compile(schemaFile: string) {
  const { $schema: _draft, ...schema } = JSON.parse(readText(schemaFile)) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictRequired: false, unicodeRegExp: false });
  addFormats(ajv, ['uri']);
  return ajv.compile(schema);
}

/** Reads a value in the manifest by a localization key such as `bots[0].commandLists[1].commands[0].title`. */
function lookup(root: unknown, key: string): unknown {
  const tokens = key.match(/[^.[\]]+/g) ?? [];
  let node: unknown = root;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  hasTransparencyChunk: boolean;
  /** RGBA, 4 bytes per pixel. */
  rgba: Uint8Array;
}

/**
 * A small PNG decoder for 8-bit, non-interlaced images (all our icons), enough to check sizes
 * and pixels without a dependency.
 */
function decodePng(buffer: Buffer): DecodedPng {
  assert.equal(buffer.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = -1;
  let interlace = 0;
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.subarray(offset + 4, offset + 8).toString('ascii');
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data.readUInt8(8);
      colorType = data.readUInt8(9);
      interlace = data.readUInt8(12);
    } else if (type === 'PLTE') {
      palette = data;
    } else if (type === 'tRNS') {
      transparency = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  assert.equal(bitDepth, 8, 'only 8-bit PNGs are expected');
  assert.equal(interlace, 0, 'only non-interlaced PNGs are expected');
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  assert.ok(channels !== undefined, `unknown PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  assert.equal(raw.length, height * (stride + 1), 'decompressed PNG data has the expected size');
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (pixels[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] as number) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else assert.equal(filter, 0, `unknown PNG filter ${String(filter)}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    let rgb: [number, number, number];
    let alpha = 255;
    if (colorType === 0 || colorType === 4) {
      rgb = [p[0] as number, p[0] as number, p[0] as number];
      if (colorType === 4) alpha = p[1] as number;
    } else if (colorType === 3) {
      const index = p[0] as number;
      assert.ok(palette, 'palette image without PLTE');
      rgb = [palette[index * 3] as number, palette[index * 3 + 1] as number, palette[index * 3 + 2] as number];
      if (transparency && index < transparency.length) alpha = transparency[index] as number;
    } else {
      rgb = [p[0] as number, p[1] as number, p[2] as number];
      if (colorType === 6) alpha = p[3] as number;
    }
    rgba.set([...rgb, alpha], i * 4);
  }
  return { width, height, colorType, bitDepth, hasTransparencyChunk: transparency !== undefined, rgba };
}

describe('Teams app package', () => {
  describe('manifest and schema', () => {
    it('uses a manifest version whose schema is vendored for offline validation', () => {
      assert.ok(
        existsSync(path.join(SCHEMA_ROOT, `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json')),
        `test/appPackage/schema/v${manifest.manifestVersion} is missing`,
      );
      assert.ok(Number(manifest.manifestVersion.split('.')[1]) >= 19, 'manifestVersion must be 1.19 or newer');
    });

    it('validates against the vendored schema once placeholders are filled', () => {
      const validate = compile(path.join(SCHEMA_ROOT, `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json'));
      assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
    });

    it('rejects what the schema forbids (the validator really runs)', () => {
      const validate = compile(path.join(SCHEMA_ROOT, `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json'));
      assert.equal(validate({ ...manifest, id: 'not-a-guid' }), false);
      assert.equal(validate({ ...manifest, manifestVersion: '1.0' }), false);
      assert.equal(validate({ ...manifest, unknownProperty: true }), false);
    });

    it('is German first with an English localization that validates', () => {
      assert.equal(manifest.localizationInfo?.defaultLanguageTag, 'de');
      assert.deepEqual(
        manifest.localizationInfo?.additionalLanguages?.map((l) => l.languageTag),
        ['en'],
      );
      const validate = compile(
        path.join(SCHEMA_ROOT, `v${manifest.manifestVersion}`, 'MicrosoftTeams.Localization.schema.json'),
      );
      for (const file of localizationFiles) {
        const localization = JSON.parse(substitute(readText(path.join(APP_DIR, file)), SAMPLE_VARS)) as Record<
          string,
          unknown
        >;
        assert.ok(validate(localization), `${file}: ${JSON.stringify(validate.errors, null, 2)}`);
        for (const key of Object.keys(localization)) {
          if (key === '$schema') continue;
          assert.notEqual(lookup(manifest, key), undefined, `${file}: "${key}" localizes nothing in manifest.json`);
        }
      }
    });

    it('declares a bot for personal, team and group chat without file support', () => {
      assert.equal(manifest.bots.length, 1);
      const bot = manifest.bots[0];
      assert.ok(bot);
      assert.equal(bot.botId, SAMPLE_VARS.BOT_ID);
      assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
      assert.equal(bot.supportsFiles, false);
    });

    it('takes every placeholder from the env files', () => {
      const used = new Set([
        ...findPlaceholders(manifestText),
        ...localizationFiles.flatMap((file) => findPlaceholders(readText(path.join(APP_DIR, file)))),
      ]);
      assert.deepEqual([...used].sort(), Object.keys(SAMPLE_VARS).sort());
      for (const envName of ['dev', 'local']) {
        const declared = parseEnvFile(readText(path.join(ROOT, 'env', `.env.${envName}`)));
        for (const name of used) {
          assert.ok(name in declared, `env/.env.${envName} does not declare ${name}`);
        }
        assert.equal(declared.TEAMSFX_ENV, envName);
      }
    });
  });

  describe('icons', () => {
    it('has a 192x192 colour icon', () => {
      const png = decodePng(readFileSync(path.join(APP_DIR, manifest.icons.color)));
      assert.deepEqual([png.width, png.height], [192, 192]);
    });

    it('has a 32x32 outline icon, white on a transparent background', () => {
      const png = decodePng(readFileSync(path.join(APP_DIR, manifest.icons.outline)));
      assert.deepEqual([png.width, png.height], [32, 32]);
      assert.ok(
        png.colorType === 6 || png.colorType === 4 || png.hasTransparencyChunk,
        'outline needs an alpha channel',
      );
      let transparent = 0;
      let opaque = 0;
      for (let i = 0; i < png.width * png.height; i++) {
        const [r, g, b, a] = png.rgba.subarray(i * 4, i * 4 + 4);
        if (a === 0) {
          transparent++;
          continue;
        }
        if (a === 255) opaque++;
        assert.deepEqual(
          [r, g, b],
          [255, 255, 255],
          `pixel ${i % png.width},${Math.floor(i / png.width)} is not white`,
        );
      }
      assert.ok(transparent > png.width * png.height * 0.3, `only ${transparent} transparent pixels`);
      assert.ok(opaque > 0, 'the outline icon draws nothing');
      const corners = [0, png.width - 1, (png.height - 1) * png.width, png.width * png.height - 1];
      for (const corner of corners) assert.equal(png.rgba[corner * 4 + 3], 0, 'corners are transparent');
    });
  });

  describe('commands', () => {
    const lists = manifest.bots[0]?.commandLists ?? [];

    it('offers only German commands the bot understands', () => {
      for (const list of lists) {
        for (const command of list.commands) {
          assert.ok(
            GERMAN_COMMANDS.includes(command.title),
            `"${command.title}" (${list.scopes.join(', ')}) is not a German command`,
          );
          assert.ok(command.description.length > 0);
        }
      }
    });

    it('offers hilfe in every scope, at most ten commands per scope (the Teams limit), and every command somewhere', () => {
      const offered = new Set<string>();
      for (const scope of ['personal', 'team', 'groupChat']) {
        const titles = lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
        assert.ok(titles.includes('hilfe'), `hilfe in scope ${scope}`);
        assert.ok(titles.length <= 10, `${titles.length} commands in scope ${scope}`);
        assert.equal(new Set(titles).size, titles.length, `no command twice in scope ${scope}`);
        for (const title of titles) offered.add(title);
      }
      assert.deepEqual([...offered].sort(), [...GERMAN_COMMANDS].sort());
    });

    it('leads the personal list with what every member may do: help, action items, own data, the sessions', () => {
      const personal = lists.filter((list) => list.scopes.includes('personal')).flatMap((list) => list.commands);
      assert.deepEqual(
        personal.slice(0, 4).map((command) => command.title),
        ['hilfe', 'aufgaben', 'meine daten', 'sitzungen'],
      );
    });

    it('offers the commands answered only in a personal chat there, and not in a team or group chat', () => {
      const personalOnly = [...PERSONAL_CHAT_ONLY].map((command) => translator('de').t(`commands.${command}.word`));
      assert.deepEqual(personalOnly.sort(), ['gremium', 'meine daten', 'änderungen']);
      for (const list of lists) {
        const titles = list.commands.map((command) => command.title);
        for (const title of personalOnly) {
          if (list.scopes.includes('personal'))
            assert.ok(titles.includes(title), `${title} is offered in the personal chat`);
          else assert.ok(!titles.includes(title), `${title} is offered in ${list.scopes.join(', ')}`);
        }
      }
    });

    it('offers the choice of language in the personal chat, where each person sets their own', () => {
      const personal = lists.filter((list) => list.scopes.includes('personal')).flatMap((list) => list.commands);
      assert.ok(
        personal.some((command) => command.title === translator('de').t('commands.language.word')),
        'sprache in the personal chat',
      );
    });

    it('offers the English command words in the English localization, in the same places', () => {
      const localization = JSON.parse(readText(path.join(APP_DIR, 'en.json'))) as Record<string, string>;
      for (const [listIndex, list] of lists.entries()) {
        for (const [commandIndex, command] of list.commands.entries()) {
          const english = localization[`bots[0].commandLists[${listIndex}].commands[${commandIndex}].title`];
          assert.equal(
            english,
            ENGLISH_COMMANDS[GERMAN_COMMANDS.indexOf(command.title)],
            `${list.scopes.join(', ')}: ${command.title}`,
          );
        }
      }
    });
  });

  describe('buildAppPackage', () => {
    let root: string;

    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'gremium-apppackage-'));
      mkdirSync(path.join(root, 'appPackage'));
      for (const file of ['manifest.json', manifest.icons.color, manifest.icons.outline, ...localizationFiles]) {
        cpSync(path.join(APP_DIR, file), path.join(root, 'appPackage', file));
      }
      cpSync(SCHEMA_ROOT, path.join(root, 'test', 'appPackage', 'schema'), { recursive: true });
      mkdirSync(path.join(root, 'env'));
    });

    afterEach(() => {
      rmSync(root, { recursive: true, force: true });
    });

    function writeEnv(vars: Record<string, string>): void {
      const lines = ['# test environment', 'TEAMSFX_ENV=dev', ...Object.entries(vars).map(([k, v]) => `${k}=${v}`)];
      writeFileSync(path.join(root, 'env', '.env.dev'), `${lines.join('\n')}\n`);
    }

    it('zips the manifest with every placeholder replaced, the icons and the localization', () => {
      writeEnv(SAMPLE_VARS);
      const outDir = path.join(root, 'out');
      const { zipPath, entries } = buildAppPackage({ envName: 'dev', rootDir: root, outDir });

      assert.equal(zipPath, path.join(outDir, 'appPackage.dev.zip'));
      assert.ok(existsSync(zipPath));
      const zip = new AdmZip(zipPath);
      const names = zip
        .getEntries()
        .map((e) => e.entryName)
        .sort();
      assert.deepEqual(names, ['color.png', 'en.json', 'manifest.json', 'outline.png']);
      assert.deepEqual([...entries].sort(), names);

      const packedManifest = zip.readAsText('manifest.json');
      assert.doesNotMatch(packedManifest, /\$\{\{/);
      const parsed = JSON.parse(packedManifest) as Manifest;
      assert.equal(parsed.id, SAMPLE_VARS.TEAMS_APP_ID);
      assert.equal(parsed.bots[0]?.botId, SAMPLE_VARS.BOT_ID);
      assert.equal(parsed.name.short, 'Gremium-test');
      assert.doesNotMatch(zip.readAsText('en.json'), /\$\{\{/);
      assert.ok(zip.readFile('outline.png')?.equals(readFileSync(path.join(APP_DIR, manifest.icons.outline))));
    });

    it('writes to appPackage/build by default and accepts an empty name suffix', () => {
      writeEnv({ ...SAMPLE_VARS, APP_NAME_SUFFIX: '' });
      const { zipPath } = buildAppPackage({ envName: 'dev', rootDir: root });
      assert.equal(zipPath, path.join(root, 'appPackage', 'build', 'appPackage.dev.zip'));
      const parsed = JSON.parse(new AdmZip(zipPath).readAsText('manifest.json')) as Manifest;
      assert.equal(parsed.name.short, 'Gremium');
    });

    it('lets variables passed in win over the env file', () => {
      writeEnv({ ...SAMPLE_VARS, BOT_ID: '' });
      const botId = '12345678-1234-4234-8234-123456789abc';
      const { zipPath } = buildAppPackage({ envName: 'dev', rootDir: root, env: { BOT_ID: botId } });
      const parsed = JSON.parse(new AdmZip(zipPath).readAsText('manifest.json')) as Manifest;
      assert.equal(parsed.bots[0]?.botId, botId);
    });

    it('fails listing every missing variable and writes nothing', () => {
      const { BOT_ID: _botId, ...withoutBot } = SAMPLE_VARS;
      writeEnv({ ...withoutBot, TEAMS_APP_ID: '' });
      const outDir = path.join(root, 'out');
      assert.throws(
        () => buildAppPackage({ envName: 'dev', rootDir: root, outDir }),
        (error: unknown) => {
          assert.ok(error instanceof AppPackageError);
          assert.match(error.message, /no value for BOT_ID, TEAMS_APP_ID\b/);
          assert.match(error.message, /env\/\.env\.dev/);
          return true;
        },
      );
      assert.equal(existsSync(outDir), false);
    });

    it('names the single missing variable', () => {
      const { BOT_ID: _botId, ...withoutBot } = SAMPLE_VARS;
      writeEnv(withoutBot);
      assert.throws(() => buildAppPackage({ envName: 'dev', rootDir: root }), /no value for BOT_ID\. /);
    });

    it('fails when the environment file does not exist', () => {
      assert.throws(
        () => buildAppPackage({ envName: 'staging', rootDir: root }),
        /Environment file not found: env[\\/]\.env\.staging/,
      );
    });

    it('fails with schema errors when a value breaks the manifest', () => {
      writeEnv({ ...SAMPLE_VARS, BOT_ID: 'not-a-guid' });
      assert.throws(
        () => buildAppPackage({ envName: 'dev', rootDir: root }),
        (error: unknown) => {
          assert.ok(error instanceof AppPackageError);
          assert.match(error.message, /manifest\.json: \/bots\/0\/botId must match pattern/);
          return true;
        },
      );
    });

    it('fails when an icon has the wrong size', () => {
      writeEnv(SAMPLE_VARS);
      cpSync(path.join(APP_DIR, manifest.icons.outline), path.join(root, 'appPackage', manifest.icons.color));
      assert.throws(() => buildAppPackage({ envName: 'dev', rootDir: root }), /color icon must be 192x192, is 32x32/);
    });
  });
});

describe('Agents Toolkit project files', () => {
  const bicep = readText(path.join(ROOT, 'infra', 'azure.bicep'));
  const bicepParams = new Set([...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]));
  const bicepOutputs = new Set([...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]));
  const devEnv = parseEnvFile(readText(path.join(ROOT, 'env', '.env.dev')));
  const localEnv = parseEnvFile(readText(path.join(ROOT, 'env', '.env.local')));

  it('passes only parameters that infra/azure.bicep declares, from variables env/.env.dev declares', () => {
    const parametersText = readText(path.join(ROOT, 'infra', 'azure.parameters.json'));
    const parameters = (JSON.parse(parametersText) as { parameters: Record<string, unknown> }).parameters;
    for (const name of Object.keys(parameters)) assert.ok(bicepParams.has(name), `azure.bicep has no param ${name}`);
    for (const name of findPlaceholders(parametersText))
      assert.ok(name in devEnv, `env/.env.dev does not declare ${name}`);
  });

  it('uses in m365agents.yml only variables of env/.env.dev, and the deploy target is a bicep output', () => {
    for (const name of findPlaceholders(readText(path.join(ROOT, 'm365agents.yml')))) {
      assert.ok(name in devEnv, `env/.env.dev does not declare ${name}`);
    }
    for (const name of ['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'COSMOS_ENDPOINT']) {
      assert.ok(bicepOutputs.has(name), `azure.bicep has no output ${name}`);
      assert.ok(name in devEnv, `env/.env.dev does not declare ${name}`);
    }
  });

  it('uses in m365agents.local.yml only variables of env/.env.local or ones the toolkit provides', () => {
    const provided = new Set(['SECRET_BOT_PASSWORD', 'TEAMS_APP_TENANT_ID']);
    for (const name of findPlaceholders(readText(path.join(ROOT, 'm365agents.local.yml')))) {
      assert.ok(name in localEnv || provided.has(name), `env/.env.local does not declare ${name}`);
    }
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, quotes and comments like the toolkit env files', () => {
    const parsed = parseEnvFile(
      [
        '# comment',
        '',
        'A=1',
        'B = two ',
        'C="quoted # kept"',
        "D='single'",
        'E=value # note',
        'F=',
        'export G=g',
      ].join('\n'),
    );
    assert.deepEqual(parsed, { A: '1', B: 'two', C: 'quoted # kept', D: 'single', E: 'value', F: '', G: 'g' });
  });
});
