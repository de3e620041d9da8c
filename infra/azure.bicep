// Azure resources for Gremium, deployed by the Agents Toolkit (`arm/deploy` in m365agents.yml).
// One user-assigned managed identity is the bot's identity towards Teams (msaAppType
// UserAssignedMSI) and its identity towards Cosmos DB (Entra ID data-plane role, no keys).
// Cosmos DB is reached only through a private endpoint in a virtual network that the App Service
// is integrated with; its public endpoint is closed unless cosmosPublicNetworkAccess opens it.
// Outputs are written to env/.env.<env> by the toolkit.

@maxLength(20)
@minLength(4)
@description('Base for all resource names; must make the web app, bot and Cosmos DB names globally unique.')
param resourceBaseName string

@maxLength(42)
@description('Name of the bot in the Azure Bot registration.')
param botDisplayName string

// F1 has neither Always On nor the virtual network integration that reaches Cosmos DB.
@description('App Service plan SKU (Linux), B1 or larger.')
param webAppSku string = 'B1'

@description('Azure Bot SKU. The Teams channel is free on F0.')
param botServiceSku string = 'F0'

param location string = resourceGroup().location

@description('Cosmos DB database and container that hold all committee documents.')
param cosmosDatabaseName string = 'gremium'
param cosmosContainerName string = 'documents'

// The bot never needs the public endpoint: it uses the private one. Enabled is for a while only,
// e.g. Data Explorer in the portal or a data import from a workstation; provision again with
// Disabled afterwards. Even then every request needs an Entra ID data-plane role (no keys).
@allowed([
  'Disabled'
  'Enabled'
])
@description('Cosmos DB public network access: Disabled, or Enabled for troubleshooting only.')
param cosmosPublicNetworkAccess string = 'Disabled'

// Sessions as Outlook events with a Teams meeting, and e-mail to people without Teams, through
// Microsoft Graph from this mailbox. Empty: off. The identity's Graph permissions and their
// restriction to this one mailbox are granted by a tenant administrator outside this template
// (docs/operations.md, "Outlook, Teams meetings and e-mail through Microsoft Graph").
@description('Organiser mailbox for Outlook events and e-mail (e.g. gremien@stadt.example); empty leaves it off.')
param graphOrganizerMailbox string = ''

param identityName string = resourceBaseName
param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param botServiceName string = resourceBaseName
param cosmosAccountName string = toLower(resourceBaseName)
param logAnalyticsName string = '${resourceBaseName}-logs'
param virtualNetworkName string = '${resourceBaseName}-network'
param cosmosPrivateEndpointName string = '${resourceBaseName}-cosmos-endpoint'

// Built-in "Cosmos DB Built-in Data Contributor" data-plane role.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
// Always On is not available on the Free and Shared tiers.
var skusWithoutAlwaysOn = [
  'F1'
  'D1'
]
var alwaysOn = !contains(skusWithoutAlwaysOn, toUpper(webAppSku))
// The private network: one subnet for the App Service's outbound traffic (virtual network
// integration), one for the Cosmos DB private endpoint. Nothing else is in it or peered with it;
// change the ranges here if it is ever peered with a network that uses them.
var virtualNetworkAddressPrefix = '10.0.0.0/24'
var appServiceSubnetName = 'app-service'
var appServiceSubnetPrefix = '10.0.0.0/26'
var privateEndpointSubnetName = 'private-endpoints'
var privateEndpointSubnetPrefix = '10.0.0.64/26'
// Private Link zone of Cosmos DB for NoSQL in the Azure public cloud.
var cosmosPrivateDnsZoneName = 'privatelink.documents.azure.com'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: virtualNetworkName
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        virtualNetworkAddressPrefix
      ]
    }
    subnets: [
      {
        name: appServiceSubnetName
        properties: {
          addressPrefix: appServiceSubnetPrefix
          delegations: [
            {
              name: 'app-service-plan'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
        }
      }
    ]
  }
}

// Cosmos DB for NoSQL, serverless, Entra ID only (account keys disabled), TLS 1.2 or later, and
// no public network access: the bot reaches it through the private endpoint below.
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: cosmosPublicNetworkAccess
    // With public access opened for troubleshooting, no IP rule narrows it: the addresses of the
    // person troubleshooting are not known here, and Entra ID still guards every request.
    ipRules: []
    // Stated rather than left to the service's default, because erasure and retention reach a
    // backup only when it ages out: a full backup every 4 hours, each kept 8 hours (the two
    // latest), stored in the account's region only. A restore needs a support request.
    backupPolicy: {
      type: 'Periodic'
      periodicModeProperties: {
        backupIntervalInMinutes: 240
        backupRetentionIntervalInHours: 8
        backupStorageRedundancy: 'Local'
      }
    }
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
  }
}

