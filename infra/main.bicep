// MoltBot on Azure Container Apps: `azd up` provisions this, builds the image in the registry (remoteBuild), then
// deploys moltbot.bicep with it. Parameter names match the environment variables you `azd env set`
// (main.parameters.json maps them); see docs/deploy-azure.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name (AZURE_ENV_NAME); names the resource group rg-<name>.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (AZURE_LOCATION).')
param location string

@description('True (INTERNAL_ONLY): VNet-integrated environment with no public endpoint. Decide before the first deployment.')
param internalOnly bool = false

@description('Comma-separated CIDR ranges allowed to reach the gateway (ALLOWED_IP_RANGES). Empty: any.')
param allowedIpRanges string = ''

@description('E-mail address for alerts (ALERT_EMAIL_ADDRESS). Empty: no alerts.')
param alertEmailAddress string = ''

@description('True (USE_KEY_VAULT): secrets live in a Key Vault the app re-reads every minute, so rotating one needs no restart. False: Container Apps secrets.')
param useKeyVault bool = false

@description('Set by azd (AZURE_PRINCIPAL_ID): the signed-in user, who may set Key Vault secrets when USE_KEY_VAULT is true.')
param principalId string = ''

@secure()
@description('OPENROUTER_API_KEY.')
param openRouterApiKey string = ''

@secure()
@description('DISCORD_BOT_TOKEN.')
param discordBotToken string = ''

@description('DISCORD_ALLOWED_USERS: Discord user IDs, comma-separated.')
param discordAllowedUsers string = ''

@secure()
@description('TELEGRAM_BOT_TOKEN.')
param telegramBotToken string = ''

@description('TELEGRAM_ALLOWED_USER_ID.')
param telegramAllowedUserId string = ''

@description('MOLTBOT_MODEL, e.g. openrouter/anthropic/claude-3.5-sonnet.')
param moltbotModel string = ''

@description('MOLTBOT_PERSONA_NAME.')
param moltbotPersonaName string = ''

@secure()
@description('MOLTBOT_GATEWAY_TOKEN. Empty: moltbot.bicep generates one per deployment.')
param moltbotGatewayToken string = ''

@description('AZURE_OPENAI_ENDPOINT: use Azure OpenAI with the app identity, no key.')
param azureOpenAiEndpoint string = ''

@description('AZURE_OPENAI_DEPLOYMENT.')
param azureOpenAiDeployment string = ''

@description('AZURE_OPENAI_RESOURCE_ID: the account resource ID; grants the app identity "Cognitive Services OpenAI User" on it.')
param azureOpenAiResourceId string = ''

@description('Set by azd (SERVICE_MOLTBOT_RESOURCE_EXISTS): whether the app exists; if so provisioning re-applies it.')
param moltbotExists bool = false

@description('Set by azd (SERVICE_MOLTBOT_IMAGE_NAME): the image the app runs, kept when provisioning re-applies it.')
param moltbotImageName string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appName = 'moltbot-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module platform 'modules/platform.bicep' = {
  name: 'platform'
  scope: rg
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    internalOnly: internalOnly
    azureOpenAiResourceId: azureOpenAiResourceId
  }
}

module keyVault 'modules/keyvault.bicep' = if (useKeyVault) {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    identityPrincipalId: platform.outputs.identityPrincipalId
    deployerPrincipalId: principalId
  }
}

// The first `azd up` has no image yet: the app is created by `azd deploy` (infra/moltbot.bicep) once the image is
// built, so it never points at an image that is not there. Afterwards provisioning re-applies settings too.
module app 'moltbot.bicep' = if (moltbotExists && !empty(moltbotImageName)) {
  name: 'moltbot'
  scope: rg
  params: {
    name: appName
    location: location
    environmentName: environmentName
    containerAppsEnvironmentId: platform.outputs.environmentId
    environmentStorageName: platform.outputs.environmentStorageName
    registryLoginServer: platform.outputs.registryLoginServer
    identityId: platform.outputs.identityId
    identityClientId: platform.outputs.identityClientId
    keyVaultName: useKeyVault ? keyVault!.outputs.name : ''
    keyVaultEndpoint: useKeyVault ? keyVault!.outputs.uri : ''
    imageName: moltbotImageName
    allowedIpRanges: allowedIpRanges
    openRouterApiKey: openRouterApiKey
    discordBotToken: discordBotToken
    discordAllowedUsers: discordAllowedUsers
    telegramBotToken: telegramBotToken
    telegramAllowedUserId: telegramAllowedUserId
    moltbotModel: moltbotModel
    moltbotPersonaName: moltbotPersonaName
    azureOpenAiEndpoint: azureOpenAiEndpoint
    azureOpenAiDeployment: azureOpenAiDeployment
    moltbotGatewayToken: moltbotGatewayToken
  }
}

module alerts 'modules/alerts.bicep' = if (!empty(alertEmailAddress)) {
  name: 'alerts'
  scope: rg
  params: {
    tags: tags
    resourceToken: resourceToken
    location: location
    workspaceId: platform.outputs.workspaceId
    appName: appName
    emailAddress: alertEmailAddress
  }
}

// Read by azd (AZURE_*) and by moltbot.parameters.json when `azd deploy` deploys the app.
output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = platform.outputs.registryLoginServer
output AZURE_CONTAINER_REGISTRY_NAME string = platform.outputs.registryName
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = platform.outputs.environmentId
output AZURE_LOG_ANALYTICS_WORKSPACE_ID string = platform.outputs.workspaceId
output MOLTBOT_APP_NAME string = appName
output MOLTBOT_ENVIRONMENT_STORAGE_NAME string = platform.outputs.environmentStorageName
output MOLTBOT_IDENTITY_ID string = platform.outputs.identityId
output MOLTBOT_IDENTITY_CLIENT_ID string = platform.outputs.identityClientId
// Empty unless USE_KEY_VAULT is true; moltbot.bicep then writes the secrets there instead of Container Apps secrets.
output AZURE_KEY_VAULT_NAME string = useKeyVault ? keyVault!.outputs.name : ''
output AZURE_KEY_VAULT_ENDPOINT string = useKeyVault ? keyVault!.outputs.uri : ''
// Known before the app exists: Container Apps names an app <name>.<environment default domain>.
output MOLTBOT_URL string = 'https://${appName}.${platform.outputs.environmentDefaultDomain}'
output MOLTBOT_CONTROL_UI_URL string = 'https://${appName}.${platform.outputs.environmentDefaultDomain}/'
