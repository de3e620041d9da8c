import assert from 'node:assert/strict';
import { ANY_TENANT, isTenantAllowed, onlyTenants } from '../../src/app/tenant-gate';

const OURS = '11111111-2222-3333-4444-555555555555';
const THEIRS = '99999999-8888-4777-8666-555555555555';

describe('app/tenant-gate', () => {
  it('lets any tenant in, and an activity naming none, when any tenant is served', () => {
    assert.equal(isTenantAllowed(ANY_TENANT, [THEIRS]), true);
    assert.equal(isTenantAllowed(ANY_TENANT, []), true);
  });

  it('lets only the listed tenants in, comparing ids case-insensitively', () => {
    const allowance = onlyTenants([OURS.toUpperCase()]);
    assert.equal(isTenantAllowed(allowance, [OURS]), true);
    assert.equal(isTenantAllowed(allowance, [THEIRS]), false);
  });

  it('refuses an activity that names no tenant, or a second one that is not listed', () => {
    const allowance = onlyTenants([OURS]);
    assert.equal(isTenantAllowed(allowance, []), false);
    assert.equal(isTenantAllowed(allowance, [OURS, THEIRS]), false);
  });
});
