// The MoltBot Container App. Two callers deploy this same file:
//   - `azd deploy` (and the deploy half of `azd up`): azd finds infra/moltbot.bicep + moltbot.parameters.json next to
//     the service name and deploys them with the image it just built, so values changed with `azd env set` are applied;
//   - main.bicep on later `azd provision` runs (once the app exists), with the image already running.
// Configuration reaches the gateway as environment variables only; every secret is a Container Apps secret
// referenced by secretRef, never a plain value. A new image tag (every `azd deploy`) starts a new revision, so
// changed secrets are read without a manual restart.
// With a Key Vault (USE_KEY_VAULT=true, keyVaultName set) the secrets are written to the vault instead and the
// container gets NAME_KEYVAULT=<secret URI> (no value): MoltBot reads them with its identity and re-reads them every
// minute, so `az keyvault secret set` rotates a key with no restart at all.

@description('Container App name.')
@minLength(2)
@maxLength(32)
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('azd environment name (tag azd-env-name).')
param environmentName string

@description('Resource ID of the Container Apps environment.')
param containerAppsEnvironmentId string

@description('Name of the Azure Files storage registered on the environment, mounted at /data.')
param environmentStorageName string

@description('Registry login server, e.g. crabc123.azurecr.io.')
param registryLoginServer string

@description('Resource ID of the user-assigned identity the app runs as (AcrPull; Azure OpenAI when configured).')
param identityId string

@description('Client ID of that identity; the app reads it as AZURE_CLIENT_ID to pick it.')
param identityClientId string

@description('Key Vault for the secrets (AZURE_KEY_VAULT_NAME, output by main.bicep when USE_KEY_VAULT is true). Empty: Container Apps secrets.')
param keyVaultName string = ''

@description('That vault\'s URI, e.g. https://kv-abc.vault.azure.net/ (AZURE_KEY_VAULT_ENDPOINT); the secrets\' URIs start with it.')
param keyVaultEndpoint string = ''

@description('Image to run (azd sets SERVICE_MOLTBOT_IMAGE_NAME after building it).')
param imageName string

@description('Comma-separated CIDR ranges allowed to reach the gateway, e.g. "1.2.3.4/32,10.0.0.0/8". Empty: any.')
param allowedIpRanges string = ''

@secure()
@description('OpenRouter API key (OPENROUTER_API_KEY).')
param openRouterApiKey string = ''

@secure()
@description('Discord bot token (DISCORD_BOT_TOKEN).')
param discordBotToken string = ''

@description('Discord user IDs allowed to DM the bot, comma-separated (DISCORD_ALLOWED_USERS).')
param discordAllowedUsers string = ''

@secure()
@description('Telegram bot token (TELEGRAM_BOT_TOKEN).')
param telegramBotToken string = ''

@description('Telegram user ID allowed to talk to the bot (TELEGRAM_ALLOWED_USER_ID).')
param telegramAllowedUserId string = ''

@description('Model ref, e.g. openrouter/anthropic/claude-3.5-sonnet (MOLTBOT_MODEL). Empty: chosen from the key set.')
param moltbotModel string = ''

@description('Name the assistant uses for itself (MOLTBOT_PERSONA_NAME).')
param moltbotPersonaName string = ''

@description('Azure OpenAI endpoint, e.g. https://my-resource.openai.azure.com (AZURE_OPENAI_ENDPOINT). Keyless: the app uses its identity.')
param azureOpenAiEndpoint string = ''

@description('Azure OpenAI deployment name (AZURE_OPENAI_DEPLOYMENT).')
param azureOpenAiDeployment string = ''

@secure()
@description('Gateway token clients send as a bearer token (MOLTBOT_GATEWAY_TOKEN). Empty: generatedGatewayToken is used.')
param moltbotGatewayToken string = ''

// Bicep has one source of randomness: newGuid(), allowed only as a parameter default. Nothing passes this
// parameter, so each deployment draws a fresh 122-bit token; set MOLTBOT_GATEWAY_TOKEN to keep one across deploys.
@secure()
@description('Do not set: the token used when MOLTBOT_GATEWAY_TOKEN is empty.')
param generatedGatewayToken string = newGuid()

var port = 18789
var gatewayToken = empty(moltbotGatewayToken) ? generatedGatewayToken : moltbotGatewayToken

// Secrets: stored as Container Apps secrets, passed to the container by secretRef. Empty ones are left out
// (Container Apps rejects a secret without a value); the gateway token always has one.
var optionalSecrets = filter([
  { env: 'OPENROUTER_API_KEY', secret: 'openrouter-api-key', value: openRouterApiKey }
  { env: 'DISCORD_BOT_TOKEN', secret: 'discord-bot-token', value: discordBotToken }
  { env: 'TELEGRAM_BOT_TOKEN', secret: 'telegram-bot-token', value: telegramBotToken }
], s => !empty(s.value))
var gatewayTokenSecret = { env: 'MOLTBOT_GATEWAY_TOKEN', secret: 'gateway-token', value: gatewayToken }
var presentSecrets = concat(optionalSecrets, [gatewayTokenSecret])