// One logical partition per committee: reads, queries and batches stay inside it.
resource cosmosContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: cosmosDatabase
  name: cosmosContainerName
  properties: {
    resource: {
      id: cosmosContainerName
      partitionKey: {
        paths: [
          '/committeeId'
        ]
        kind: 'Hash'
        version: 2
      }
      // Time to live is on, with no default: a document carrying a `ttl` (seconds) is removed
      // that long after its last write, every other document stays until it is deleted.
      defaultTtl: -1
      // Indexed is what the queries filter and sort on, and nothing else: every other path,
      // above all the large texts (minutes and agenda items, the cards queued in the outbox,
      // the before and after values of the audit trail, published OParl objects and files, topic
      // descriptions, agreement texts, named below although `/*` covers them), costs request
      // units on every write and is never searched. The list follows every `query` and
      // `queryAcrossCommittees` in src (test/deployment/azure-bicep.spec.ts checks it against
      // them). The composite indexes serve the queries that filter on fields and sort on another,
      // the field compared for equality first: the pollers for due work, the audit trail newest
      // first, a year's sessions, the OParl lists.
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/committeeId/?' }
          { path: '/type/?' }
          { path: '/about/kind/?' }
          { path: '/actorId/?' }
          { path: '/aadObjectId/?' }
          { path: '/at/?' }
          { path: '/bodyKey/?' }
          { path: '/calendarToken/?' }
          { path: '/contact/userId/?' }
          { path: '/created/?' }
          { path: '/createdAt/?' }
          { path: '/deleted/?' }
          { path: '/deputyId/?' }
          { path: '/dispatchId/?' }
          { path: '/documentType/?' }
          { path: '/dueAt/?' }
          { path: '/endsAt/?' }
          { path: '/expiresAt/?' }
          { path: '/extractToken/?' }
          { path: '/fileToken/?' }
          { path: '/id/?' }
          { path: '/issuedAt/?' }
          { path: '/kind/?' }
          { path: '/leaseUntil/?' }
          { path: '/leftAt/?' }
          { path: '/memberId/?' }
          { path: '/modified/?' }
          { path: '/nextAttemptAt/?' }
          { path: '/number/?' }
          { path: '/order/?' }
          { path: '/personId/?' }
          { path: '/publishOparl/?' }
          { path: '/published/?' }
          { path: '/recipient/aadObjectId/?' }
          { path: '/recipientId/?' }
          { path: '/recipientLabel/?' }
          { path: '/reportSessionId/?' }
          { path: '/responsibleId/?' }
          { path: '/seatId/?' }
          { path: '/sessionId/?' }
          { path: '/slot/?' }
          { path: '/startsAt/?' }
          { path: '/state/?' }
          { path: '/status/?' }
          { path: '/subject1/?' }
          { path: '/subject2/?' }
          { path: '/subject3/?' }
          { path: '/subjectId/?' }
          { path: '/teamId/?' }
          { path: '/title/?' }
          { path: '/updatedAt/?' }
          { path: '/version/?' }
          { path: '/year/?' }
        ]
        excludedPaths: [
          { path: '/*' }
          { path: '/"_etag"/?' }
          { path: '/items/*' }
          { path: '/message/*' }
          { path: '/changes/*' }
          { path: '/object/*' }
          { path: '/content/*' }
          { path: '/description/?' }
          { path: '/text/?' }
        ]
        compositeIndexes: [
          [
            { path: '/type', order: 'ascending' }
            { path: '/status', order: 'ascending' }
            { path: '/dueAt', order: 'ascending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/status', order: 'ascending' }
            { path: '/nextAttemptAt', order: 'ascending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/status', order: 'ascending' }
            { path: '/createdAt', order: 'ascending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/at', order: 'descending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/actorId', order: 'ascending' }
            { path: '/at', order: 'descending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/sessionId', order: 'ascending' }
            { path: '/at', order: 'descending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/subject1', order: 'ascending' }
            { path: '/at', order: 'descending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/subject2', order: 'ascending' }
            { path: '/at', order: 'descending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/subject3', order: 'ascending' }
            { path: '/at', order: 'descending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/createdAt', order: 'descending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/year', order: 'ascending' }
            { path: '/startsAt', order: 'ascending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/kind', order: 'ascending' }
            { path: '/title', order: 'ascending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/kind', order: 'ascending' }
            { path: '/deleted', order: 'ascending' }
            { path: '/order', order: 'ascending' }
          ]
          [
            { path: '/type', order: 'ascending' }
            { path: '/kind', order: 'ascending' }
            { path: '/modified', order: 'ascending' }
            { path: '/order', order: 'ascending' }
          ]
        ]
      }
    }
  }
}

