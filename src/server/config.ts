import path from 'node:path';
import { ANY_TENANT, onlyTenants, type TenantAllowance } from '../app/tenant-gate';
import { isLocale, type Locale } from '../i18n/translator';

/** How the bot authenticates to the Bot Framework, as Azure Bot registrations offer it. */
export const BOT_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type BotType = (typeof BOT_TYPES)[number];

export type StoreKind = 'embedded' | 'cosmos';

/** The validated configuration of one bot process. */
export interface Config {
  readonly port: number;
  /** 127.0.0.1 in local mode, so an unauthenticated bot is never reachable from outside. */
  readonly host: string;
  /**
   * Local mode: no authentication of incoming requests. Only with LOCAL_MODE=true and no BOT_ID,
   * so a deployment that forgets BOT_ID refuses to start instead of running open.
   */
  readonly localMode: boolean;
  /**
   * The bot's address as people's browsers reach it (no trailing slash). Cards link to files the
   * bot serves, such as a session's calendar event, under it; the listening address is no guide
   * behind App Service or a dev tunnel.
   */
  readonly publicBaseUrl: string;
  readonly bot: {
    readonly id?: string;
    readonly password?: string;
    readonly tenantId?: string;
    readonly type: BotType;
    /**
     * Where to read the Bot Framework's signing keys; only set for sovereign clouds and tests.
     * Always https outside local mode: whoever answers it decides which tokens are genuine.
     */
    readonly openIdMetadataUrl?: string;
  };
  /**
   * The tenants whose activities the bot serves (ALLOWED_TENANTS); by default the registration's
   * tenant, or any in local mode. A deployment with BOT_ID but neither is refused at start.
   */
  readonly allowedTenants: TenantAllowance;
  /** How long a client may take to send a request; slow or stalled senders are cut off. */
  readonly http: {
    /** Until the request line and headers are in. */
    readonly headersTimeoutMs: number;
    /** Until the whole request, body included, is in; the turn's own time does not count. */
    readonly requestTimeoutMs: number;
  };
  readonly store: StoreKind;
  readonly dataDir: string;
  readonly cosmos?: {
    readonly endpoint: string;
    /** Absent: managed identity through DefaultAzureCredential. */
    readonly key?: string;
    readonly databaseId: string;
    readonly containerId: string;
  };
  readonly defaultLocale: Locale;
  /** Proactive sends per second across all conversations (Teams allows about 50 per app and tenant). */
  readonly deliveryPerSecond: number;
  readonly logLevel: string;
  readonly logPretty: boolean;
  /** What the OParl interface says about who runs it; each part optional (see `env/.env.example`). */
  readonly oparl: {
    /** The name of every body the interface shows (the organisation); else a body is named after its committees. */
    readonly bodyName?: string;
    readonly contactEmail?: string;
    readonly contactName?: string;
  };
  /**
   * Sessions as Outlook events with a Teams meeting in the organiser mailbox, through Microsoft
   * Graph; absent unless GRAPH_ORGANIZER_MAILBOX is set.
   */
  readonly graph?: GraphConfig;
}

export interface GraphConfig {
  /** GRAPH_ORGANIZER_MAILBOX: the secretariat's shared mailbox, e.g. `gremien@example.org`. */
  readonly organizerMailbox: string;
  /** GRAPH_BASE_URL: Graph's endpoint with its version, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * A local Graph (a double on http in local mode) is called without a token, like the
   * playground's connector; every other endpoint with the bot's identity.
   */
  readonly withoutToken: boolean;
}

