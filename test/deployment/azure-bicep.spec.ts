import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type BicepResource,
  type BicepTemplate,
  type BicepValue,
  BicepExpression,
  expressionText,
  readBicep,
  valueAt,
} from '../support/bicep-template';

const ROOT = path.resolve(__dirname, '..', '..');
const template = readBicep(readFileSync(path.join(ROOT, 'infra', 'azure.bicep'), 'utf8'));
const parameterFile = JSON.parse(readFileSync(path.join(ROOT, 'infra', 'azure.parameters.json'), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};

/**
 * Fields the code hands to a query through a variable, which the scan of literal conditions in
 * `fieldsQueriedInSource` cannot see: the pollers' due fields (leases.ts), the audit trail's
 * filters (audit-trail.ts), the retention rules' cut-off fields and what the data export and the
 * erasure look people up by.
 */
const FIELDS_QUERIED_THROUGH_VARIABLES = [
  'dueAt',
  'nextAttemptAt',
  'leaseUntil',
  'at',
  'actorId',
  'sessionId',
  'subject1',
  'subject2',
  'subject3',
  'documentType',
  'updatedAt',
  'expiresAt',
  'issuedAt',
  'leftAt',
  'personId',
  'memberId',
  'deputyId',
  'responsibleId',
  'recipient.aadObjectId',
  'about.kind',
  'calendarToken',
  'fileToken',
  'extractToken',
  'state',
  'startsAt',
  'recipientLabel',
];

/**
 * Every field a query condition (`{ field: 'x', op: … }`) or an `orderBy` names literally
 * anywhere in src.
 */
function fieldsQueriedInSource(): Set<string> {
  const fields = new Set<string>();
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(file, 'utf8');
        for (const pattern of [/\{\s*field:\s*'([\w.]+)',\s*op:/g, /orderBy:\s*\{\s*field:\s*'([\w.]+)'/g])
          for (const match of source.matchAll(pattern)) fields.add(match[1]!);
      }
    }
  };
  visit(path.join(ROOT, 'src'));
  return fields;
}

/** The one resource of the type (and name, for child resources that differ only by it). */
function resourceOf(type: string, name?: string): BicepResource {
  const found = [...template.resources.values()].filter(
    (resource) => resource.type === type && (name === undefined || valueAt(resource.body, 'name') === name),
  );
  assert.equal(found.length, 1, `expected one ${type}${name ? ` named ${name}` : ''}, found ${found.length}`);
  return found[0]!;
}

/** The resources of the type. */
function resourcesOf(type: string): BicepResource[] {
  return [...template.resources.values()].filter((resource) => resource.type === type);
}

/** Resolves a value that names a param or var to what it holds (a param: its default). */
function resolved(value: BicepValue | undefined): BicepValue | undefined {
  const name = expressionText(value);
  if (name === undefined || !/^\w+$/.test(name)) return value;
  if (template.vars.has(name)) return resolved(template.vars.get(name));
  if (template.params.has(name)) return resolved(template.params.get(name)!.defaultValue);
  return value;
}

/** Expression text with the literal parts of strings removed, keeping their `${...}` parts. */
function codeOf(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.)*'/g, (literal) => (literal.match(/\$\{[^}]*\}/g) ?? []).join(' '));
}

/** Every expression in a value, property names included (`'${identity.id}': {}`). */
function expressionsIn(value: BicepValue | undefined): string[] {
  if (value instanceof BicepExpression) return [codeOf(value.text)];
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [
      ...(key.includes('${') ? [key] : []),
      ...expressionsIn(inner),
    ]);
  }
  return [];
}

/** The resources a resource refers to, directly or through vars, as ARM orders the deployment. */
function dependenciesOf(resource: BicepResource, of: BicepTemplate = template): Set<string> {
  const names = [...of.resources.keys()];
  const found = new Set<string>();
  const seenVars = new Set<string>();
  const visit = (texts: string[]) => {
    for (const text of texts) {
      for (const name of names) if (new RegExp(`(^|[^.\\w])${name}\\b`).test(text)) found.add(name);
      for (const [varName, varValue] of of.vars) {
        if (!seenVars.has(varName) && new RegExp(`(^|[^.\\w])${varName}\\b`).test(text)) {
          seenVars.add(varName);
          visit(expressionsIn(varValue));
        }
      }
    }
  };
  visit(expressionsIn(resource.body));
  found.delete(resource.symbol);
  return found;
}

