// Azure resources for Gremium, deployed by the Agents Toolkit (`arm/deploy` in m365agents.yml).
// One user-assigned managed identity is the bot's identity towards Teams (msaAppType
// UserAssignedMSI) and its identity towards Cosmos DB (Entra ID data-plane role, no keys).
// Outputs are written to env/.env.<env> by the toolkit.

@maxLength(20)
@minLength(4)
@description('Base for all resource names; must make the web app, bot and Cosmos DB names globally unique.')
param resourceBaseName string

@maxLength(42)
@description('Name of the bot in the Azure Bot registration.')
param botDisplayName string

@description('App Service plan SKU (Linux). F1 has no Always On; B1 or larger is recommended.')
param webAppSku string = 'B1'

@description('Azure Bot SKU. The Teams channel is free on F0.')
param botServiceSku string = 'F0'

param location string = resourceGroup().location

@description('Cosmos DB database and container that hold all committee documents.')
param cosmosDatabaseName string = 'gremium'
param cosmosContainerName string = 'documents'

param identityName string = resourceBaseName
param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param botServiceName string = resourceBaseName
param cosmosAccountName string = toLower(resourceBaseName)
param logAnalyticsName string = '${resourceBaseName}-logs'
param appInsightsName string = '${resourceBaseName}-insights'

// Built-in "Cosmos DB Built-in Data Contributor" data-plane role.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
// Always On is not available on the Free and Shared tiers.
var skusWithoutAlwaysOn = [
  'F1'
  'D1'
]
var alwaysOn = !contains(skusWithoutAlwaysOn, toUpper(webAppSku))

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

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// Cosmos DB for NoSQL, serverless, Entra ID only (account keys disabled).
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
    publicNetworkAccess: 'Enabled'
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
    }
  }
}

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
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
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/server/main.js'
      alwaysOn: alwaysOn
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // Liveness probe of src/server/http-server.ts; App Service replaces instances that fail it.
      healthCheckPath: '/healthz'
    }
  }
}

// The app settings as a child resource rather than inside the site, because PUBLIC_BASE_URL needs
// the site's own host name: the site cannot refer to itself, its child can. This resource holds
// every setting; App Service replaces the whole set with it.
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
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    // Links in cards (the sessions' calendar files) point here; see env/.env.example.
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
  }
}

// Console output (the app's JSON logs), HTTP and platform logs go to the workspace.
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
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
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
