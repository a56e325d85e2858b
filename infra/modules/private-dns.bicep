// Name resolution for an internal environment: *.<default domain> resolves to its private IP inside the VNet.

@description('Tags for every resource.')
param tags object

@description('The environment default domain, e.g. happyhill-1234.eastus2.azurecontainerapps.io.')
param zoneName string

@description('The environment private IP.')
param staticIp string

@description('The VNet to link the zone to.')
param vnetId string

resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: zoneName
  location: 'global'
  tags: tags
}

resource wildcard 'Microsoft.Network/privateDnsZones/A@2020-06-01' = {
  parent: zone
  name: '*'
  properties: {
    ttl: 300
    aRecords: [{ ipv4Address: staticIp }]
  }
}

resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: zone
  name: 'container-apps'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnetId }
  }
}