describe('infra/azure.bicep', () => {
  describe('Cosmos DB', () => {
    const cosmos = resourceOf('Microsoft.DocumentDB/databaseAccounts');

    it('accepts TLS 1.2 or later only, and Entra ID only (no account keys)', () => {
      assert.equal(valueAt(cosmos.body, 'properties.minimalTlsVersion'), 'Tls12');
      assert.equal(valueAt(cosmos.body, 'properties.disableLocalAuth'), true);
    });

    it('keeps its public endpoint closed unless a parameter opens it, and no IP rule opens it either', () => {
      const setting = valueAt(cosmos.body, 'properties.publicNetworkAccess');
      const parameterName = expressionText(setting);
      assert.ok(parameterName && template.params.has(parameterName), 'publicNetworkAccess comes from a parameter');
      const parameter = template.params.get(parameterName)!;
      assert.equal(parameter.defaultValue, 'Disabled');
      assert.deepEqual(parameter.decorators.find((decorator) => decorator.name === 'allowed')?.argument, [
        'Disabled',
        'Enabled',
      ]);
      // The toolkit passes the parameter file; what is committed there is what gets deployed.
      assert.equal(parameterFile.parameters[parameterName]?.value, 'Disabled');
      assert.deepEqual(valueAt(cosmos.body, 'properties.ipRules') ?? [], []);
      assert.notEqual(valueAt(cosmos.body, 'properties.networkAclBypass'), 'AzureServices');
    });

    it('is reached by the App Service through a private endpoint, a private DNS zone and network integration', () => {
      const endpoint = resourceOf('Microsoft.Network/privateEndpoints');
      const [connection] = valueAt(endpoint.body, 'properties.privateLinkServiceConnections') as BicepValue[];
      assert.equal(expressionText(valueAt(connection, 'properties.privateLinkServiceId')), `${cosmos.symbol}.id`);
      assert.deepEqual(valueAt(connection, 'properties.groupIds'), ['Sql']);

      const zone = resourceOf('Microsoft.Network/privateDnsZones');
      assert.equal(resolved(valueAt(zone.body, 'name')), 'privatelink.documents.azure.com');
      const zoneGroup = resourceOf('Microsoft.Network/privateEndpoints/privateDnsZoneGroups');
      assert.equal(expressionText(valueAt(zoneGroup.body, 'parent')), endpoint.symbol);
      const [zoneConfig] = valueAt(zoneGroup.body, 'properties.privateDnsZoneConfigs') as BicepValue[];
      assert.equal(expressionText(valueAt(zoneConfig, 'properties.privateDnsZoneId')), `${zone.symbol}.id`);

      const network = resourceOf('Microsoft.Network/virtualNetworks');
      const link = resourceOf('Microsoft.Network/privateDnsZones/virtualNetworkLinks');
      assert.equal(expressionText(valueAt(link.body, 'parent')), zone.symbol);
      assert.equal(expressionText(valueAt(link.body, 'properties.virtualNetwork.id')), `${network.symbol}.id`);

      const subnets = valueAt(network.body, 'properties.subnets') as BicepValue[];
      const subnetNamed = (reference: string | undefined) => {
        const match = /\/subnets\/\$\{(\w+)\}'$/.exec(reference ?? '');
        assert.ok(match, `not a subnet of the network: ${reference}`);
        assert.ok(reference!.startsWith(`'\${${network.symbol}.id}/subnets/`), `not in the network: ${reference}`);
        const wanted = resolved(new BicepExpression(match[1]!));
        const subnet = subnets.find((candidate) => resolved(valueAt(candidate, 'name')) === wanted);
        assert.ok(subnet, `no subnet ${match[1]}`);
        return subnet;
      };
      const webApp = resourceOf('Microsoft.Web/sites');
      const appSubnet = subnetNamed(expressionText(valueAt(webApp.body, 'properties.virtualNetworkSubnetId')));
      const [delegation] = valueAt(appSubnet, 'properties.delegations') as BicepValue[];
      assert.equal(valueAt(delegation, 'properties.serviceName'), 'Microsoft.Web/serverFarms');
      const endpointSubnet = subnetNamed(expressionText(valueAt(endpoint.body, 'properties.subnet.id')));
      assert.notEqual(endpointSubnet, appSubnet);
    });

    it('gives the bot a data role on its one database, not on the whole account', () => {
      const assignment = resourceOf('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
      const scope = expressionText(valueAt(assignment.body, 'properties.scope'));
      const database = resourceOf('Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
      assert.equal(scope, `'\${${cosmos.symbol}.id}/dbs/\${${database.symbol}.name}'`);
      assert.equal(resolved(valueAt(database.body, 'name')), 'gremium');
    });

    it("honours a document's own time to live and lets nothing else expire", () => {
      const container = resourceOf('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
      assert.equal(valueAt(container.body, 'properties.resource.defaultTtl'), -1);
    });

    describe('indexing policy', () => {
      const container = resourceOf('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
      const policy = valueAt(container.body, 'properties.resource.indexingPolicy') as {
        includedPaths: Array<{ path: string }>;
        excludedPaths: Array<{ path: string }>;
        compositeIndexes: Array<Array<{ path: string; order: string }>>;
      };
      const included = new Set(policy.includedPaths.map(({ path: indexed }) => indexed));
      const pathOf = (field: string) => `/${field.split('.').join('/')}/?`;

      it('indexes the partition key, the type and every field a query filters or sorts on', () => {
        const queried = new Set([...fieldsQueriedInSource(), ...FIELDS_QUERIED_THROUGH_VARIABLES]);
        assert.ok(queried.size > 30, `found only ${queried.size} queried fields: is the scan still reading src?`);
        for (const field of ['committeeId', 'type', ...queried])
          assert.ok(included.has(pathOf(field)), `${field} is queried but not indexed`);
      });

      it('indexes nothing else: the large texts of minutes, agendas, outbox cards and audit values stay out', () => {
        assert.ok(policy.excludedPaths.some(({ path: excluded }) => excluded === '/*'));
        assert.ok(!included.has('/*'));
        for (const large of ['/items/*', '/message/*', '/changes/*', '/object/*', '/content/*', '/description/?']) {
          assert.ok(
            policy.excludedPaths.some(({ path: excluded }) => excluded === large),
            `${large} is not excluded`,
          );
          const root = large.split('/')[1]!;
          assert.ok(![...included].some((indexed) => indexed.split('/')[1] === root), `${large} is indexed`);
        }
      });

      it('has a composite index, type first, for the queries that filter on one field and sort on another', () => {
        const composites = policy.compositeIndexes.map((paths) =>
          paths.map(({ path: indexed, order }) => `${indexed} ${order}`).join(', '),
        );
        for (const expected of [
          '/type ascending, /status ascending, /dueAt ascending',
          '/type ascending, /status ascending, /nextAttemptAt ascending',
          '/type ascending, /actorId ascending, /at descending',
          '/type ascending, /year ascending, /startsAt ascending',
        ])
          assert.ok(composites.includes(expected), `no composite index ${expected}`);
        for (const paths of policy.compositeIndexes) {
          assert.equal(paths[0]!.path, '/type');
          for (const { path: indexed } of paths) assert.ok(included.has(`${indexed}/?`), `${indexed} is not indexed`);
        }
      });
    });

    it('states its backups: every 4 hours, each kept 8 hours, in its own region', () => {
      assert.deepEqual(valueAt(cosmos.body, 'properties.backupPolicy'), {
        type: 'Periodic',
        periodicModeProperties: {
          backupIntervalInMinutes: 240,
          backupRetentionIntervalInHours: 8,
          backupStorageRedundancy: 'Local',
        },
      });
    });
  });

  describe('App Service', () => {
    const webApp = resourceOf('Microsoft.Web/sites');

    it('refuses basic user name and password on the deployment (SCM) and FTP endpoints', () => {
      for (const endpoint of ['scm', 'ftp']) {
        const policy = resourceOf('Microsoft.Web/sites/basicPublishingCredentialsPolicies', endpoint);
        assert.equal(expressionText(valueAt(policy.body, 'parent')), webApp.symbol);
        assert.equal(valueAt(policy.body, 'properties.allow'), false, endpoint);
      }
    });

    // The memory soak benchmark runs the bot with `npm start`'s node options; production must run the same.
    it("starts the bot with npm start's command, which bounds the JavaScript heap", () => {
      const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        scripts: { start: string };
      };
      assert.equal(valueAt(webApp.body, 'properties.siteConfig.appCommandLine'), packageJson.scripts.start);
      assert.match(packageJson.scripts.start, /^node --max-old-space-size=\d+ dist\/src\/server\/main\.js$/);
    });

    // Download links carry their token in the path (/api/minutes/<committee>/<session>/<token>.pdf):
    // no Azure log may keep request URLs.
    it('keeps no log of request URLs: no web server logs, traces, HTTP log category or request telemetry', () => {
      const siteConfig = valueAt(webApp.body, 'properties.siteConfig');
      assert.equal(valueAt(siteConfig, 'httpLoggingEnabled'), false);
      assert.equal(valueAt(siteConfig, 'requestTracingEnabled'), false);
      assert.equal(valueAt(siteConfig, 'detailedErrorLoggingEnabled'), false);

      const diagnostics = resourcesOf('Microsoft.Insights/diagnosticSettings');
      assert.ok(diagnostics.length > 0, 'the app logs still reach the workspace');
      for (const setting of diagnostics) {
        const logs = (valueAt(setting.body, 'properties.logs') ?? []) as BicepValue[];
        const enabled = logs.filter((entry) => valueAt(entry, 'enabled') !== false);
        const names = enabled.map(
          (entry) => valueAt(entry, 'category') ?? `group ${String(valueAt(entry, 'categoryGroup'))}`,
        );
        assert.ok(!names.includes('AppServiceHTTPLogs'), `${setting.symbol}: ${names.join(', ')}`);
        const groups = names.filter((name) => String(name).startsWith('group '));
        assert.deepEqual(groups, [], `${setting.symbol}: a category group takes in the HTTP logs`);
        assert.ok(names.includes('AppServiceConsoleLogs'), `${setting.symbol}: the app's own logs`);
      }
      for (const config of resourcesOf('Microsoft.Web/sites/config')) {
        if (valueAt(config.body, 'name') !== 'logs') continue;
        assert.notEqual(valueAt(config.body, 'properties.httpLogs.fileSystem.enabled'), true);
        assert.notEqual(valueAt(config.body, 'properties.httpLogs.azureBlobStorage.enabled'), true);
      }

      const settings = resourceOf('Microsoft.Web/sites/config', 'appsettings');
      const names = Object.keys((valueAt(settings.body, 'properties') ?? {}) as object);
      const agentSettings = ['ApplicationInsightsAgent_EXTENSION_VERSION', 'APPLICATIONINSIGHTS_CONNECTION_STRING'];
      for (const agentSetting of agentSettings) {
        assert.ok(!names.includes(agentSetting), `${agentSetting} turns on request telemetry`);
      }
    });
  });

  it('has no dependency cycle, and neither Cosmos DB nor the site depends on the other', () => {
    const cosmos = resourceOf('Microsoft.DocumentDB/databaseAccounts').symbol;
    const site = resourceOf('Microsoft.Web/sites').symbol;
    const graph = new Map(
      [...template.resources.values()].map((resource) => [resource.symbol, dependenciesOf(resource)]),
    );
    assert.ok(!graph.get(cosmos)!.has(site) && !graph.get(site)!.has(cosmos));
    assert.ok(graph.get(resourceOf('Microsoft.Web/sites/config', 'appsettings').symbol)!.has(cosmos));

    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, trail: string[]) => {
      if (state.get(name) === 'done') return;
      assert.notEqual(state.get(name), 'visiting', `cycle: ${[...trail, name].join(' -> ')}`);
      state.set(name, 'visiting');
      for (const next of graph.get(name) ?? []) visit(next, [...trail, name]);
      state.set(name, 'done');
    };
    for (const name of graph.keys()) visit(name, []);
  });

  it('finds a cycle where there is one, so that the check above can fail', () => {
    const cyclic = readBicep(`
resource a 'T/a@1' = {
  name: b.properties.x
}
var viaVar = a.id
resource b 'T/b@1' = {
  name: 'b'
  properties: {
    x: viaVar
  }
}`);
    assert.deepEqual([...dependenciesOf(cyclic.resources.get('a')!, cyclic)], ['b']);
    assert.deepEqual([...dependenciesOf(cyclic.resources.get('b')!, cyclic)], ['a']);
  });
});
