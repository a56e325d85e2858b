// Lets MoltBot's identity call an existing Azure OpenAI account with Entra ID instead of a key.
// Deployed into the account's own resource group.

@description('Name of the Azure OpenAI (Cognitive Services) account.')
param accountName string

@description('Principal ID of MoltBot\'s user-assigned identity.')
param principalId string

// Cognitive Services OpenAI User: call deployments, nothing else.
var openAiUserRoleId = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: accountName
}

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, openAiUserRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
