import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isTenantAllowed } from '../../src/app/tenant-gate';
import { ConfigError, loadConfig } from '../../src/server/config';

const BOT_ID = '0a1b2c3d-0000-4000-8000-000000000001';
const TENANT = '0a1b2c3d-0000-4000-8000-000000000002';
const OTHER_TENANT = '0a1b2c3d-0000-4000-8000-000000000003';
const FOREIGN_TENANT = '0a1b2c3d-0000-4000-8000-0000000000ff';
/** A run on this machine without authentication, asked for explicitly. */
const LOCAL = { LOCAL_MODE: 'true' } as const;

describe('server/config', () => {
  it('runs locally on the embedded store with nothing but LOCAL_MODE=true configured', () => {
    const config = loadConfig(LOCAL, '/srv/gremium');
    assert.equal(config.port, 3978);
    assert.equal(config.localMode, true);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.store, 'embedded');
    assert.equal(config.dataDir, path.resolve('/srv/gremium', 'data'));
    assert.equal(config.defaultLocale, 'de');
    assert.equal(config.deliveryPerSecond, 50);
    assert.equal(config.publicBaseUrl, 'http://localhost:3978');
  });

  it('takes the public address for links from PUBLIC_BASE_URL, without a trailing slash', () => {
    assert.equal(loadConfig({ ...LOCAL, PORT: '8080' }).publicBaseUrl, 'http://localhost:8080');
    assert.equal(
      loadConfig({ ...LOCAL, PUBLIC_BASE_URL: 'https://gremium.azurewebsites.net/' }).publicBaseUrl,
      'https://gremium.azurewebsites.net',
    );
    assert.equal(
      loadConfig({ ...LOCAL, PUBLIC_BASE_URL: 'https://abc123-3978.euw.devtunnels.ms' }).publicBaseUrl,
      'https://abc123-3978.euw.devtunnels.ms',
    );
    assert.equal(
      loadConfig({ ...LOCAL, PUBLIC_BASE_URL: 'https://intranet.leipzig.de/gremium//' }).publicBaseUrl,
      'https://intranet.leipzig.de/gremium',
    );
  });

  it('refuses a PUBLIC_BASE_URL that is no http(s) base address', () => {
    for (const text of [
      'gremium.azurewebsites.net',
      'ftp://gremium.example',
      'https://gremium.example/?a=1',
      'https://gremium.example/#top',
      'https://user:pw@gremium.example',
      'https://',
    ]) {
      assert.throws(
        () => loadConfig({ ...LOCAL, PUBLIC_BASE_URL: text }),
        /PUBLIC_BASE_URL must be an http\(s\) URL/,
        text,
      );
    }
  });

  it('chooses Cosmos DB when an endpoint is given, with managed identity when no key is', () => {
    const config = loadConfig({
      ...LOCAL,
      COSMOS_ENDPOINT: 'https://gremium.documents.azure.com:443/',
      COSMOS_DATABASE: 'kog',
    });
    assert.equal(config.store, 'cosmos');
    assert.deepEqual(config.cosmos, {
      endpoint: 'https://gremium.documents.azure.com:443/',
      key: undefined,
      databaseId: 'kog',
      containerId: 'documents',
    });
  });

  it('authenticates and listens on all interfaces when a bot id is set', () => {
    const config = loadConfig({ BOT_ID, BOT_PASSWORD: 'secret', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT });
    assert.equal(config.localMode, false);
    assert.equal(config.host, '0.0.0.0');
    assert.deepEqual(config.bot, {
      id: BOT_ID,
      password: 'secret',
      tenantId: TENANT,
      type: 'SingleTenant',
      openIdMetadataUrl: undefined,
    });
  });

  describe('local mode', () => {
    const deployment = { BOT_ID, BOT_PASSWORD: 'secret', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT };

    it('refuses to start without BOT_ID unless LOCAL_MODE=true asks for a run without authentication', () => {
      for (const env of [{}, { LOCAL_MODE: 'false' }, { PORT: '8080', STORE: 'embedded' }]) {
        try {
          loadConfig(env);
          assert.fail(`expected a ConfigError for ${JSON.stringify(env)}`);
        } catch (error) {
          assert.ok(error instanceof ConfigError);
          assert.equal(error.problems.length, 1);
          assert.match(
            error.message,
            /BOT_ID is not set: set BOT_ID .* for a deployment, or LOCAL_MODE=true for a local/,
          );
        }
      }
      assert.equal(loadConfig(LOCAL).localMode, true);
    });

    it('refuses LOCAL_MODE=true together with BOT_ID, rather than guess which was meant', () => {
      assert.throws(() => loadConfig({ ...deployment, ...LOCAL }), /LOCAL_MODE=true and BOT_ID are both set/);
      assert.equal(loadConfig({ ...deployment, LOCAL_MODE: 'false' }).localMode, false);
    });

    it('accepts only true or false for LOCAL_MODE', () => {
      for (const text of ['yes', '1', 'TRUE', 'on']) {
        assert.throws(() => loadConfig({ LOCAL_MODE: text }), /LOCAL_MODE must be "true" or "false"/, text);
      }
    });

    it('reads the signing keys only over https outside local mode', () => {
      const https = 'https://login.botframework.us/v1/.well-known/openidconfiguration';
      assert.equal(loadConfig({ ...deployment, BOT_OPENID_METADATA_URL: https }).bot.openIdMetadataUrl, https);
      const refused = [
        'http://login.botframework.com/v1/.well-known/openidconfiguration',
        'http://127.0.0.1:8080/keys',
        'ftp://keys.example',
        'https://',
        'login.botframework.com',
      ];
      for (const text of refused) {
        const env = { ...deployment, BOT_OPENID_METADATA_URL: text };
        assert.throws(() => loadConfig(env), /BOT_OPENID_METADATA_URL must be an https URL/, text);
      }
      assert.equal(loadConfig({ ...LOCAL, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:8080/keys' }).localMode, true);
    });
  });

  describe('allowed tenants', () => {
    const serves = (env: NodeJS.ProcessEnv, tenant: string) =>
      isTenantAllowed(loadConfig(env).allowedTenants, [tenant]);
    const deployed = { BOT_ID, BOT_PASSWORD: 'secret' };

    it('serves any tenant in local mode when no tenant is named', () => {
      assert.equal(serves(LOCAL, FOREIGN_TENANT), true);
    });

    it('serves only the registration’s tenant by default', () => {
      const env = { ...deployed, BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT };
      assert.equal(serves(env, TENANT), true);
      assert.equal(serves(env, TENANT.toUpperCase()), true, 'tenant ids compare case-insensitively');
      assert.equal(serves(env, FOREIGN_TENANT), false);
      assert.equal(serves({ ...LOCAL, BOT_TENANT_ID: TENANT }, FOREIGN_TENANT), false, 'also in local mode');
    });

    it('serves exactly the tenants of ALLOWED_TENANTS, whatever BOT_TENANT_ID says', () => {
      const env = {
        ...deployed,
        BOT_TENANT_ID: TENANT,
        ALLOWED_TENANTS: ` ${OTHER_TENANT} ,${FOREIGN_TENANT.toUpperCase()}`,
      };
      assert.deepEqual(
        [TENANT, OTHER_TENANT, FOREIGN_TENANT].map((tenant) => serves(env, tenant)),
        [false, true, true],
      );
    });

    it('serves any tenant with ALLOWED_TENANTS=*, said explicitly', () => {
      assert.equal(serves({ ...deployed, ALLOWED_TENANTS: '*' }, FOREIGN_TENANT), true);
    });

    it('refuses to start a deployed multi-tenant bot that names no tenant, rather than serve everyone', () => {
      assert.throws(() => loadConfig(deployed), /ALLOWED_TENANTS is required when BOT_ID is set without BOT_TENANT_ID/);
    });

    it('refuses ALLOWED_TENANTS that are no tenant ids', () => {
      for (const text of ['contoso.onmicrosoft.com', `${TENANT};${OTHER_TENANT}`, ',', `${TENANT},*`]) {
        assert.throws(
          () => loadConfig({ ...LOCAL, ALLOWED_TENANTS: text }),
          /ALLOWED_TENANTS must be tenant ids \(GUIDs\) separated by commas/,
          text,
        );
      }
    });
  });

  it('gives clients 30 s to send a request, 10 s of them for the headers, unless REQUEST_TIMEOUT_SECONDS says otherwise', () => {
    assert.deepEqual(loadConfig(LOCAL).http, { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    assert.deepEqual(loadConfig({ ...LOCAL, REQUEST_TIMEOUT_SECONDS: '5' }).http, {
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 5_000,
    });
    for (const text of ['0', '301', 'soon', '2.5']) {
      assert.throws(
        () => loadConfig({ ...LOCAL, REQUEST_TIMEOUT_SECONDS: text }),
        /REQUEST_TIMEOUT_SECONDS must be a whole number from 1 to 300/,
        text,
      );
    }
  });

  it('needs no password with a user-assigned managed identity', () => {
    assert.equal(
      loadConfig({ BOT_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT }).bot.type,
      'UserAssignedMSI',
    );
  });

  it('fails once, listing every bad variable', () => {
    try {
      loadConfig({
        PORT: 'achtzig',
        BOT_ID: 'not-a-guid',
        BOT_TYPE: 'Anonymous',
        STORE: 'cosmos',
        DEFAULT_LOCALE: 'fr',
        DELIVERY_PER_SECOND: '0',
        LOG_LEVEL: 'loud',
      });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const variables = error.problems.map((problem) => problem.split(' ')[0]);
      assert.deepEqual(variables, [
        'PORT',
        'BOT_TYPE',
        'BOT_ID',
        'BOT_PASSWORD',
        'ALLOWED_TENANTS',
        'COSMOS_ENDPOINT',
        'DEFAULT_LOCALE',
        'DELIVERY_PER_SECOND',
        'LOG_LEVEL',
      ]);
      assert.match(error.message, /PORT must be a port number/);
    }
  });

  it('asks for the password and tenant that a bot type requires', () => {
    assert.throws(() => loadConfig({ BOT_ID }), /BOT_PASSWORD is required/);
    assert.throws(
      () => loadConfig({ BOT_ID, BOT_PASSWORD: 'x', BOT_TYPE: 'SingleTenant' }),
      /BOT_TENANT_ID is required/,
    );
    assert.throws(() => loadConfig({ ...LOCAL, BOT_PASSWORD: 'x' }), /BOT_PASSWORD is set but BOT_ID is not/);
  });

  it('turns Graph on only with GRAPH_ORGANIZER_MAILBOX, on the public endpoint with a token by default', () => {
    assert.equal(loadConfig(LOCAL).graph, undefined);
    assert.deepEqual(loadConfig({ ...LOCAL, GRAPH_ORGANIZER_MAILBOX: 'gremien@example.org' }).graph, {
      organizerMailbox: 'gremien@example.org',
      baseUrl: 'https://graph.microsoft.com/v1.0',
      withoutToken: false,
    });
  });

  it('calls a local Graph on http without a token in local mode only', () => {
    const local = loadConfig({
      ...LOCAL,
      GRAPH_ORGANIZER_MAILBOX: 'gremien@example.org',
      GRAPH_BASE_URL: 'http://127.0.0.1:4010/v1.0/',
    });
    assert.deepEqual(local.graph, {
      organizerMailbox: 'gremien@example.org',
      baseUrl: 'http://127.0.0.1:4010/v1.0',
      withoutToken: true,
    });
    const deployed = {
      BOT_ID,
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: TENANT,
      BOT_TYPE: 'SingleTenant',
      GRAPH_ORGANIZER_MAILBOX: 'gremien@example.org',
    };
    assert.throws(
      () => loadConfig({ ...deployed, GRAPH_BASE_URL: 'http://graph.local/v1.0' }),
      (error: ConfigError) =>
        error.problems.some((problem) => problem.startsWith('GRAPH_BASE_URL must be an https URL')),
    );
    assert.equal(
      loadConfig({ ...deployed, GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0' }).graph?.withoutToken,
      false,
    );
  });

  it('refuses a mailbox that is no e-mail address, and a Graph address without a mailbox', () => {
    assert.throws(
      () => loadConfig({ ...LOCAL, GRAPH_ORGANIZER_MAILBOX: 'gremien' }),
      (error: ConfigError) => error.problems.some((problem) => problem.startsWith('GRAPH_ORGANIZER_MAILBOX must be')),
    );
    assert.throws(
      () => loadConfig({ ...LOCAL, GRAPH_BASE_URL: 'http://127.0.0.1:4010/v1.0' }),
      (error: ConfigError) => error.problems.includes('GRAPH_BASE_URL is set but GRAPH_ORGANIZER_MAILBOX is not'),
    );
  });

  it('documents every variable it reads in env/.env.example', () => {
    const root = path.resolve(__dirname, '../..');
    const source = readFileSync(path.join(root, 'src/server/config.ts'), 'utf8');
    const read = [...source.matchAll(/value\('([A-Z_]+)'\)/g)].map((match) => match[1]).sort();
    const documented = readFileSync(path.join(root, 'env/.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0])
      .sort();
    assert.deepEqual([...new Set(read)], documented);
  });
});
