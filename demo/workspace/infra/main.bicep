// Try: place the cursor on a new line and run "Azure Key Vault: Insert Reference" on a secret.
param location string = resourceGroup().location

@secure()
param databasePassword string

resource web 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'contoso-web'
}

output location string = location
