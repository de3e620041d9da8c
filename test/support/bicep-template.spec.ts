import assert from 'node:assert/strict';
import { BicepExpression, BicepSyntaxError, expressionText, readBicep, valueAt } from './bicep-template';

// The infrastructure specs trust this reader; if it misread a file, their checks would pass or
// fail for the wrong reason. So it is shown here on a file whose every value is known.
const SAMPLE = `
// A comment with 'quotes' and { braces }
@minLength(4)
@description('Base name, with an escaped \\'quote\\'.')
param baseName string

@allowed([
  'Disabled'
  'Enabled'
])
param access string = 'Disabled'
param port int = 443
param offset int = -1

var names = [
  'a' /* inline */
  'b'
]
var endpoint = 'https://\${baseName}.example.org/'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
  properties: {
    enabled: true
    nothing: null
    siteConfig: {
      healthCheckPath: '/healthz' // trailing comment
      ttl: -1
    }
    '\${site.id}': {}
    ruleList: [for ip in names: {
      value: ip
    }]
    choice: access == 'Enabled' ? {
      open: true
    } : {}
  }
}

resource maybe 'Microsoft.Example/things@2020-01-01' = if (access == 'Enabled') {
  name: 'x'
  parent: site
}

output URL string = endpoint
`;

describe('support/bicep-template', () => {
  const template = readBicep(SAMPLE);

  it('reads params with their decorators and defaults', () => {
    assert.deepEqual([...template.params.keys()], ['baseName', 'access', 'port', 'offset']);
    const baseName = template.params.get('baseName')!;
    assert.equal(baseName.defaultValue, undefined);
    assert.deepEqual(baseName.decorators, [
      { name: 'minLength', argument: 4 },
      { name: 'description', argument: "Base name, with an escaped 'quote'." },
    ]);
    const access = template.params.get('access')!;
    assert.equal(access.defaultValue, 'Disabled');
    assert.deepEqual(access.decorators, [{ name: 'allowed', argument: ['Disabled', 'Enabled'] }]);
    assert.equal(template.params.get('port')!.defaultValue, 443);
    assert.equal(template.params.get('offset')!.defaultValue, -1);
  });

  it('reads vars, keeping interpolated strings as expressions', () => {
    assert.deepEqual(template.vars.get('names'), ['a', 'b']);
    assert.equal(expressionText(template.vars.get('endpoint')), "'https://${baseName}.example.org/'");
  });

  it('reads resource bodies into values and expressions', () => {
    const site = template.resources.get('site')!;
    assert.equal(site.type, 'Microsoft.Web/sites');
    assert.equal(site.apiVersion, '2023-12-01');
    assert.equal(expressionText(valueAt(site.body, 'name')), 'baseName');
    assert.equal(valueAt(site.body, 'properties.enabled'), true);
    assert.equal(valueAt(site.body, 'properties.nothing'), null);
    assert.equal(valueAt(site.body, 'properties.siteConfig.healthCheckPath'), '/healthz');
    assert.equal(valueAt(site.body, 'properties.siteConfig.ttl'), -1);
    assert.deepEqual((valueAt(site.body, 'properties') as Record<string, unknown>)['${site.id}'], {});
    assert.equal(expressionText(valueAt(site.body, 'properties.ruleList')), '[for ip in names: { value: ip }]');
    assert.equal(expressionText(valueAt(site.body, 'properties.choice')), "access == 'Enabled' ? { open: true } : {}");
    assert.equal(valueAt(site.body, 'properties.missing.deeper'), undefined);
  });

  it('reads conditional resources and outputs', () => {
    const maybe = template.resources.get('maybe')!;
    assert.equal(maybe.condition, "access == 'Enabled'");
    assert.ok(valueAt(maybe.body, 'parent') instanceof BicepExpression);
    assert.equal(expressionText(template.outputs.get('URL')!.value), 'endpoint');
  });

  it('refuses text it cannot read instead of guessing', () => {
    assert.throws(() => readBicep("param broken string = 'unclosed"), BicepSyntaxError);
    assert.throws(() => readBicep("resource r 'T@1' = {\n  name 'x'\n}"), BicepSyntaxError);
  });
});