/** Microsoft Graph's public endpoint, version included: GRAPH_BASE_URL's default. */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** Thrown at start with every problem of the environment at once, never one at a time. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Headers are a few hundred bytes; a client still sending them after this is stalling. */
const HEADERS_TIMEOUT_SECONDS = 10;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the environment. Every variable is documented in `env/.env.example` and
 * the README's configuration table.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };

  const portText = value('PORT') ?? '3978';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    problems.push(`PORT must be a port number (0–65535; 0 picks a free one), got "${portText}"`);

  const botId = value('BOT_ID');
  const botPassword = value('BOT_PASSWORD');
  const botTenantId = value('BOT_TENANT_ID');
  const botTypeText = value('BOT_TYPE') ?? 'MultiTenant';
  const botType = (BOT_TYPES as readonly string[]).includes(botTypeText) ? (botTypeText as BotType) : undefined;
  if (!botType) problems.push(`BOT_TYPE must be one of ${BOT_TYPES.join(', ')}, got "${botTypeText}"`);
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (botId && !guid.test(botId)) problems.push("BOT_ID must be the bot's app (client) id, a GUID");
  if (botTenantId && !guid.test(botTenantId)) problems.push('BOT_TENANT_ID must be a tenant id, a GUID');
  if (botId && botType !== 'UserAssignedMSI' && !botPassword)
    problems.push(`BOT_PASSWORD is required when BOT_ID is set and BOT_TYPE is ${botTypeText}`);
  if (botId && (botType === 'SingleTenant' || botType === 'UserAssignedMSI') && !botTenantId) {
    problems.push(`BOT_TENANT_ID is required when BOT_TYPE is ${botTypeText}`);
  }
  if (!botId && botPassword) problems.push('BOT_PASSWORD is set but BOT_ID is not');

  const localModeText = value('LOCAL_MODE') ?? 'false';
  if (localModeText !== 'true' && localModeText !== 'false') {
    problems.push(`LOCAL_MODE must be "true" or "false", got "${localModeText}"`);
  }
  const localMode = localModeText === 'true';
  if (!botId && localModeText === 'false') {
    problems.push(
      "BOT_ID is not set: set BOT_ID to the bot's app (client) id for a deployment, " +
        'or LOCAL_MODE=true for a local run without authentication',
    );
  }
  if (botId && localMode) {
    problems.push(
      'LOCAL_MODE=true and BOT_ID are both set: local mode runs without authentication; ' +
        'remove LOCAL_MODE for a deployment, or BOT_ID for a local run',
    );
  }

  const allowedTenantsText = value('ALLOWED_TENANTS');
  const allowedTenantIds =
    allowedTenantsText && allowedTenantsText !== '*'
      ? allowedTenantsText
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : [];
  if (
    allowedTenantsText &&
    allowedTenantsText !== '*' &&
    (allowedTenantIds.length === 0 || !allowedTenantIds.every((id) => guid.test(id)))
  ) {
    problems.push('ALLOWED_TENANTS must be tenant ids (GUIDs) separated by commas, or * for any tenant');
  }
  if (botId && !allowedTenantsText && !botTenantId) {
    problems.push(
      'ALLOWED_TENANTS is required when BOT_ID is set without BOT_TENANT_ID (tenant ids separated by commas, or * for any tenant)',
    );
  }

  const requestTimeoutText = value('REQUEST_TIMEOUT_SECONDS') ?? '30';
  const requestTimeoutSeconds = Number(requestTimeoutText);
  if (!/^\d+$/.test(requestTimeoutText) || requestTimeoutSeconds < 1 || requestTimeoutSeconds > 300)
    problems.push(`REQUEST_TIMEOUT_SECONDS must be a whole number from 1 to 300, got "${requestTimeoutText}"`);

  const cosmosEndpoint = value('COSMOS_ENDPOINT');
  const storeText = value('STORE') ?? (cosmosEndpoint ? 'cosmos' : 'embedded');
  if (storeText !== 'embedded' && storeText !== 'cosmos')
    problems.push(`STORE must be "embedded" or "cosmos", got "${storeText}"`);
  if (storeText === 'cosmos' && !cosmosEndpoint) problems.push('COSMOS_ENDPOINT is required when STORE is cosmos');
  if (cosmosEndpoint && !/^https?:\/\/\S+$/.test(cosmosEndpoint))
    problems.push('COSMOS_ENDPOINT must be an http(s) URL');

  const localeText = value('DEFAULT_LOCALE') ?? 'de';
  if (!isLocale(localeText)) problems.push(`DEFAULT_LOCALE must be "de" or "en", got "${localeText}"`);

  const perSecondText = value('DELIVERY_PER_SECOND') ?? '50';
  const deliveryPerSecond = Number(perSecondText);
  if (!/^\d+$/.test(perSecondText) || deliveryPerSecond < 1 || deliveryPerSecond > 1000)
    problems.push(`DELIVERY_PER_SECOND must be a whole number from 1 to 1000, got "${perSecondText}"`);

  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const openIdMetadataUrl = value('BOT_OPENID_METADATA_URL');
  if (openIdMetadataUrl && !isIdentityPlatformUrl(openIdMetadataUrl, localMode)) {
    problems.push(
      localMode
        ? 'BOT_OPENID_METADATA_URL must be an http(s) URL'
        : 'BOT_OPENID_METADATA_URL must be an https URL (http only with LOCAL_MODE=true)',
    );
  }

  const publicBaseUrlText = value('PUBLIC_BASE_URL');
  const publicBaseUrl = publicBaseUrlText ? baseUrl(publicBaseUrlText) : `http://localhost:${port}`;
  if (!publicBaseUrl)
    problems.push(
      `PUBLIC_BASE_URL must be an http(s) URL without query or fragment, e.g. https://gremium.azurewebsites.net, got "${publicBaseUrlText}"`,
    );

  const oparlContactEmail = value('OPARL_CONTACT_EMAIL');
  if (oparlContactEmail && !/^[^\s@]+@[^\s@]+$/.test(oparlContactEmail))
    problems.push(`OPARL_CONTACT_EMAIL must be an e-mail address, got "${oparlContactEmail}"`);
  const oparl = {
    ...(value('OPARL_BODY_NAME') ? { bodyName: value('OPARL_BODY_NAME') } : {}),
    ...(oparlContactEmail ? { contactEmail: oparlContactEmail } : {}),
    ...(value('OPARL_CONTACT_NAME') ? { contactName: value('OPARL_CONTACT_NAME') } : {}),
  };

  const graphMailbox = value('GRAPH_ORGANIZER_MAILBOX');
  const graphBaseText = value('GRAPH_BASE_URL');
  const graphBase = graphBaseText ? baseUrl(graphBaseText) : DEFAULT_GRAPH_BASE_URL;
  if (graphMailbox && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(graphMailbox))
    problems.push(`GRAPH_ORGANIZER_MAILBOX must be an e-mail address, got "${graphMailbox}"`);
  if (graphBaseText && (!graphBase || (!localMode && !graphBase.startsWith('https:'))))
    problems.push(
      localMode
        ? `GRAPH_BASE_URL must be an http(s) URL, got "${graphBaseText}"`
        : `GRAPH_BASE_URL must be an https URL (http only with LOCAL_MODE=true), got "${graphBaseText}"`,
    );
  if (graphBaseText && !graphMailbox) problems.push('GRAPH_BASE_URL is set but GRAPH_ORGANIZER_MAILBOX is not');

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port,
    host: localMode ? '127.0.0.1' : '0.0.0.0',
    localMode,
    publicBaseUrl: publicBaseUrl!,
    bot: { id: botId, password: botPassword, tenantId: botTenantId, type: botType!, openIdMetadataUrl },
    allowedTenants: allowedTenantsOf(allowedTenantsText, allowedTenantIds, botTenantId),
    http: {
      headersTimeoutMs: Math.min(requestTimeoutSeconds, HEADERS_TIMEOUT_SECONDS) * 1000,
      requestTimeoutMs: requestTimeoutSeconds * 1000,
    },
    store: storeText as StoreKind,
    dataDir: path.resolve(cwd, value('DATA_DIR') ?? './data'),
    cosmos:
      storeText === 'cosmos' && cosmosEndpoint
        ? {
            endpoint: cosmosEndpoint,
            key: value('COSMOS_KEY'),
            databaseId: value('COSMOS_DATABASE') ?? 'gremium',
            containerId: value('COSMOS_CONTAINER') ?? 'documents',
          }
        : undefined,
    defaultLocale: localeText as Locale,
    deliveryPerSecond,
    logLevel,
    logPretty: value('LOG_FORMAT') === 'pretty',
    oparl,
    ...(graphMailbox
      ? {
          graph: {
            organizerMailbox: graphMailbox,
            baseUrl: graphBase!,
            withoutToken: localMode && graphBase!.startsWith('http:'),
          },
        }
      : {}),
  };
}

/**
 * ALLOWED_TENANTS when given (`*`: any tenant, said explicitly), else the registration's own
 * tenant, else (only reachable in local mode, see the check above) any tenant.
 */
function allowedTenantsOf(
  text: string | undefined,
  ids: readonly string[],
  botTenantId: string | undefined,
): TenantAllowance {
  if (text === '*') return ANY_TENANT;
  if (ids.length > 0) return onlyTenants(ids);
  return botTenantId ? onlyTenants([botTenantId]) : ANY_TENANT;
}

/**
 * An endpoint of the identity platform (where signing keys come from) decides which tokens the
 * bot trusts, so outside local mode only https will do: over http anyone on the way could
 * publish keys of their own.
 */
function isIdentityPlatformUrl(text: string, localMode: boolean): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const scheme = url.protocol === 'https:' || (localMode && url.protocol === 'http:');
  return scheme && Boolean(url.host) && /^\S+$/.test(text);
}

/** The URL without a trailing slash, so paths can be appended; undefined if it is no base URL. */
function baseUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password)
    return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
