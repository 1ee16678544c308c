// Group Gatekeeper (the Teams bot that adds external people to groups): everything it needs in one
// resource group.
//
//   - a user-assigned managed identity: the bot's one identity, for the Bot Framework (the Azure
//     Bot resource is of type UserAssignedMSI, so there is no app registration and no client
//     secret anywhere), Azure Storage, Microsoft Graph and Exchange Online (Graph and Exchange
//     permissions are granted to it afterwards, see docs/admin-setup.md: Bicep cannot grant
//     Microsoft Graph application permissions);
//   - a Storage account (no shared keys, no public access) with the state container, and a role
//     assignment that lets the identity read and write blobs there;
//   - a Linux App Service plan and web app running Node 22 with the bot's settings;
//   - an Azure Bot resource pointing at the web app, with the Microsoft Teams channel;
//   - telemetry: a Log Analytics workspace and an Application Insights resource on it that accepts
//     Microsoft Entra authentication only, which the identity may publish to (the section at the end).
//
// infra/main.json is the same template in ARM JSON (no Bicep compiler is needed to deploy it).
// Keep the two in step: test/infra checks that they declare the same parameters, resources,
// settings and outputs.

targetScope = 'resourceGroup'

@description('Azure region for the identity, the Storage account and the App Service. The Azure Bot resource is always global.')
param location string = resourceGroup().location

@description('Short lower-case name that prefixes every resource name, 3 to 16 letters, digits or hyphens.')
@minLength(3)
@maxLength(16)
param baseName string = 'extaccess'

@description('Object id of the Entra security group whose members approve requests (docs/admin-setup.md).')
@minLength(36)
@maxLength(36)
param approversGroupId string

@description('App Service plan size. B1 is enough for one tenant; Always On needs B1 or higher.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier. Teams is a standard channel: F0 (free) is enough.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Blob container for the bot state, the access requests and the audit log.')
param stateContainerName string = 'bot-state'

@description('Hide the mail contacts the bot creates from the global address list.')
param hideMailContactsFromAddressLists bool = false

@description('Days the Log Analytics workspace keeps the bot\'s telemetry, 30 to 730.')
@minValue(30)
@maxValue(730)
param telemetryRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id)
var identityName = '${baseName}-identity'
var storageAccountName = take('${toLower(replace(baseName, '-', ''))}${suffix}', 24)
var planName = '${baseName}-plan'
var webAppName = '${baseName}-${suffix}'
var botName = '${baseName}-bot-${suffix}'
// Built-in role "Storage Blob Data Contributor".
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource identityCanUseBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageBlobDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
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
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/livez'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The bot's Bot Framework identity is the managed identity: no password.
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'AZURE_TENANT_ID', value: tenant().tenantId }
        { name: 'AZURE_USE_MANAGED_IDENTITY', value: 'true' }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPROVERS_GROUP_ID', value: approversGroupId }
        { name: 'HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS', value: string(hideMailContactsFromAddressLists) }
        { name: 'STORAGE', value: 'blob' }
        { name: 'AZURE_STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.blob }
        { name: 'AZURE_STORAGE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'AZURE_STORAGE_CONTAINER', value: stateContainerName }
        { name: 'LOG_LEVEL', value: 'info' }
        // Telemetry (the section at the end): Microsoft Entra authentication as the identity, and no SDK usage reports to Microsoft.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identity.properties.clientId}' }
        { name: 'APPLICATIONINSIGHTS_STATSBEAT_DISABLED', value: 'true' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Group Gatekeeper'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// --- Telemetry: Log Analytics workspace and Application Insights (docs/operations.md) -------------

var logAnalyticsName = '${baseName}-logs-${suffix}'
var appInsightsName = '${baseName}-insights-${suffix}'
// Built-in role "Monitoring Metrics Publisher": lets the identity send telemetry with Microsoft Entra authentication.
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: telemetryRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource identityCanPublishTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- Outputs ----------------------------------------------------------------------------------

@description('The bot\'s Microsoft app id (the managed identity\'s client id): MicrosoftAppId for npm run package.')
output botAppId string = identity.properties.clientId

@description('Host name the bot is served from: BOT_DOMAIN for npm run package.')
output botDomain string = webApp.properties.defaultHostName

@description('The messaging endpoint registered on the Azure Bot resource.')
output messagingEndpoint string = 'https://${webApp.properties.defaultHostName}/api/messages'

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.name

@description('Client id of the managed identity (Exchange New-ServicePrincipal -AppId).')
output managedIdentityClientId string = identity.properties.clientId

@description('Object id of the managed identity\'s service principal (Graph app role assignments; Exchange New-ServicePrincipal -ObjectId).')
output managedIdentityPrincipalId string = identity.properties.principalId

@description('Name of the Storage account that holds the state.')
output storageAccountName string = storage.name

@description('Name of the Application Insights resource with the bot\'s telemetry (docs/operations.md queries).')
output applicationInsightsName string = appInsights.name

@description('Name of the Log Analytics workspace behind it.')
output logAnalyticsWorkspaceName string = logAnalytics.name
