// E-mail alerts on MoltBot's own log events (deployed only when ALERT_EMAIL_ADDRESS is set).
// The event names come from src/MoltBot/Hosting/EventNames.cs; a test fails if a query names anything else.
// The app logs one JSON object per line (MOLTBOT_LOG_FORMAT=json, set by the Dockerfile); Container Apps stores the
// line in Log_s. `has` finds the name as a whole term cheaply (term index); parse_json then keeps only lines whose
// `event` is that name, so a message that merely mentions it is not counted. See docs/observability.md.

@description('Tags for every resource.')
param tags object

@description('Suffix that makes resource names unique.')
@minLength(13)
@maxLength(13)
param resourceToken string

@description('Azure region of the workspace.')
param location string

@description('Resource ID of the Log Analytics workspace the environment writes to.')
param workspaceId string

@description('Container App whose logs are watched.')
param appName string

@description('Where alerts are sent.')
param emailAddress string

var rules = [
  {
    name: 'auth-failures'
    description: 'More than 10 failed gateway authentications in 5 minutes: someone is guessing the token.'
    eventName: 'AuthFailed'
    threshold: 10
    window: 'PT5M'
    frequency: 'PT5M'
    severity: 1
  }
  {
    name: 'restarts'
    description: 'More than 3 gateway starts in 15 minutes: the container is crash-looping. Each GatewayStarted line says how the run before it ended (PreviousExit: crash = killed or out of memory).'
    eventName: 'GatewayStarted'
    threshold: 3
    window: 'PT15M'
    frequency: 'PT5M'
    severity: 1
  }
  {
    name: 'message-volume'
    description: 'More than 100 messages in an hour: unusual use, or a loop between bots (and model costs).'
    eventName: 'MessageReceived'
    threshold: 100
    window: 'PT1H'
    frequency: 'PT15M'
    severity: 2
  }
  {
    name: 'channel-disconnected'
    description: 'A chat channel (Discord, Telegram) lost its connection.'
    eventName: 'ChannelDisconnected'
    threshold: 0
    window: 'PT5M'
    frequency: 'PT5M'
    severity: 2
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-moltbot-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'moltbot'
    enabled: true
    emailReceivers: [
      {
        name: 'owner'
        emailAddress: emailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: 'moltbot-${rule.name}-${resourceToken}'
    location: location
    tags: tags
    properties: {
      displayName: 'MoltBot: ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [workspaceId]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      // The console-log table exists only after the app first logs, which is after this deployment.
      skipQueryValidation: true
      criteria: {
        allOf: [
          {
            query: 'ContainerAppConsoleLogs_CL | where ContainerAppName_s == \'${appName}\' | where Log_s has \'${rule.eventName}\' | where tostring(parse_json(Log_s).event) == \'${rule.eventName}\''
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [actionGroup.id]
      }
    }
  }
]
