// Everything MoltBot runs on, except the app itself (../moltbot.bicep): logs, the Container Apps environment, the
// registry, the identity the app runs as, and the Azure Files share mounted at /data.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Suffix that makes resource names unique per subscription, environment and region (uniqueString).')
@minLength(13)
@maxLength(13)
param resourceToken string

@description('When true the environment is VNet-integrated with no public endpoint (see network.bicep).')
param internalOnly bool

@description('Resource ID of an Azure OpenAI (Cognitive Services) account MoltBot may call with its identity. Empty: none.')
param azureOpenAiResourceId string

var workspaceName = 'log-${resourceToken}'
var environmentName = 'cae-${resourceToken}'
var registryName = 'cr${resourceToken}'
var identityName = 'id-moltbot-${resourceToken}'
var storageName = 'st${resourceToken}'
var shareName = 'moltbot-data'

// Built-in role definition IDs (the same in every tenant).
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

module network 'network.bicep' = if (internalOnly) {
  name: 'network'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    // Consumption profile: billed per second of vCPU and memory, like the classic consumption-only environment,
    // but it needs only a /27 subnet when VNet-integrated.
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    vnetConfiguration: internalOnly
      ? {
          infrastructureSubnetId: network!.outputs.subnetId
          internal: true
        }
      : null
  }
}

module privateDns 'private-dns.bicep' = if (internalOnly) {
  name: 'private-dns'
  params: {
    tags: tags
    zoneName: environment.properties.defaultDomain
    staticIp: environment.properties.staticIp
    vnetId: network!.outputs.vnetId
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: {
    // The app pulls with its managed identity (AcrPull below); no registry passwords exist.
    adminUserEnabled: false
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPullRoleId)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module openAiRole 'openai-role.bicep' = if (!empty(azureOpenAiResourceId)) {
  name: 'openai-role'
  scope: resourceGroup(split(azureOpenAiResourceId, '/')[2], split(azureOpenAiResourceId, '/')[4])
  params: {
    accountName: last(split(azureOpenAiResourceId, '/'))
    principalId: identity.properties.principalId
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Azure Files SMB mounts in Container Apps authenticate with the account key.
    allowSharedKeyAccess: true
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: shareName
  properties: {
    shareQuota: 5
    enabledProtocols: 'SMB'
  }
}

resource environmentStorage 'Microsoft.App/managedEnvironments/storages@2024-03-01' = {
  parent: environment
  name: shareName
  properties: {
    azureFile: {
      accountName: storage.name
      accountKey: storage.listKeys().keys[0].value
      shareName: share.name
      accessMode: 'ReadWrite'
    }
  }
}

output workspaceId string = workspace.id
output workspaceName string = workspace.name
output environmentId string = environment.id
output environmentName string = environment.name
output environmentDefaultDomain string = environment.properties.defaultDomain
output environmentStorageName string = environmentStorage.name
output registryName string = registry.name
output registryLoginServer string = registry.properties.loginServer
output identityId string = identity.id
output identityClientId string = identity.properties.clientId
output identityPrincipalId string = identity.properties.principalId