// The bot's identity may read and write documents in this one database, nothing else of the
// account (no other database, no account-wide data access). The name is the one the assignment
// had when it covered the whole account, so that provisioning an existing installation narrows
// that assignment instead of adding a second one beside it.
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: '${cosmos.id}/dbs/${cosmosDatabase.name}'
  }
}

// The private endpoint gives Cosmos DB an address in the private-endpoints subnet; the private
// DNS zone, linked to the network, makes the account's usual host name resolve to it for the App
// Service (integrated with the network, it uses the network's DNS). The endpoint URL in the app
// settings stays the public name, so nothing in the app knows about the network.
resource cosmosPrivateDnsZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: cosmosPrivateDnsZoneName
  location: 'global'
}

resource cosmosPrivateDnsZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: cosmosPrivateDnsZone
  name: virtualNetworkName
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: virtualNetwork.id
    }
  }
}

resource cosmosPrivateEndpoint 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: cosmosPrivateEndpointName
  location: location
  properties: {
    subnet: {
      id: '${virtualNetwork.id}/subnets/${privateEndpointSubnetName}'
    }
    privateLinkServiceConnections: [
      {
        name: cosmosPrivateEndpointName
        properties: {
          privateLinkServiceId: cosmos.id
          groupIds: [
            'Sql'
          ]
        }
      }
    ]
  }
}

resource cosmosPrivateEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-09-01' = {
  parent: cosmosPrivateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'cosmos'
        properties: {
          privateDnsZoneId: cosmosPrivateDnsZone.id
        }
      }
    ]
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: serverfarmsName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    // Outbound traffic to private addresses (the Cosmos DB private endpoint) goes through the
    // network; everything else (Teams, Entra ID) leaves as before.
    virtualNetworkSubnetId: '${virtualNetwork.id}/subnets/${appServiceSubnetName}'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node --max-old-space-size=768 dist/src/server/main.js'
      alwaysOn: alwaysOn
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // Liveness probe of src/server/http-server.ts; App Service replaces instances that fail it.
      healthCheckPath: '/healthz'
      // No web server logs, failed-request traces or detailed error pages: they would keep each
      // request's full URL, and download links carry their token in the path. The app logs the
      // route without the token itself (console output, below).
      httpLoggingEnabled: false
      requestTracingEnabled: false
      detailedErrorLoggingEnabled: false
    }
  }
}

// Deployment signs in with Entra ID (the toolkit's token); the site's basic user name and
// password for the deployment (SCM/Kudu) and FTP endpoints are refused.
resource webAppScmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource webAppFtpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// The app settings as a child resource rather than inside the site, because PUBLIC_BASE_URL needs
// the site's own host name: the site cannot refer to itself, its child can. Being a child also
// keeps the site itself free of any reference to Cosmos DB, so the order is network, Cosmos DB and
// site, then these settings, and no cycle can arise. This resource holds every setting; App Service
// replaces the whole set with it.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    NODE_ENV: 'production'
    BOT_ID: identity.properties.clientId
    BOT_TENANT_ID: identity.properties.tenantId
    BOT_TYPE: 'UserAssignedMSI'
    // DefaultAzureCredential picks this user-assigned identity (Cosmos DB access).
    AZURE_CLIENT_ID: identity.properties.clientId
    STORE: 'cosmos'
    COSMOS_ENDPOINT: cosmos.properties.documentEndpoint
    COSMOS_DATABASE: cosmosDatabaseName
    COSMOS_CONTAINER: cosmosContainerName
    // Links in cards (the sessions' calendar files) point here; see env/.env.example.
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    // Empty leaves Outlook events off; Graph is reached with the identity above (AZURE_CLIENT_ID).
    GRAPH_ORGANIZER_MAILBOX: graphOrganizerMailbox
    // No Application Insights agent (ApplicationInsightsAgent_EXTENSION_VERSION): its request
    // telemetry would keep every URL, download tokens included, for the workspace's retention.
    // The app's own JSON logs reach the workspace as console output.
  }
}

// Console output (the app's JSON logs) and platform logs go to the workspace, kept 30 days. The
// HTTP log category stays off: it records each request's full URL, and download links carry their
// token in the path.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: false
      }
    ]
  }
}

// Registers the web app as a bot whose identity is the managed identity, with Teams enabled.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
  }
}

resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to env/.env.<env> by the toolkit; see https://aka.ms/teamsfx-actions/arm-deploy.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
output COSMOS_DATABASE string = cosmosDatabaseName
output COSMOS_CONTAINER string = cosmosContainerName