var useKeyVault = !empty(keyVaultName)

// Key Vault mode: the same names, as vault secrets. Every deployment writes the azd environment's values, so keep
// them in step with `az keyvault secret set` (docs/deploy-azure.md). Default mode: no vault, nothing written.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: useKeyVault ? keyVaultName : 'unused'
}

// The loop counts only the values given, so it is known before the deployment starts (newGuid() is not).
resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for s in (useKeyVault ? optionalSecrets : []): {
    parent: vault
    name: s.secret
    properties: {
      value: s.value
      contentType: 'text/plain'
    }
  }
]

resource vaultGatewayToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (useKeyVault) {
  parent: vault
  name: 'gateway-token'
  properties: {
    value: gatewayToken
    contentType: 'text/plain'
  }
}

// Plain URIs without a version (the latest one is followed), not secrets.
var secretEnv = useKeyVault
  ? map(presentSecrets, s => { name: '${s.env}_KEYVAULT', value: uri(keyVaultEndpoint, 'secrets/${s.secret}') })
  : map(presentSecrets, s => { name: s.env, secretRef: s.secret })

// Plain settings (docs/configuration.md). Empty ones are left out; the app treats empty as unset anyway.
var plainSettings = [
  { name: 'MOLTBOT_STATE_DIR', value: '/data' }
  { name: 'MOLTBOT_GATEWAY_BIND', value: 'lan' }
  { name: 'MOLTBOT_GATEWAY_PORT', value: string(port) }
  { name: 'MOLTBOT_LOG_FORMAT', value: 'json' }
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'MOLTBOT_MODEL', value: moltbotModel }
  { name: 'MOLTBOT_PERSONA_NAME', value: moltbotPersonaName }
  { name: 'DISCORD_ALLOWED_USERS', value: discordAllowedUsers }
  { name: 'TELEGRAM_ALLOWED_USER_ID', value: telegramAllowedUserId }
  { name: 'AZURE_OPENAI_ENDPOINT', value: azureOpenAiEndpoint }
  { name: 'AZURE_OPENAI_DEPLOYMENT', value: azureOpenAiDeployment }
  // The app is reached only through the environment's Envoy ingress, which connects from private addresses
  // (100.100.x.x with workload profiles, the infrastructure subnet in a VNet) and sets X-Forwarded-For to the client.
  // Trusting them gives the gateway the real client address for auth throttling and the audit log (docs/security.md).
  { name: 'MOLTBOT_TRUSTED_PROXIES', value: acaIngressRanges }
]

var acaIngressRanges = '10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16'

var ipRanges = filter(map(split(allowedIpRanges, ','), r => trim(r)), r => !empty(r))

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  // A new revision starts only once the vault holds the secrets it reads (none in the default mode).
  dependsOn: [vaultSecrets, vaultGatewayToken]
  location: location
  tags: { 'azd-env-name': environmentName, 'azd-service-name': 'moltbot' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: containerAppsEnvironmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        // In an internal (VNet) environment "external" means "from the VNet": there is no public IP at all.
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
        ipSecurityRestrictions: [
          for (range, i) in ipRanges: {
            name: 'allowed-${i}'
            description: 'ALLOWED_IP_RANGES'
            action: 'Allow'
            ipAddressRange: range
          }
        ]
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
      secrets: useKeyVault ? [] : map(presentSecrets, s => { name: s.secret, value: s.value })
    }
    template: {
      containers: [
        {
          name: 'moltbot'
          image: imageName
          // The smallest Container Apps size. The AOT gateway idles at ~35 MB RSS and is ready in ~0.12 s.
          resources: {
            cpu: json('0.25')
            memory: '0.5Gi'
          }
          env: concat(filter(plainSettings, e => !empty(e.value)), secretEnv)
          probes: [
            {
              type: 'Startup'
              httpGet: { path: '/health', port: port }
              periodSeconds: 2
              failureThreshold: 10
            }
            {
              type: 'Liveness'
              httpGet: { path: '/health', port: port }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/ready', port: port }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
          volumeMounts: [
            {
              volumeName: 'data'
              mountPath: '/data'
            }
          ]
        }
      ]
      // One gateway owns the state folder and the channel connections: never zero, never two.
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
      volumes: [
        {
          name: 'data'
          storageType: 'AzureFile'
          storageName: environmentStorageName
          // Owned by the image's non-root user (1654), private like ~/.moltbot; nobrl because SQLite's byte-range
          // locks are not supported over SMB and one replica needs no cross-host locking.
          mountOptions: 'uid=1654,gid=1654,dir_mode=0700,file_mode=0600,nobrl'
        }
      ]
    }
  }
}

output SERVICE_MOLTBOT_NAME string = app.name
output MOLTBOT_URL string = 'https://${app.properties.configuration.ingress.fqdn}'
output MOLTBOT_CONTROL_UI_URL string = 'https://${app.properties.configuration.ingress.fqdn}/'
