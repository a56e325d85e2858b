// Optional (USE_KEY_VAULT=true): a Key Vault that holds MoltBot's secrets. The app reads them with its identity
// (NAME_KEYVAULT environment variables) and re-reads them every minute, so `az keyvault secret set` rotates a key
// with no restart, which Container Apps' own secrets cannot do (a changed one reaches only a new or restarted revision).
// The secret values are written by ../moltbot.bicep on every deployment; this module creates the vault and the roles.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Suffix that makes resource names unique per subscription, environment and region (uniqueString).')
@minLength(13)
@maxLength(13)
param resourceToken string

@description('Principal ID of MoltBot\'s user-assigned identity: may read secrets.')
param identityPrincipalId string

@description('Principal ID of the user running azd (AZURE_PRINCIPAL_ID): may set secrets, to rotate them. Empty: nobody.')
param deployerPrincipalId string

// Built-in role definition IDs (the same in every tenant).
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${resourceToken}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Azure RBAC, no access policies: the app's identity gets "Key Vault Secrets User" below, nothing more.
    enableRbacAuthorization: true
    // Soft delete cannot be turned off; the shortest retention frees the name soonest after `azd down` without --purge.
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // No enablePurgeProtection: once on it cannot be turned off, and it would make `azd down --purge` leave the vault
    // (and its name) behind for the retention period.
    // Reachable like the storage account: over HTTPS only (Key Vault accepts TLS 1.2 and later, nothing else), from
    // anywhere, but every call needs an Entra ID token with a role on this vault. Container Apps on the Consumption
    // profile has no fixed outbound address to allow-list; see docs/deploy-azure.md for a private endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The template writes secrets through Azure Resource Manager (any Contributor may); `az keyvault secret set` goes to
// the vault itself and needs a data role, which the person running azd gets here.
resource deployerSetsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, secretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRoleId)
    principalId: deployerPrincipalId
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
