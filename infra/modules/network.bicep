// The VNet for an internal-only deployment (INTERNAL_ONLY=true): one subnet delegated to Container Apps.
// Reach it by peering your own VNet with this one, or through a VPN gateway you add to it.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Suffix that makes resource names unique.')
@minLength(13)
@maxLength(13)
param resourceToken string

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'vnet-${resourceToken}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.42.0.0/16'] }
    subnets: [
      {
        // A workload-profiles environment needs at least a /27, delegated to Microsoft.App/environments.
        name: 'container-apps'
        properties: {
          addressPrefix: '10.42.0.0/23'
          delegations: [
            {
              name: 'container-apps'
              properties: { serviceName: 'Microsoft.App/environments' }
            }
          ]
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output subnetId string = vnet.properties.subnets[0].id
