/**
 * Which Entra ID tenants the bot serves. A deployment belongs to one administration (or a few
 * that share it); an activity from any other organisation must not reach the store, because
 * even remembering its conversation would hold personal data of people nobody agreed to serve.
 */
export type TenantAllowance =
  { readonly anyTenant: true } | { readonly anyTenant: false; readonly tenantIds: ReadonlySet<string> };

/** Every tenant: local mode, or a deployment that says so explicitly (`ALLOWED_TENANTS=*`). */
export const ANY_TENANT: TenantAllowance = { anyTenant: true };

/** Exactly these tenants; ids compare case-insensitively, as Entra ID GUIDs do. */
export function onlyTenants(tenantIds: Iterable<string>): TenantAllowance {
  return { anyTenant: false, tenantIds: new Set([...tenantIds].map((id) => id.toLowerCase())) };
}

/**
 * Whether an activity naming these tenants may be served. An activity may name its tenant in
 * more than one place (the conversation and the channel data); every one must be allowed, so
 * a second, contradicting claim cannot smuggle an activity in. Naming none is only fine when
 * any tenant is.
 */
export function isTenantAllowed(allowance: TenantAllowance, namedTenantIds: readonly string[]): boolean {
  if (allowance.anyTenant) return true;
  return namedTenantIds.length > 0 && namedTenantIds.every((id) => allowance.tenantIds.has(id.toLowerCase()));
}
